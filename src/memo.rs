//! The internal memo: for counsel and the project team, never for the other party. Per
//! article what it does, why it is in, the answers behind it, its sources and counsel's
//! note; then the excluded clauses, the warnings, the exposure against the caps, the
//! answers left at their defaults (assumptions to confirm) and counsel's overrides.

use crate::answers::Answers;
use crate::document::Document;
use crate::engine::Assembly;
use crate::format::yen;
use crate::labels::{self, fill};
use crate::lang::Lang;
use crate::library::Library;
use crate::report::{Block, ReportFormat, para, write};
use crate::value::Value;

/// The answers a clause's condition reads, in words: `個人データの取扱い：はい`.
fn answers_behind(library: &Library, assembly: &Assembly, id: &str, lang: Lang) -> Vec<String> {
    let Some(c) = library.clause(id) else {
        return Vec::new();
    };
    c.when
        .vars()
        .into_iter()
        .filter_map(|v| {
            let q = library.question(v)?;
            let value = assembly.value(v)?;
            Some(field(&q.prompt[lang], &q.describe(value, lang), lang))
        })
        .collect()
}

/// A name and its value: `個人データの取扱い：はい`.
fn field(name: &str, value: &str, lang: Lang) -> String {
    fill(
        &labels::get(lang).values.field,
        &[("name", name), ("value", value)],
    )
}

/// Questions asked under these answers but not answered: the draft uses their defaults.
pub fn assumptions<'l>(library: &'l Library, answers: &Answers) -> Vec<&'l str> {
    let asked = answers.asked_questions(library);
    library
        .questions
        .iter()
        .zip(asked)
        .filter(|(q, asked)| *asked && q.default.is_some() && !answers.given.contains_key(&q.id))
        .map(|(q, _)| q.id.as_str())
        .collect()
}

fn amount(assembly: &Assembly, name: &str) -> Option<i64> {
    assembly.computed_value(name).and_then(Value::as_int)
}

pub fn blocks(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    lang: Lang,
) -> Vec<Block> {
    let w = &labels::get(lang).memo;
    let list_sep = w.list_sep.as_str();
    let mut out = vec![
        Block::Heading(1, w.title.clone()),
        para(format!(
            "{} / {} / {}",
            doc.parties.project[lang], doc.parties.customer[lang], doc.parties.vendor[lang]
        )),
        Block::Heading(2, w.articles.clone()),
    ];
    for a in &doc.articles {
        let title = fill(
            &w.article_heading,
            &[("label", &a.label[lang]), ("title", &a.title[lang])],
        );
        out.push(Block::Heading(3, title));
        out.push(Block::Field(w.does.clone(), a.rationale[lang].clone()));
        out.push(Block::Field(w.why.clone(), a.reason[lang].clone()));
        let behind = answers_behind(library, assembly, &a.id, lang);
        if !behind.is_empty() {
            out.push(Block::Field(w.answers.clone(), behind.join(list_sep)));
        }
        if !a.sources.is_empty() {
            let cites: Vec<&str> = a
                .sources
                .iter()
                .map(|s| s.citation[lang].as_str())
                .collect();
            out.push(Block::Field(w.sources.clone(), cites.join(list_sep)));
        }
        let o = answers.overrides.clauses.get(&a.id);
        if o.is_some_and(|o| !o.text.is_empty()) {
            out.push(Block::Field(w.wording.clone(), w.by_counsel.clone()));
        }
        let custom_note = answers
            .overrides
            .custom
            .iter()
            .find(|c| c.id == a.id)
            .and_then(|c| c.note.as_ref());
        if let Some(n) = o.and_then(|o| o.note.as_ref()).or(custom_note) {
            out.push(Block::Field(w.note.clone(), n.clone()));
        }
        if let Some(ladder) = library.ladder(&a.id) {
            out.push(Block::Field(
                w.positions.clone(),
                ladder.title[lang].clone(),
            ));
            for p in &ladder.positions {
                let current = if p.clause == a.id { &w.current } else { "" };
                let name = format!("{}{current}", p.name[lang]);
                out.push(Block::Item(field(&name, &p.note[lang], lang)));
            }
        }
    }
    out.push(Block::Heading(2, w.excluded.clone()));
    if doc.excluded.is_empty() {
        out.push(para(&w.none));
    }
    for e in &doc.excluded {
        let note = answers
            .overrides
            .clauses
            .get(&e.id)
            .and_then(|o| o.note.as_ref())
            .map(|n| fill(&w.noted, &[("note", &field(&w.note, n, lang))]))
            .unwrap_or_default();
        let item = field(&e.title[lang], &e.reason[lang], lang);
        out.push(Block::Item(format!("{item}{note}")));
    }
    out.push(Block::Heading(2, w.warnings.clone()));
    if doc.warnings.is_empty() {
        out.push(para(&w.none));
    }
    out.extend(
        doc.warnings
            .iter()
            .map(|x| Block::Item(x.message[lang].clone())),
    );
    out.push(Block::Heading(2, w.exposure.clone()));
    for (label, name) in [
        (&w.estimate, "exposure_estimate_jpy"),
        (&w.cap, "liability_cap_jpy"),
        (&w.super_cap, "super_cap_jpy"),
    ] {
        if let Some(n) = amount(assembly, name) {
            out.push(Block::Field(label.into(), yen(n, lang)));
        }
    }
    out.push(Block::Heading(2, w.assumptions.clone()));
    let assumed = assumptions(library, answers);
    if assumed.is_empty() {
        out.push(para(&w.none));
    } else {
        out.push(para(&w.assumptions_lead));
    }
    for id in assumed {
        if let (Some(q), Some(v)) = (library.question(id), assembly.value(id)) {
            out.push(Block::Field(q.prompt[lang].clone(), q.describe(v, lang)));
        }
    }
    out.push(Block::Heading(2, w.overrides.clone()));
    let o = &answers.overrides;
    if o.is_empty() {
        out.push(para(&w.none));
    }
    for (id, ov) in &o.clauses {
        let title = library
            .clause(id)
            .map_or(id.as_str(), |c| c.title[lang].as_str());
        let what = match (&ov.exclude, &ov.variant, ov.text.is_empty()) {
            (Some(r), _, _) => fill(&w.override_excluded, &[("reason", r)]),
            (_, Some(v), _) => {
                let t = library.clause(v).map_or(v.as_str(), |c| &c.title[lang]);
                fill(&w.override_variant, &[("title", t)])
            }
            (_, _, false) => w.by_counsel.clone(),
            _ => w.override_note_only.clone(),
        };
        out.push(Block::Field(title.into(), what));
    }
    for c in &o.custom {
        let title = c.title.get(lang).or(c.title.ja.as_deref()).unwrap_or(&c.id);
        out.push(Block::Field(title.into(), w.custom.clone()));
    }
    out
}

pub fn report(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    format: ReportFormat,
    lang: Lang,
) -> String {
    let blocks = blocks(library, answers, assembly, doc, lang);
    write(&blocks, format, lang, Some(&labels::get(lang).memo.mark))
}

/// The memo as a Word file, marked 社内限り / INTERNAL in the header of every page and above
/// its title; `package` is the rider's Word package with a page header.
pub fn docx(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    lang: Lang,
    package: &[u8],
    created: Option<&str>,
) -> Result<Vec<u8>, String> {
    let blocks = blocks(library, answers, assembly, doc, lang);
    crate::report::docx::report(
        package,
        &blocks,
        lang,
        &labels::get(lang).memo.mark,
        created,
    )
}
