//! The redline between two riders: which articles were added, removed, moved or changed,
//! the words that changed inside them, and the answers and overrides behind each change. Pure: it
//! compares two rendered documents and the values they were drafted from.

pub mod docx;
pub mod render;
mod tokens;
mod values;

use values::{changed_overrides, changed_values};

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::document::{Article, Document, plain_text};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;
use crate::overrides::Overrides;
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
    fn is_change(self) -> bool {
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

/// A stretch of two sequences as the diff sees them: kept (as the new one has it),
/// deleted from the old one, or inserted from the new one; a replacement is a deletion
/// then an insertion.
pub(crate) enum Piece<'s, T> {
    Kept(&'s [T]),
    Deleted(&'s [T]),
    Inserted(&'s [T]),
}

/// The pieces of `old` against `new`, in order (Myers' diff).
pub(crate) fn pieces<'s, T: std::hash::Hash + Eq + Ord>(
    old: &'s [T],
    new: &'s [T],
) -> Vec<Piece<'s, T>> {
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (o, n) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => out.push(Piece::Kept(&new[n])),
            DiffOp::Delete { .. } => out.push(Piece::Deleted(&old[o])),
            DiffOp::Insert { .. } => out.push(Piece::Inserted(&new[n])),
            DiffOp::Replace { .. } => {
                out.push(Piece::Deleted(&old[o]));
                out.push(Piece::Inserted(&new[n]));
            }
        }
    }
    out
}

/// Word-level differences between two texts. Japanese has no spaces, so the unit is a run
/// of one script (kanji, kana, Latin and digits) or a single punctuation mark.
fn diff_words(old: &str, new: &str) -> Vec<Span> {
    let (a, b) = (tokens::split(old), tokens::split(new));
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |span: Span| match (spans.last_mut(), span) {
        (Some(Span::Equal(s)), Span::Equal(t))
        | (Some(Span::Insert(s)), Span::Insert(t))
        | (Some(Span::Delete(s)), Span::Delete(t)) => s.push_str(&t),
        (_, span) => spans.push(span),
    };
    for piece in pieces(&a, &b) {
        match piece {
            Piece::Kept(t) => push(Span::Equal(t.concat())),
            Piece::Deleted(t) => push(Span::Delete(t.concat())),
            Piece::Inserted(t) => push(Span::Insert(t.concat())),
        }
    }
    spans
}

fn article_text(a: &Article, lang: Lang) -> String {
    plain_text(&a.paragraphs[lang], lang)
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
                        || Lang::ALL
                            .iter()
                            .any(|&l| crate::render::position_of(&clause.body[l], &c.id).is_some())
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
