//! Why a clause is in or out, as structure: the condition's outcome and the answers and
//! computed values that decided it. Put into words only at the edge (`Reason::words`), with
//! the questions' prompts and choice labels, never condition code or internal ids.

use std::collections::BTreeMap;

use crate::condition::Expr;
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The clause has no condition.
    Always,
    /// The clause serves other stances than the one drafted for.
    Stance { stance: String, serves: Vec<String> },
    /// Counsel's decision in an answers file's overrides, already in words.
    Counsel(Bilingual<String>),
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
        Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| self.words_in(library, l))
    }

    fn words_in(&self, library: &Library, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Reason::Counsel(words) => words.get(lang).clone(),
            Reason::Always => if ja { "常に適用" } else { "always applies" }.to_string(),
            Reason::Stance { stance, serves } => {
                let q = library.question("stance");
                let label = |s: &str| {
                    q.map_or_else(
                        || s.to_string(),
                        |q| q.describe(&Value::Str(s.to_string()), lang),
                    )
                };
                let serves: Vec<String> = serves.iter().map(|s| label(s)).collect();
                if ja {
                    format!(
                        "起案の立場：{}（この条項は{}の立場のみ）",
                        label(stance),
                        serves.join("、")
                    )
                } else {
                    format!(
                        "Drafting stance: {} (this clause serves only: {})",
                        label(stance),
                        serves.join(", ")
                    )
                }
            }
            Reason::Condition { held, decided } if decided.is_empty() => match (held, ja) {
                (true, true) => "常に適用".into(),
                (true, false) => "always applies".into(),
                (false, true) => "適用しない".into(),
                (false, false) => "never applies".into(),
            },
            Reason::Condition { decided, .. } => {
                let facts: Vec<String> = decided
                    .iter()
                    .map(|(name, v)| fact(library, name, v, lang))
                    .collect();
                facts.join(if ja { "、" } else { "; " })
            }
        }
    }
}

/// Words for the computed values (questions have their prompts).
const COMPUTED_WORDS: &[(&str, &str, &str)] = &[
    ("liability_cap_jpy", "一般上限額", "General cap"),
    (
        "exposure_estimate_jpy",
        "漏えい時の想定損害額",
        "Estimated cost of a leak",
    ),
    ("super_cap_jpy", "特別上限額", "Super cap"),
    (
        "reportable_breach",
        "漏えい時に個人情報保護委員会への報告の対象となる",
        "A leak would be reportable to the PPC",
    ),
    (
        "public_sector",
        "発注者が公的機関である",
        "The customer is a public body",
    ),
    (
        "card_data",
        "クレジットカード情報を扱う",
        "Payment card data is involved",
    ),
    (
        "exposure_exceeds_caps",
        "想定損害額が上限額を超える",
        "The estimated cost exceeds every cap",
    ),
    (
        "customer_name_public",
        "委託者名が公的機関の名称と読める",
        "The customer's name reads as a public body",
    ),
];

/// A prompt as the name of its answer: 「契約金額（円）を入力してください。」 → 「契約金額（円）」.
fn short_prompt(prompt: &str, lang: Lang) -> &str {
    let endings: &[&str] = match lang {
        Lang::Ja => &[
            "をすべて選んでください。",
            "を選んでください。",
            "を入力してください。",
            "。",
        ],
        Lang::En => &["."],
    };
    endings
        .iter()
        .find_map(|e| prompt.strip_suffix(e))
        .unwrap_or(prompt)
}

/// A computed value's name and value in words (the cap as an amount in yen, a flag as
/// yes or no); `None` for a name that is not computed.
pub fn computed_words(name: &str, value: &Value, lang: Lang) -> Option<(String, String)> {
    let ja = lang == Lang::Ja;
    let &(_, j, e) = COMPUTED_WORDS.iter().find(|(n, _, _)| *n == name)?;
    let described = match value {
        Value::Int(n) if name.ends_with("_jpy") => crate::format::yen(*n, lang),
        Value::Int(n) => crate::format::thousands(*n),
        Value::Bool(b) => match (b, ja) {
            (true, true) => "はい".into(),
            (false, true) => "いいえ".into(),
            (true, false) => "yes".into(),
            (false, false) => "no".into(),
        },
        other => other.display(),
    };
    Some((if ja { j } else { e }.to_string(), described))
}

fn fact(library: &Library, name: &str, value: &Value, lang: Lang) -> String {
    let (subject, described) = match library.question(name) {
        Some(q) => (
            short_prompt(q.prompt.get(lang), lang).to_string(),
            q.describe(value, lang),
        ),
        None => {
            computed_words(name, value, lang).unwrap_or_else(|| (name.to_string(), value.display()))
        }
    };
    match lang {
        Lang::Ja => format!("{subject}：{described}"),
        Lang::En if subject.ends_with('?') => format!("{subject} {described}"),
        Lang::En => format!("{subject}: {described}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::model::COMPUTED;

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

    #[test]
    fn every_computed_value_has_words() {
        for (name, _, _) in COMPUTED {
            assert!(
                COMPUTED_WORDS.iter().any(|(n, _, _)| n == name),
                "{name} has no words"
            );
        }
    }
}
