//! Why a clause is in or out, as structure: the condition's outcome and the answers and
//! computed values that decided it. Put into words only at the edge (`Reason::words`), with
//! the questions' prompts and choice labels, never condition code or internal ids.

use std::collections::BTreeMap;

use crate::condition::Expr;
use crate::labels::{self, fill};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The clause has no condition.
    Always,
    /// The clause serves other stances than the one drafted for.
    Stance { stance: String, serves: Vec<String> },
    /// Counsel excluded the clause in the answers file's overrides, for this reason.
    Excluded { why: String },
    /// Counsel chose the clause in place of the library's clause `instead_of` (an index).
    Chosen { instead_of: usize },
    /// Counsel's choice of the clause `by` (an index) took this clause's place.
    Replaced { by: usize },
    /// The condition held (or not) because of these values, in the order it reads them.
    Condition {
        held: bool,
        decided: Vec<(String, Value)>,
    },
}

/// Deeper than this, the names a condition reads all count as deciding (a condition so
/// deep is not written by hand; this keeps the walk's recursion bounded).
const MAX_DEPTH: usize = 64;

/// The names whose values make `e` come out as it does: for `a and b` that fails, only
/// the side that fails; for `a or b` that holds, only the side that holds.
fn deciding<'e, 'v>(
    e: &'e Expr,
    get: &impl Fn(&str) -> Option<&'v Value>,
    depth: usize,
    out: &mut Vec<&'e str>,
) {
    if depth > MAX_DEPTH {
        out.extend(e.vars());
        return;
    }
    let holds = |x: &Expr| x.holds(get);
    match e {
        Expr::Not(a) => deciding(a, get, depth + 1, out),
        Expr::And(a, b) | Expr::Or(a, b) => {
            let is_and = matches!(e, Expr::And(..));
            // The side that settles the outcome alone, if one does.
            let settles = |x: &Expr| holds(x) != is_and;
            match [a, b].into_iter().find(|x| settles(x)) {
                Some(x) => deciding(x, get, depth + 1, out),
                None => {
                    deciding(a, get, depth + 1, out);
                    deciding(b, get, depth + 1, out);
                }
            }
        }
        _ => out.extend(e.vars()),
    }
}

impl Reason {
    /// The reason for a clause with condition `when`, given every value.
    pub fn of(when: &Expr, values: &BTreeMap<String, Value>) -> Reason {
        if matches!(when, Expr::Lit(Value::Bool(true), _)) {
            return Reason::Always;
        }
        let get = |n: &str| values.get(n);
        let mut names = Vec::new();
        deciding(when, &get, 0, &mut names);
        let mut decided: Vec<(String, Value)> = Vec::new();
        for n in names {
            if let Some(v) = values.get(n)
                && !decided.iter().any(|(d, _)| d == n)
            {
                decided.push((n.to_string(), v.clone()));
            }
        }
        Reason::Condition {
            held: when.holds(&get),
            decided,
        }
    }

    /// The reason in words, in both languages: 「個人データを取り扱う：はい、DMZ：あり」.
    pub fn words(&self, library: &Library) -> Bilingual<String> {
        Bilingual::from_fn(|l| self.words_in(library, l))
    }

    fn words_in(&self, library: &Library, lang: Lang) -> String {
        let w = &labels::get(lang).reasons;
        match self {
            Reason::Excluded { why } => {
                fill(&labels::get(lang).overrides.excluded, &[("reason", why)])
            }
            Reason::Chosen { instead_of } => fill(
                &labels::get(lang).overrides.chosen_instead,
                &[("title", &library.clauses[*instead_of].title[lang])],
            ),
            Reason::Replaced { by } => fill(
                &labels::get(lang).overrides.replaced_by,
                &[("title", &library.clauses[*by].title[lang])],
            ),
            Reason::Always => w.always.clone(),
            Reason::Stance { stance, serves } => {
                let q = library.question("stance");
                let label = |s: &str| {
                    q.map_or_else(
                        || s.to_string(),
                        |q| q.describe(&Value::Str(s.to_string()), lang),
                    )
                };
                let serves: Vec<String> = serves.iter().map(|s| label(s)).collect();
                fill(
                    &w.stance,
                    &[
                        ("stance", &label(stance)),
                        ("serves", &serves.join(&w.stance_sep)),
                    ],
                )
            }
            Reason::Condition { held, decided } if decided.is_empty() => {
                if *held { &w.always } else { &w.never }.clone()
            }
            Reason::Condition { decided, .. } => {
                let facts: Vec<String> = decided
                    .iter()
                    .map(|(name, v)| fact(library, name, v, lang))
                    .collect();
                facts.join(&w.facts_sep)
            }
        }
    }
}

/// A prompt as the name of its answer: 「契約金額（円）を入力してください。」 → 「契約金額（円）」.
fn short_prompt(prompt: &str, lang: Lang) -> &str {
    labels::get(lang)
        .reasons
        .prompt_endings
        .iter()
        .find_map(|e| prompt.strip_suffix(e.as_str()))
        .unwrap_or(prompt)
}

/// A computed value's name and value in words (the cap as an amount in yen, a flag as
/// yes or no); `None` for a name that is not computed.
pub fn computed_words(name: &str, value: &Value, lang: Lang) -> Option<(String, String)> {
    let w = &labels::get(lang).reasons;
    let named = w.computed.get(name)?;
    let described = match value {
        Value::Int(n) if name.ends_with("_jpy") => crate::format::yen(*n, lang),
        Value::Int(n) => crate::format::thousands(*n),
        Value::Bool(b) => if *b { &w.yes } else { &w.no }.clone(),
        other => other.display(),
    };
    Some((named.clone(), described))
}

fn fact(library: &Library, name: &str, value: &Value, lang: Lang) -> String {
    let (subject, described) = match library.question(name) {
        Some(q) => (
            short_prompt(&q.prompt[lang], lang).to_string(),
            q.describe(value, lang),
        ),
        None => {
            computed_words(name, value, lang).unwrap_or_else(|| (name.to_string(), value.display()))
        }
    };
    let w = &labels::get(lang).reasons;
    // A question keeps its question mark, and needs no colon after it.
    let message = if subject.ends_with('?') {
        &w.fact_question
    } else {
        &w.fact
    };
    fill(message, &[("subject", &subject), ("value", &described)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn names(r: &Reason) -> Vec<&str> {
        match r {
            Reason::Condition { decided, .. } => decided.iter().map(|(n, _)| n.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn only_the_values_that_decided_are_kept() {
        let v = values(&[
            ("dmz", Value::Bool(false)),
            ("personal_data", Value::Bool(true)),
            ("maintenance", Value::Bool(true)),
        ]);
        let and = Expr::parse("personal_data and dmz").unwrap();
        assert_eq!(names(&Reason::of(&and, &v)), ["dmz"]);
        let or = Expr::parse("dmz or maintenance or personal_data").unwrap();
        assert_eq!(names(&Reason::of(&or, &v)), ["maintenance"]);
        let held = Expr::parse("personal_data and not dmz").unwrap();
        assert_eq!(names(&Reason::of(&held, &v)), ["personal_data", "dmz"]);
        assert_eq!(
            Reason::of(&Expr::parse("true").unwrap(), &v),
            Reason::Always
        );
    }
}
