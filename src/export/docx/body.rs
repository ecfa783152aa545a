//! `word/document.xml`: the title, the parties, the preamble, the articles and, on request,
//! the drafting notes, once per language.

use super::parts::{self, FOOTER_RID};
use super::table::table;
use super::xml::{Ind, PPr, RPr, para};
use crate::document::{Article, Block, Document};
use crate::export::ExportOptions;
use crate::lang::Lang;

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
    words: Words,
}

struct Words {
    parties: [&'static str; 3],
    /// The mark that closes a Japanese contract text (以上).
    end: Option<&'static str>,
    notes: &'static str,
    rationale: &'static str,
    sources: &'static str,
    reason: &'static str,
    warnings: &'static str,
    excluded: &'static str,
    list_sep: &'static str,
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
            words: Words {
                parties: ["甲（委託者）", "乙（受託者）", "案件名"],
                end: Some("以上"),
                notes: "作成メモ（各条の趣旨、出典及び採用理由）",
                rationale: "趣旨",
                sources: "出典",
                reason: "採用理由",
                warnings: "注意事項",
                excluded: "採用しなかった条項",
                list_sep: "／",
            },
        },
        Lang::En => Layout {
            gap: "\t",
            labelled: hang(425, 425),
            text: hang(425, 0),
            items: [hang(851, 426), hang(1276, 425)],
            preamble: Ind::default(),
            words: Words {
                parties: ["Customer", "Vendor", "Project"],
                end: None,
                notes: "Drafting notes (rationale, sources and reason for selection)",
                rationale: "Rationale",
                sources: "Sources",
                reason: "Selected because",
                warnings: "Warnings",
                excluded: "Clauses not included",
                list_sep: "; ",
            },
        },
    }
}

fn heading(a: &Article, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}（{}）", a.label.get(lang), a.title.get(lang)),
        Lang::En => format!("{} ({})", a.label.get(lang), a.title.get(lang)),
    }
}

pub fn document(doc: &Document, opts: &ExportOptions) -> String {
    let mut out = String::new();
    for (i, &lang) in opts.lang.langs().iter().enumerate() {
        section(&mut out, doc, lang, i > 0, opts.notes);
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

fn section(out: &mut String, doc: &Document, lang: Lang, new_page: bool, notes: bool) {
    let l = layout(lang);
    let r = RPr {
        lang: Some(lang),
        ..RPr::default()
    };
    let bold = RPr { bold: true, ..r };
    let title = PPr {
        page_break_before: new_page,
        ..PPr::style("Title")
    };
    para(out, &title, &[(r, doc.title.get(lang))]);
    if let Some(date) = &doc.date {
        let ppr = PPr {
            spacing: Some((0, 240)),
            jc: Some("right"),
            ..PPr::default()
        };
        para(out, &ppr, &[(r, date.get(lang))]);
    }
    let p = &doc.parties;
    for (label, name) in l
        .words
        .parties
        .iter()
        .zip([&p.customer, &p.vendor, &p.project])
    {
        let ppr = PPr {
            spacing: Some((0, 40)),
            ind: Some(hang(1890, 1470)),
            ..PPr::default()
        };
        para(out, &ppr, &[(bold, label), (r, "\t"), (r, name.get(lang))]);
    }
    let preamble = PPr {
        spacing: Some((360, 120)),
        ind: Some(l.preamble),
        ..PPr::default()
    };
    para(out, &preamble, &[(r, doc.preamble.get(lang))]);
    for a in &doc.articles {
        article(out, a, lang, &l, r);
    }
    if let Some(end) = l.words.end {
        let ppr = PPr {
            spacing: Some((240, 0)),
            jc: Some("right"),
            ..PPr::default()
        };
        para(out, &ppr, &[(r, end)]);
    }
    if notes {
        drafting_notes(out, doc, lang, &l, r);
    }
}

fn article(out: &mut String, a: &Article, lang: Lang, l: &Layout, r: RPr) {
    para(out, &PPr::style("Heading1"), &[(r, &heading(a, lang))]);
    let ppr = |ind: Ind| PPr {
        spacing: Some((0, 40)),
        ind: Some(ind),
        ..PPr::default()
    };
    for p in a.paragraphs.get(lang) {
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

fn drafting_notes(out: &mut String, doc: &Document, lang: Lang, l: &Layout, r: RPr) {
    let w = &l.words;
    let bold = RPr { bold: true, ..r };
    let title = PPr {
        page_break_before: true,
        ..PPr::style("Heading1")
    };
    para(out, &title, &[(r, w.notes)]);
    let note = |out: &mut String, label: &str, text: &str| {
        para(
            out,
            &PPr::style("NoteText"),
            &[(bold, label), (r, l.gap), (r, text)],
        );
    };
    for a in &doc.articles {
        para(out, &PPr::style("Heading2"), &[(r, &heading(a, lang))]);
        note(out, w.rationale, a.rationale.get(lang));
        let sources: Vec<&str> = a
            .sources
            .iter()
            .map(|s| s.citation.get(lang).as_str())
            .collect();
        note(out, w.sources, &sources.join(w.list_sep));
        note(out, w.reason, a.reason.get(lang));
    }
    if !doc.warnings.is_empty() {
        para(out, &PPr::style("Heading2"), &[(r, w.warnings)]);
        for x in &doc.warnings {
            note(out, &x.code, x.message.get(lang));
        }
    }
    if !doc.excluded.is_empty() {
        para(out, &PPr::style("Heading2"), &[(r, w.excluded)]);
        for e in &doc.excluded {
            note(out, e.title.get(lang), e.reason.get(lang));
        }
    }
}
