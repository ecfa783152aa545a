//! `word/document.xml`: the title, the parties, the preamble, the articles and, on request,
//! the drafting notes, once per language.

use super::parts::{self, FOOTER_RID};
use super::table::table;
use super::xml::{Ind, PPr, RPr, para};
use crate::document::{Annex, Article, Block, Document, Paragraph};
use crate::export::{ExportOptions, Labels};
use crate::lang::{Bilingual, Lang};

/// A4 portrait in twips, with the margins of a Japanese contract.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: (u32, u32, u32, u32) = (1701, 1588, 1418, 1588); // top, right, bottom, left
pub const TEXT_WIDTH: u32 = PAGE.0 - MARGIN.1 - MARGIN.3;

/// How one language sets its labels: the gap after a label and the indents of 項 and 号.
/// Japanese follows statute layout (label, an ideographic space, wrapped lines one
/// character in); English hangs the label in front of a tab.
struct Layout {
    gap: &'static str,
    /// A labelled 項 (`２`, `2.`): the label hangs out to the margin.
    labelled: Ind,
    /// Text of a 項 without a label of its own (the first 項, or text after its 号).
    text: Ind,
    /// 号 (level 1) and sub-items (level 2).
    items: [Ind; 2],
    preamble: Ind,
}

const fn hang(left: u32, hanging: u32) -> Ind {
    Ind {
        left,
        hanging,
        first_line: 0,
    }
}

fn layout(lang: Lang) -> Layout {
    match lang {
        Lang::Ja => Layout {
            gap: "　",
            labelled: hang(210, 210),
            text: hang(210, 0),
            items: [hang(420, 210), hang(630, 210)],
            preamble: Ind {
                left: 0,
                hanging: 0,
                first_line: 210,
            },
        },
        Lang::En => Layout {
            gap: "\t",
            labelled: hang(425, 425),
            text: hang(425, 0),
            items: [hang(851, 426), hang(1276, 425)],
            preamble: Ind::default(),
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

pub fn document(doc: &Document, opts: &ExportOptions, words: &Labels) -> String {
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
        section(&mut out, doc, &c, i > 0, opts.notes);
    }
    let (top, right, bottom, left) = MARGIN;
    let sect = format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{FOOTER_RID}\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"680\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>",
        PAGE.0, PAGE.1
    );
    parts::root("document", &format!("<w:body>{out}{sect}</w:body>"))
}

fn section(out: &mut String, doc: &Document, c: &Ctx, new_page: bool, notes: bool) {
    let (lang, r) = (c.lang, c.r);
    let bold = RPr { bold: true, ..r };
    let title = PPr {
        page_break_before: new_page,
        ..PPr::style("Title")
    };
    para(out, &title, &[(r, doc.title.get(lang))]);
    let p = &doc.parties;
    for (label, name) in [
        ("customer", &p.customer),
        ("vendor", &p.vendor),
        ("project", &p.project),
    ] {
        let ppr = PPr {
            spacing: Some((0, 40)),
            ind: Some(hang(1890, 1470)),
            ..PPr::default()
        };
        para(
            out,
            &ppr,
            &[(bold, c.word(label)), (r, "\t"), (r, name.get(lang))],
        );
    }
    let preamble = PPr {
        spacing: Some((360, 120)),
        ind: Some(c.l.preamble),
        ..PPr::default()
    };
    para(out, &preamble, &[(r, doc.preamble.get(lang))]);
    for a in &doc.articles {
        article(out, a, c);
    }
    execution(out, doc, c);
    for a in &doc.annexes {
        annex(out, a, c);
    }
    let end = c.word("end");
    if !end.is_empty() {
        let ppr = PPr {
            spacing: Some((240, 0)),
            jc: Some("right"),
            ..PPr::default()
        };
        para(out, &ppr, &[(r, end)]);
    }
    if notes {
        drafting_notes(out, doc, c);
    }
}

/// The closing words, the date line and the two parties' blocks, kept on one page.
fn execution(out: &mut String, doc: &Document, c: &Ctx) {
    let (lang, r) = (c.lang, c.r);
    let closing = PPr {
        keep_next: true,
        spacing: Some((360, 240)),
        ind: Some(c.l.preamble),
        ..PPr::default()
    };
    para(out, &closing, &[(r, doc.closing.get(lang))]);
    let date = PPr {
        keep_next: true,
        spacing: Some((0, 240)),
        ind: Some(hang(420, 0)),
        ..PPr::default()
    };
    para(out, &date, &[(r, doc.date_line.get(lang))]);
    let block = |last: bool, before: u32| PPr {
        keep_next: !last,
        spacing: Some((before, 40)),
        ind: Some(hang(SIGNATURE_INDENT, 0)),
        ..PPr::default()
    };
    for (i, s) in doc.signatures.iter().enumerate() {
        let last_party = i + 1 == doc.signatures.len();
        para(
            out,
            &block(false, 240),
            &[(RPr { bold: true, ..r }, s.role.get(lang))],
        );
        let lines = s.lines.get(lang);
        for (j, line) in lines.iter().enumerate() {
            para(
                out,
                &block(last_party && j + 1 == lines.len(), 0),
                &[(r, line)],
            );
        }
    }
}

/// The signature block sits in the right half of the page, as on a signed contract.
const SIGNATURE_INDENT: u32 = TEXT_WIDTH * 2 / 5;

/// An annex from a new page, its heading `別紙1（title）`, then its body.
fn annex(out: &mut String, a: &Annex, c: &Ctx) {
    let title = PPr {
        page_break_before: true,
        ..PPr::style("Heading1")
    };
    para(out, &title, &[(c.r, &c.heading(&a.label, &a.title))]);
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
    let ppr = |ind: Ind| PPr {
        spacing: Some((0, 40)),
        ind: Some(ind),
        ..PPr::default()
    };
    for p in paragraphs {
        for (i, b) in p.blocks.iter().enumerate() {
            match b {
                Block::Text { text } => match p.label.as_deref().filter(|_| i == 0) {
                    Some(label) => para(
                        out,
                        &ppr(l.labelled),
                        &[(r, &format!("{label}{}{text}", l.gap))],
                    ),
                    None => para(out, &ppr(l.text), &[(r, text)]),
                },
                Block::Item { level, label, text } => {
                    let ind = l.items[usize::from(*level > 1)];
                    para(out, &ppr(ind), &[(r, &format!("{label}{}{text}", l.gap))]);
                }
                Block::Table { header, rows } => table(out, header, rows, l.text.left, r),
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
