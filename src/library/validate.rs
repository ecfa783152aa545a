//! Cross-checks over the whole library: ids, references, conditions, skip-logic cycles and
//! the lint that every liability variant keeps the carve-out for intent and gross negligence.

use std::collections::{HashMap, HashSet};

use super::annex::Referrer;
use super::family::CONTRACT_FAMILIES;
use super::model::{COMPUTED, CONTRACT_QUESTIONS, Clause, Kind, Library, Origin, Parsed, Question};
use crate::condition::{Expr, VarInfo};
use crate::error::Diagnostic;

mod questions;
use questions::{check_compute_inputs, check_question, eval_order};

/// The carve-out every capped liability clause must state, in each language.
pub(crate) const CARVE_OUT_JA: &str = "故意又は重大な過失";
pub(crate) const CARVE_OUT_EN: &str = "gross negligence";

pub(super) fn check_condition<'a>(
    expr: &Expr,
    src: &str,
    origin: &Origin,
    id: &str,
    lookup: &impl Fn(&str) -> Option<VarInfo<'a>>,
    diags: &mut Vec<Diagnostic>,
) {
    for e in expr.check(lookup) {
        let col = src[..e.offset.min(src.len())].chars().count() + 1;
        diags.push(
            Diagnostic::new(&origin.file, format!("condition: {}", e.message))
                .at(origin.inside("when", 1, col))
                .id(id)
                .key("when"),
        );
    }
}

pub(super) fn duplicates<'a>(
    items: impl Iterator<Item = (&'a str, &'a Origin)>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for (id, origin) in items {
        if let Some(first) = seen.insert(id, origin) {
            let (line, _) = first.pos.unwrap_or((0, 0));
            diags.push(origin.diag(
                id,
                None,
                format!(
                    "duplicate {what} id (first defined in {} line {line})",
                    first.file
                ),
            ));
        }
    }
}

pub(crate) fn validate(parsed: Parsed, diags: &mut Vec<Diagnostic>) -> Library {
    let Parsed {
        questions,
        sources,
        clauses,
        warnings,
        mut families,
        mut sections,
        annexes,
        ladders,
        clause_file_family,
        clause_files,
    } = parsed;
    families.sort_by_key(|(f, _)| f.order);
    sections.sort_by_key(|(s, _)| s.order);
    duplicates(
        families.iter().map(|(f, o)| (f.id.as_str(), o)),
        "family",
        diags,
    );
    duplicates(
        sections.iter().map(|(s, o)| (s.id.as_str(), o)),
        "section",
        diags,
    );
    let family_ids: Vec<&str> = families.iter().map(|(f, _)| f.id.as_str()).collect();
    let section_ids: Vec<&str> = sections.iter().map(|(s, _)| s.id.as_str()).collect();
    let families_file = families
        .first()
        .map_or("families.toml".to_string(), |(_, o)| o.file.clone());
    for id in CONTRACT_FAMILIES
        .iter()
        .filter(|id| !family_ids.contains(id))
    {
        diags.push(
            Diagnostic::new(
                &families_file,
                "the interface contract requires this family",
            )
            .id(id),
        );
    }
    // A clause file named after no family is reported once and its clauses set aside;
    // without any family read (families.toml missing or broken) that error says enough.
    let mut stray: Vec<&str> = Vec::new();
    if !family_ids.is_empty() {
        for (file, stem) in &clause_files {
            if !family_ids.contains(&stem.as_str()) {
                diags.push(Diagnostic::new(
                    file,
                    format!(
                        "\"{stem}\" is not a clause family; a clause file is named after its family ({})",
                        family_ids.join(", ")
                    ),
                ));
                stray.push(stem);
            }
        }
    }
    let (clauses, clause_file_family): (Vec<Clause>, Vec<String>) = clauses
        .into_iter()
        .zip(clause_file_family)
        .filter(|(_, f)| !stray.contains(&f.as_str()))
        .unzip();

    duplicates(
        questions.iter().map(|(q, o)| (q.id.as_str(), o)),
        "question",
        diags,
    );
    duplicates(
        sources.iter().map(|(s, o)| (s.id.as_str(), o)),
        "source",
        diags,
    );
    duplicates(
        clauses.iter().map(|c| (c.id.as_str(), &c.origin)),
        "clause",
        diags,
    );
    duplicates(
        warnings.iter().map(|w| (w.code.as_str(), &w.origin)),
        "warning",
        diags,
    );

    for (q, origin) in &questions {
        check_question(q, origin, &section_ids, diags);
    }
    let by_id: HashMap<&str, &Question> =
        questions.iter().map(|(q, _)| (q.id.as_str(), q)).collect();
    let questions_file = questions
        .first()
        .map_or("questions.toml".to_string(), |(_, o)| o.file.clone());
    for (id, kind) in CONTRACT_QUESTIONS {
        match by_id.get(id) {
            None => diags.push(
                Diagnostic::new(
                    &questions_file,
                    "the questionnaire lacks a question of the interface contract",
                )
                .id(id),
            ),
            Some(q) if q.kind != *kind && !(q.kind == Kind::Int && *kind == Kind::Yen) => diags
                .push(
                    Diagnostic::new(&questions_file, format!("must be of kind {}", kind.name()))
                        .id(id)
                        .key("kind"),
                ),
            Some(_) => {}
        }
    }
    check_compute_inputs(&questions, &questions_file, diags);
    let stances: Vec<String> = by_id
        .get("stance")
        .map_or_else(Vec::new, |q| q.choice_values.clone());
    for required in ["customer", "balanced"] {
        if by_id.contains_key("stance") && !stances.iter().any(|s| s == required) {
            diags.push(
                Diagnostic::new(
                    &questions_file,
                    format!("stance must offer the choice \"{required}\""),
                )
                .id("stance")
                .key("choices"),
            );
        }
    }

    let question_info = |name: &str| {
        by_id.get(name).map(|q| VarInfo {
            ty: q.kind.ty(),
            choices: q.kind.has_choices().then_some(q.choice_values.as_slice()),
        })
    };
    let any_info = |name: &str| {
        question_info(name).or_else(|| {
            COMPUTED
                .iter()
                .find(|(n, _, _)| *n == name)
                .map(|&(_, ty, _)| VarInfo { ty, choices: None })
        })
    };
    for (q, origin) in &questions {
        if let Some((expr, src)) = &q.when {
            let own = |name: &str| {
                if name == q.id {
                    None
                } else {
                    question_info(name)
                }
            };
            check_condition(expr, src, origin, &q.id, &own, diags);
        }
    }
    let eval_order = eval_order(&questions, diags);

    let source_ids: HashSet<&str> = sources.iter().map(|(s, _)| s.id.as_str()).collect();
    let check_sources = |ids: &[String], origin: &Origin, id: &str, diags: &mut Vec<Diagnostic>| {
        for s in ids.iter().filter(|s| !source_ids.contains(s.as_str())) {
            diags.push(origin.diag(id, Some("sources"), format!("unknown source \"{s}\"")));
        }
    };
    for (c, file_family) in clauses.iter().zip(&clause_file_family) {
        let o = &c.origin;
        if !family_ids.contains(&c.family.as_str()) {
            diags.push(o.diag(
                &c.id,
                Some("family"),
                format!(
                    "unknown family \"{}\" ({})",
                    c.family,
                    family_ids.join(", ")
                ),
            ));
        } else if &c.family != file_family {
            diags.push(o.diag(
                &c.id,
                Some("family"),
                format!(
                    "a clause of family \"{}\" belongs in {}.toml",
                    c.family, c.family
                ),
            ));
        }
        check_condition(&c.when, &c.when_src, o, &c.id, &any_info, diags);
        for s in c.stance.iter().flatten().filter(|s| !stances.contains(s)) {
            diags.push(o.diag(
                &c.id,
                Some("stance"),
                format!("unknown stance \"{s}\" ({})", stances.join(", ")),
            ));
        }
        if c.sources.is_empty() {
            diags.push(o.diag(&c.id, Some("sources"), "a clause cites at least one source"));
        }
        check_sources(&c.sources, o, &c.id, diags);
    }
    for w in &warnings {
        check_condition(&w.when, &w.when_src, &w.origin, &w.code, &any_info, diags);
        check_sources(&w.sources, &w.origin, &w.code, diags);
    }
    let bodies: Vec<Referrer> = clauses
        .iter()
        .map(|c| Referrer {
            id: &c.id,
            body: &c.body,
            origin: &c.origin,
        })
        .chain(annexes.iter().map(|a| Referrer {
            id: &a.id,
            body: &a.body,
            origin: &a.origin,
        }))
        .collect();
    super::annex::check(
        &annexes,
        &bodies,
        &any_info,
        &stances,
        &check_sources,
        diags,
    );
    lint_carve_out(&clauses, &stances, diags);
    super::position::check(&ladders, &clauses, diags);

    let question_index = questions
        .iter()
        .enumerate()
        .map(|(i, (q, _))| (q.id.clone(), i))
        .collect();
    let source_index = sources
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.id.clone(), i))
        .collect();
    Library {
        questions: questions.into_iter().map(|(q, _)| q).collect(),
        sources: sources.into_iter().map(|(s, _)| s).collect(),
        clauses,
        warnings,
        families: families.into_iter().map(|(f, _)| f).collect(),
        sections: sections.into_iter().map(|(s, _)| s).collect(),
        annexes,
        ladders,
        eval_order,
        question_index,
        source_index,
    }
}

/// Courts set a cap aside for intent or gross negligence whatever the contract says (the
/// MENET case, Tokyo DC 2014): a liability clause that caps without saying so misleads.
fn lint_carve_out(clauses: &[Clause], stances: &[String], diags: &mut Vec<Diagnostic>) {
    let liability = || clauses.iter().filter(|c| c.family == "liability");
    for c in liability() {
        let en = c.body.en.to_lowercase();
        let caps = c.body.ja.contains("上限") || en.contains(" cap");
        // A period for claims is a limitation too: MENET's leak surfaced 2.5 years on.
        let limits_time = (c.body.ja.contains("以内に") && c.body.ja.contains("請求"))
            || (en.contains("within") && en.contains("claim"));
        let carve = c.body.ja.contains(CARVE_OUT_JA) && en.contains(CARVE_OUT_EN);
        if (caps || limits_time) && !carve {
            diags.push(c.origin.diag(
                &c.id,
                Some("body"),
                format!(
                    "a liability clause that caps damages or limits the period for claims must keep the carve-out \"{CARVE_OUT_JA}\" / \"{CARVE_OUT_EN}\" in both languages"
                ),
            ));
        }
    }
    if liability().next().is_none() {
        return;
    }
    for stance in stances {
        let kept = liability().any(|c| {
            c.stance.as_ref().is_none_or(|s| s.contains(stance))
                && c.when.is_always()
                && c.body.ja.contains(CARVE_OUT_JA)
        });
        if !kept {
            let file = liability()
                .next()
                .map_or(String::new(), |c| c.origin.file.clone());
            diags.push(Diagnostic::new(
                &file,
                format!(
                    "no liability clause states the carve-out \"{CARVE_OUT_JA}\" unconditionally for stance \"{stance}\""
                ),
            ));
        }
    }
}
