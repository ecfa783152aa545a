//! What changed between the versions besides the text: the answers and computed values,
//! in words, and counsel's overrides (internal notes aside, which are not in the rider).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Side, ValueChange};
use crate::labels::{self, Redline, fill};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::overrides::{ClauseOverride, CustomClause, Overrides};
use crate::value::Value;

fn value_words(library: &Library, id: &str, v: Option<&Value>, lang: Lang) -> String {
    match (v, library.question(id)) {
        (None, _) => labels::get(lang).redline.none.clone(),
        (Some(v), Some(q)) => q.describe(v, lang),
        (Some(v), None) => crate::engine::computed_words(id, v, lang)
            .map_or_else(|| v.display(), |(_, words)| words),
    }
}

/// The values that differ, in the library's question order, computed values last.
pub(super) fn changed_values(library: &Library, old: &Side, new: &Side) -> Vec<ValueChange> {
    let keys: Vec<&String> = {
        let mut seen = HashSet::new();
        let order: HashMap<&str, usize> = library
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut keys: Vec<&String> = old
            .values
            .keys()
            .chain(new.values.keys())
            .filter(|k| seen.insert(*k))
            .collect();
        keys.sort_by_key(|k| (order.get(k.as_str()).copied().unwrap_or(usize::MAX), *k));
        keys
    };
    keys.into_iter()
        .filter(|k| old.values.get(*k) != new.values.get(*k))
        .map(|k| {
            // A computed value by its name in words (the cap, the estimate …).
            let named = |lang| {
                let v = old.values.get(k).or(new.values.get(k));
                v.and_then(|v| crate::engine::computed_words(k, v, lang))
                    .map_or_else(|| k.clone(), |(name, _)| name)
            };
            let label = library
                .question(k)
                .map_or_else(|| Bilingual::from_fn(named), |q| q.prompt.clone());
            let words = |v: Option<&Value>| Bilingual::from_fn(|l| value_words(library, k, v, l));
            ValueChange {
                id: k.clone(),
                label,
                old: words(old.values.get(k)),
                new: words(new.values.get(k)),
                concerns: Vec::new(),
            }
        })
        .collect()
}

/// A clause's override in words: what counsel did to it.
fn override_words(o: Option<&ClauseOverride>, lang: Lang) -> String {
    let w = &labels::get(lang).redline;
    let Some(o) = o else {
        return w.none.clone();
    };
    let mut parts = Vec::new();
    if let Some(why) = &o.exclude {
        parts.push(fill(&w.excluded, &[("reason", why)]));
    }
    if let Some(v) = &o.variant {
        parts.push(fill(&w.variant, &[("id", v)]));
    }
    if o.text.ja.is_some() {
        parts.push(w.reworded_ja.clone());
    }
    if o.text.en.is_some() {
        parts.push(w.reworded_en.clone());
    }
    if parts.is_empty() {
        return w.none.clone();
    }
    parts.join(&w.parts_sep)
}

/// A text of the catalogue's redline section in both languages, its placeholders filled.
fn both(
    text: impl Fn(&'static Redline) -> &'static String,
    values: &[(&str, &str)],
) -> Bilingual<String> {
    Bilingual::from_fn(|l| fill(text(&labels::get(l).redline), values))
}

/// Counsel's overrides that differ between the versions, as changes named
/// `clauses."<id>"` and `custom_clause."<id>"` (internal notes are not in the rider, and
/// not here).
pub(super) fn changed_overrides(old: &Overrides, new: &Overrides) -> Vec<ValueChange> {
    let sendable = |o: &ClauseOverride| ClauseOverride {
        note: None,
        ..o.clone()
    };
    let ids: BTreeSet<&String> = old.clauses.keys().chain(new.clauses.keys()).collect();
    let mut out = Vec::new();
    for id in ids {
        let (a, b) = (
            old.clauses.get(id).map(sendable),
            new.clauses.get(id).map(sendable),
        );
        if a == b {
            continue;
        }
        let words = |o: Option<&ClauseOverride>| Bilingual::from_fn(|l| override_words(o, l));
        let mut concerns = vec![id.clone()];
        concerns.extend(
            [&a, &b]
                .into_iter()
                .flatten()
                .filter_map(|o| o.variant.clone()),
        );
        out.push(ValueChange {
            id: format!("clauses.\"{id}\""),
            label: both(|w| &w.override_label, &[("id", id)]),
            old: words(a.as_ref()),
            new: words(b.as_ref()),
            concerns,
        });
    }
    let custom = |o: &Overrides, id: &str| {
        o.custom.iter().find(|c| c.id == id).map(|c| CustomClause {
            note: None,
            ..c.clone()
        })
    };
    let ids: BTreeSet<&String> = old
        .custom
        .iter()
        .chain(&new.custom)
        .map(|c| &c.id)
        .collect();
    for id in ids {
        let (a, b) = (custom(old, id), custom(new, id));
        if a == b {
            continue;
        }
        let words = |c: &Option<CustomClause>| match c {
            Some(c) => {
                let title = c.title.ja.as_deref().unwrap_or_default();
                both(|w| &w.custom_added, &[("title", title)])
            }
            None => both(|w| &w.none, &[]),
        };
        out.push(ValueChange {
            id: format!("custom_clause.\"{id}\""),
            label: both(|w| &w.custom_label, &[("id", id)]),
            old: words(&a),
            new: words(&b),
            concerns: vec![id.clone()],
        });
    }
    out
}
