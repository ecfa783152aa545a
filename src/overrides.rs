//! Counsel's overrides in the answers file, applied after selection:
//! `[clauses."<id>"]` (exclude with a reason, literal text, another variant, an internal
//! note) and `[[custom_clause]]` (counsel's own article, placed after a library clause).
//! Text here is counsel's and is taken literally: never a template.

use std::collections::{BTreeMap, HashSet};

use toml::Spanned;

use crate::engine::{Assembly, Excluded, Included, Reason};
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;

mod finish;
mod read;
pub use finish::finish;
pub(crate) use read::read;

/// A message in both languages.
fn said(ja: impl Into<String>, en: impl Into<String>) -> Bilingual<String> {
    Bilingual::new(ja.into(), en.into())
}

/// Counsel's text in one or both languages. Japanese is the text of the contract; where
/// the English is missing, the English version shows the Japanese and says so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangText {
    pub ja: Option<String>,
    pub en: Option<String>,
}

impl LangText {
    pub fn is_empty(&self) -> bool {
        self.ja.is_none() && self.en.is_none()
    }

    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => self.ja.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseOverride {
    /// The clause leaves the set; the reason goes to the trace.
    pub exclude: Option<String>,
    pub text: LangText,
    /// Another clause of the same family takes this one's place.
    pub variant: Option<String>,
    /// Internal: the memo shows it, no sendable document does.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomClause {
    /// `custom.<name>`.
    pub id: String,
    /// The library clause it follows.
    pub after: String,
    pub title: LangText,
    pub text: LangText,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The answers file, for messages.
    pub file: String,
    pub clauses: BTreeMap<String, ClauseOverride>,
    pub custom: Vec<CustomClause>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.custom.is_empty()
    }
}

pub(crate) type Table = BTreeMap<Spanned<String>, Spanned<toml::Value>>;
/// `[clauses."<id>"]` tables as they come from the file, with positions.
pub(crate) type RawClauses = BTreeMap<Spanned<String>, Spanned<Table>>;

/// One article of the final clause set, before numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A library clause; `replaces` is the selected clause it stands for when counsel
    /// chose another variant.
    Library {
        clause: usize,
        replaces: Option<usize>,
    },
    Custom(usize),
}

/// The clause set after counsel's overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub entries: Vec<Entry>,
    /// Selected clauses counsel excluded, with counsel's reason.
    pub excluded: Vec<(usize, String)>,
    /// Overrides of clauses that are not in this set (they wait for answers that bring the
    /// clause in): the drafter is told, nothing is dropped from the file.
    pub idle: Vec<String>,
}

/// Applies the overrides to the selected clauses (library indexes in article order).
pub fn apply(library: &Library, overrides: &Overrides, selected: &[usize]) -> Plan {
    let index = |id: &str| library.clauses.iter().position(|c| c.id == id);
    let mut plan = Plan::default();
    let mut placed: HashSet<usize> = HashSet::new();
    for &i in selected {
        let id = &library.clauses[i].id;
        match overrides.clauses.get(id) {
            Some(o) if o.exclude.is_some() => plan
                .excluded
                .push((i, o.exclude.clone().unwrap_or_default())),
            Some(ClauseOverride {
                variant: Some(v), ..
            }) => {
                if let Some(j) = index(v).filter(|j| placed.insert(*j)) {
                    plan.entries.push(Entry::Library {
                        clause: j,
                        replaces: Some(i),
                    });
                }
            }
            _ => {
                if placed.insert(i) {
                    plan.entries.push(Entry::Library {
                        clause: i,
                        replaces: None,
                    });
                }
            }
        }
    }
    // A variant chosen for one clause that was also selected on its own stands once, where
    // counsel put it.
    let variants: HashSet<usize> = plan
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Library {
                clause,
                replaces: Some(_),
            } => Some(*clause),
            _ => None,
        })
        .collect();
    plan.entries.retain(
        |e| !matches!(e, Entry::Library { clause, replaces: None } if variants.contains(clause)),
    );
    // A variant counsel chose is in the set too: its wording and note are filed under
    // its own id.
    let in_set: HashSet<&str> = plan
        .entries
        .iter()
        .filter_map(|e| match *e {
            Entry::Library { clause, .. } => Some(library.clauses[clause].id.as_str()),
            Entry::Custom(_) => None,
        })
        .chain(selected.iter().map(|&i| library.clauses[i].id.as_str()))
        .collect();
    plan.idle = overrides
        .clauses
        .keys()
        .filter(|id| !in_set.contains(id.as_str()))
        .cloned()
        .collect();
    for (n, c) in overrides.custom.iter().enumerate() {
        let at = insertion_point(library, &plan.entries, &c.after);
        // After earlier custom clauses placed behind the same article.
        let mut at = at;
        while matches!(plan.entries.get(at), Some(Entry::Custom(_))) {
            at += 1;
        }
        plan.entries.insert(at, Entry::Custom(n));
    }
    plan
}

/// Where an article placed after `after` goes: right behind it, or behind the nearest
/// clause before it in library order that is in the set; first when there is none.
fn insertion_point(library: &Library, entries: &[Entry], after: &str) -> usize {
    let Some(target) = library.clause(after) else {
        return entries.len();
    };
    let key = |c: &crate::library::Clause| (c.order, c.id.clone());
    let target_key = key(target);
    let mut best: Option<(usize, (i64, String))> = None;
    for (pos, e) in entries.iter().enumerate() {
        let Entry::Library { clause, replaces } = *e else {
            continue;
        };
        let stands_for = &library.clauses[replaces.unwrap_or(clause)];
        let k = key(stands_for);
        if stands_for.id == after {
            return pos + 1;
        }
        if k <= target_key && best.as_ref().is_none_or(|(_, b)| &k > b) {
            best = Some((pos, k));
        }
    }
    best.map_or(0, |(pos, _)| pos + 1)
}

/// The carve-out for intent and gross negligence, in the words the library uses.
pub(crate) const CARVE_OUT: &[&str] = &["故意又は重大な過失", "故意又は重過失"];

fn states_carve_out(text: &str) -> bool {
    CARVE_OUT.iter().any(|w| text.contains(w))
}

/// Counsel's override texts of liability clauses that drop the carve-out the library's
/// wording has, and the check that some liability article still states it.
fn carve_out_problems(
    library: &Library,
    overrides: &Overrides,
    final_liability_texts: &[&str],
) -> Vec<Bilingual<String>> {
    let mut problems = Vec::new();
    for (id, o) in &overrides.clauses {
        let (Some(text), Some(c)) = (o.text.ja.as_deref(), library.clause(id)) else {
            continue;
        };
        if c.family == "liability" && states_carve_out(&c.body.ja) && !states_carve_out(text) {
            problems.push(said(
                format!(
                    "clauses.\"{id}\".text.ja: ライブラリの文言は故意又は重大な過失による損害を責任上限の対象外としていますが、法務担当者の文言にはこれがありません"
                ),
                format!(
                    "clauses.\"{id}\".text.ja: the library's wording keeps liability uncapped for 故意又は重大な過失 (intent or gross negligence); counsel's text drops it"
                ),
            ));
        }
    }
    if !overrides.is_empty() && !final_liability_texts.iter().any(|t| states_carve_out(t)) {
        problems.push(said(
            "上書きの結果、故意又は重大な過失の場合に責任上限を適用しない旨を定める責任の条項がなくなります。一つは残してください",
            "the overrides leave no liability article stating that the cap does not apply to 故意又は重大な過失 (intent or gross negligence); keep one",
        ));
    }
    problems
}

/// The selected set after counsel's overrides, ready to render: excluded clauses leave
/// `included` with counsel's reason, a chosen variant takes the place of the clause it
/// replaces, and custom clauses take their article numbers now, so that every `article`
/// reference renders with the final numbering. [`finish`] then puts counsel's texts in.
pub(crate) fn shape(
    library: &Library,
    overrides: &Overrides,
    assembly: &mut Assembly,
) -> Result<Plan, Diagnostics> {
    if overrides.is_empty() {
        return Ok(Plan::default());
    }
    let selected: Vec<usize> = assembly.included.iter().map(|i| i.clause).collect();
    let plan = apply(library, overrides, &selected);
    let reason_of = |clause: usize| {
        assembly
            .included
            .iter()
            .find(|i| i.clause == clause)
            .map(|i| i.reason.clone())
    };
    let mut included = Vec::with_capacity(plan.entries.len());
    let mut excluded = Vec::new();
    for (pos, e) in plan.entries.iter().enumerate() {
        let Entry::Library { clause, replaces } = *e else {
            continue;
        };
        let reason = match replaces {
            // Every clause kept as it is was selected, so it has its reason.
            None => reason_of(clause).unwrap_or(Reason::Always),
            Some(r) => {
                excluded.push(Excluded {
                    clause: r,
                    reason: Reason::Replaced { by: clause },
                });
                Reason::Chosen { instead_of: r }
            }
        };
        included.push(Included {
            clause,
            number: pos + 1,
            reason,
            stands_for: replaces,
        });
    }
    for (clause, why) in &plan.excluded {
        excluded.push(Excluded {
            clause: *clause,
            reason: Reason::Excluded { why: why.clone() },
        });
    }
    // The carve-out is checked on the final wording before anything renders: the
    // library's bodies state it literally (the library lint sees to that), counsel's
    // texts are literal.
    let liability: Vec<&str> = included
        .iter()
        .map(|i| &library.clauses[i.clause])
        .filter(|c| c.family == "liability")
        .map(|c| {
            overrides
                .clauses
                .get(&c.id)
                .and_then(|o| o.text.ja.as_deref())
                .unwrap_or(&c.body.ja)
        })
        .collect();
    let problems = carve_out_problems(library, overrides, &liability);
    if !problems.is_empty() {
        let file = overrides.file.as_str();
        return Err(Diagnostics(
            problems
                .into_iter()
                .map(|p| Diagnostic::said(file, p))
                .collect(),
        ));
    }
    let now_in: HashSet<usize> = included.iter().map(|i| i.clause).collect();
    assembly.excluded.retain(|e| !now_in.contains(&e.clause));
    assembly.excluded.extend(excluded);
    assembly.included = included;
    Ok(plan)
}
