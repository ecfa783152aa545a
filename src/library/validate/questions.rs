//! The questions checked one by one (kinds, choices, range, default), against what the
//! computed values read, and ordered so that each comes after those its `when` reads.

use std::collections::HashMap;

use crate::error::Diagnostic;
use crate::library::model::{COMPUTE_INPUTS, Kind, Origin, Question};

pub(super) fn check_question(
    q: &Question,
    origin: &Origin,
    sections: &[&str],
    diags: &mut Vec<Diagnostic>,
) {
    let id = q.id.as_str();
    if !sections.contains(&q.section.as_str()) {
        diags.push(origin.diag(
            id,
            Some("section"),
            format!(
                "unknown section \"{}\" ({})",
                q.section,
                sections.join(", ")
            ),
        ));
    }
    if q.kind.has_choices() && q.choices.is_empty() {
        diags.push(origin.diag(id, Some("choices"), "a choice question needs choices"));
    }
    if !q.kind.has_choices() && !q.choices.is_empty() {
        diags.push(origin.diag(
            id,
            Some("choices"),
            format!("a {} question has no choices", q.kind.name()),
        ));
    }
    // A set, not a scan of the earlier choices: 100,000 choices are checked in linear time.
    let mut seen = std::collections::HashSet::new();
    for c in &q.choice_values {
        if !seen.insert(c) {
            diags.push(origin.diag(
                id,
                Some("choices"),
                format!("choice \"{c}\" is listed twice"),
            ));
        }
    }
    if let (Some(min), Some(max)) = (q.min, q.max)
        && min > max
    {
        diags.push(origin.diag(id, Some("min"), format!("min {min} is above max {max}")));
    }
    if let Some(d) = &q.default
        && let Err(m) = q.check(d)
    {
        diags.push(origin.diag(id, Some("default"), format!("default {}", m.en)));
    }
}

/// The computed values read answers by id (`COMPUTE_INPUTS`): each must be a question of
/// the right kind offering the choices they name, or a cap would change without a word.
pub(super) fn check_compute_inputs(
    questions: &[(Question, Origin)],
    file: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for input in COMPUTE_INPUTS {
        let Some((q, origin)) = questions.iter().find(|(q, _)| q.id == input.id) else {
            diags.push(
                Diagnostic::new(
                    file,
                    "the questionnaire lacks a question the computed values read (keep it; `when = \"false\"` hides it)",
                )
                .id(input.id),
            );
            continue;
        };
        let yen_as_int = q.kind == Kind::Int && input.kind == Kind::Yen;
        if q.kind != input.kind && !yen_as_int {
            diags.push(origin.diag(
                &q.id,
                Some("kind"),
                format!(
                    "the computed values read this question as kind {}",
                    input.kind.name()
                ),
            ));
            continue;
        }
        let mut named: Vec<&str> = input.choices.iter().copied().flatten().copied().collect();
        named.sort_unstable();
        named.dedup();
        for c in named {
            if !q.choice_values.iter().any(|v| v == c) {
                diags.push(origin.diag(
                    &q.id,
                    Some("choices"),
                    format!("the computed values read the choice \"{c}\", which the question does not offer"),
                ));
            }
        }
    }
}

/// Orders questions so that each comes after the ones its `when` reads; reports cycles.
pub(super) fn eval_order(
    questions: &[(Question, Origin)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let index: HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, (q, _))| (q.id.as_str(), i))
        .collect();
    let deps: Vec<Vec<usize>> = questions
        .iter()
        .map(|(q, _)| {
            q.when.as_ref().map_or_else(Vec::new, |(e, _)| {
                e.vars()
                    .iter()
                    .filter_map(|v| index.get(v).copied())
                    .collect()
            })
        })
        .collect();
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; questions.len()];
    let mut order = Vec::with_capacity(questions.len());
    for root in 0..questions.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&dep) = deps[node].get(*next) {
                *next += 1;
                match state[dep] {
                    0 => {
                        state[dep] = 1;
                        stack.push((dep, 0));
                    }
                    1 => {
                        let start = stack.iter().position(|&(n, _)| n == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = stack[start..]
                            .iter()
                            .map(|&(n, _)| questions[n].0.id.as_str())
                            .collect();
                        cycle.push(&questions[dep].0.id);
                        let (q, origin) = &questions[node];
                        diags.push(origin.diag(
                            &q.id,
                            Some("when"),
                            format!("skip-logic cycle: {}", cycle.join(" → ")),
                        ));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                order.push(node);
                stack.pop();
            }
        }
    }
    order
}
