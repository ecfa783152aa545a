//! Drawing only: the state in, a frame out.

mod counsel;
mod dialogs;
pub mod preview;
mod questions;
mod review;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Overlay, Screen};
use super::keys::{self, Footer};
use super::strings;

/// Below this the screens do not fit; the window says so instead.
pub(crate) const MIN_SIZE: (u16, u16) = (40, 12);

/// Whether a window of this size shows only the request to enlarge it.
pub(crate) fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

pub fn view(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if too_small((area.width, area.height)) {
        draw_too_small(frame, app, area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, app, header);
    let hints = match app.screen {
        Screen::Questions => {
            questions::draw(frame, app, body);
            if app.input_mode() == super::keymap::InputMode::Text {
                Footer::Field
            } else {
                Footer::Questions
            }
        }
        Screen::Review => {
            review::draw(frame, app, body);
            Footer::Review
        }
        Screen::Preview => {
            preview::draw(frame, app, body);
            Footer::Preview
        }
        Screen::Diff => {
            preview::draw_diff(frame, app, body);
            Footer::Diff
        }
    };
    frame.render_widget(
        Paragraph::new(keys::footer(hints, app.lang)).style(dim()),
        footer,
    );
    match app.overlay {
        Some(Overlay::Help) => dialogs::help(frame, app, area),
        Some(Overlay::Export) => dialogs::export(frame, app, area),
        Some(Overlay::ConfirmQuit) => dialogs::confirm_quit(frame, app, area),
        Some(Overlay::Edit) => counsel::edit(frame, app, area),
        Some(Overlay::Positions) => counsel::positions(frame, app, area),
        Some(Overlay::RemoveCustom) => counsel::remove(frame, app, area),
        None => {}
    }
}

fn draw_too_small(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let lines = vec![
        Line::from(s.too_small.as_str()).style(Style::new().add_modifier(Modifier::BOLD)),
        Line::from(strings::minimum(MIN_SIZE.0, MIN_SIZE.1, app.lang)),
        Line::from(s.too_small_quit.as_str()).style(dim()),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let [_, middle] = Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(area);
    let lines = crate::wrap::wrap_all(&lines, usize::from(area.width));
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), middle);
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let (answered, left) = app.progress();
    let screen = match app.screen {
        Screen::Questions => app.sections()[app.section_of_pos()].title,
        Screen::Review => &s.review,
        Screen::Preview => &s.preview,
        Screen::Diff => &strings::counsel(app.lang).diff,
    };
    let left = Line::from(vec![
        Span::styled(s.title.as_str(), Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" · "),
        Span::raw(screen),
        Span::raw(" · "),
        Span::raw(strings::progress(answered, left, app.lang)),
    ]);
    let left_width = left.width() as u16 + 2;
    frame.render_widget(
        Paragraph::new(left).style(Style::new().bg(Color::Blue).fg(Color::White)),
        area,
    );
    if let Some(status) = &app.status {
        let style = if status.error {
            Style::new().bg(Color::Red).fg(Color::White)
        } else {
            Style::new().bg(Color::Blue).fg(Color::White)
        };
        let width = unicode_width::UnicodeWidthStr::width(status.text.as_str()) as u16;
        // The status takes the right end of the line; an error may cover the title.
        let room = if status.error {
            area.width
        } else {
            area.width.saturating_sub(left_width)
        };
        let w = width.min(room);
        let rect = Rect::new(area.right() - w, area.y, w, 1);
        frame.render_widget(Paragraph::new(status.text.as_str()).style(style), rect);
    }
}

fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

fn focused(on: bool) -> Style {
    if on {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    }
}

/// A block with a title, its border lit when it has the focus.
fn block(title: &str, focus: bool) -> Block<'_> {
    Block::bordered()
        .title(Span::styled(format!(" {title} "), focused(focus)))
        .border_style(focused(focus))
}

/// The preview's text area for a terminal size: inside the body's border.
pub(crate) fn preview_area(size: (u16, u16)) -> (u16, u16) {
    (size.0.saturating_sub(2), size.1.saturating_sub(4))
}

/// Lines in one page of the preview.
pub(crate) fn preview_page(size: (u16, u16)) -> usize {
    usize::from(preview_area(size).1.max(1))
}

/// How far the preview scrolls: to its last page.
pub(crate) fn preview_max_scroll(app: &App) -> usize {
    app.preview.as_ref().map_or(0, |p| {
        p.wrapped
            .len()
            .saturating_sub(usize::from(preview_area(app.size).1))
    })
}

/// How far the changes since the last export scroll: to their last page.
pub(crate) fn diff_max_scroll(app: &App) -> usize {
    app.diff.as_ref().map_or(0, |d| {
        d.wrapped
            .len()
            .saturating_sub(usize::from(preview_area(app.size).1))
    })
}
