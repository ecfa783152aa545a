//! The document part of a Word package read back as secdraft writes it: paragraphs
//! with their properties and runs, and tables of rows, for the redline to compare.

/// A run of our writer's output: its properties as written, and its text with line breaks
/// as `\n` and tabs as `\t`.
pub(super) struct Run<'x> {
    pub(super) rpr: &'x str,
    pub(super) text: String,
}

pub(super) struct Para<'x> {
    pub(super) src: &'x str,
    pub(super) ppr: &'x str,
    pub(super) runs: Vec<Run<'x>>,
}

pub(super) struct Row<'x> {
    /// The inside of `w:trPr`.
    pub(super) trpr: &'x str,
    pub(super) cells: Vec<(&'x str, Vec<Para<'x>>)>,
}

pub(super) enum Item<'x> {
    Para(Para<'x>),
    Table {
        src: &'x str,
        /// `w:tblPr` and `w:tblGrid`.
        head: &'x str,
        rows: Vec<Row<'x>>,
    },
}

impl Item<'_> {
    pub(super) fn src(&self) -> &str {
        match self {
            Item::Para(p) => p.src,
            Item::Table { src, .. } => src,
        }
    }
}

/// Takes the element that `s` starts with, if it opens with `open`.
fn take<'x>(s: &mut &'x str, open: &str, close: &str) -> Option<&'x str> {
    if !s.starts_with(open) {
        return None;
    }
    let end = s.find(close)? + close.len();
    let (element, rest) = s.split_at(end);
    *s = rest;
    Some(element)
}

fn inner<'x>(element: &'x str, open: &str, close: &str) -> &'x str {
    &element[open.len()..element.len() - close.len()]
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn unexpected(s: &str) -> String {
    let shown: String = s.chars().take(60).collect();
    format!("unexpected content in the Word document part: {shown}")
}

pub(super) fn parse_para(src: &str) -> Result<Para<'_>, String> {
    let mut s = inner(src, "<w:p>", "</w:p>");
    let ppr = take(&mut s, "<w:pPr>", "</w:pPr>").unwrap_or("");
    let mut runs = Vec::new();
    while !s.is_empty() {
        let run = take(&mut s, "<w:r>", "</w:r>").ok_or_else(|| unexpected(s))?;
        let mut r = inner(run, "<w:r>", "</w:r>");
        let rpr = take(&mut r, "<w:rPr>", "</w:rPr>").unwrap_or("");
        let mut text = String::new();
        while !r.is_empty() {
            if let Some(t) = take(&mut r, "<w:t xml:space=\"preserve\">", "</w:t>") {
                text.push_str(&unescape(inner(
                    t,
                    "<w:t xml:space=\"preserve\">",
                    "</w:t>",
                )));
            } else if let Some(t) = take(&mut r, "<w:t>", "</w:t>") {
                text.push_str(&unescape(inner(t, "<w:t>", "</w:t>")));
            } else if let Some(rest) = r.strip_prefix("<w:br/>") {
                text.push('\n');
                r = rest;
            } else if let Some(rest) = r.strip_prefix("<w:tab/>") {
                text.push('\t');
                r = rest;
            } else {
                return Err(unexpected(r));
            }
        }
        runs.push(Run { rpr, text });
    }
    Ok(Para { src, ppr, runs })
}

fn parse_paras(mut s: &str) -> Result<Vec<Para<'_>>, String> {
    let mut out = Vec::new();
    while !s.is_empty() {
        let p = take(&mut s, "<w:p>", "</w:p>").ok_or_else(|| unexpected(s))?;
        out.push(parse_para(p)?);
    }
    Ok(out)
}

fn parse_table(src: &str) -> Result<Item<'_>, String> {
    let s = inner(src, "<w:tbl>", "</w:tbl>");
    let split = s.find("<w:tr>").unwrap_or(s.len());
    let (head, mut s) = s.split_at(split);
    let mut rows = Vec::new();
    while !s.is_empty() {
        let tr = take(&mut s, "<w:tr>", "</w:tr>").ok_or_else(|| unexpected(s))?;
        let mut r = inner(tr, "<w:tr>", "</w:tr>");
        let trpr =
            take(&mut r, "<w:trPr>", "</w:trPr>").map_or("", |t| inner(t, "<w:trPr>", "</w:trPr>"));
        let mut cells = Vec::new();
        while !r.is_empty() {
            let tc = take(&mut r, "<w:tc>", "</w:tc>").ok_or_else(|| unexpected(r))?;
            let mut c = inner(tc, "<w:tc>", "</w:tc>");
            let tcpr = take(&mut c, "<w:tcPr>", "</w:tcPr>").unwrap_or("");
            cells.push((tcpr, parse_paras(c)?));
        }
        rows.push(Row { trpr, cells });
    }
    Ok(Item::Table { src, head, rows })
}

/// The document part around its body's content, and the content's paragraphs and tables.
pub(super) fn parse(document: &str) -> Result<(&str, Vec<Item<'_>>, &str), String> {
    let start = document
        .find("<w:body>")
        .map(|i| i + "<w:body>".len())
        .ok_or("the Word document part has no body")?;
    let end = document
        .rfind("<w:sectPr>")
        .filter(|&e| e >= start)
        .ok_or("the Word document part has no section")?;
    let mut s = &document[start..end];
    let mut items = Vec::new();
    while !s.is_empty() {
        if let Some(p) = take(&mut s, "<w:p>", "</w:p>") {
            items.push(Item::Para(parse_para(p)?));
        } else if let Some(t) = take(&mut s, "<w:tbl>", "</w:tbl>") {
            items.push(parse_table(t)?);
        } else {
            return Err(unexpected(s));
        }
    }
    Ok((&document[..start], items, &document[end..]))
}
