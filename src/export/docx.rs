//! `build --format docx`: a Word document written part by part with `zip`, so that every
//! element is where the schema puts it (see `xml`). A4, Mincho for Japanese text, one
//! `Heading1` paragraph per article, 項 and 号 with the labels the document model computed
//! set in hanging indents, tables as real tables, page numbers in the footer.
//!
//! With both languages the Japanese text comes first and the English follows from a new
//! page (docs/user-guide.md, "Exported documents", says why).

mod body;
mod page;
pub(crate) mod parts;
mod reference;
mod sink;
mod table;
pub(crate) mod xml;

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub use reference::Reference;

use super::{ExportOptions, Labels};
use crate::document::Document;
use crate::lang::Lang;

/// Deflate level 2 of 9: about half the default level's (6) time for a package a fifth
/// larger (58.8 KB against 49.7 KB for a scenario in two languages; docs/benchmarks.md).
/// Level 1 is faster still but half as large again.
const DEFLATE_LEVEL: i64 = 2;

/// How every part of a Word package secdraft writes is stored: deflated at
/// [`DEFLATE_LEVEL`], with a fixed time and mode so that the same input gives the same
/// bytes.
pub(crate) fn entry_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
}

/// The bytes of the `.docx` package. The same document and options give the same bytes:
/// every entry carries the zip epoch as its time, and `created` comes from the caller.
pub fn export(doc: &Document, opts: &ExportOptions, labels: &Labels) -> Result<Vec<u8>, String> {
    let primary = opts.lang.primary();
    // The caller's timestamp, else the contract date, else none: the exporter reads no clock.
    let created = opts.created.map(parts::w3c_datetime).or_else(|| {
        crate::format::parse_date(&doc.meta.date).map(|_| format!("{}T00:00:00Z", doc.meta.date))
    });
    let title = xml::clean(&doc.title[primary]).replace('\n', " ");
    let subject = xml::clean(&doc.parties.project[primary]).replace('\n', " ");
    // The page header of a draft: its marker, version and date in the words of `lang`.
    let marker = |lang, version: &str| {
        let date = created
            .as_deref()
            .and_then(|c| crate::format::date(&c[..10.min(c.len())], lang));
        [
            &labels.of(lang).draft,
            version,
            date.as_deref().unwrap_or(""),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(&labels.of(lang).gap)
    };
    let draft = opts.draft.as_deref().map(|v| marker(primary, v));
    let translation_draft = opts
        .draft
        .as_deref()
        .filter(|_| body::translation_header(opts))
        .map(|v| marker(Lang::En, v));
    let reference = opts.reference.as_deref();
    let theme = reference.and_then(Reference::theme);
    let parts = parts::Parts {
        header: draft.is_some(),
        translation_header: translation_draft.is_some(),
        theme: theme.is_some(),
    };
    let styles = match reference {
        Some(r) => r.styles(&parts::styles()),
        None => parts::styles(),
    };
    let font_table = reference
        .and_then(Reference::font_table)
        .map_or_else(parts::font_table, str::to_string);
    let page = reference.and_then(Reference::page);
    let before: [(&str, String); 3] = [
        ("[Content_Types].xml", parts.content_types()),
        ("_rels/.rels", parts::PACKAGE_RELS.to_string()),
        ("word/_rels/document.xml.rels", parts.document_rels()),
    ];
    let mut after: Vec<(&str, String)> = vec![
        ("word/styles.xml", styles),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", font_table),
        (
            "word/footer1.xml",
            parts::footer(opts.lang.langs().len() == 1 || opts.parallel),
        ),
        (
            "docProps/core.xml",
            parts::core(&title, &subject, xml::lang_tag(primary), created.as_deref()),
        ),
        ("docProps/app.xml", parts::app()),
    ];
    if let Some(text) = &draft {
        after.push(("word/header1.xml", parts::header(text)));
    }
    if let Some(text) = &translation_draft {
        after.push(("word/header2.xml", parts::header(text)));
    }
    if let Some(theme) = theme {
        after.push(("word/theme/theme1.xml", theme.to_string()));
    }
    let mut zip: Package = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = entry_options();
    for (name, text) in &before {
        add(&mut zip, name, options, |z| z.write_all(text.as_bytes()))?;
    }
    // The body, by far the largest part, goes into the package as it is written.
    add(&mut zip, "word/document.xml", options, |z| {
        body::document(doc, opts, labels, page, z)
    })?;
    for (name, text) in &after {
        add(&mut zip, name, options, |z| z.write_all(text.as_bytes()))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| format!("cannot build the Word package: {e}"))
}

type Package = ZipWriter<std::io::Cursor<Vec<u8>>>;

/// Adds the part `name` to the package, its bytes written by `write`.
fn add(
    zip: &mut Package,
    name: &str,
    options: SimpleFileOptions,
    write: impl FnOnce(&mut Package) -> std::io::Result<()>,
) -> Result<(), String> {
    zip.start_file(name, options)
        .and_then(|()| write(zip).map_err(Into::into))
        .map_err(|e| format!("cannot build the Word package ({name}): {e}"))
}
