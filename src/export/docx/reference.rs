//! `--reference-docx FILE`: a house style taken from a Word file, as pandoc's
//! `--reference-doc` takes one. From the file: its styles (where it defines one of the ids
//! the rider uses, its definition wins; the rider's own are added for the others), its
//! theme and font table, and its page size and margins. Its text, headers and footers are
//! not taken: the rider keeps its page number and draft marker.

use std::io::Read;

/// Any one part of the reference read at most this far: a zip bomb stops here.
const PART_LIMIT: u64 = 16 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    styles: String,
    theme: Option<String>,
    font_table: Option<String>,
    /// `<w:pgSz …/>` and `<w:pgMar …/>` of the reference's last section.
    page: Option<String>,
}

impl Reference {
    /// Reads the parts of a `.docx` package; what is wrong is said in words.
    pub fn read(bytes: &[u8]) -> Result<Reference, String> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| format!("not a Word document (not a zip package: {e})"))?;
        let mut part = |name: &str| -> Result<Option<String>, String> {
            let Ok(entry) = zip.by_name(name) else {
                return Ok(None);
            };
            let mut text = String::new();
            entry
                .take(PART_LIMIT + 1)
                .read_to_string(&mut text)
                .map_err(|e| format!("{name} cannot be read: {e}"))?;
            if text.len() as u64 > PART_LIMIT {
                return Err(format!("{name} is larger than {} MiB", PART_LIMIT >> 20));
            }
            Ok(Some(text))
        };
        let styles = part("word/styles.xml")?
            .filter(|s| s.contains("</w:styles>"))
            .ok_or("not a Word document with styles (no word/styles.xml)")?;
        Ok(Reference {
            styles,
            theme: part("word/theme/theme1.xml")?,
            font_table: part("word/fontTable.xml")?,
            page: part("word/document.xml")?.and_then(|d| page_setup(&d)),
        })
    }

    /// The reference's styles with the rider's added for every style id it lacks.
    pub fn styles(&self, ours: &str) -> String {
        let missing: String = style_elements(ours)
            .filter(|(id, _)| !self.styles.contains(&format!("w:styleId=\"{id}\"")))
            .map(|(_, element)| element)
            .collect();
        match self.styles.rfind("</w:styles>") {
            Some(end) => format!("{}{missing}{}", &self.styles[..end], &self.styles[end..]),
            None => self.styles.clone(),
        }
    }

    pub fn theme(&self) -> Option<&str> {
        self.theme.as_deref()
    }

    pub fn font_table(&self) -> Option<&str> {
        self.font_table.as_deref()
    }

    pub fn page(&self) -> Option<&str> {
        self.page.as_deref()
    }
}

/// Each `<w:style …>…</w:style>` of a styles part, with its id.
fn style_elements(styles: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = styles;
    std::iter::from_fn(move || {
        let start = rest.find("<w:style ")?;
        let len = rest[start..].find("</w:style>")? + "</w:style>".len();
        let element = &rest[start..start + len];
        rest = &rest[start + len..];
        let id = element
            .split_once("w:styleId=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map_or("", |(id, _)| id);
        Some((id, element))
    })
}

/// The page size and margins of a document's last section, as written.
fn page_setup(document: &str) -> Option<String> {
    let element = |name: &str| {
        let start = document.rfind(&format!("<w:{name} "))?;
        let len = document[start..].find("/>")? + 2;
        Some(document[start..start + len].to_string())
    };
    Some(format!("{}{}", element("pgSz")?, element("pgMar")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn its_styles_win_and_ours_fill_the_gaps() {
        let ours = "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Normal\"><a/></w:style>\
                    <w:style w:type=\"paragraph\" w:styleId=\"Clause\"><b/></w:style></w:styles>";
        let r = Reference {
            styles: "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Normal\"><x/></w:style></w:styles>".into(),
            theme: None,
            font_table: None,
            page: None,
        };
        assert_eq!(
            r.styles(ours),
            "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Normal\"><x/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Clause\"><b/></w:style></w:styles>"
        );
    }

    #[test]
    fn the_page_of_the_last_section() {
        let d = "<w:sectPr><w:pgSz w:w=\"1\" w:h=\"2\"/></w:sectPr>\
                 <w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
                 <w:pgMar w:top=\"10\"/></w:sectPr>";
        assert_eq!(
            page_setup(d).as_deref(),
            Some(
                "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"10\"/>"
            )
        );
        assert_eq!(page_setup("<w:body/>"), None);
    }

    #[test]
    fn what_is_not_a_word_file_is_said() {
        assert!(
            Reference::read(b"hello")
                .unwrap_err()
                .starts_with("not a Word document")
        );
    }
}
