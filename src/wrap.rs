//! The one line breaker, for the text export and the questionnaire: widths in terminal
//! columns (Japanese is two wide), break opportunities from the Unicode line breaking
//! algorithm (UAX #14, which keeps an opening bracket off a line's end and a closing one
//! off its start), narrowed by 禁則 and by our rule that English breaks only at spaces.

use std::ops::Range;

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must not begin a line (禁則), for every wrapper of Japanese text.
pub(crate) const NO_START: &str = "、。，．・：；？！ー）」』】〕］｝〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}々";

fn wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Byte offsets where a line may break: where UAX #14 allows it, never before a character
/// of [`NO_START`], and beside a space or a wide character only (so that `open-source`
/// and a URL stay whole, as a drafter expects of contract English).
fn opportunities(text: &str) -> Vec<usize> {
    unicode_linebreak::linebreaks(text)
        .map(|(i, _)| i)
        .filter(|&i| {
            let (Some(prev), Some(next)) =
                (text[..i].chars().next_back(), text[i..].chars().next())
            else {
                return false;
            };
            !NO_START.contains(next) && (prev.is_whitespace() || wide(prev) || wide(next))
        })
        .collect()
}

/// How a line that has no place to break within the width ends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// It runs past the width to the next opportunity (a long word or URL stays whole).
    Hang,
    /// It is cut at the width (a table cell or a terminal cannot grow).
    Cut,
}

/// `text` as lines (byte ranges, trailing spaces at a break left out): the first line
/// `first` columns wide, the others `rest`. Spaces may hang past the width; a character
/// that may not begin a line takes the piece before it along (追い出し).
pub fn breaks(text: &str, first: usize, rest: usize, overflow: Overflow) -> Vec<Range<usize>> {
    // A text within the first line's width is one line: the breaking algorithm below would
    // find no place it must break, so it is not run (most lines of a screen are short).
    if text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= first.max(1) {
        return std::iter::once(0..text.len()).collect();
    }
    let opps = opportunities(text);
    let mut lines = Vec::new();
    let (mut start, mut limit, mut used) = (0, first.max(1), 0);
    let mut next_opp = 0;
    let mut last: Option<usize> = None;
    for (i, c) in text.char_indices() {
        while let Some(&o) = opps.get(next_opp).filter(|&&o| o <= i) {
            if o > start {
                last = Some(o);
            }
            next_opp += 1;
        }
        let w = c.width().unwrap_or(0);
        if !c.is_whitespace() && used + w > limit && i > start {
            let cut = match (last, overflow) {
                (Some(b), _) => Some(b),
                (None, Overflow::Cut) => Some(i),
                (None, Overflow::Hang) => None,
            };
            if let Some(b) = cut {
                lines.push(start..start + text[start..b].trim_end().len());
                (start, limit, last) = (b, rest.max(1), None);
                used = text[start..i].width();
            }
        }
        used += w;
    }
    lines.push(start..text.len());
    lines
}

/// Wraps `text` to `width` columns; lines after the first start with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let rest = width.saturating_sub(indent.width());
    let lines: Vec<&str> = breaks(text, width, rest, Overflow::Hang)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    lines.join(&format!("\n{indent}"))
}

/// `text` in lines of at most `width` columns, cut where nothing else fits (a cell must
/// not push its border out).
pub(crate) fn cut_lines(text: &str, width: usize) -> Vec<String> {
    breaks(text, width, width, Overflow::Cut)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Markers of a list item in the questionnaire: continuation lines start under the text
/// after them.
const MARKERS: &[&str] = &["▶ ", "● ", "○ ", "[x] ", "[ ] ", "・", "⚠ "];

/// The indent of continuation lines: the leading spaces and list markers of the line.
fn hang(text: &str, max: usize) -> usize {
    // Markers sit in the first few characters: look no further.
    let head: String = text.chars().take(12).collect();
    let mut rest = head.trim_start_matches(' ');
    let mut w = head.len() - rest.len();
    while let Some(m) = MARKERS.iter().find(|m| rest.starts_with(**m)) {
        rest = &rest[m.len()..];
        w += m.width();
    }
    if w * 2 > max { 0 } else { w }
}

/// The lines (byte ranges) of a line of the questionnaire at `max` columns, and the indent
/// of those after the first: under the text of a list item.
fn hanging(text: &str, max: usize) -> (usize, Vec<Range<usize>>) {
    let indent = hang(text, max);
    (indent, breaks(text, max, max - indent, Overflow::Cut))
}

/// A plain line as the lines it takes at `max` columns, indented as [`wrap_line`] does.
pub(crate) fn wrap_plain(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    // A control character would move the terminal's cursor.
    let clean: String;
    let text = if text.chars().any(char::is_control) {
        clean = text.chars().filter(|c| !c.is_control()).collect();
        clean.as_str()
    } else {
        text
    };
    let (indent, lines) = hanging(text, max);
    lines
        .into_iter()
        .enumerate()
        .map(|(n, r)| match n {
            0 => text[r].to_string(),
            _ => format!("{}{}", " ".repeat(indent), &text[r]),
        })
        .collect()
}

/// One styled line as the lines it takes at `max` columns (at least one, even when
/// empty); the lines after the first are indented under the text of a list item.
pub(crate) fn wrap_line(src: &Line<'_>, max: usize) -> Vec<Line<'static>> {
    let max = max.max(2);
    // The text as one string, each span a range of it.
    let mut text = String::new();
    let mut spans = Vec::with_capacity(src.spans.len());
    for span in &src.spans {
        let from = text.len();
        text.extend(span.content.chars().filter(|c| !c.is_control()));
        spans.push((from, text.len(), span.style));
    }
    let (indent, lines) = hanging(&text, max);
    lines
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let mut out = Vec::new();
            if n > 0 && indent > 0 {
                out.push(Span::raw(" ".repeat(indent)));
            }
            for &(a, b, style) in &spans {
                let (a, b) = (a.max(r.start), b.min(r.end));
                if a < b {
                    out.push(Span::styled(text[a..b].to_string(), style));
                }
            }
            Line::from(out).style(src.style)
        })
        .collect()
}

/// Every line of a text, wrapped.
pub(crate) fn wrap_all<'a>(
    lines: impl IntoIterator<Item = &'a Line<'a>>,
    max: usize,
) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|l| wrap_line(l, max)).collect()
}

#[cfg(test)]
mod tests;
