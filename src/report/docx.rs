//! Internal reports as Word files. A report's package is a rider's package (styles, fonts,
//! page setup, footer), with its parts replaced: the redline replaces the text, the memo the
//! text, the page header and the properties. So every Word file secdraft writes looks
//! the same, and the rider's writer stays the only one that knows the parts.

use std::io::{Read, Write};

use zip::{ZipArchive, ZipWriter};

use super::{Block, Run};
use crate::export::docx::parts;
use crate::export::docx::xml::{PPr, RPr, para};
use crate::lang::Lang;

/// One part of a package we wrote, as text.
pub fn part(package: &[u8], name: &str) -> Result<String, String> {
    let mut zip = ZipArchive::new(std::io::Cursor::new(package))
        .map_err(|e| format!("cannot read the Word package: {e}"))?;
    let mut text = String::new();
    zip.by_name(name)
        .map_err(|e| format!("the Word package has no {name}: {e}"))?
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok(text)
}

/// The package with the named parts' text replaced; every other entry is copied as it is,
/// in its order, so the same input still gives the same bytes.
pub(crate) fn repackage(package: &[u8], replace: &[(&str, String)]) -> Result<Vec<u8>, String> {
    let mut zip = ZipArchive::new(std::io::Cursor::new(package))
        .map_err(|e| format!("cannot read the Word package: {e}"))?;
    let mut out = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = crate::export::docx::entry_options();
    let fail = |e: &dyn std::fmt::Display| format!("cannot build the Word package: {e}");
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| fail(&e))?;
        let name = entry.name().map_err(|e| fail(&e))?.into_owned();
        match replace.iter().find(|(n, _)| *n == name) {
            Some((name, text)) => {
                out.start_file(*name, options).map_err(|e| fail(&e))?;
                out.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
            }
            None => out.raw_copy_file(entry).map_err(|e| fail(&e))?,
        }
    }
    out.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| fail(&e))
}

/// The last section's properties of a document part (page, header and footer references).
fn last_section(document: &str) -> Result<&str, String> {
    let start = document
        .rfind("<w:sectPr>")
        .ok_or("the document part has no section")?;
    let len = document[start..]
        .find("</w:sectPr>")
        .ok_or("the document part's section is not closed")?;
    Ok(&document[start..start + len + "</w:sectPr>".len()])
}

/// A report in Word: `package` is a rider's package with a page header (a draft), whose
/// header says `mark` on every page instead. Headings are the rider's title and heading
/// styles, fields a bold label and its text.
pub fn report(
    package: &[u8],
    blocks: &[Block],
    lang: Lang,
    mark: &str,
    created: Option<&str>,
) -> Result<Vec<u8>, String> {
    let document = part(package, "word/document.xml")?;
    let r = RPr {
        lang: Some(lang),
        ..RPr::default()
    };
    let bold = RPr { bold: true, ..r };
    let sep = if lang == Lang::Ja { "：" } else { ": " };
    let mut body = String::new();
    para(&mut body, &PPr::style("Header"), &[(bold, mark)]);
    let mut title = "";
    for b in blocks {
        match b {
            Block::Heading(1, t) => {
                title = t;
                para(&mut body, &PPr::style("Title"), &[(r, t)]);
            }
            Block::Heading(n, t) => {
                let style = if *n == 2 { "Heading1" } else { "Heading2" };
                para(&mut body, &PPr::style(style), &[(r, t)]);
            }
            Block::Para(runs) => {
                // Memo text has no marks; a mark is kept as its words.
                let texts: Vec<(RPr, &str)> = runs
                    .iter()
                    .map(|run| match run {
                        Run::Plain(t) | Run::Ins(t) | Run::Del(t) => (r, t.as_str()),
                    })
                    .collect();
                para(&mut body, &PPr::style("NoteText"), &texts);
            }
            Block::Field(k, v) => para(
                &mut body,
                &PPr::style("NoteText"),
                &[(bold, k), (r, sep), (r, v)],
            ),
            Block::Item(t) => para(&mut body, &PPr::style("NoteText"), &[(r, "・"), (r, t)]),
        }
    }
    let body = format!("<w:body>{body}{}</w:body>", last_section(&document)?);
    let subject = blocks
        .iter()
        .find_map(|b| match b {
            Block::Para(runs) => runs.first().map(|r| match r {
                Run::Plain(t) | Run::Ins(t) | Run::Del(t) => t.as_str(),
            }),
            _ => None,
        })
        .unwrap_or_default();
    repackage(
        package,
        &[
            ("word/document.xml", parts::root("document", &body)),
            ("word/header1.xml", parts::header(mark)),
            (
                "docProps/core.xml",
                parts::core(
                    title,
                    subject,
                    crate::export::docx::xml::lang_tag(lang),
                    created,
                ),
            ),
        ],
    )
}
