//! The preview: the clause set as it will be exported, each article with its rationale,
//! the reason it was included and its sources; the clauses left out and why; warnings
//! first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{block, dim};
use crate::document::{Document, plain_text};
use crate::lang::Lang;
use crate::tui::app::App;
use crate::tui::strings;
use crate::value::Value;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let s = strings::get(app.lang);
    let Some(p) = &app.preview else { return };
    let h = usize::from(area.height.saturating_sub(2));
    let end = (p.scroll + h).min(p.wrapped.len());
    let page = p.wrapped[p.scroll.min(end)..end].to_vec();
    frame.render_widget(Paragraph::new(page).block(block(s.preview, true)), area);
}

fn heading(text: String) -> Line<'static> {
    Line::styled(
        text,
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )
}

/// The preview's lines, built once when it opens (and when the language changes).
pub fn lines(doc: &Document, lang: Lang, unanswered: usize) -> Vec<Line<'static>> {
    let s = strings::get(lang);
    let mut lines = Vec::new();
    if unanswered > 0 {
        lines.push(Line::styled(
            strings::unanswered_count(unanswered, lang),
            Style::new().fg(Color::Yellow),
        ));
    }
    for (name, label) in [
        ("liability_cap_jpy", s.cap),
        ("exposure_estimate_jpy", s.exposure),
    ] {
        if let Some((_, Value::Int(n))) = doc.computed.iter().find(|(k, _)| k == name) {
            lines.push(Line::raw(format!(
                "{label}: {}",
                crate::format::yen(*n, lang)
            )));
        }
    }
    if !doc.warnings.is_empty() {
        lines.push(Line::raw(""));
        lines.push(
            heading(format!("{} ({})", s.warnings, doc.warnings.len()))
                .patch_style(Style::new().fg(Color::Red)),
        );
        for w in &doc.warnings {
            lines.push(Line::styled(
                format!("⚠ {}", w.message.get(lang)),
                Style::new().fg(Color::Red),
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        doc.title.get(lang).clone(),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    lines.push(Line::raw(doc.preamble.get(lang).clone()));
    lines.push(Line::raw(""));
    lines.push(heading(format!("{} ({})", s.included, doc.articles.len())));
    for a in &doc.articles {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} {}", a.label.get(lang), a.title.get(lang)),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
        for l in plain_text(a.paragraphs.get(lang), lang).lines() {
            lines.push(Line::raw(l.to_string()));
        }
        lines.push(Line::styled(
            format!("  {}: {}", s.rationale, a.rationale.get(lang)),
            dim(),
        ));
        lines.push(Line::styled(
            format!("  {}: {}", s.reason, a.reason.get(lang)),
            dim(),
        ));
        if !a.sources.is_empty() {
            let cites: Vec<&str> = a
                .sources
                .iter()
                .map(|r| r.citation.get(lang).as_str())
                .collect();
            lines.push(Line::styled(
                format!("  {}: {}", s.sources, cites.join(" / ")),
                dim(),
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(heading(format!("{} ({})", s.excluded, doc.excluded.len())));
    for e in &doc.excluded {
        lines.push(Line::raw(format!(
            "・{}: {}",
            e.title.get(lang),
            e.reason.get(lang)
        )));
    }
    lines
}
