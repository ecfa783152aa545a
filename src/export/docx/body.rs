//! `word/document.xml`: the title, the parties, the preamble, the articles, the execution
//! block and the annexes, once per language (or side by side).

use std::io::{self, Write};

use super::page::{Breaks, LANDSCAPE_WIDTH, MARGIN, PAGE, page_setup};
use super::parts::{self, HEADER_RID, TRANSLATION_HEADER_RID};
use super::sink::Sink;
use super::table::table;
use super::xml::{Ind, PPr, RPr, para};
use crate::document::{Article, Block, Document, Paragraph};
use crate::export::layout::{self, Row};
use crate::export::{ExportOptions, Labels};
use crate::lang::{Bilingual, Lang};

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
    fn labels(&self) -> &crate::labels::DocumentLabels {
        self.words.of(self.lang)
    }

    fn heading(&self, label: &Bilingual<String>, title: &Bilingual<String>) -> String {
        self.words
            .heading(self.lang, &label[self.lang], &title[self.lang])
    }
}

/// Writes the document part to `to`; `page` is a reference document's page size and
/// margins (else A4 with the rider's margins).
pub fn document(
    doc: &Document,
    opts: &ExportOptions,
    words: &Labels,
    page: Option<&str>,
    to: &mut dyn Write,
) -> io::Result<()> {
    let reference = |rid: &str| {
        if opts.draft.is_some() {
            format!("<w:headerReference w:type=\"default\" r:id=\"{rid}\"/>")
        } else {
            String::new()
        }
    };
    let header = reference(HEADER_RID);
    let mut breaks = Breaks {
        header,
        page: page.map_or_else(|| page_setup(PAGE, MARGIN), str::to_string),
        restart: false,
    };
    let ctx = |lang| Ctx {
        lang,
        l: layout(lang),
        words,
        r: RPr {
            lang: Some(lang),
            ..RPr::default()
        },
    };
    let mut sink = Sink::new(to);
    let mut out = parts::root_start("document");
    out.push_str("<w:body>");
    if opts.parallel {
        let ctxs = [&ctx(Lang::Ja), &ctx(Lang::En)];
        parallel(&mut out, doc, ctxs, &mut breaks, &mut sink);
    } else {
        for (i, &lang) in opts.lang.langs().iter().enumerate() {
            if i > 0 {
                // The break that ends the part before: a new section starts a new page.
                // Each language is a section of its own, its pages numbered from 1: the
                // reference translation is cited by its own page numbers.
                breaks.close(&mut out, false);
                breaks.restart = true;
                if translation_header(opts) {
                    breaks.header = reference(TRANSLATION_HEADER_RID);
                }
            }
            section(&mut out, doc, &ctx(lang), &mut breaks, i > 0, &mut sink);
        }
    }
    out.push_str(&breaks.sect(false));
    out.push_str("</w:body></w:document>");
    sink.finish(&mut out)
}

/// Whether the reference translation has a page header of its own: a draft in both
/// languages, one after the other, says 案 over the Japanese and DRAFT over the English.
pub(super) fn translation_header(opts: &ExportOptions) -> bool {
    opts.draft.is_some() && opts.lang.langs().len() > 1 && !opts.parallel
}

/// One language's part; a `translation` (the part after the first) is marked as the
/// reference translation at its start and its end.
fn section(
    out: &mut String,
    doc: &Document,
    c: &Ctx,
    breaks: &mut Breaks,
    translation: bool,
    sink: &mut Sink,
) {
    let (lang, r) = (c.lang, c.r);
    let bold = RPr { bold: true, ..r };
    if translation {
        para(
            out,
            &PPr::style("Translation"),
            &[(bold, &c.labels().translation)],
        );
        para(
            out,
            &PPr::style("Translation"),
            &[(r, &c.labels().translation_note)],
        );
    }
    para(out, &PPr::style("Title"), &[(r, &doc.title[lang])]);
    parties(out, doc, c);
    para(out, &PPr::style(c.l.preamble), &[(r, &doc.preamble[lang])]);
    for a in &doc.articles {
        article(out, a, c);
        sink.spill(out);
    }
    execution(out, doc, c, false);
    annexes(out, doc, c, breaks, true);
    if translation {
        para(out, &PPr::style("End"), &[(r, &c.labels().translation_end)]);
    }
}

/// 甲, 乙 and the project, one line each.
fn parties(out: &mut String, doc: &Document, c: &Ctx) {
    let bold = RPr { bold: true, ..c.r };
    let p = &doc.parties;
    let l = c.labels();
    for (label, name) in [
        (&l.customer, &p.customer),
        (&l.vendor, &p.vendor),
        (&l.project, &p.project),
    ] {
        para(
            out,
            &PPr::style("Parties"),
            &[(bold, label), (c.r, "\t"), (c.r, &name[c.lang])],
        );
    }
}

/// The closing words, the date line and the two parties' blocks, kept on one page. In a
/// column of the parallel layout (`in_column`) the blocks start at the column's edge: the
/// right half of a half-width column leaves a word a line.
fn execution(out: &mut String, doc: &Document, c: &Ctx, in_column: bool) {
    let (lang, r) = (c.lang, c.r);
    let ind = in_column.then_some(Ind::default());
    para(out, &PPr::style(c.l.closing), &[(r, &doc.closing[lang])]);
    para(out, &PPr::style("DateLine"), &[(r, &doc.date_line[lang])]);
    for (i, s) in doc.signatures.iter().enumerate() {
        let last_party = i + 1 == doc.signatures.len();
        let party = PPr {
            ind,
            ..PPr::style("SignatureParty")
        };
        para(out, &party, &[(r, &s.role[lang])]);
        let lines = &s.lines[lang];
        for (j, line) in lines.iter().enumerate() {
            // Every line but the very last keeps with the next: the block stays whole.
            let ppr = PPr {
                keep_next: !(last_party && j + 1 == lines.len()),
                ind,
                ..PPr::style("Signature")
            };
            para(out, &ppr, &[(r, line)]);
        }
    }
}

/// The signature block sits in the right half of the page, as on a signed contract.
pub(crate) const SIGNATURE_INDENT: u32 = TEXT_WIDTH * 2 / 5;

/// The annexes, each from a new page, then the closing mark (以上) when `end`. An annex
/// with a wide table is a landscape section of its own; the closing mark after the last
/// annex stays on its page rather than on a page of its own.
fn annexes(out: &mut String, doc: &Document, c: &Ctx, breaks: &mut Breaks, end: bool) {
    let mark = |out: &mut String| {
        let word = &c.labels().end;
        if end && !word.is_empty() {
            para(out, &PPr::style("End"), &[(c.r, word)]);
        }
    };
    if doc.annexes.is_empty() {
        mark(out);
    }
    for (i, a) in doc.annexes.iter().enumerate() {
        let wide = layout::is_wide(a);
        if wide {
            breaks.close(out, false);
        }
        let heading = PPr {
            // The section break already starts a new page.
            page_break_before: wide.then_some(false),
            ..PPr::style("AnnexHeading")
        };
        para(out, &heading, &[(c.r, &c.heading(&a.label, &a.title))]);
        let width = if wide { LANDSCAPE_WIDTH } else { TEXT_WIDTH };
        paragraphs(out, &a.paragraphs[c.lang], &c.l, c.r, width);
        if i + 1 == doc.annexes.len() {
            mark(out);
        }
        if wide {
            breaks.close(out, true);
        }
    }
}

fn article(out: &mut String, a: &Article, c: &Ctx) {
    para(
        out,
        &PPr::style("Heading1"),
        &[(c.r, &c.heading(&a.label, &a.title))],
    );
    paragraphs(out, &a.paragraphs[c.lang], &c.l, c.r, TEXT_WIDTH);
}

/// The 項, 号 and tables of an article or an annex, in a text `width` wide.
fn paragraphs(out: &mut String, paragraphs: &[Paragraph], l: &Layout, r: RPr, width: u32) {
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
                Block::Table { header, rows } => {
                    table(out, header, rows, l.table_indent, width, r);
                }
            }
        }
    }
}

/// `--layout parallel`: one table of two columns, the Japanese left and the English right,
/// its head repeated on every page: the title, parties and preamble, each article (its
/// heading row, then its 項 and 号 side by side) and the execution block. The annexes
/// follow in sequence, the Japanese then the English, each from a new page: their tables
/// need the whole width, and a form is filled in once. docs/user-guide.md says so.
fn parallel(out: &mut String, doc: &Document, c: [&Ctx; 2], breaks: &mut Breaks, sink: &mut Sink) {
    const COLUMN: u32 = TEXT_WIDTH / 2;
    // A table nested in a cell is as wide as the cell less its padding.
    const INNER: u32 = COLUMN - 216;
    let line = "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:tblBorders>{line}</w:tblBorders>\
         <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\
         <w:tblGrid><w:gridCol w:w=\"{COLUMN}\"/><w:gridCol w:w=\"{COLUMN}\"/></w:tblGrid>"
    ));
    let row = |out: &mut String, head: bool, whole: bool, cell: &dyn Fn(&mut String, &Ctx)| {
        out.push_str("<w:tr><w:trPr>");
        if whole {
            out.push_str("<w:cantSplit/>");
        }
        if head {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for c in c {
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{COLUMN}\" w:type=\"dxa\"/>"
            ));
            if head {
                out.push_str("<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>");
            }
            out.push_str("</w:tcPr>");
            let start = out.len();
            cell(out, c);
            // A cell ends with a paragraph.
            if !out[start..].ends_with("</w:p>") {
                out.push_str("<w:p/>");
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(out, true, true, &|out, c| {
        let head = if c.lang == Lang::Ja {
            &c.labels().original
        } else {
            &c.labels().translation
        };
        let bold = RPr { bold: true, ..c.r };
        para(out, &PPr::style("Translation"), &[(bold, head)]);
    });
    row(out, false, true, &|out, c| {
        // 14 pt rather than the title's 16: the Japanese title then fits on one line of
        // its half of the page.
        let r = RPr {
            size: Some(28),
            ..c.r
        };
        para(out, &PPr::style("Title"), &[(r, &doc.title[c.lang])]);
        if c.lang == Lang::En {
            para(
                out,
                &PPr::style("Translation"),
                &[(c.r, &c.labels().translation_note)],
            );
        }
    });
    row(out, false, true, &|out, c| parties(out, doc, c));
    row(out, false, false, &|out, c| {
        para(
            out,
            &PPr::style(c.l.preamble),
            &[(c.r, &doc.preamble[c.lang])],
        );
    });
    for a in &doc.articles {
        row(out, false, true, &|out, c| {
            para(
                out,
                &PPr::style("Heading1"),
                &[(c.r, &c.heading(&a.label, &a.title))],
            );
        });
        for r in layout::rows(&a.paragraphs.ja, &a.paragraphs.en) {
            let Row { ja, en } = &r;
            // A row runs on to the next page where it must: a row kept whole leaves the rest
            // of the page empty whenever it does not fit, and the English column of a row is
            // often half a page. The heading row above stays with it (keepNext).
            row(out, false, false, &|out, c| {
                let p = if c.lang == Lang::Ja { ja } else { en };
                paragraphs(out, p, &c.l, c.r, INNER);
            });
        }
        sink.spill(out);
    }
    row(out, false, true, &|out, c| execution(out, doc, c, true));
    out.push_str("</w:tbl>");
    let [ja, en] = c;
    annexes(out, doc, ja, breaks, true);
    annexes(out, doc, en, breaks, false);
    para(
        out,
        &PPr::style("End"),
        &[(en.r, &en.labels().translation_end)],
    );
}
