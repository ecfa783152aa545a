//! Every property element checked against the order of the WordprocessingML schema: Word
//! declares a file corrupt where LibreOffice and python-docx read it anyway.

use secdraft::lang::LangSel;

use super::{export, parts};
use crate::common::{WS, answers_from, scenarios};
use crate::xml::Node;

/// The schema's order of the children of the property elements we write.
#[rustfmt::skip]
const ORDERS: &[(&str, &[&str])] = &[
    ("w:pPr", &[
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
        "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
        "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange"
    ]),
    ("w:rPr", &[
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
        "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
        "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
        "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath"
    ]),
    ("w:tblPr", &[
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
        "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    ]),
    ("w:tcPr", &[
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
        "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
        "w:hideMark"
    ]),
    ("w:sectPr", &[
        "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
        "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
        "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
        "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings"
    ]),
    ("w:style", &[
        "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine",
        "w:hidden", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat",
        "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid",
        "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"
    ]),
    ("w:settings", &[
        "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
        "w:defaultTabStop", "w:characterSpacingControl", "w:compat", "w:docVars",
        "w:rsids", "w:themeFontLang"
    ]),
];

/// Checks every property element against the schema order, and that properties come
/// first in their paragraph, run, table or cell.
pub fn check_order(part: &str, root: &Node) {
    root.walk(&mut |n| {
        if let Some((_, order)) = ORDERS.iter().find(|(name, _)| *name == n.name) {
            let mut last = 0;
            for c in n.elements() {
                let i = order.iter().position(|o| *o == c.name).unwrap_or_else(|| {
                    panic!(
                        "{part}: <{}> in <{}> is not in the schema list",
                        c.name, n.name
                    )
                });
                assert!(
                    i >= last,
                    "{part}: <{}> after <{}> in <{}>",
                    c.name,
                    order[last],
                    n.name
                );
                last = i;
            }
        }
        let first = |prop: &str| {
            if let Some(pos) = n.elements().position(|c| c.name == prop) {
                assert_eq!(
                    pos, 0,
                    "{part}: <{prop}> is not the first child of <{}>",
                    n.name
                );
            }
        };
        match n.name.as_str() {
            "w:p" => first("w:pPr"),
            "w:r" => first("w:rPr"),
            "w:tbl" => first("w:tblPr"),
            "w:tc" => {
                first("w:tcPr");
                assert_eq!(
                    n.elements().last().map(|c| c.name.as_str()),
                    Some("w:p"),
                    "{part}: a cell must end with a paragraph"
                );
            }
            _ => {}
        }
    });
}

#[test]
fn properties_follow_the_schema_order_in_every_scenario() {
    for s in scenarios() {
        let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
        let p = parts(&export(&doc, LangSel::Both));
        for part in [
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml",
            "word/settings.xml",
        ] {
            check_order(&format!("{}: {part}", s.name), &p[part]);
        }
    }
}
