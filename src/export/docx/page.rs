//! Pages and sections of the document part: the page size and margins, and the section
//! breaks that start a translation or a landscape annex on a page of its own.

use super::parts::FOOTER_RID;

/// A4 portrait in twips, with the margins of a Japanese contract.
pub(super) const PAGE: (u32, u32) = (11906, 16838);
pub(super) const MARGIN: (u32, u32, u32, u32) = (1701, 1588, 1418, 1588); // top, right, bottom, left

/// `<w:pgSz>` and `<w:pgMar>` of a page of `size` (width, height) and `margin`.
pub(super) fn page_setup(size: (u32, u32), margin: (u32, u32, u32, u32)) -> String {
    let (top, right, bottom, left) = margin;
    format!(
        "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"680\" w:gutter=\"0\"/>",
        size.0, size.1
    )
}

/// The same page turned: width and height swapped, marked landscape; the margins stay
/// where they are, so the text is as far from each edge as on the portrait pages.
fn landscape(page: &str) -> String {
    let attr = |name: &str| -> Option<&str> {
        let (_, rest) = page.split_once(&format!(" {name}=\""))?;
        rest.split_once('"').map(|(v, _)| v)
    };
    let (Some(w), Some(h)) = (attr("w:w"), attr("w:h")) else {
        return page.to_string();
    };
    let size_end = page.find("/>").map_or(0, |i| i + 2);
    format!(
        "<w:pgSz w:w=\"{h}\" w:h=\"{w}\" w:orient=\"landscape\"/>{}",
        &page[size_end..]
    )
}

/// The text width of a landscape page of the rider's own setup.
pub(super) const LANDSCAPE_WIDTH: u32 = PAGE.1 - MARGIN.1 - MARGIN.3;

/// The section properties of the document: every section has the page header and
/// footer; `restart` numbers the next section to close from 1 (the first of a translation).
pub(super) struct Breaks {
    pub(super) header: String,
    pub(super) page: String,
    pub(super) restart: bool,
}

impl Breaks {
    pub(super) fn sect(&mut self, landscape: bool) -> String {
        let numbering = if std::mem::take(&mut self.restart) {
            "<w:pgNumType w:start=\"1\"/>"
        } else {
            ""
        };
        let page = if landscape {
            self::landscape(&self.page)
        } else {
            self.page.clone()
        };
        format!(
            "<w:sectPr>{}<w:footerReference w:type=\"default\" r:id=\"{FOOTER_RID}\"/>\
             {page}{numbering}<w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>",
            self.header
        )
    }

    /// Ends the section so far (landscape or not) with an empty paragraph; what follows
    /// starts a new page.
    pub(super) fn close(&mut self, out: &mut String, landscape: bool) {
        let sect = self.sect(landscape);
        out.push_str(&format!("<w:p><w:pPr>{sect}</w:pPr></w:p>"));
    }
}
