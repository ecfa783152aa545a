//! Line wrapping for the text export, measured in terminal columns (Japanese is two wide),
//! breaking English at spaces and keeping Japanese closing punctuation off a line's start.

use tera::{Kwargs, State, Tera};
use unicode_width::UnicodeWidthChar;

/// Characters that must not begin a line (禁則).
const NO_START: &str =
    "、。，．・：；？！ー）」』】〕］｝〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}";

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
        if line_w + w > limit && !line.is_empty() && !NO_START.contains(c) {
            let (cut, cut_w) = match last_break {
                Some(b) if c != ' ' && b.0 > 0 => b,
                _ => (line.len(), line_w),
            };
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

pub fn register(tera: &mut Tera) {
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
    use unicode_width::UnicodeWidthStr;

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
    fn wraps_japanese_by_width_and_keeps_punctuation() {
        let s = wrap(
            "乙は、甲に対し、本件システムのセキュリティ設定を説明する。",
            10,
            "",
        );
        for line in s.lines() {
            assert!(line.width() <= 12, "{line}");
            assert!(!NO_START.contains(line.chars().next().unwrap()), "{s}");
        }
        assert_eq!(
            s.replace('\n', ""),
            "乙は、甲に対し、本件システムのセキュリティ設定を説明する。"
        );
    }
}
