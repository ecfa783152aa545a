//! The windows of counsel's changes: the one-line prompt (a reason, a heading), the
//! editor of wording and notes, the position chooser and the question before an added
//! article is removed.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::dialogs::{centred, clear};
use super::{block, dim};
use crate::tui::app::{App, Editing};
use crate::tui::strings;

fn ask() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn edit(frame: &mut Frame, app: &App, area: Rect) {
    let c = strings::counsel(app.lang);
    let Some(e) = &app.edit else { return };
    match &e.editing {
        Editing::Line(f) => {
            let width = 76.min(area.width.saturating_sub(2));
            let inner = usize::from(width.saturating_sub(2));
            let (shown, column) = f.window(inner);
            let mut lines = vec![Line::styled(
                shown,
                Style::new().add_modifier(Modifier::UNDERLINED),
            )];
            if e.confirm_discard {
                lines.extend(crate::wrap::wrap_all(
                    &[Line::styled(c.discard.as_str(), ask())],
                    inner,
                ));
            }
            let rect = centred(area, width, lines.len() as u16 + 2);
            clear(frame, rect);
            let hint = Line::styled(format!(" {} ", c.line_keys), dim());
            frame.render_widget(
                Paragraph::new(lines).block(block(&e.title, true).title_bottom(hint)),
                rect,
            );
            if !e.confirm_discard {
                frame.set_cursor_position(Position::new(rect.x + 1 + column as u16, rect.y + 1));
            }
        }
        Editing::Text(t) => {
            // The body of the screen, less a column of margin: wording is long.
            let rect = Rect {
                x: area.x + 1,
                y: area.y + 1,
                width: area.width.saturating_sub(2),
                height: area.height.saturating_sub(2),
            };
            let inner_w = usize::from(rect.width.saturating_sub(2));
            let mut inner_h = usize::from(rect.height.saturating_sub(2)).max(1);
            let question = e.confirm_discard.then(|| {
                crate::wrap::wrap_all(&[Line::styled(c.discard.as_str(), ask())], inner_w)
            });
            if let Some(q) = &question {
                inner_h = inner_h.saturating_sub(q.len()).max(1);
            }
            let (lines, (row, col)) = t.layout(inner_w.saturating_sub(1).max(1));
            // The cursor's line stays on the page.
            let top = row.saturating_sub(inner_h - 1);
            let mut shown: Vec<Line> = lines
                .into_iter()
                .skip(top)
                .take(inner_h)
                .map(Line::raw)
                .collect();
            if let Some(q) = question {
                shown.extend(q);
            }
            clear(frame, rect);
            let hint = Line::styled(format!(" {} ", c.editor_keys), dim());
            frame.render_widget(
                Paragraph::new(shown).block(block(&e.title, true).title_bottom(hint)),
                rect,
            );
            if !e.confirm_discard {
                let (x, y) = (rect.x + 1 + col as u16, rect.y + 1 + (row - top) as u16);
                if x < rect.right() && y < rect.bottom() {
                    frame.set_cursor_position(Position::new(x, y));
                }
            }
        }
        Editing::External => {}
    }
}

pub fn positions(frame: &mut Frame, app: &App, area: Rect) {
    let c = strings::counsel(app.lang);
    let Some(chooser) = &app.positions else {
        return;
    };
    let Some(ladder) = app.ws.library.ladder(&chooser.key) else {
        return;
    };
    let current = app
        .preview
        .as_ref()
        .and_then(|p| p.target())
        .map(|t| match t {
            crate::tui::preview::Target::Article { id, .. } => id.clone(),
            crate::tui::preview::Target::Excluded { key } => key.clone(),
        });
    let width = 76.min(area.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(2));
    let mut lines = vec![Line::styled(
        ladder.title[app.lang].clone(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for (i, p) in ladder.positions.iter().enumerate() {
        let on = i == chooser.cursor;
        let mark = if current.as_deref() == Some(p.clause.as_str()) {
            "● "
        } else {
            "○ "
        };
        let head = format!("{}{mark}{}", if on { "▶ " } else { "  " }, p.name[app.lang]);
        let st = if on {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::styled(head, st));
        lines.push(Line::styled(format!("      {}", p.note[app.lang]), dim()));
    }
    let lines = crate::wrap::wrap_all(&lines, inner);
    let rect = centred(area, width, lines.len() as u16 + 2);
    clear(frame, rect);
    let hint = Line::styled(format!(" {} ", c.positions_keys), dim());
    frame.render_widget(
        Paragraph::new(lines).block(block(&c.positions, true).title_bottom(hint)),
        rect,
    );
}

pub fn remove(frame: &mut Frame, app: &App, area: Rect) {
    let c = strings::counsel(app.lang);
    let width = 60.min(area.width.saturating_sub(2));
    let lines = crate::wrap::wrap_all(
        &[Line::styled(c.remove_custom.as_str(), ask())],
        usize::from(width.saturating_sub(2)),
    );
    let rect = centred(area, width, lines.len() as u16 + 2);
    clear(frame, rect);
    frame.render_widget(
        Paragraph::new(lines).block(block(&c.remove_title, true)),
        rect,
    );
}
