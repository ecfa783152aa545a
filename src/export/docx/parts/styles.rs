//! The styles part: document defaults, headings, and one paragraph style for each part
//! of the contract, Japanese and English variants.

use super::{BODY_EAST_ASIA, HEADING_EAST_ASIA, root, table_borders};
use crate::export::docx::body::SIGNATURE_INDENT;

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
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>".to_string(),
        format!(
            "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr>{borders}</w:tblPr></w:style>"
        ),
    ]
    .concat();
    root("styles", &body)
}

/// The indent of a style, in twips: the label of a 項 or 号 hangs out to `left - hanging`.
/// Neither is written as `hanging="0"`: a style inherits each attribute of `w:ind` that it
/// leaves out, and `Clause Text` would hang its first line as `Clause` does.
fn ind(left: u32, hanging: u32, first_line: u32) -> String {
    let tail = if hanging > 0 {
        format!(" w:hanging=\"{hanging}\"")
    } else if first_line > 0 {
        format!(" w:firstLine=\"{first_line}\"")
    } else {
        " w:hanging=\"0\"".to_string()
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
