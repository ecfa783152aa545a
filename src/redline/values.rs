//! What changed between the versions besides the text: the answers and computed values,
//! in words, and counsel's overrides (internal notes aside, which are not in the rider).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Side, ValueChange};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::overrides::{ClauseOverride, CustomClause, Overrides};
use crate::value::Value;

fn value_words(library: &Library, id: &str, v: Option<&Value>, lang: Lang) -> String {
    match (v, library.question(id)) {
        (None, _) => value_words_none(lang),
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
            let label = library.question(k).map_or_else(
                || Bilingual::new(named(Lang::Ja), named(Lang::En)),
                |q| q.prompt.clone(),
            );
            let words = |v: Option<&Value>| {
                Bilingual::new(
                    value_words(library, k, v, Lang::Ja),
                    value_words(library, k, v, Lang::En),
                )
            };
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
    let Some(o) = o else {
        return value_words_none(lang);
    };
    let mut parts = Vec::new();
    let ja = lang == Lang::Ja;
    if let Some(why) = &o.exclude {
        parts.push(if ja {
            format!("除外（{why}）")
        } else {
            format!("excluded ({why})")
        });
    }
    if let Some(v) = &o.variant {
        parts.push(if ja {
            format!("「{v}」を使用")
        } else {
            format!("uses \"{v}\"")
        });
    }
    for (l, t) in [(Lang::Ja, &o.text.ja), (Lang::En, &o.text.en)] {
        if t.is_some() {
            parts.push(match (ja, l) {
                (true, Lang::Ja) => "日本語の文言を変更".into(),
                (true, Lang::En) => "英語の文言を変更".into(),
                (false, Lang::Ja) => "Japanese reworded".into(),
                (false, Lang::En) => "English reworded".into(),
            });
        }
    }
    if parts.is_empty() {
        return value_words_none(lang);
    }
    parts.join(if ja { "、" } else { ", " })
}

fn value_words_none(lang: Lang) -> String {
    match lang {
        Lang::Ja => "（なし）".into(),
        Lang::En => "(none)".into(),
    }
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
        let words = |o: Option<&ClauseOverride>| {
            Bilingual::new(override_words(o, Lang::Ja), override_words(o, Lang::En))
        };
        let mut concerns = vec![id.clone()];
        concerns.extend(
            [&a, &b]
                .into_iter()
                .flatten()
                .filter_map(|o| o.variant.clone()),
        );
        out.push(ValueChange {
            id: format!("clauses.\"{id}\""),
            label: Bilingual::new(
                format!("法務担当者の指定（{id}）"),
                format!("Counsel's override ({id})"),
            ),
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
                let title = c.title.ja.clone().unwrap_or_default();
                Bilingual::new(format!("追加（{title}）"), format!("added ({title})"))
            }
            None => Bilingual::new(value_words_none(Lang::Ja), value_words_none(Lang::En)),
        };
        out.push(ValueChange {
            id: format!("custom_clause.\"{id}\""),
            label: Bilingual::new(
                format!("法務担当者が追加した条（{id}）"),
                format!("Article added by counsel ({id})"),
            ),
            old: words(&a),
            new: words(&b),
            concerns: vec![id.clone()],
        });
    }
    out
}
