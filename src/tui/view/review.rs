//! The review: every question asked, with its answer, grouped by section.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::{block, dim};
use crate::tui::app::{App, Item};
use crate::tui::keys::{self, Footer};
use crate::tui::strings;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let lang = app.lang;
    let mut rows = Vec::new();
    let mut selected = 0;
    let mut n = 0;
    for sec in app.sections() {
        rows.push(
            Row::new([Cell::from(sec.title)]).style(Style::new().add_modifier(Modifier::BOLD)),
        );
        for &i in &sec.items {
            let (label, value) = match app.items[i] {
                Item::Meta(k) => {
                    let v = app.answers.meta.get(k);
                    (
                        strings::meta_prompt(k, lang).to_string(),
                        (!v.is_empty()).then(|| v.to_string()),
                    )
                }
                Item::Question(q) => {
                    let q = app.question(q);
                    let v = app.answers.given.get(&q.id).map(|v| q.describe(v, lang));
                    (q.prompt[lang].clone(), v)
                }
            };
            let value = match value {
                Some(v) => Cell::from(v),
                // The optional date, left empty.
                None if app.answered(i) => Cell::from("—"),
                None => Cell::from(s.unanswered.as_str()).style(Style::new().fg(Color::Yellow)),
            };
            if n == app.review_cursor {
                selected = rows.len();
            }
            n += 1;
            rows.push(Row::new([Cell::from(format!("  {label}")), value]));
        }
    }
    let table = Table::new(
        rows,
        [Constraint::Percentage(60), Constraint::Percentage(40)],
    )
    .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
    .highlight_symbol("▶ ")
    .block(
        block(&s.review, true).title_bottom(ratatui::text::Line::styled(
            format!(" {} ", keys::footer(Footer::ReviewTable, app.lang)),
            dim(),
        )),
    );
    let mut state = TableState::new().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}
