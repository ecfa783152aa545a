//! Selection: which clauses apply, in what order, and why; which warnings fire.

use std::collections::BTreeMap;

use super::compute::compute;
use super::reason::Reason;
use crate::answers::Answers;
use crate::lang::Bilingual;
use crate::library::Library;
use crate::value::Value;

/// A selected clause and its article number (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Included {
    pub clause: usize,
    pub number: usize,
    /// Why it is in: the condition's outcome and the values that made it hold.
    pub reason: Reason,
    /// The selected clause this one stands for, when counsel chose another variant: a
    /// reference to that clause numbers this article.
    pub stands_for: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub clause: usize,
    pub reason: Reason,
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

/// Assembles the clause set. Cost: one condition evaluation per clause and per warning,
/// then a sort of the selected clauses: linear in the library but for the sort.
pub fn assemble(library: &Library, answers: &Answers) -> Assembly {
    let mut values = answers.resolve(library);
    let computed = compute(&values, &answers.meta.customer);
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
            excluded.push(Excluded {
                clause: i,
                reason: Reason::Stance {
                    stance: stance.clone(),
                    serves: stances.clone(),
                },
            });
            continue;
        }
        let reason = Reason::of(&c.when, &values);
        let held = c.when.holds(&get);
        if held {
            included.push(Included {
                clause: i,
                number: 0,
                reason,
                stands_for: None,
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
