//! The redline in words: Markdown, text and HTML through the report writer, and JSON
//! (`secdraft.diff/1`). One language at a time, as counsel reads one version against the
//! other.

use serde_json::json;

use super::{ArticleDiff, Redline, Span, Status, ValueChange};
use crate::labels::{self, fill};
use crate::lang::Lang;
use crate::report::{Block, ReportFormat, Run, para, write};

fn status_word(status: Status, lang: Lang) -> &'static str {
    let w = &labels::get(lang).redline.status;
    match status {
        Status::Unchanged => &w.unchanged,
        Status::Added => &w.added,
        Status::Removed => &w.removed,
        Status::Changed => &w.changed,
        Status::Moved => &w.moved,
        Status::MovedChanged => &w.moved_changed,
    }
}

fn plain(spans: &[Span]) -> String {
    spans
        .iter()
        .filter_map(|s| match s {
            Span::Equal(t) | Span::Insert(t) => Some(t.as_str()),
            Span::Delete(_) => None,
        })
        .collect()
}

/// `第3条（…）［旧第5条］` / `Article 3 (…) [formerly Article 5]`: the number now, and the
/// number before where it differs.
fn heading(a: &ArticleDiff, lang: Lang) -> String {
    let w = &labels::get(lang).redline;
    let label = &a.label[lang];
    // A removed article keeps its old title.
    let title: String = match a.status {
        Status::Removed => a.title[lang].iter().map(Span::text).collect(),
        _ => plain(&a.title[lang]),
    };
    match (a.old_number, a.new_number) {
        (Some(o), Some(n)) if o != n => {
            let old = crate::document::article_label(o, lang);
            fill(
                &w.heading_moved,
                &[("label", label), ("title", &title), ("old", &old)],
            )
        }
        _ => fill(&w.heading, &[("label", label), ("title", &title)]),
    }
}

fn change_words(v: &ValueChange, lang: Lang) -> String {
    fill(
        &labels::get(lang).redline.change,
        &[
            ("label", &v.label[lang]),
            ("old", &v.old[lang]),
            ("new", &v.new[lang]),
        ],
    )
}

fn causes(a: &ArticleDiff, r: &Redline, lang: Lang) -> Option<String> {
    let named: Vec<String> = a
        .causes
        .iter()
        .filter_map(|id| r.values.iter().find(|v| &v.id == id))
        .map(|v| change_words(v, lang))
        .collect();
    (!named.is_empty()).then(|| named.join(&labels::get(lang).redline.causes_sep))
}

fn blocks(r: &Redline, lang: Lang) -> Vec<Block> {
    let w = &labels::get(lang).redline;
    let mut out = vec![
        Block::Heading(1, w.title.clone()),
        Block::Heading(2, w.values.clone()),
    ];
    if r.values.is_empty() {
        out.push(para(&w.no_values));
    }
    out.extend(r.values.iter().map(|v| Block::Item(change_words(v, lang))));
    out.push(Block::Heading(2, w.articles.clone()));
    let before = out.len();
    for a in r.changed() {
        out.push(Block::Heading(
            3,
            fill(
                &w.heading_status,
                &[
                    ("heading", &heading(a, lang)),
                    ("status", status_word(a.status, lang)),
                ],
            ),
        ));
        if let Some(c) = causes(a, r, lang) {
            out.push(Block::Field(w.because.clone(), c));
        }
        if a.status != Status::Moved {
            out.push(Block::Para(
                a.text[lang]
                    .iter()
                    .map(|s| match s {
                        Span::Equal(t) => Run::Plain(t.clone()),
                        Span::Insert(t) => Run::Ins(t.clone()),
                        Span::Delete(t) => Run::Del(t.clone()),
                    })
                    .collect(),
            ));
        }
    }
    if out.len() == before {
        out.push(para(&w.no_articles));
    }
    out
}

pub fn report(r: &Redline, format: ReportFormat, lang: Lang) -> String {
    write(&blocks(r, lang), format, lang, None)
}

/// `secdraft.diff/1`: the changed values and every changed article, with its spans in the
/// chosen language.
pub fn json(r: &Redline, lang: Lang) -> String {
    let values: Vec<_> = r
        .values
        .iter()
        .map(
            |v| json!({"id": v.id, "label": v.label[lang], "old": v.old[lang], "new": v.new[lang]}),
        )
        .collect();
    let articles: Vec<_> = r
        .changed()
        .map(|a| {
            json!({
                "id": a.id,
                "status": a.status,
                "old_number": a.old_number,
                "new_number": a.new_number,
                "title": plain(&a.title[lang]),
                "spans": a.text[lang],
                "causes": a.causes,
            })
        })
        .collect();
    let doc = json!({
        "schema": "secdraft.diff/1",
        "lang": lang.code(),
        "values": values,
        "articles": articles,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    s.push('\n');
    s
}
