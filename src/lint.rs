//! The drafting lint: defects a careful counsel would strike out of a rider, found in the
//! Japanese text. Pure: it reads a library (the clause bodies as written, before rendering)
//! or a rendered document (one assembled clause set), and returns findings, each naming the
//! clause and the words at fault.
//!
//! - a term defined with 「以下「X」という。」 or 「「X」とは」 and never used, or used before
//!   its definition, or (in a clause set) used where the clause defining it is absent;
//! - 「次の各号」 over a single item;
//! - a hand-typed article reference (第N条, 前条, Article N) in clause text, where the
//!   `article` filter must number it;
//! - an `article` reference to a clause that can be absent from the set while the citing
//!   text is present, with no `{% if "id" in articles %}` guard, or to no clause at all.

mod refs;
mod terms;

use std::collections::HashMap;
use std::fmt;

use crate::document::{Block, Document, Paragraph, parse_body};
use crate::error::Diagnostic;
use crate::lang::Lang;
use crate::library::Library;

/// The words that announce a list of 号.
const ITEMS: &str = "次の各号";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    UnusedTerm,
    UsedBeforeDefinition,
    UsedWithoutDefinition,
    SingleItem,
    HandTypedReference,
    UnguardedReference,
    UnknownReference,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::UnusedTerm => "term defined and never used",
            Kind::UsedBeforeDefinition => "term used before its definition",
            Kind::UsedWithoutDefinition => "term used but not defined in this clause set",
            Kind::SingleItem => "「次の各号」 over a single item",
            Kind::HandTypedReference => {
                "hand-typed article reference (write {{ \"clause.id\" | article }})"
            }
            Kind::UnguardedReference => "reference to a clause that can be absent",
            Kind::UnknownReference => "reference to an unknown clause",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The clause id where the words stand (`preamble` for the document's preamble).
    pub clause: String,
    pub kind: Kind,
    /// The words at fault, as written.
    pub words: String,
    /// What else the drafter needs: where the term is defined, the guard to add.
    pub detail: String,
    pub lang: Lang,
    /// Byte offset of the words in the clause body as written (library lint only).
    pub offset: Option<usize>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {}: {}",
            self.clause,
            self.kind.describe(),
            self.words
        )?;
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

impl Finding {
    fn new(clause: &str, kind: Kind, words: impl Into<String>, detail: impl Into<String>) -> Self {
        Finding {
            clause: clause.to_string(),
            kind,
            words: words.into(),
            detail: detail.into(),
            lang: Lang::Ja,
            offset: None,
        }
    }

    /// The finding as a diagnostic pointing into the clause's body, for `check`.
    pub fn diagnostic(&self, library: &Library) -> Diagnostic {
        let key = format!("body.{}", self.lang.code());
        let mut message = format!("lint: {}: {}", self.kind.describe(), self.words);
        if !self.detail.is_empty() {
            message.push_str(&format!(" ({})", self.detail));
        }
        match library.clause(&self.clause) {
            Some(c) => {
                let body = &c.body[self.lang];
                let pos = self
                    .offset
                    .map(|o| crate::error::line_col(body, o))
                    .and_then(|(line, col)| c.origin.inside(&key, line, col));
                c.origin
                    .diag(&c.id, Some(&key), message)
                    .at(pos.or(c.origin.field(&key)))
            }
            None => Diagnostic::new("", message).id(&self.clause),
        }
    }
}

/// One clause's Japanese text as the lint reads it.
pub(crate) struct Piece<'a> {
    pub id: &'a str,
    pub paragraphs: Vec<Paragraph>,
}

impl Piece<'_> {
    /// Every text of the piece, one per block (table cells one by one).
    fn texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.blocks)
            .flat_map(|b| -> Vec<&str> {
                match b {
                    Block::Text { text } | Block::Item { text, .. } => vec![text.as_str()],
                    Block::Table { header, rows } => header
                        .iter()
                        .chain(rows.iter().flatten())
                        .map(String::as_str)
                        .collect(),
                }
            })
    }
}

/// A clause body as written, with its template tags taken out: what every clause set
/// containing the clause could read (both branches of a condition at once).
fn untemplated(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        let close = match tail.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
                continue;
            }
        };
        out.push_str(&rest[..i]);
        // Whitespace control as Tera does it: `{%-` trims before the tag, `-%}` after.
        if tail[2..].starts_with('-') {
            out.truncate(out.trim_end().len());
        }
        match tail.find(close) {
            Some(j) => {
                rest = &tail[j + 2..];
                if tail[..j].ends_with('-') {
                    rest = rest.trim_start();
                }
            }
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// 「次の各号」 followed by fewer than two items in its paragraph.
fn single_items(piece: &Piece, out: &mut Vec<Finding>) {
    for p in &piece.paragraphs {
        let mut open: Option<(&str, usize)> = None;
        let close = |open: &mut Option<(&str, usize)>, out: &mut Vec<Finding>| {
            if let Some((text, n)) = open.take()
                && n < 2
            {
                out.push(Finding::new(
                    piece.id,
                    Kind::SingleItem,
                    excerpt(text, ITEMS),
                    format!("{n} item(s)"),
                ));
            }
        };
        for b in &p.blocks {
            match b {
                Block::Item { level: 1, .. } => {
                    if let Some((_, n)) = open.as_mut() {
                        *n += 1;
                    }
                }
                Block::Item { .. } => {}
                Block::Text { text } => {
                    close(&mut open, out);
                    if text.contains(ITEMS) {
                        open = Some((text, 0));
                    }
                }
                Block::Table { .. } => close(&mut open, out),
            }
        }
        close(&mut open, out);
    }
}

/// A few characters either side of `needle` in `text`, so a finding quotes its sentence.
fn excerpt(text: &str, needle: &str) -> String {
    let Some(i) = text.find(needle) else {
        return needle.to_string();
    };
    let before: String = {
        let mut v: Vec<char> = text[..i].chars().rev().take(12).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[i + needle.len()..].chars().take(8).collect();
    format!("…{before}{needle}{after}…")
}

/// The library lint, over the clause bodies as written, in the order of the library (the
/// largest clause set: every clause at once).
pub fn library(library: &Library) -> Vec<Finding> {
    let mut order: Vec<usize> = (0..library.clauses.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&library.clauses[a], &library.clauses[b]);
        (x.order, &x.id).cmp(&(y.order, &y.id))
    });
    let pieces: Vec<Piece> = order
        .iter()
        .map(|&i| {
            let c = &library.clauses[i];
            Piece {
                id: &c.id,
                paragraphs: parse_body(&untemplated(&c.body.ja), Lang::Ja),
            }
        })
        .collect();
    let mut out = Vec::new();
    for p in &pieces {
        single_items(p, &mut out);
    }
    terms::check(&pieces, None, &mut out);
    refs::check(library, &mut out);
    // Point each finding at its words in the body as written, and list them in the
    // library's order.
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(r, &i)| (library.clauses[i].id.as_str(), r))
        .collect();
    for f in &mut out {
        if f.offset.is_none()
            && let Some(&r) = rank.get(f.clause.as_str())
        {
            let body = &library.clauses[order[r]].body[f.lang];
            let needle = f.words.trim_matches('…');
            f.offset = match f.kind {
                Kind::SingleItem => body
                    .find(needle)
                    .and_then(|o| Some(o + needle.find(ITEMS)?))
                    .or_else(|| body.find(ITEMS)),
                _ => body.find(needle),
            };
        }
    }
    out.sort_by_key(|f| (rank.get(f.clause.as_str()).copied(), f.lang, f.offset));
    out
}

/// The lint of one assembled and rendered clause set: the preamble, then the articles in
/// their order. Terms the library defines anywhere count as terms here too, so a term used
/// in the set without the clause that defines it is found.
pub fn document(library: &Library, doc: &Document) -> Vec<Finding> {
    let mut pieces = vec![Piece {
        id: "preamble",
        paragraphs: parse_body(&doc.preamble.ja, Lang::Ja),
    }];
    pieces.extend(doc.articles.iter().map(|a| Piece {
        id: &a.id,
        paragraphs: a.paragraphs.ja.clone(),
    }));
    let library_terms = terms::defined_in(library.clauses.iter().map(|c| untemplated(&c.body.ja)));
    let mut out = Vec::new();
    for p in &pieces {
        single_items(p, &mut out);
    }
    terms::check(&pieces, Some(&library_terms), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece<'a>(id: &'a str, body: &str) -> Piece<'a> {
        Piece {
            id,
            paragraphs: parse_body(body, Lang::Ja),
        }
    }

    #[test]
    fn template_tags_are_taken_out() {
        assert_eq!(
            untemplated(
                "甲は{% if x %}、乙は{% endif %}{{ y | yen }}を{# note #}払う。{a}\n{%- if z -%}\n。"
            ),
            "甲は、乙はを払う。{a}。"
        );
    }

    #[test]
    fn one_item_under_the_following_items_is_found() {
        let mut out = Vec::new();
        single_items(
            &piece(
                "a",
                "乙は、次の各号に掲げる措置を講ずる。\n- 暗号化\n\n乙は、次の各号に掲げる。\n- 一\n- 二",
            ),
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].kind, Kind::SingleItem);
        assert!(out[0].words.contains(ITEMS), "{}", out[0].words);
        assert_eq!(out[0].detail, "1 item(s)");
    }
}
