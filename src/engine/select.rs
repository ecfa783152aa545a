//! Selection: which clauses apply, in what order, and why; which warnings fire.

use std::collections::BTreeMap;

use super::compute::compute;
use crate::answers::Answers;
use crate::condition::Expr;
use crate::lang::Bilingual;
use crate::library::Library;
use crate::value::Value;

/// A selected clause and its article number (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Included {
    pub clause: usize,
    pub number: usize,
    /// Why it is in: the condition and the values that made it hold.
    pub reason: Bilingual<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub clause: usize,
    pub reason: Bilingual<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The rule that raised it (its message is a template); `None` for the engine's own.
    pub rule: Option<usize>,
    pub code: String,
    pub message: Bilingual<String>,
    pub sources: Vec<String>,
}

/// The assembled clause set for one set of answers.
#[derive(Debug, Clone)]
pub struct Assembly {
    /// Every question's value (answers, defaults) followed by the computed values.
    pub values: BTreeMap<String, Value>,
    pub computed: Vec<(&'static str, Value)>,
    pub included: Vec<Included>,
    pub excluded: Vec<Excluded>,
    pub warnings: Vec<Warning>,
}

impl Assembly {
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    pub fn computed_value(&self, name: &str) -> Option<&Value> {
        self.computed
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }
}

/// `dmz = true, personal_data = true`: the values a condition read.
fn bindings(expr: &Expr, values: &BTreeMap<String, Value>) -> String {
    expr.vars()
        .iter()
        .map(|v| {
            format!(
                "{v} = {}",
                values.get(*v).map_or("?".into(), Value::display)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn condition_reason(
    held: bool,
    src: &str,
    expr: &Expr,
    values: &BTreeMap<String, Value>,
) -> Bilingual<String> {
    if src.trim() == "true" {
        return Bilingual::new("常に適用".to_string(), "always applies".to_string());
    }
    let b = bindings(expr, values);
    let (ja, en) = if held {
        ("を満たす", "holds")
    } else {
        ("を満たさない", "does not hold")
    };
    Bilingual::new(
        format!("条件 `{src}` {ja}（{b}）"),
        format!("condition `{src}` {en} ({b})"),
    )
}

/// Assembles the clause set. Cost: one condition evaluation per clause and per warning,
/// then a sort of the selected clauses: linear in the library but for the sort.
pub fn assemble(library: &Library, answers: &Answers) -> Assembly {
    let mut values = answers.resolve(library);
    let computed = compute(&values);
    for (name, v) in &computed {
        values.insert(name.to_string(), v.clone());
    }
    let stance = values
        .get("stance")
        .and_then(Value::as_str)
        .unwrap_or("customer")
        .to_string();
    let get = |n: &str| values.get(n);

    let mut included = Vec::new();
    let mut excluded = Vec::new();
    for (i, c) in library.clauses.iter().enumerate() {
        if let Some(stances) = c.stance.as_ref().filter(|s| !s.contains(&stance)) {
            let list = stances.join(", ");
            excluded.push(Excluded {
                clause: i,
                reason: Bilingual::new(
                    format!("立場 `{stance}` には適用しない（対象: {list}）"),
                    format!("not for stance `{stance}` (only {list})"),
                ),
            });
            continue;
        }
        let held = c.when.holds(&get);
        let reason = condition_reason(held, &c.when_src, &c.when, &values);
        if held {
            included.push(Included {
                clause: i,
                number: 0,
                reason,
            });
        } else {
            excluded.push(Excluded { clause: i, reason });
        }
    }
    included.sort_by(|a, b| {
        let (x, y) = (&library.clauses[a.clause], &library.clauses[b.clause]);
        (x.order, &x.id).cmp(&(y.order, &y.id))
    });
    for (n, inc) in included.iter_mut().enumerate() {
        inc.number = n + 1;
    }

    let mut warnings: Vec<Warning> = library
        .warnings
        .iter()
        .enumerate()
        .filter(|(_, w)| w.when.holds(&get))
        .map(|(i, w)| Warning {
            rule: Some(i),
            code: w.code.clone(),
            message: w.message.clone(),
            sources: w.sources.clone(),
        })
        .collect();
    let unused = answers.unused(library);
    if !unused.is_empty() {
        let list = unused.join(", ");
        warnings.push(Warning {
            rule: None,
            code: "unused_answer".into(),
            message: Bilingual::new(
                format!("次の回答は、前提となる質問の回答により使われていません: {list}"),
                format!("These answers are not used because an earlier answer skips their question: {list}"),
            ),
            sources: Vec::new(),
        });
    }
    Assembly {
        values,
        computed,
        included,
        excluded,
        warnings,
    }
}
