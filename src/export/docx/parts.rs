//! The fixed parts of the package: content types, relationships, styles, settings, the font
//! table, the footer with the page number and the document properties.

use super::xml::esc;

mod styles;
pub use styles::styles;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Body text in ＭＳ 明朝, headings in ＭＳ ゴシック, by the Japanese names Japanese Word
/// writes; Latin text in Times New Roman and Arial. Word on Windows and Office for Mac have
/// these faces. Where they are missing, LibreOffice goes by the name alone (it reads no
/// altName, family or panose) and asks fontconfig, whose stock rules class ＭＳ 明朝 as a
/// serif face and set Noto Serif CJK JP or IPA明朝 in its place; a name they do not know,
/// such as Yu Mincho, falls back to sans-serif, a Gothic.
pub(crate) const BODY_EAST_ASIA: &str = "ＭＳ 明朝";
pub(crate) const HEADING_EAST_ASIA: &str = "ＭＳ ゴシック";

/// The parts a package has beyond the fixed ones: the page header of a draft (and of its
/// reference translation, in English), the theme of a reference document.
pub(crate) struct Parts {
    pub header: bool,
    pub translation_header: bool,
    pub theme: bool,
}

impl Parts {
    /// `fixed` with the entries of the parts present inserted before its closing tag.
    fn with(&self, fixed: &str, close: &str, entries: [&str; 3]) -> String {
        let present = [self.header, self.translation_header, self.theme];
        let extra: String = present
            .into_iter()
            .zip(entries)
            .filter(|(present, _)| *present)
            .map(|(_, entry)| entry)
            .collect();
        fixed.replace(close, &format!("{extra}{close}"))
    }

    pub fn content_types(&self) -> String {
        self.with(
            CONTENT_TYPES,
            "</Types>",
            [
                "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
                "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
                "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>",
            ],
        )
    }

    /// The document's relationships: the header is `rId5`, the theme `rId6`, the
    /// translation's header `rId7`.
    pub(crate) fn document_rels(&self) -> String {
        self.with(
            DOCUMENT_RELS,
            "</Relationships>",
            [
                "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>",
                "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>",
                "<Relationship Id=\"rId6\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>",
            ],
        )
    }
}

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "</Types>"
);

pub const PACKAGE_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>"
);

/// `rId4` is the footer that `sectPr` refers to.
const DOCUMENT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>",
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    "</Relationships>"
);
pub(crate) const FOOTER_RID: &str = "rId4";
pub(crate) const HEADER_RID: &str = "rId5";
pub(crate) const TRANSLATION_HEADER_RID: &str = "rId7";

/// The root element of a WordprocessingML part with its namespaces.
pub fn root(name: &str, body: &str) -> String {
    format!("{}{body}</w:{name}>", root_start(name))
}

/// The declaration and the opening tag of a part's root, for a part written in pieces.
pub(crate) fn root_start(name: &str) -> String {
    format!("{DECL}<w:{name} xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">")
}

/// Table borders for `w:tblPr`, repeated from the style so that readers that ignore table
/// styles still draw the grid.
pub(crate) fn table_borders() -> String {
    let b: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| format!("<w:{s} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"))
        .collect();
    format!("<w:tblBorders>{b}</w:tblBorders>")
}

pub fn settings() -> String {
    root(
        "settings",
        "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"en-GB\" w:eastAsia=\"ja-JP\"/>",
    )
}

/// The fonts the styles name, described as Word describes them (English name, panose,
/// character set, family, pitch), so that Word substitutes a like face where one is missing.
pub(crate) fn font_table() -> String {
    let font = |name: &str, alt: &str, panose: &str, charset: &str, family: &str, pitch: &str| {
        let alt = if alt.is_empty() {
            String::new()
        } else {
            format!("<w:altName w:val=\"{alt}\"/>")
        };
        format!(
            "<w:font w:name=\"{name}\">{alt}<w:panose1 w:val=\"{panose}\"/><w:charset w:val=\"{charset}\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>"
        )
    };
    root(
        "fonts",
        &[
            font(
                "Times New Roman",
                "",
                "02020603050405020304",
                "00",
                "roman",
                "variable",
            ),
            font(
                "Arial",
                "",
                "020B0604020202020204",
                "00",
                "swiss",
                "variable",
            ),
            font(
                BODY_EAST_ASIA,
                "MS Mincho",
                "02020609040205080304",
                "80",
                "modern",
                "fixed",
            ),
            font(
                HEADING_EAST_ASIA,
                "MS Gothic",
                "020B0609070205080204",
                "80",
                "modern",
                "fixed",
            ),
        ]
        .concat(),
    )
}

/// The page header of a draft: its marker (案 v3 / DRAFT v3), right-aligned.
pub fn header(text: &str) -> String {
    root(
        "hdr",
        &format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(&super::xml::clean(text))
        ),
    )
}

/// The footer, centred: `page / pages` for one language; with a translation each part
/// numbers its pages from 1 and the footer shows the page alone (a total of the whole
/// file would mislead, and readers do not all compute a section's page count).
pub fn footer(total: bool) -> String {
    let field = |instr: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    root(
        "ftr",
        &format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{}{}</w:p>",
            field("PAGE"),
            if total {
                format!(
                    "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>{}",
                    field("NUMPAGES")
                )
            } else {
                String::new()
            }
        ),
    )
}

/// Document properties. `created` is a W3C date-time, omitted when the caller has none.
pub fn core(title: &str, subject: &str, lang: &str, created: Option<&str>) -> String {
    let dates = created.map_or_else(String::new, |c| {
        format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{c}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{c}</dcterms:modified>"
        )
    });
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>{lang}</dc:language>{dates}</cp:coreProperties>",
        esc(title),
        esc(subject)
    )
}

pub fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>secdraft</Application></Properties>"
    )
}

/// Seconds since 1970 as `YYYY-MM-DDThh:mm:ssZ` (days to civil date after H. Hinnant).
pub(crate) fn w3c_datetime(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_timestamps() {
        assert_eq!(w3c_datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_datetime(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(w3c_datetime(1_795_000_000), "2026-11-18T11:06:40Z");
    }
}
