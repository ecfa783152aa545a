//! Windows over the screen: the export dialog and the list of keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table};

use super::{block, dim};
use crate::export::Format;
use crate::tui::app::{App, ExportFocus};
use crate::tui::keys::{self, Footer};
use crate::tui::strings;

/// A window of at most `w` x `h`, centred in `area`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears a window's area with a column of margin on each side, and the wide character
/// whose right half the margin would cover (the terminal would draw it over the border).
pub(super) fn clear(frame: &mut Frame, window: Rect) {
    let rect = Rect {
        x: window.x.saturating_sub(1),
        width: window.width + 2,
        ..window
    }
    .intersection(frame.area());
    frame.render_widget(Clear, rect);
    let buf = frame.buffer_mut();
    if rect.x == 0 {
        return;
    }
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(rect.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

fn options<'a>(names: impl Iterator<Item = &'a str>, chosen: usize) -> Vec<Span<'static>> {
    names
        .enumerate()
        .flat_map(|(i, n)| {
            if i == chosen {
                let on = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
                [Span::styled(format!("[{n}]"), on), Span::raw(" ")]
            } else {
                [Span::raw(format!(" {n} ")), Span::raw(" ")]
            }
        })
        .collect()
}

pub fn export(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let d = &app.export;
    let width = 76.min(area.width.saturating_sub(2));
    let asking = d.confirm_overwrite || d.confirm_assumptions;
    let row = |focus: ExportFocus, label: &str, mut value: Vec<Span<'static>>| {
        let on = d.focus == focus && !asking;
        let mut spans = vec![
            Span::styled(if on { "▶ " } else { "  " }, Style::new().fg(Color::Cyan)),
            Span::styled(
                format!("{label}: "),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        ];
        spans.append(&mut value);
        Line::from(spans)
    };
    let document = usize::from(d.memo);
    // The path scrolls within its line: "▶ ", the label and ": " come first.
    let label = unicode_width::UnicodeWidthStr::width(s.path.as_str()) as u16 + 4;
    let (shown, column) = d.path.window(usize::from(width.saturating_sub(2 + label)));
    let mut lines = vec![
        row(
            ExportFocus::Format,
            &s.format,
            options(Format::ALL.iter().map(|f| f.extension()), d.format),
        ),
        row(
            ExportFocus::Lang,
            &s.language,
            options(s.lang_names.iter().map(String::as_str), d.lang),
        ),
        row(
            ExportFocus::Document,
            &s.document,
            options(s.documents.iter().map(String::as_str), document),
        ),
        row(
            ExportFocus::Path,
            &s.path,
            vec![Span::styled(
                shown,
                Style::new().add_modifier(Modifier::UNDERLINED),
            )],
        ),
        Line::raw(""),
    ];
    let ask = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    if d.confirm_overwrite {
        lines.push(Line::styled(s.overwrite.as_str(), ask));
    } else if d.confirm_assumptions {
        // The question and its keys first: a long list is cut to the window, never them.
        lines.push(Line::styled(s.assumptions.as_str(), ask));
        lines.push(Line::styled(s.assumptions_keys.as_str(), ask));
        let all = app.assumptions();
        let inner = usize::from(width.saturating_sub(2));
        // The window's rows inside its border, less the fields, the question and "more".
        let mut room = usize::from(area.height.saturating_sub(4)).saturating_sub(lines.len() + 1);
        let mut shown = 0;
        for (prompt, value) in &all {
            let item = crate::wrap::wrap_line(&Line::raw(format!("・{prompt} → {value}")), inner);
            if item.len() > room {
                break;
            }
            room -= item.len();
            lines.extend(item);
            shown += 1;
        }
        if shown < all.len() {
            lines.push(Line::styled(
                strings::more(all.len() - shown, app.lang),
                dim(),
            ));
        }
    } else if let Some(e) = &d.error {
        lines.push(Line::styled(e.clone(), Style::new().fg(Color::Red)));
    }
    let title_hint = Line::styled(
        format!(" {} ", keys::footer(Footer::Export, app.lang)),
        dim(),
    );
    let lines = crate::wrap::wrap_all(&lines, usize::from(width.saturating_sub(2)));
    let rect = centred(area, width, (lines.len() as u16 + 2).max(10));
    clear(frame, rect);
    frame.render_widget(
        Paragraph::new(lines).block(block(&s.export, true).title_bottom(title_hint)),
        rect,
    );
    if d.focus == ExportFocus::Path && !asking {
        let x = rect.x + 1 + label + column as u16;
        let y = rect.y + 4;
        if x < rect.right().saturating_sub(1) && y < rect.bottom().saturating_sub(1) {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

/// Asks before quitting loses typing or unsaved answers.
pub(crate) fn confirm_quit(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let why = if app.save_error.is_some() {
        &s.quit_unsaved
    } else {
        &s.quit_typing
    };
    let width = 60.min(area.width.saturating_sub(2));
    let lines = crate::wrap::wrap_all(
        &[
            Line::raw(why),
            Line::raw(""),
            Line::styled(
                s.quit_keys.as_str(),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
        ],
        usize::from(width.saturating_sub(2)),
    );
    let rect = centred(area, width, lines.len() as u16 + 2);
    clear(frame, rect);
    frame.render_widget(
        Paragraph::new(lines).block(block(&s.quit_title, true)),
        rect,
    );
}

pub fn help(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let list: Vec<_> = keys::list(app.lang).collect();
    let rect = centred(area, 76, list.len() as u16 + 2);
    clear(frame, rect);
    let rows = list.into_iter().map(|(k, d)| {
        Row::new([
            Cell::from(k).style(Style::new().fg(Color::Cyan)),
            Cell::from(d),
        ])
    });
    frame.render_widget(
        Table::new(rows, [Constraint::Length(17), Constraint::Min(0)]).block(
            block(&s.keys, true).title_bottom(Line::styled(format!(" {} ", s.keys_close), dim())),
        ),
        rect,
    );
}
