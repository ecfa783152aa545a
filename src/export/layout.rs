//! What the Word and HTML exporters share about the page: the rows of the parallel layout
//! (`--layout parallel`: Japanese left, English right) and which annexes need a landscape
//! page.

use serde::Serialize;

use crate::document::{Annex, Block, Paragraph};

/// One row of the parallel layout: a piece of the Japanese text and its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Row {
    pub ja: Vec<Paragraph>,
    pub en: Vec<Paragraph>,
}

/// The rows of an article's body, aligned as finely as the two texts allow: a row per
/// block (the 項's text, each 号, each table) where both 項 have the same blocks, else a row
/// per 項 where both have as many 項, else the whole body in one row. The first piece of
/// a 項 keeps its label; the others continue it.
pub fn rows(ja: &[Paragraph], en: &[Paragraph]) -> Vec<Row> {
    if ja.len() != en.len() {
        return vec![Row {
            ja: ja.to_vec(),
            en: en.to_vec(),
        }];
    }
    let same_kind = |a: &Block, b: &Block| std::mem::discriminant(a) == std::mem::discriminant(b);
    let mut out = Vec::new();
    for (j, e) in ja.iter().zip(en) {
        let aligned = j.blocks.len() == e.blocks.len()
            && j.blocks.iter().zip(&e.blocks).all(|(a, b)| same_kind(a, b));
        if !aligned {
            out.push(Row {
                ja: vec![j.clone()],
                en: vec![e.clone()],
            });
            continue;
        }
        let piece = |p: &Paragraph, i: usize| Paragraph {
            label: p.label.clone().filter(|_| i == 0),
            blocks: vec![p.blocks[i].clone()],
        };
        out.extend((0..j.blocks.len()).map(|i| Row {
            ja: vec![piece(j, i)],
            en: vec![piece(e, i)],
        }));
    }
    out
}

/// A table of this many columns or more does not fit a portrait page legibly (a firewall
/// rule table: No., source, destination, port, action, purpose, basis, approval).
const WIDE_TABLE: usize = 5;

/// An annex set on a landscape page: one with a wide table in either language.
pub(crate) fn is_wide(a: &Annex) -> bool {
    [&a.paragraphs.ja, &a.paragraphs.en]
        .iter()
        .flat_map(|ps| ps.iter())
        .flat_map(|p| &p.blocks)
        .any(|b| match b {
            Block::Table { header, rows } => std::iter::once(header)
                .chain(rows)
                .any(|r| r.len() >= WIDE_TABLE),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(label: Option<&str>, blocks: &[&str]) -> Paragraph {
        Paragraph {
            label: label.map(str::to_string),
            blocks: blocks
                .iter()
                .map(|t| match t.strip_prefix('-') {
                    Some(item) => Block::Item {
                        level: 1,
                        label: "一".into(),
                        text: item.into(),
                    },
                    None => Block::Text {
                        text: t.to_string(),
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn rows_follow_the_blocks_where_both_texts_have_them() {
        let ja = [text(None, &["本文", "-号"]), text(Some("２"), &["第二項"])];
        let en = [
            text(None, &["Text", "-item"]),
            text(Some("2."), &["Second"]),
        ];
        let r = rows(&ja, &en);
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].ja, [text(None, &["-号"])]);
        assert_eq!(r[2].en, [text(Some("2."), &["Second"])]);
        // A 項 whose blocks differ is one row; different 項 counts make one row.
        let en2 = [text(None, &["Text"]), text(Some("2."), &["Second"])];
        assert_eq!(rows(&ja, &en2).len(), 2);
        assert_eq!(rows(&ja, &en2[..1]).len(), 1);
    }
}
