//! Tables of the text export, set as a grid of wrapped cells, or as records where the
//! columns do not fit; and the Tera filters `wrap` and `text_table`.

use tera::{Kwargs, State, Tera};
use unicode_width::UnicodeWidthStr;

use crate::wrap::{cut_lines, wrap};

/// The width in columns of each column's longest cell (at least 1), over as many columns
/// as the longest row has.
pub(super) fn natural_widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let n = rows
        .iter()
        .map(Vec::len)
        .chain([header.len(), 1])
        .max()
        .unwrap_or(1);
    (0..n)
        .map(|i| {
            std::iter::once(header)
                .chain(rows.iter().map(Vec::as_slice))
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect()
}

/// Column widths that fit `room`: narrow columns keep their natural width, the rest share
/// what is left. `None` when a column would get less than `min`.
pub(super) fn fit_columns(natural: &[usize], room: usize, min: usize) -> Option<Vec<usize>> {
    let mut widths = natural.to_vec();
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut left = room;
    loop {
        let share = left / open.len().max(1);
        let (fits, wide): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| natural[i] <= share);
        if fits.is_empty() {
            // Share by content, damped so that one long column does not starve the others.
            let weight = |i: usize| natural[i].min(2 * share).max(1);
            let total: usize = wide.iter().map(|&i| weight(i)).sum();
            for &i in &wide {
                widths[i] = left * weight(i) / total.max(1);
            }
            let narrowest = wide.iter().map(|&i| widths[i]).min().unwrap_or(min);
            return (narrowest >= min).then_some(widths);
        }
        left -= fits.iter().map(|&i| natural[i]).sum::<usize>();
        open = wide;
        if open.is_empty() {
            return Some(widths);
        }
    }
}

/// A table in `width` columns: an ASCII grid (box-drawing characters are ambiguous in width
/// in Japanese terminals), or one record per row when the columns would be too narrow.
pub fn table(header: &[String], rows: &[Vec<String>], width: usize, colon: &str) -> String {
    let cell = |r: &[String], i: usize| r.get(i).map_or(String::new(), Clone::clone);
    let natural = natural_widths(header, rows);
    let n = natural.len();
    let room = width.saturating_sub(3 * n + 1);
    let Some(cols) = fit_columns(&natural, room, 12) else {
        let mut out = Vec::new();
        for r in rows {
            let mut record = vec![wrap(
                &format!("{}{colon}{}", cell(header, 0), cell(r, 0)),
                width,
                "    ",
            )];
            for i in 1..n {
                let field = format!("  {}{colon}{}", cell(header, i), cell(r, i));
                record.push(wrap(&field, width, "    "));
            }
            out.push(record.join("\n"));
        }
        return out.join("\n\n");
    };
    let rule = |c: char| {
        let mut s = String::from("+");
        for w in &cols {
            s.push_str(&c.to_string().repeat(w + 2));
            s.push('+');
        }
        s
    };
    let mut out = vec![rule('-')];
    for (k, r) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        let cells: Vec<Vec<String>> = (0..n).map(|i| cut_lines(&cell(r, i), cols[i])).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let mut s = String::from("|");
            for (i, c) in cells.iter().enumerate() {
                let text = c.get(line).map_or("", String::as_str);
                s.push(' ');
                s.push_str(text);
                s.push_str(&" ".repeat(cols[i] - text.width() + 1));
                s.push('|');
            }
            out.push(s);
        }
        out.push(rule(if k == 0 { '=' } else { '-' }));
    }
    out.join("\n")
}

pub fn register(tera: &mut Tera) {
    tera.register_filter(
        "text_table",
        |header: Vec<String>, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let rows = kwargs.get::<Vec<Vec<String>>>("rows")?.unwrap_or_default();
            let width = kwargs.get::<i64>("width")?.unwrap_or(78).max(20) as usize;
            let colon = kwargs
                .get::<String>("colon")?
                .unwrap_or_else(|| ": ".into());
            Ok(table(&header, &rows, width, &colon))
        },
    );
    tera.register_filter(
        "wrap",
        |s: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let width = kwargs.get::<i64>("width")?.unwrap_or(78).max(10) as usize;
            let indent = kwargs.get::<String>("indent")?.unwrap_or_default();
            Ok(s.lines()
                .map(|l| wrap(l, width, &indent))
                .collect::<Vec<_>>()
                .join("\n"))
        },
    );
    // The signature block and the closing 以上 stand in the right half of the page.
    tera.register_filter(
        "right_half",
        |s: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let width = kwargs.get::<i64>("width")?.unwrap_or(78).max(10) as usize;
            let pad = " ".repeat(width / 2);
            Ok(s.lines()
                .map(|l| format!("{pad}{l}"))
                .collect::<Vec<_>>()
                .join("\n"))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tables_are_grids_that_fit_the_width() {
        let t = table(
            &strings(&["項目", "内容"]),
            &[strings(&[
                "E.1 前提条件",
                &"遵守すべき法令、ガイドライン及び甲の規程。".repeat(3),
            ])],
            40,
            "：",
        );
        let lines: Vec<&str> = t.lines().collect();
        assert!(lines.iter().all(|l| l.width() == lines[0].width()), "{t}");
        assert!(lines[0].width() <= 40, "{t}");
        assert!(lines[2].starts_with("+====="), "{t}");
        assert!(t.lines().count() > 6, "the long cell wraps: {t}");
    }

    #[test]
    fn wide_tables_become_records() {
        let header = strings(&["規則番号", "送信元", "宛先", "ポート", "動作"]);
        let t = table(
            &header,
            &[strings(&["1", "外部", "DMZ", "TCP/443", "許可"])],
            40,
            "：",
        );
        assert_eq!(
            t,
            "規則番号：1\n  送信元：外部\n  宛先：DMZ\n  ポート：TCP/443\n  動作：許可"
        );
    }
}
