//! Tables from the clause bodies (the IPA category E items, the division of
//! responsibilities, the firewall-rule form, the maintenance scope) as real Word tables:
//! a grid, a shaded header row repeated on every page, column widths after their content.

use super::super::table::{fit_columns, natural_widths};
use super::parts::table_borders;
use super::xml::{PPr, RPr, para};

/// Column widths in twips over `width`, shared out as the text export shares columns: narrow
/// columns keep their natural width, long ones share the rest by content.
fn widths(header: &[String], rows: &[Vec<String>], width: u32) -> Vec<u32> {
    // A display column of 9-point table text is about 90 twips (a Japanese character is
    // two); each cell also has 108 twips of padding on either side, and a column of slack,
    // without which a bold head of two characters (方法) breaks between them.
    const COLUMN: u32 = 90;
    const PADDING: u32 = 216 + COLUMN;
    let natural = natural_widths(header, rows);
    let n = natural.len() as u32;
    let room = width.saturating_sub(PADDING * n) / COLUMN;
    let cols = fit_columns(&natural, room as usize, 6)
        .unwrap_or_else(|| vec![(room / n.max(1)) as usize; natural.len()]);
    let mut out: Vec<u32> = cols.iter().map(|&c| c as u32 * COLUMN + PADDING).collect();
    // What rounding leaves (or all of it, where every column fits) goes to the widest
    // column, so that the table fills the width.
    let used: u32 = out.iter().sum();
    if let Some(i) = (0..out.len()).max_by_key(|&i| natural[i]) {
        out[i] += width.saturating_sub(used);
    }
    out
}

/// A table indented by `indent` in a text `text_width` wide.
pub fn table(
    out: &mut String,
    header: &[String],
    rows: &[Vec<String>],
    indent: u32,
    text_width: u32,
    r: RPr,
) {
    let width = text_width.saturating_sub(indent);
    let cols = widths(header, rows, width);
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>\
         <w:tblInd w:w=\"{indent}\" w:type=\"dxa\"/>{}<w:tblLayout w:type=\"fixed\"/>\
         <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        table_borders()
    ));
    for w in &cols {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let text = PPr::style("TableText");
    for (i, row) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        let head = i == 0;
        out.push_str(if head {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        for (c, w) in cols.iter().enumerate() {
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>"
            ));
            if head {
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>");
            }
            out.push_str("</w:tcPr>");
            let cell = row.get(c).map_or("", String::as_str);
            para(out, &text, &[(RPr { bold: head, ..r }, cell)]);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and whatever follows; a small one keeps the gap.
    para(
        out,
        &PPr {
            spacing: Some((0, 0)),
            rpr: Some(RPr { size: Some(8), ..r }),
            ..PPr::default()
        },
        &[],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_content_and_fill_the_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let w = widths(
            &s(&["項目", "内容"]),
            &[s(&["E.1", &"長い説明".repeat(10)])],
            8000,
        );
        assert_eq!(w.iter().sum::<u32>(), 8000);
        assert!(w[1] > 3 * w[0], "{w:?}");
    }

    #[test]
    fn a_ragged_row_keeps_every_cell() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let mut out = String::new();
        table(
            &mut out,
            &s(&["a", "b"]),
            &[s(&["1", "2", "3"])],
            0,
            9000,
            RPr::default(),
        );
        assert_eq!(out.matches("<w:gridCol ").count(), 3);
        assert_eq!(out.matches("<w:tc>").count(), 6);
        assert!(out.contains(">3</w:t>"));
    }
}
