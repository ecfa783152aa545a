//! Line wrapping by display width: Japanese breaks between any two characters (but not
//! before closing punctuation), English at spaces. ratatui's word wrapper treats a run of
//! Japanese as one long word and would push it whole onto the next line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Characters that may not begin a line (禁則): they take the character before them along.
const NO_START: &str =
    "、。，．・：；？！）」』】〕｝〉》ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}";

type Cells = Vec<(char, Style)>;

fn width(cells: &[(char, Style)]) -> usize {
    cells.iter().map(|(c, _)| c.width().unwrap_or(0)).sum()
}

fn is_word(c: char) -> bool {
    c.is_ascii() && c != ' '
}

fn line(cells: &[(char, Style)], style: Style) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for &(c, s) in cells {
        match spans.last_mut() {
            Some(last) if last.style == s => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), s)),
        }
    }
    Line::from(spans).style(style)
}

/// Splits `current` where a line must end before `next`; returns the part that moves on.
/// The first `floor` cells (a continuation line's indent) never move.
fn split(current: &mut Cells, next: char, floor: usize) -> Cells {
    let word_start = current.iter().rposition(|(c, _)| *c == ' ').map(|i| i + 1);
    if let Some(start) = word_start.filter(|&s| s > floor)
        && is_word(next)
        && current[start..].iter().all(|(c, _)| is_word(*c))
    {
        let rest = current.split_off(start);
        while current.len() > floor && current.last().is_some_and(|(c, _)| *c == ' ') {
            current.pop();
        }
        return rest;
    }
    if NO_START.contains(next) {
        // Take the character before along, and the one before that while it too may not
        // begin a line (「条）。」 moves as 「条）」 before 「。」).
        let mut at = current.len().saturating_sub(1);
        while at > floor && NO_START.contains(current[at].0) {
            at -= 1;
        }
        if at > floor {
            return current.split_off(at);
        }
    }
    Vec::new()
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
        w += unicode_width::UnicodeWidthStr::width(*m);
    }
    if w * 2 > max { 0 } else { w }
}

/// One line as the lines it takes at `max` columns (at least one, even when empty); the
/// lines after the first are indented under the text of a list item.
pub fn wrap(src: &Line<'_>, max: usize) -> Vec<Line<'static>> {
    let max = max.max(2);
    let indent = hang(src, max);
    let mut out = Vec::new();
    let mut current: Cells = Vec::new();
    let mut floor = 0;
    let mut used = 0;
    for span in &src.spans {
        for c in span.content.chars().filter(|c| !c.is_control()) {
            let w = c.width().unwrap_or(0);
            if used + w > max && current.len() > floor {
                let rest = split(&mut current, c, floor);
                out.push(line(&current, src.style));
                floor = indent;
                current = vec![(' ', Style::new()); indent];
                current.extend(rest);
                used = width(&current);
                if c == ' ' && current.len() == floor {
                    continue;
                }
            }
            current.push((c, span.style));
            used += w;
        }
    }
    out.push(line(&current, src.style));
    out
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
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let l = Line::from(vec![Span::styled("出典", bold), Span::raw(": 前橋地判")]);
        let w = wrap(&l, 6);
        assert_eq!(texts(&w), ["出典: ", "前橋地", "判"]);
        assert_eq!(w[0].spans[0].style, bold);
    }
}
