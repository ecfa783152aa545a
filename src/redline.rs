//! The redline between two riders: which articles were added, removed, moved or changed,
//! the words that changed inside them, and the answers and overrides behind each change. Pure: it
//! compares two rendered documents and the values they were drafted from.

pub mod docx;
pub mod render;
mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::document::{Article, Document, plain_text};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::overrides::{ClauseOverride, CustomClause, Overrides};
use crate::value::Value;

/// One side of the comparison: the document and every value (answers, defaults, computed)
/// it was drafted from.
pub struct Side<'a> {
    pub doc: &'a Document,
    pub values: &'a BTreeMap<String, Value>,
    /// Counsel's overrides it was drafted with (`None`: none).
    pub overrides: Option<&'a Overrides>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unchanged,
    Added,
    Removed,
    Changed,
    Moved,
    MovedChanged,
}

impl Status {
    pub fn is_change(self) -> bool {
        self != Status::Unchanged
    }
}

/// A run of text that both versions share, or that only the new or the old one has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Span {
    Equal(String),
    Insert(String),
    Delete(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Equal(t) | Span::Insert(t) | Span::Delete(t) => t,
        }
    }
}

/// An answer (or computed value) that differs between the two versions, in words.
#[derive(Debug, Clone, Serialize)]
pub struct ValueChange {
    pub id: String,
    /// The question's prompt; for a computed value, its name.
    pub label: Bilingual<String>,
    pub old: Bilingual<String>,
    pub new: Bilingual<String>,
    /// For a change of counsel's overrides: the articles it concerns (the clause, the
    /// position chosen for it, the article added).
    #[serde(skip)]
    pub concerns: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleDiff {
    pub id: String,
    pub status: Status,
    pub old_number: Option<usize>,
    pub new_number: Option<usize>,
    /// The new label (第N条) where the article is in the new rider, else the old one.
    pub label: Bilingual<String>,
    pub title: Bilingual<Vec<Span>>,
    /// The article's text as lines (項 and 号 one a line), diffed word by word.
    pub text: Bilingual<Vec<Span>>,
    /// Ids of the changed values that the clause's condition or text reads.
    pub causes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Redline {
    /// Every changed answer and computed value.
    pub values: Vec<ValueChange>,
    /// Every article of both versions, in the new order; a removed article stands where it
    /// stood in the old one.
    pub articles: Vec<ArticleDiff>,
}

impl Redline {
    pub fn changed(&self) -> impl Iterator<Item = &ArticleDiff> {
        self.articles.iter().filter(|a| a.status.is_change())
    }
}

/// Word-level differences between two texts. Japanese has no spaces, so the unit is a run
/// of one script (kanji, kana, Latin and digits) or a single punctuation mark.
pub fn diff_words(old: &str, new: &str) -> Vec<Span> {
    let (a, b) = (tokens::split(old), tokens::split(new));
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |span: Span| match (spans.last_mut(), span) {
        (Some(Span::Equal(s)), Span::Equal(t))
        | (Some(Span::Insert(s)), Span::Insert(t))
        | (Some(Span::Delete(s)), Span::Delete(t)) => s.push_str(&t),
        (_, span) => spans.push(span),
    };
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Span::Equal(a[old_index..old_index + len].concat()))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Span::Delete(a[old_index..old_index + old_len].concat())),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Span::Insert(b[new_index..new_index + new_len].concat())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Span::Delete(a[old_index..old_index + old_len].concat()));
                push(Span::Insert(b[new_index..new_index + new_len].concat()));
            }
        }
    }
    spans
}

fn article_text(a: &Article, lang: Lang) -> String {
    plain_text(a.paragraphs.get(lang), lang)
}

fn whole(a: &Article, wrap: fn(String) -> Span) -> (Bilingual<Vec<Span>>, Bilingual<Vec<Span>>) {
    (
        a.title.map(|_, t| vec![wrap(t.clone())]),
        Bilingual::new(
            vec![wrap(article_text(a, Lang::Ja))],
            vec![wrap(article_text(a, Lang::En))],
        ),
    )
}

fn value_words(library: &Library, id: &str, v: Option<&Value>, lang: Lang) -> String {
    match (v, library.question(id)) {
        (None, _) => value_words_none(lang),
        (Some(v), Some(q)) => q.describe(v, lang),
        (Some(v), None) => crate::engine::computed_words(id, v, lang)
            .map_or_else(|| v.display(), |(_, words)| words),
    }
}

/// The values that differ, in the library's question order, computed values last.
fn changed_values(library: &Library, old: &Side, new: &Side) -> Vec<ValueChange> {
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
fn changed_overrides(old: &Overrides, new: &Overrides) -> Vec<ValueChange> {
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

/// The changed values a clause reads: in its condition, or by name in its text's template
/// tags; and the changes of counsel's overrides that concern it.
fn causes(library: &Library, id: &str, changed: &[ValueChange]) -> Vec<String> {
    let clause = library.clause(id);
    let vars = clause.map(|c| c.when.vars()).unwrap_or_default();
    changed
        .iter()
        .filter(|c| {
            c.concerns.iter().any(|x| x == id)
                || clause.is_some_and(|clause| {
                    vars.contains(&c.id.as_str())
                        || Lang::ALL.iter().any(|&l| {
                            crate::render::position_of(clause.body.get(l), &c.id).is_some()
                        })
                })
        })
        .map(|c| c.id.clone())
        .collect()
}

/// Compares the rider drafted from `old` with the one drafted from `new`.
pub fn compare(library: &Library, old: &Side, new: &Side) -> Redline {
    let mut values = changed_values(library, old, new);
    let none = Overrides::default();
    values.extend(changed_overrides(
        old.overrides.unwrap_or(&none),
        new.overrides.unwrap_or(&none),
    ));
    let old_ids: Vec<&str> = old.doc.articles.iter().map(|a| a.id.as_str()).collect();
    let new_ids: Vec<&str> = new.doc.articles.iter().map(|a| a.id.as_str()).collect();
    let old_set: HashSet<&str> = old_ids.iter().copied().collect();
    let new_set: HashSet<&str> = new_ids.iter().copied().collect();
    // Articles in both whose order relative to the others was kept: the longest common
    // subsequence of the two orders. The rest of the common ones moved.
    let common_old: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|i| new_set.contains(i))
        .collect();
    let common_new: Vec<&str> = new_ids
        .iter()
        .copied()
        .filter(|i| old_set.contains(i))
        .collect();
    let mut kept: HashSet<&str> = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, &common_old, &common_new) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            kept.extend(common_old[old_index..old_index + len].iter().copied());
        }
    }
    let old_by_id: HashMap<&str, &Article> = old
        .doc
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();

    let mut articles = Vec::new();
    let mut next_old = 0;
    let flush_removed = |upto: usize, articles: &mut Vec<ArticleDiff>, next_old: &mut usize| {
        while *next_old < upto {
            let a = &old.doc.articles[*next_old];
            if !new_set.contains(a.id.as_str()) {
                let (title, text) = whole(a, Span::Delete);
                articles.push(ArticleDiff {
                    id: a.id.clone(),
                    status: Status::Removed,
                    old_number: Some(a.number),
                    new_number: None,
                    label: a.label.clone(),
                    title,
                    text,
                    causes: causes(library, &a.id, &values),
                });
            }
            *next_old += 1;
        }
    };
    for a in &new.doc.articles {
        let Some(before) = old_by_id.get(a.id.as_str()) else {
            let (title, text) = whole(a, Span::Insert);
            articles.push(ArticleDiff {
                id: a.id.clone(),
                status: Status::Added,
                old_number: None,
                new_number: Some(a.number),
                label: a.label.clone(),
                title,
                text,
                causes: causes(library, &a.id, &values),
            });
            continue;
        };
        if kept.contains(a.id.as_str()) {
            // Removed articles that stood before this one in the old rider go here.
            let pos = old_ids.iter().position(|i| *i == a.id).unwrap_or(0);
            flush_removed(pos, &mut articles, &mut next_old);
        }
        let title = Bilingual::new(
            diff_words(&before.title.ja, &a.title.ja),
            diff_words(&before.title.en, &a.title.en),
        );
        let text = Bilingual::new(
            diff_words(&article_text(before, Lang::Ja), &article_text(a, Lang::Ja)),
            diff_words(&article_text(before, Lang::En), &article_text(a, Lang::En)),
        );
        let edited = [&title.ja, &title.en, &text.ja, &text.en]
            .iter()
            .any(|spans| spans.iter().any(|s| !matches!(s, Span::Equal(_))));
        let status = match (kept.contains(a.id.as_str()), edited) {
            (true, false) => Status::Unchanged,
            (true, true) => Status::Changed,
            (false, false) => Status::Moved,
            (false, true) => Status::MovedChanged,
        };
        articles.push(ArticleDiff {
            id: a.id.clone(),
            status,
            old_number: Some(before.number),
            new_number: Some(a.number),
            label: a.label.clone(),
            title,
            text,
            causes: if status.is_change() {
                causes(library, &a.id, &values)
            } else {
                Vec::new()
            },
        });
    }
    flush_removed(old.doc.articles.len(), &mut articles, &mut next_old);
    Redline { values, articles }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> (String, String) {
        let mut old = String::new();
        let mut new = String::new();
        for s in spans {
            match s {
                Span::Equal(t) => {
                    old.push_str(t);
                    new.push_str(t);
                }
                Span::Delete(t) => old.push_str(t),
                Span::Insert(t) => new.push_str(t),
            }
        }
        (old, new)
    }

    #[test]
    fn word_diff_rebuilds_both_texts_and_marks_only_the_change() {
        let old = "乙は、甲の書面による承諾を得た場合に限り、再委託することができる。";
        let new = "乙は、甲の事前の書面による承諾を得た場合に限り、再委託することができる。";
        let spans = diff_words(old, new);
        assert_eq!(text(&spans), (old.to_string(), new.to_string()));
        let inserted: Vec<&Span> = spans
            .iter()
            .filter(|s| !matches!(s, Span::Equal(_)))
            .collect();
        assert_eq!(inserted, [&Span::Insert("事前の".into())]);
    }

    #[test]
    fn amounts_change_as_one_word() {
        let spans = diff_words("上限は104,800,500円とする。", "上限は209,601,000円とする。");
        assert!(
            spans.contains(&Span::Delete("104,800,500".into())),
            "{spans:?}"
        );
        assert!(
            spans.contains(&Span::Insert("209,601,000".into())),
            "{spans:?}"
        );
    }

    #[test]
    fn english_words_keep_their_spaces() {
        let spans = diff_words(
            "the Vendor shall notify",
            "the Vendor shall promptly notify",
        );
        assert_eq!(
            spans,
            [
                Span::Equal("the Vendor shall ".into()),
                Span::Insert("promptly ".into()),
                Span::Equal("notify".into())
            ]
        );
    }
}
