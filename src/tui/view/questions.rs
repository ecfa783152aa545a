//! The questionnaire: the sections with their progress, one question with its input, and
//! the help with the clauses the answer decides and their sources.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, dim};
use crate::library::Kind;
use crate::tui::app::{App, Input, Item, Pane};
use crate::tui::strings;
use crate::value::Value;
use crate::wrap::{wrap_all, wrap_line};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let side = (area.width / 3).clamp(12, 30);
    let [left, right] =
        Layout::horizontal([Constraint::Length(side), Constraint::Min(0)]).areas(area);
    sections(frame, app, left);
    let inner = usize::from(right.width.saturating_sub(2));
    let question = wrap_all(&question_lines(app, inner), inner);
    let wanted = question.len() as u16 + 2;
    // The question takes what it needs; the help yields first (hidden below three lines).
    let height = if right.height.saturating_sub(wanted) < 3 {
        right.height
    } else {
        wanted
    };
    let [top, bottom] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(right);
    // Where the question does not fit, its start scrolls away, never the input line: the
    // field and one line of its message stay in view.
    let field_row = match &app.input {
        Input::Field(_) => Some(wrap_line(&prompt(app), inner).len() + 1),
        _ => None,
    };
    let rows = usize::from(height.saturating_sub(2));
    let scroll = field_row.map_or(0, |r| (r + 2).saturating_sub(rows)) as u16;
    let s = strings::get(app.lang);
    let title = match app.item() {
        Item::Meta(_) => &s.meta_section,
        Item::Question(_) => &s.question,
    };
    let focus = app.pane == Pane::Answer;
    frame.render_widget(
        Paragraph::new(question)
            .scroll((scroll, 0))
            .block(block(title, focus)),
        top,
    );
    if let (Input::Field(f), true, Some(row)) = (&app.input, focus, field_row) {
        // The field's line: behind "> ".
        let y = top.y + 1 + row as u16 - scroll;
        let x = top.x + 3 + f.window(inner.saturating_sub(2)).1 as u16;
        if y < top.bottom().saturating_sub(1) && x < top.right().saturating_sub(1) {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
    if bottom.height < 3 {
        return;
    }
    let help = wrap_all(
        &help_lines(app),
        usize::from(bottom.width.saturating_sub(2)),
    );
    frame.render_widget(
        Paragraph::new(help)
            .scroll((app.help_scroll, 0))
            .block(block(&s.help_pane, app.pane == Pane::Help)),
        bottom,
    );
}

fn sections(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let current = app.section_of_pos();
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = app
        .sections()
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let mark = if i == current {
                "▶"
            } else if sec.answered == sec.counted {
                "✓"
            } else {
                " "
            };
            let count = format!("{}/{}", sec.answered, sec.counted);
            // The count always shows; a long name gives way.
            let name = truncate(
                &format!("{mark} {}", sec.title),
                width.saturating_sub(count.len() + 1),
            );
            let gap = width
                .saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len());
            let style = match (
                i == app.section_cursor && app.pane == Pane::Sections,
                i == current,
            ) {
                (true, _) => Style::new().add_modifier(Modifier::REVERSED),
                (false, true) => Style::new().add_modifier(Modifier::BOLD),
                _ => Style::new(),
            };
            Line::from(vec![
                Span::raw(name),
                Span::raw(" ".repeat(gap.max(1))),
                Span::styled(count, dim()),
            ])
            .style(style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block(&s.sections, app.pane == Pane::Sections)),
        area,
    );
}

fn prompt(app: &App) -> Line<'static> {
    let s = strings::get(app.lang);
    let text = match app.item() {
        Item::Meta(k) if k.required() => strings::meta_prompt(k, app.lang).to_string(),
        Item::Meta(k) => format!("{}{}", strings::meta_prompt(k, app.lang), s.optional),
        Item::Question(q) => app.question(q).prompt[app.lang].clone(),
    };
    Line::from(text).style(Style::new().add_modifier(Modifier::BOLD))
}

/// The prompt, a blank line, the input (choices or field) and its message.
fn question_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = vec![prompt(app), Line::raw("")];
    let default_mark = strings::get(lang).default_mark.as_str();
    let labels: Vec<(String, bool)> = match app.item() {
        Item::Question(q) => {
            let q = app.question(q);
            if q.kind == Kind::Bool {
                [true, false]
                    .iter()
                    .map(|b| {
                        (
                            q.describe(&Value::Bool(*b), lang),
                            q.default == Some(Value::Bool(*b)),
                        )
                    })
                    .collect()
            } else {
                let default = q.default.as_ref();
                q.choices
                    .iter()
                    .map(|c| {
                        let is_default = match default {
                            Some(Value::Str(v)) => *v == c.value,
                            Some(Value::List(l)) => l.contains(&c.value),
                            _ => false,
                        };
                        (c.label[lang].clone(), is_default)
                    })
                    .collect()
            }
        }
        Item::Meta(_) => Vec::new(),
    };
    let row = |i: usize, cursor: usize, mark: &str, (label, is_default): &(String, bool)| {
        let text = format!(
            "{} {mark} {label}{}",
            if i == cursor { "▶" } else { " " },
            if *is_default { default_mark } else { "" }
        );
        if i == cursor {
            Line::styled(
                text,
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            )
        } else {
            Line::raw(text)
        }
    };
    match &app.input {
        Input::Choice { cursor } => {
            for (i, l) in labels.iter().enumerate() {
                lines.push(row(i, *cursor, if i == *cursor { "●" } else { "○" }, l));
            }
        }
        Input::Multi { cursor, checked } => {
            for (i, l) in labels.iter().enumerate() {
                lines.push(row(i, *cursor, if checked[i] { "[x]" } else { "[ ]" }, l));
            }
        }
        Input::Field(f) => {
            lines.push(Line::from(vec![
                Span::styled("> ", Style::new().fg(Color::Cyan)),
                Span::styled(
                    f.window(width.saturating_sub(2)).0,
                    Style::new().add_modifier(Modifier::UNDERLINED),
                ),
            ]));
            lines.push(match (app.parsed(), app.item()) {
                (Ok(Value::Int(n)), Item::Question(q)) => Line::styled(
                    strings::will_save(&app.question(q).describe(&Value::Int(n), lang), lang),
                    dim(),
                ),
                (Ok(Value::Str(date)), Item::Meta(k)) if k.is_date() && !date.is_empty() => {
                    Line::styled(strings::will_save(&date, lang), dim())
                }
                (Ok(_), _) => Line::raw(""),
                (Err(e), _) if f.is_empty() => Line::styled(e, dim()),
                (Err(e), _) => Line::styled(e, Style::new().fg(Color::Red)),
            });
        }
    }
    lines
}

/// The help of the item, then the clauses its answer decides and the sources behind them.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let s = strings::get(app.lang);
    let lang = app.lang;
    let q = match app.item() {
        Item::Meta(k) => return vec![Line::raw(strings::meta_help(k, lang))],
        Item::Question(q) => q,
    };
    let lib = &app.ws.library;
    let mut lines = vec![Line::raw(app.question(q).help[lang].clone())];
    let clauses = &app.affects[q];
    if !clauses.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            s.affects.as_str(),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let mut sources: Vec<&str> = Vec::new();
        let mut titles: Vec<&str> = Vec::new();
        for &c in clauses {
            let clause = &lib.clauses[c];
            // A clause's stance variants share its title: listed once.
            let title = clause.title[lang].as_str();
            if !titles.contains(&title) {
                titles.push(title);
                lines.push(Line::raw(format!("・{title}")));
            }
            for id in &clause.sources {
                if !sources.contains(&id.as_str()) {
                    sources.push(id);
                }
            }
        }
        if !sources.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                s.sources.as_str(),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            for id in sources {
                if let Some(src) = lib.source(id) {
                    lines.push(Line::styled(format!("・{}", src.citation[lang]), dim()));
                }
            }
        }
    }
    lines
}

/// The longest start of `s` that fits in `max` columns, with an ellipsis when cut.
fn truncate(s: &str, max: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}
