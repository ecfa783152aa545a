//! `word/document.xml`: the title, the parties, the preamble, the articles and, on request,
//! the drafting notes, once per language.

use super::parts::{self, FOOTER_RID, HEADER_RID};
use super::table::table;
use super::xml::{PPr, RPr, para};
use crate::document::{Annex, Article, Block, Document, Paragraph};
use crate::export::{ExportOptions, Labels};
use crate::lang::{Bilingual, Lang};

/// A4 portrait in twips, with the margins of a Japanese contract.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: (u32, u32, u32, u32) = (1701, 1588, 1418, 1588); // top, right, bottom, left
pub const TEXT_WIDTH: u32 = PAGE.0 - MARGIN.1 - MARGIN.3;

/// How one language sets its parts: the gap after a label and the paragraph styles of
/// parts.rs (Japanese in statute layout, English with the label hanging before a tab).
struct Layout {
    gap: &'static str,
    /// A labelled 項 (`２`, `2.`): the label hangs out to the margin.
    labelled: &'static str,
    /// Text of a 項 without a label of its own (the first 項, or text after its 号).
    text: &'static str,
    /// 号 (level 1) and sub-items (level 2).
    items: [&'static str; 2],
    preamble: &'static str,
    closing: &'static str,
    /// The left indent of the 項's text, where tables start.
    table_indent: u32,
}

fn layout(lang: Lang) -> Layout {
    match lang {
        Lang::Ja => Layout {
            gap: "　",
            labelled: "Clause",
            text: "ClauseText",
            items: ["ClauseItem", "ClauseSubitem"],
            preamble: "Preamble",
            closing: "Closing",
            table_indent: 210,
        },
        Lang::En => Layout {
            gap: "\t",
            labelled: "ClauseEn",
            text: "ClauseTextEn",
            items: ["ClauseItemEn", "ClauseSubitemEn"],
            preamble: "PreambleEn",
            closing: "ClosingEn",
            table_indent: 425,
        },
    }
}

/// What every part of one language's text needs: the language, its layout and words, and
/// the run properties of its text.
struct Ctx<'a> {
    lang: Lang,
    l: Layout,
    words: &'a Labels,
    r: RPr,
}

impl Ctx<'_> {
    fn word(&self, key: &str) -> &str {
        self.words.get(self.lang, key)
    }

    fn heading(&self, label: &Bilingual<String>, title: &Bilingual<String>) -> String {
        self.words
            .heading(self.lang, label.get(self.lang), title.get(self.lang))
    }
}

/// The document part; `page` is a reference document's page size and margins (else A4
/// with the rider's margins).
pub fn document(
    doc: &Document,
    opts: &ExportOptions,
    words: &Labels,
    page: Option<&str>,
) -> String {
    let (top, right, bottom, left) = MARGIN;
    let header = if opts.draft.is_some() {
        format!("<w:headerReference w:type=\"default\" r:id=\"{HEADER_RID}\"/>")
    } else {
        String::new()
    };
    let page = page.map_or_else(
        || {
            format!(
                "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
                 <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"680\" w:gutter=\"0\"/>",
                PAGE.0, PAGE.1
            )
        },
        str::to_string,
    );
    // Each language is a section of its own, its pages numbered from 1: the reference
    // translation is cited by its own page numbers.
    let sect = |restart: bool| {
        let numbering = if restart {
            "<w:pgNumType w:start=\"1\"/>"
        } else {
            ""
        };
        format!(
            "<w:sectPr>{header}<w:footerReference w:type=\"default\" r:id=\"{FOOTER_RID}\"/>\
             {page}{numbering}<w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>"
        )
    };
    let mut out = String::new();
    for (i, &lang) in opts.lang.langs().iter().enumerate() {
        let c = Ctx {
            lang,
            l: layout(lang),
            words,
            r: RPr {
                lang: Some(lang),
                ..RPr::default()
            },
        };
        if i > 0 {
            // The break that ends the part before: a new section starts a new page.
            out.push_str(&format!("<w:p><w:pPr>{}</w:pPr></w:p>", sect(i > 1)));
        }
        section(&mut out, doc, &c, i > 0, opts.notes);
    }
    let last = sect(opts.lang.langs().len() > 1);
    parts::root("document", &format!("<w:body>{out}{last}</w:body>"))
}

/// One language's part; a `translation` (the part after the first) is marked as the
/// reference translation at its start and its end.
fn section(out: &mut String, doc: &Document, c: &Ctx, translation: bool, notes: bool) {
    let (lang, r) = (c.lang, c.r);
    let bold = RPr { bold: true, ..r };
    if translation {
        para(
            out,
            &PPr::style("Translation"),
            &[(bold, c.word("translation"))],
        );
        para(
            out,
            &PPr::style("Translation"),
            &[(r, c.word("translation_note"))],
        );
    }
    para(out, &PPr::style("Title"), &[(r, doc.title.get(lang))]);
    let p = &doc.parties;
    for (label, name) in [
        ("customer", &p.customer),
        ("vendor", &p.vendor),
        ("project", &p.project),
    ] {
        para(
            out,
            &PPr::style("Parties"),
            &[(bold, c.word(label)), (r, "\t"), (r, name.get(lang))],
        );
    }
    para(
        out,
        &PPr::style(c.l.preamble),
        &[(r, doc.preamble.get(lang))],
    );
    for a in &doc.articles {
        article(out, a, c);
    }
    execution(out, doc, c);
    for a in &doc.annexes {
        annex(out, a, c);
    }
    let end = c.word("end");
    if !end.is_empty() {
        para(out, &PPr::style("End"), &[(r, end)]);
    }
    if notes {
        drafting_notes(out, doc, c);
    }
    if translation {
        para(out, &PPr::style("End"), &[(r, c.word("translation_end"))]);
    }
}

/// The closing words, the date line and the two parties' blocks, kept on one page.
fn execution(out: &mut String, doc: &Document, c: &Ctx) {
    let (lang, r) = (c.lang, c.r);
    para(out, &PPr::style(c.l.closing), &[(r, doc.closing.get(lang))]);
    para(
        out,
        &PPr::style("DateLine"),
        &[(r, doc.date_line.get(lang))],
    );
    for (i, s) in doc.signatures.iter().enumerate() {
        let last_party = i + 1 == doc.signatures.len();
        para(out, &PPr::style("SignatureParty"), &[(r, s.role.get(lang))]);
        let lines = s.lines.get(lang);
        for (j, line) in lines.iter().enumerate() {
            // Every line but the very last keeps with the next: the block stays whole.
            let ppr = PPr {
                keep_next: !(last_party && j + 1 == lines.len()),
                ..PPr::style("Signature")
            };
            para(out, &ppr, &[(r, line)]);
        }
    }
}

/// The signature block sits in the right half of the page, as on a signed contract.
pub const SIGNATURE_INDENT: u32 = TEXT_WIDTH * 2 / 5;

/// An annex from a new page, its heading `別紙1（title）`, then its body.
fn annex(out: &mut String, a: &Annex, c: &Ctx) {
    para(
        out,
        &PPr::style("AnnexHeading"),
        &[(c.r, &c.heading(&a.label, &a.title))],
    );
    paragraphs(out, a.paragraphs.get(c.lang), &c.l, c.r);
}

fn article(out: &mut String, a: &Article, c: &Ctx) {
    para(
        out,
        &PPr::style("Heading1"),
        &[(c.r, &c.heading(&a.label, &a.title))],
    );
    paragraphs(out, a.paragraphs.get(c.lang), &c.l, c.r);
}

/// The 項, 号 and tables of an article or an annex.
fn paragraphs(out: &mut String, paragraphs: &[Paragraph], l: &Layout, r: RPr) {
    for p in paragraphs {
        for (i, b) in p.blocks.iter().enumerate() {
            match b {
                Block::Text { text } => match p.label.as_deref().filter(|_| i == 0) {
                    Some(label) => para(
                        out,
                        &PPr::style(l.labelled),
                        &[(r, &format!("{label}{}{text}", l.gap))],
                    ),
                    None => para(out, &PPr::style(l.text), &[(r, text)]),
                },
                Block::Item { level, label, text } => {
                    let style = l.items[usize::from(*level > 1)];
                    para(
                        out,
                        &PPr::style(style),
                        &[(r, &format!("{label}{}{text}", l.gap))],
                    );
                }
                Block::Table { header, rows } => table(out, header, rows, l.table_indent, r),
            }
        }
    }
}

fn drafting_notes(out: &mut String, doc: &Document, c: &Ctx) {
    let (lang, r, l) = (c.lang, c.r, &c.l);
    let bold = RPr { bold: true, ..r };
    let title = PPr {
        page_break_before: true,
        ..PPr::style("Heading1")
    };
    para(out, &title, &[(r, c.word("drafting_notes_full"))]);
    let note = |out: &mut String, label: &str, text: &str| {
        para(
            out,
            &PPr::style("NoteText"),
            &[(bold, label), (r, l.gap), (r, text)],
        );
    };
    for a in &doc.articles {
        para(
            out,
            &PPr::style("Heading2"),
            &[(r, &c.heading(&a.label, &a.title))],
        );
        note(out, c.word("rationale"), a.rationale.get(lang));
        let sources: Vec<&str> = a
            .sources
            .iter()
            .map(|s| s.citation.get(lang).as_str())
            .collect();
        note(out, c.word("sources"), &sources.join(c.word("list_sep")));
        note(out, c.word("reason"), a.reason.get(lang));
    }
    if !doc.warnings.is_empty() {
        para(out, &PPr::style("Heading2"), &[(r, c.word("warnings"))]);
        for x in &doc.warnings {
            note(out, &x.code, x.message.get(lang));
        }
    }
    if !doc.excluded.is_empty() {
        para(out, &PPr::style("Heading2"), &[(r, c.word("excluded"))]);
        for e in &doc.excluded {
            note(out, e.title.get(lang), e.reason.get(lang));
        }
    }
}
