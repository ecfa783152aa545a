//! The fixed parts of the package: content types, relationships, styles, settings, the font
//! table, the footer with the page number and the document properties.

use super::body::SIGNATURE_INDENT;
use super::xml::esc;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Body text: a Mincho face for Japanese (Yu Mincho ships with Windows and Office for Mac),
/// a serif Latin face; headings in the matching Gothic and sans-serif faces.
pub const BODY_EAST_ASIA: &str = "Yu Mincho";
pub const HEADING_EAST_ASIA: &str = "Yu Gothic";

/// The parts a package has beyond the fixed ones: the page header of a draft, the theme
/// of a reference document.
pub struct Parts {
    pub header: bool,
    pub theme: bool,
}

impl Parts {
    pub fn content_types(&self) -> String {
        let mut extra = String::new();
        if self.header {
            extra.push_str("<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>");
        }
        if self.theme {
            extra.push_str("<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>");
        }
        CONTENT_TYPES.replace("</Types>", &format!("{extra}</Types>"))
    }

    /// The document's relationships: the header is `rId5`, the theme `rId6`.
    pub fn document_rels(&self) -> String {
        let mut extra = String::new();
        if self.header {
            extra.push_str("<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
        }
        if self.theme {
            extra.push_str("<Relationship Id=\"rId6\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>");
        }
        DOCUMENT_RELS.replace("</Relationships>", &format!("{extra}</Relationships>"))
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
pub const FOOTER_RID: &str = "rId4";
pub const HEADER_RID: &str = "rId5";

/// The root element of a WordprocessingML part with its namespaces.
pub fn root(name: &str, body: &str) -> String {
    format!("{DECL}<w:{name} xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{body}</w:{name}>")
}

fn fonts(east_asia: &str, latin: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"{latin}\" w:eastAsia=\"{east_asia}\" w:hAnsi=\"{latin}\" w:cs=\"{latin}\"/>"
    )
}

/// A paragraph style; `ppr` and `rpr` are the inner elements, already in schema order.
fn para_style(id: &str, name: &str, extra: &str, ppr: &str, rpr: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

pub fn styles() -> String {
    let body_fonts = fonts(BODY_EAST_ASIA, "Times New Roman");
    let heading_fonts = fonts(HEADING_EAST_ASIA, "Arial");
    let based = "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>";
    let heading = |level: u8, size: u32, before: u32| {
        para_style(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            &format!("{based}<w:uiPriority w:val=\"9\"/><w:qFormat/>"),
            &format!(
                "<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"80\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            &format!(
                "{heading_fonts}<w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
            ),
        )
    };
    let borders = table_borders();
    let body = [
        format!(
            "<w:docDefaults><w:rPrDefault><w:rPr>{body_fonts}<w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
             <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        ),
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>".to_string(),
        para_style(
            "Title",
            "Title",
            &format!("{based}<w:qFormat/>"),
            "<w:spacing w:before=\"0\" w:after=\"360\"/><w:jc w:val=\"center\"/>",
            &format!("{heading_fonts}<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
        ),
        heading(1, 22, 240),
        heading(2, 21, 200),
        contract_styles(),
        para_style(
            "Header",
            "header",
            "<w:basedOn w:val=\"Normal\"/>",
            "<w:jc w:val=\"right\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        para_style(
            "Footer",
            "footer",
            "<w:basedOn w:val=\"Normal\"/>",
            "<w:jc w:val=\"center\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        para_style(
            "TableText",
            "Table Text",
            "<w:basedOn w:val=\"Normal\"/><w:qFormat/>",
            "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"260\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        para_style(
            "NoteText",
            "Drafting Note",
            "<w:basedOn w:val=\"Normal\"/><w:qFormat/>",
            "<w:spacing w:before=\"0\" w:after=\"80\"/><w:ind w:left=\"210\"/>",
            "<w:color w:val=\"333333\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
        ),
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>".to_string(),
        format!(
            "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr>{borders}</w:tblPr></w:style>"
        ),
    ]
    .concat();
    root("styles", &body)
}

/// The indent of a style, in twips: the label of a 項 or 号 hangs out to `left - hanging`.
fn ind(left: u32, hanging: u32, first_line: u32) -> String {
    let tail = if hanging > 0 {
        format!(" w:hanging=\"{hanging}\"")
    } else if first_line > 0 {
        format!(" w:firstLine=\"{first_line}\"")
    } else {
        String::new()
    };
    format!("<w:ind w:left=\"{left}\"{tail}/>")
}

/// The styles of the contract's parts, one per kind of paragraph, so that a firm restyles
/// every article by changing one style. Japanese follows statute layout (the label, an
/// ideographic space, wrapped lines one character in); the English styles (`…En`) are
/// based on them and hang the label in front of a tab.
fn contract_styles() -> String {
    let style = |id: &str, name: &str, based: &str, ppr: String, rpr: &str| {
        para_style(
            id,
            name,
            &format!("<w:basedOn w:val=\"{based}\"/><w:qFormat/>"),
            &ppr,
            rpr,
        )
    };
    let body = |id: &str, name: &str, based: &str, indent: String| {
        style(
            id,
            name,
            based,
            format!("<w:spacing w:before=\"0\" w:after=\"40\"/>{indent}"),
            "",
        )
    };
    // The left indents of 項, 号 and sub-items.
    let (ja, en) = ((210, 420, 630), (425, 851, 1276));
    [
        style(
            "Parties",
            "Parties",
            "Normal",
            format!(
                "<w:spacing w:before=\"0\" w:after=\"40\"/>{}",
                ind(1890, 1470, 0)
            ),
            "",
        ),
        style(
            "Preamble",
            "Preamble",
            "Normal",
            format!(
                "<w:spacing w:before=\"360\" w:after=\"120\"/>{}",
                ind(0, 0, 210)
            ),
            "",
        ),
        style(
            "PreambleEn",
            "Preamble (English)",
            "Preamble",
            ind(0, 0, 0),
            "",
        ),
        body("Clause", "Clause", "Normal", ind(ja.0, ja.0, 0)),
        body("ClauseText", "Clause Text", "Clause", ind(ja.0, 0, 0)),
        body("ClauseItem", "Clause Item", "Clause", ind(ja.1, 210, 0)),
        body(
            "ClauseSubitem",
            "Clause Subitem",
            "Clause",
            ind(ja.2, 210, 0),
        ),
        body("ClauseEn", "Clause (English)", "Clause", ind(en.0, en.0, 0)),
        body(
            "ClauseTextEn",
            "Clause Text (English)",
            "Clause",
            ind(en.0, 0, 0),
        ),
        body(
            "ClauseItemEn",
            "Clause Item (English)",
            "Clause",
            ind(en.1, en.1 - en.0, 0),
        ),
        body(
            "ClauseSubitemEn",
            "Clause Subitem (English)",
            "Clause",
            ind(en.2, en.2 - en.1, 0),
        ),
        style(
            "AnnexHeading",
            "Annex Heading",
            "Heading1",
            "<w:pageBreakBefore/>".into(),
            "",
        ),
        style(
            "Closing",
            "Closing",
            "Preamble",
            "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"240\"/>".into(),
            "",
        ),
        style(
            "ClosingEn",
            "Closing (English)",
            "Closing",
            ind(0, 0, 0),
            "",
        ),
        style(
            "DateLine",
            "Date Line",
            "Normal",
            format!(
                "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"240\"/>{}",
                ind(420, 0, 0)
            ),
            "",
        ),
        style(
            "Signature",
            "Signature Block",
            "Normal",
            format!(
                "<w:spacing w:before=\"0\" w:after=\"40\"/>{}<w:jc w:val=\"left\"/>",
                ind(SIGNATURE_INDENT, 0, 0)
            ),
            "",
        ),
        style(
            "SignatureParty",
            "Signature Party",
            "Signature",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"40\"/>".into(),
            "<w:b/><w:bCs/>",
        ),
        style(
            "End",
            "End Mark",
            "Normal",
            "<w:spacing w:before=\"240\" w:after=\"0\"/><w:jc w:val=\"right\"/>".into(),
            "",
        ),
        // The mark and note over a reference translation.
        style(
            "Translation",
            "Translation Mark",
            "Normal",
            "<w:spacing w:before=\"0\" w:after=\"120\"/>".into(),
            "",
        ),
    ]
    .concat()
}

/// Table borders for `w:tblPr`, repeated from the style so that readers that ignore table
/// styles still draw the grid.
pub fn table_borders() -> String {
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

/// The fonts the styles name. `altName` carries the Japanese name Word shows; where a face
/// is missing (LibreOffice on Linux), the reader substitutes by family, and `fonts-noto-cjk`
/// supplies Noto Serif CJK JP and Noto Sans CJK JP.
pub fn font_table() -> String {
    let font = |name: &str, alt: &str, charset: &str, family: &str| {
        let alt = if alt.is_empty() {
            String::new()
        } else {
            format!("<w:altName w:val=\"{alt}\"/>")
        };
        format!(
            "<w:font w:name=\"{name}\">{alt}<w:charset w:val=\"{charset}\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/></w:font>"
        )
    };
    root(
        "fonts",
        &[
            font("Times New Roman", "", "00", "roman"),
            font("Arial", "", "00", "swiss"),
            font(BODY_EAST_ASIA, "游明朝", "80", "roman"),
            font(HEADING_EAST_ASIA, "游ゴシック", "80", "swiss"),
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
pub fn w3c_datetime(secs: i64) -> String {
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
