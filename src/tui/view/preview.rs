//! The preview: the clause set as it will be exported, each article with its rationale,
//! the reason it was included and its sources; the clauses left out and why; warnings
//! first. The selected article's heading is lit: the keys of counsel's changes act on it.
//! And the changes since the last export, as the redline marks them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, dim};
use crate::tui::app::App;
use crate::tui::preview::Kind;
use crate::tui::strings;

fn style(kind: Kind) -> Style {
    match kind {
        Kind::Notice => Style::new().fg(Color::Yellow),
        Kind::Plain | Kind::Body => Style::new(),
        Kind::WarningHeading => Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Kind::Warning => Style::new().fg(Color::Red),
        Kind::Title => Style::new().add_modifier(Modifier::BOLD),
        Kind::Heading => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Kind::Article => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Kind::Aside => dim(),
        Kind::Note => Style::new().fg(Color::Magenta),
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let Some(p) = &app.preview else { return };
    let h = usize::from(area.height.saturating_sub(2));
    let end = (p.scroll + h).min(p.wrapped.len());
    let page: Vec<Line> = p.wrapped[p.scroll.min(end)..end]
        .iter()
        .map(|(r, text)| {
            let row = &p.rows[*r];
            let mut st = style(row.kind);
            let selected = row.target == Some(p.cursor);
            if selected && matches!(row.kind, Kind::Article | Kind::Plain) {
                st = st.add_modifier(Modifier::REVERSED);
            }
            Line::styled(text.clone(), st)
        })
        .collect();
    frame.render_widget(Paragraph::new(page).block(block(&s.preview, true)), area);
}

/// A line of the redline's text with its insertions `{+…+}` and deletions `[-…-]` in
/// colour (the markers stay: they are the text counsel would paste).
fn marked(line: &str) -> Line<'static> {
    let ins = Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::UNDERLINED);
    let del = Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::CROSSED_OUT);
    let mut spans = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(['{', '[']) {
        let (open, close, st) = match &rest[at..] {
            r if r.starts_with("{+") => ("{+", "+}", ins),
            r if r.starts_with("[-") => ("[-", "-]", del),
            _ => {
                spans.push(Span::raw(rest[..=at].to_string()));
                rest = &rest[at + 1..];
                continue;
            }
        };
        let Some(len) = rest[at + open.len()..].find(close) else {
            break;
        };
        let end = at + open.len() + len + close.len();
        spans.push(Span::raw(rest[..at].to_string()));
        spans.push(Span::styled(rest[at..end].to_string(), st));
        rest = &rest[end..];
    }
    spans.push(Span::raw(rest.to_string()));
    Line::from(spans)
}

pub fn draw_diff(frame: &mut Frame, app: &App, area: Rect) {
    let c = strings::counsel(app.lang);
    let Some(d) = &app.diff else { return };
    let h = usize::from(area.height.saturating_sub(2));
    let end = (d.scroll + h).min(d.wrapped.len());
    let page: Vec<Line> = d.wrapped[d.scroll.min(end)..end]
        .iter()
        .map(|l| marked(l))
        .collect();
    frame.render_widget(Paragraph::new(page).block(block(&c.diff, true)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_and_deletions_are_marked_and_kept() {
        let l = marked("乙は{+、保守+}を[-行う-]する。{a} [x]");
        let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "乙は{+、保守+}を[-行う-]する。{a} [x]");
        assert_eq!(l.spans[1].content, "{+、保守+}");
        assert_eq!(l.spans[1].style.fg, Some(Color::Green));
        assert_eq!(l.spans[3].content, "[-行う-]");
    }
}
