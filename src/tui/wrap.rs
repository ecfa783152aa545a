//! Line wrapping by display width: Japanese breaks between any two characters (but not
//! before closing punctuation), English at spaces. ratatui's word wrapper treats a run of
//! Japanese as one long word and would push it whole onto the next line.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

// 禁則: these characters take the character before them along.
use crate::export::NO_START;

fn is_word(c: char) -> bool {
    c.is_ascii() && c != ' '
}

/// Where the line `text[start..at]` must end when `next` does not fit after it: the end
/// of this line and the start of the next, as byte offsets.
fn split(text: &str, start: usize, at: usize, next: char) -> (usize, usize) {
    let line = &text[start..at];
    // An English word moves whole to the next line, if something stays before it.
    if is_word(next)
        && let Some(space) = line.rfind(' ')
        && !line[..space].trim().is_empty()
        && line[space + 1..].chars().all(is_word)
    {
        return (start + line[..space].trim_end().len(), start + space + 1);
    }
    if NO_START.contains(next) {
        // Take the character before along, and the one before that while it too may not
        // begin a line (「条）。」 moves as 「条）」 before 「。」).
        let cut = line
            .char_indices()
            .rev()
            .find(|(_, c)| !NO_START.contains(*c))
            .map_or(0, |(i, _)| i);
        if cut > 0 {
            return (start + cut, start + cut);
        }
    }
    (at, at)
}

/// Markers of a list item: its continuation lines start under the text after them.
const MARKERS: &[&str] = &["▶ ", "● ", "○ ", "[x] ", "[ ] ", "・", "⚠ "];

/// The indent of continuation lines: the leading spaces and list markers of the line.
fn hang(src: &Line<'_>, max: usize) -> usize {
    // Markers sit in the first few characters: look no further.
    let text: String = src
        .spans
        .iter()
        .flat_map(|s| s.content.chars())
        .take(12)
        .collect();
    let mut rest = text.trim_start_matches(' ');
    let mut w = text.len() - rest.len();
    while let Some(m) = MARKERS.iter().find(|m| rest.starts_with(**m)) {
        rest = &rest[m.len()..];
        w += m.width();
    }
    if w * 2 > max { 0 } else { w }
}

/// One line as the lines it takes at `max` columns (at least one, even when empty); the
/// lines after the first are indented under the text of a list item.
pub fn wrap(src: &Line<'_>, max: usize) -> Vec<Line<'static>> {
    let max = max.max(2);
    let indent = hang(src, max);
    // The text as one string, each span a range of it.
    let mut text = String::new();
    let mut spans = Vec::with_capacity(src.spans.len());
    for span in &src.spans {
        let from = text.len();
        text.extend(span.content.chars().filter(|c| !c.is_control()));
        spans.push((from, text.len(), span.style));
    }
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > max && i > start {
            let (end, next) = split(&text, start, i, c);
            ranges.push((start, end));
            start = next;
            used = indent + text[start..i].width();
        }
        // A space does not begin a continuation line.
        if c == ' ' && start == i && !ranges.is_empty() {
            start = i + 1;
            continue;
        }
        used += w;
    }
    ranges.push((start, text.len()));
    ranges
        .iter()
        .enumerate()
        .map(|(n, &(from, to))| {
            let mut out = Vec::new();
            if n > 0 && indent > 0 {
                out.push(Span::raw(" ".repeat(indent)));
            }
            for &(a, b, style) in &spans {
                let (a, b) = (a.max(from), b.min(to));
                if a < b {
                    out.push(Span::styled(text[a..b].to_string(), style));
                }
            }
            Line::from(out).style(src.style)
        })
        .collect()
}

/// Every line of a text, wrapped.
pub fn wrap_all<'a>(
    lines: impl IntoIterator<Item = &'a Line<'a>>,
    max: usize,
) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|l| wrap(l, max)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn japanese_breaks_anywhere_but_before_closing_marks() {
        let l = Line::raw("甲及び乙は、協議する。");
        assert_eq!(texts(&wrap(&l, 10)), ["甲及び乙", "は、協議す", "る。"]);
        assert_eq!(texts(&wrap(&l, 12)), ["甲及び乙は、", "協議する。"]);
        let l = Line::raw("規則7条）。");
        assert_eq!(texts(&wrap(&l, 8)), ["規則7", "条）。"]);
    }

    #[test]
    fn english_breaks_at_spaces_and_long_words_anywhere() {
        let l = Line::raw("the Vendor shall notify");
        assert_eq!(texts(&wrap(&l, 12)), ["the Vendor", "shall notify"]);
        assert_eq!(texts(&wrap(&Line::raw("abcdefgh"), 5)), ["abcde", "fgh"]);
        assert_eq!(texts(&wrap(&Line::raw(""), 5)), [""]);
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let l = Line::raw("  [ ] Sensitive data (medical history)");
        assert_eq!(
            texts(&wrap(&l, 20)),
            ["  [ ] Sensitive data", "      (medical", "      history)"]
        );
        let l = Line::raw("・校務系情報の保護");
        assert_eq!(texts(&wrap(&l, 10)), ["・校務系情", "  報の保護"]);
    }

    #[test]
    fn styles_survive_the_break() {
        let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let l = Line::from(vec![Span::styled("出典", bold), Span::raw(": 前橋地判")]);
        let w = wrap(&l, 6);
        assert_eq!(texts(&w), ["出典: ", "前橋地", "判"]);
        assert_eq!(w[0].spans[0].style, bold);
    }
}
