//! Line wrapping for the text export, measured in terminal columns (Japanese is two wide),
//! breaking English at spaces and keeping Japanese closing punctuation off a line's start;
//! and tables set as a grid of wrapped cells, or as records where the columns do not fit.

use tera::{Kwargs, State, Tera};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must not begin a line (禁則), for every wrapper of Japanese text.
pub const NO_START: &str = "、。，．・：；？！ー）」』】〕］｝〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}々";

/// Wraps `text` to `width` columns; lines after the first start with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let indent_w: usize = indent.chars().filter_map(|c| c.width()).sum();
    let mut out = String::new();
    let mut line = String::new();
    let mut line_w = 0;
    let mut limit = width;
    // The last place a line may break: byte index in `line` and the width before it.
    let mut last_break: Option<(usize, usize)> = None;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        // A character that may not start a line carries the last breakable piece down
        // with it (追い出し); only where there is none does it hang past the width.
        let no_start = NO_START.contains(c);
        let carry = last_break.filter(|b| c != ' ' && b.0 > 0);
        if line_w + w > limit && !line.is_empty() && (!no_start || carry.is_some()) {
            let (cut, cut_w) = carry.unwrap_or((line.len(), line_w));
            let rest = line.split_off(cut);
            out.push_str(line.trim_end());
            out.push('\n');
            out.push_str(indent);
            line = rest.trim_start().to_string();
            line_w = line_w - cut_w - (rest.len() - line.len());
            limit = width.saturating_sub(indent_w).max(1);
            last_break = None;
            if c == ' ' {
                continue;
            }
        }
        if c == ' ' {
            last_break = Some((line.len(), line_w));
        } else if w == 2 && !NO_START.contains(c) {
            // A wide character may start the next line: break before it.
            last_break = Some((line.len(), line_w));
        }
        line.push(c);
        line_w += w;
    }
    out.push_str(&line);
    out
}

/// `text` in lines of at most `width` columns: wrapped, then cut where 禁則 let a line run
/// over (a cell must not push its border out).
fn cell_lines(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in wrap(text, width, "").lines() {
        let (mut piece, mut w) = (String::new(), 0);
        for c in line.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width && !piece.is_empty() {
                out.push(std::mem::take(&mut piece));
                w = 0;
            }
            piece.push(c);
            w += cw;
        }
        out.push(piece);
    }
    out
}

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
        let cells: Vec<Vec<String>> = (0..n).map(|i| cell_lines(&cell(r, i), cols[i])).collect();
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

    #[test]
    fn wraps_english_at_spaces() {
        let s = wrap(
            "The Vendor shall notify the Customer without delay.",
            20,
            "  ",
        );
        assert_eq!(
            s,
            "The Vendor shall\n  notify the\n  Customer without\n  delay."
        );
    }

    #[test]
    fn punctuation_carries_the_word_before_it_down() {
        let s = wrap("open-source software (OSS), and more", 26, "");
        assert_eq!(s, "open-source software\n(OSS), and more");
    }

    #[test]
    fn wraps_japanese_by_width_and_keeps_punctuation() {
        let s = wrap(
            "乙は、甲に対し、本件システムのセキュリティ設定を説明する。",
            10,
            "",
        );
        for line in s.lines() {
            assert!(line.width() <= 10, "{line}");
            assert!(!NO_START.contains(line.chars().next().unwrap()), "{s}");
        }
        assert_eq!(
            s.replace('\n', ""),
            "乙は、甲に対し、本件システムのセキュリティ設定を説明する。"
        );
    }
}
