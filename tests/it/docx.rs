//! The Word export read back: parts, text, numbering, heading styles, tables, the schema
//! order of properties, page size, document properties, determinism and clean text.

use std::collections::BTreeMap;
use std::io::Read;

use secdraft::document::{Block, Document};
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};

use crate::common::{WS, answers_from, read_scenario, root};
use crate::xml::{Node, parse};

mod schema;

/// The entries of a `.docx` in archive order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).expect("a UTF-8 part");
            (f.name().unwrap().to_string(), text)
        })
        .collect()
}

fn doc_of(name: &str) -> Document {
    let s = read_scenario(&root().join(format!("tests/scenarios/{name}.toml")));
    WS.draft(&answers_from(&s.answers, &s.name)).unwrap().1
}

fn export(doc: &Document, lang: LangSel) -> Vec<u8> {
    let opts = ExportOptions {
        created: Some(1_795_000_000),
        ..ExportOptions::new(lang)
    };
    WS.export(doc, Format::Docx, &opts).unwrap()
}

fn parts(bytes: &[u8]) -> BTreeMap<String, Node> {
    unzip(bytes)
        .into_iter()
        .map(|(n, t)| (n, parse(&t)))
        .collect()
}

fn body(parts: &BTreeMap<String, Node>) -> &Node {
    parts["word/document.xml"]
        .child("w:document")
        .and_then(|d| d.child("w:body"))
        .expect("w:body")
}

fn style_of(p: &Node) -> Option<&str> {
    p.child("w:pPr")
        .and_then(|x| x.child("w:pStyle"))
        .and_then(|s| s.attr("w:val"))
}

/// The paragraphs of a style, as text.
fn styled(body: &Node, style: &str) -> Vec<String> {
    body.all("w:p")
        .into_iter()
        .filter(|p| style_of(p) == Some(style))
        .map(Node::text)
        .collect()
}

#[test]
fn the_package_has_every_part_content_types_first() {
    let entries = unzip(&export(
        &doc_of("education-network"),
        LangSel::One(Lang::Ja),
    ));
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for part in [
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert!(names.contains(&part), "{part} missing from {names:?}");
        let ct = &entries[0].1;
        if !part.ends_with(".rels") {
            assert!(
                ct.contains(&format!("PartName=\"/{part}\"")),
                "{part} has no content type"
            );
        }
    }
}

#[test]
fn articles_are_heading_1_paragraphs_with_their_numbers_and_text() {
    let doc = doc_of("education-network");
    let p = parts(&export(&doc, LangSel::One(Lang::Ja)));
    let body = body(&p);
    let headings = styled(body, "Heading1");
    assert_eq!(headings.len(), doc.articles.len());
    for (i, (h, a)) in headings.iter().zip(&doc.articles).enumerate() {
        assert_eq!(h, &format!("第{}条（{}）", i + 1, a.title.ja));
    }
    assert_eq!(styled(body, "Title"), ["情報セキュリティに関する特約"]);
    let all: Vec<String> = body.all("w:p").into_iter().map(Node::text).collect();
    let text = all.join("\n");
    for want in [
        "サンプル市",
        "受託者株式会社",
        "104,800,500円",
        "故意又は重大な過失",
    ] {
        assert!(text.contains(want), "no {want}");
    }
    assert!(
        all.iter()
            .any(|t| t.starts_with("甲（委託者）\tサンプル市"))
    );
    assert_eq!(
        all.last().map(String::as_str),
        Some("以上"),
        "the text closes with 以上"
    );
    // 項 and 号 carry the labels of the document model, each in its own paragraph.
    assert!(
        all.iter()
            .any(|t| t.starts_with("２　情報セキュリティに関する事項")),
        "no 項 ２"
    );
    assert!(
        all.iter().any(|t| t.starts_with("一　「本契約」とは")),
        "no 号 一"
    );
    assert!(all.iter().any(|t| t.starts_with("十一　")), "no 号 十一");
    // Hanging indents, in a style a firm can restyle: a labelled 項 hangs its label out
    // to the margin.
    let para2 = body
        .all("w:p")
        .into_iter()
        .find(|p| p.text().starts_with("２　情報セキュリティに関する事項"))
        .unwrap();
    assert_eq!(style_of(para2), Some("Clause"));
    assert!(
        para2
            .child("w:pPr")
            .and_then(|x| x.child("w:ind"))
            .is_none()
    );
    let clause = p["word/styles.xml"]
        .all("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("Clause"))
        .unwrap();
    let ind = clause
        .child("w:pPr")
        .and_then(|x| x.child("w:ind"))
        .unwrap();
    assert_eq!(
        (ind.attr("w:left"), ind.attr("w:hanging")),
        (Some("210"), Some("210"))
    );
    for style in [
        "Preamble",
        "ClauseText",
        "ClauseItem",
        "Closing",
        "Signature",
        "End",
    ] {
        assert!(!styled(body, style).is_empty(), "no paragraph in {style}");
    }
}

#[test]
fn tables_are_word_tables_with_a_repeated_header() {
    let doc = doc_of("education-network");
    let p = parts(&export(&doc, LangSel::One(Lang::Ja)));
    let tables = body(&p).all("w:tbl");
    // Tables of the articles and of the annexes alike.
    let expected = doc
        .articles
        .iter()
        .map(|a| &a.paragraphs.ja)
        .chain(doc.annexes.iter().map(|a| &a.paragraphs.ja))
        .flatten()
        .flat_map(|p| &p.blocks)
        .filter(|b| matches!(b, Block::Table { .. }))
        .count();
    assert!(expected >= 3, "{expected} tables in the scenario");
    assert_eq!(tables.len(), expected);
    let firewall = tables
        .iter()
        .find(|t| t.text().contains("甲の承認者"))
        .expect("the firewall-rule form");
    let rows = firewall.all("w:tr");
    let header = rows[0];
    assert!(
        header
            .child("w:trPr")
            .unwrap()
            .child("w:tblHeader")
            .is_some()
    );
    assert_eq!(header.all("w:tc").len(), 8);
    assert_eq!(firewall.all("w:gridCol").len(), 8);
    assert!(
        firewall
            .child("w:tblPr")
            .unwrap()
            .child("w:tblBorders")
            .is_some()
    );
    for row in rows {
        assert_eq!(row.all("w:tc").len(), 8, "every row has every cell");
    }
}

#[test]
fn styles_have_a_default_normal_and_named_headings() {
    let p = parts(&export(&doc_of("ec-site"), LangSel::One(Lang::Ja)));
    let styles = p["word/styles.xml"].all("w:style");
    let find = |id: &str| {
        *styles
            .iter()
            .find(|s| s.attr("w:styleId") == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"))
    };
    let normal = find("Normal");
    assert_eq!(normal.attr("w:default"), Some("1"));
    assert_eq!(normal.attr("w:type"), Some("paragraph"));
    let name = |s: &Node| {
        s.child("w:name")
            .and_then(|n| n.attr("w:val"))
            .map(str::to_string)
    };
    assert_eq!(name(find("Heading1")).as_deref(), Some("heading 1"));
    assert_eq!(name(find("Heading2")).as_deref(), Some("heading 2"));
    assert_eq!(name(find("Title")).as_deref(), Some("Title"));
    assert_eq!(find("TableGrid").attr("w:type"), Some("table"));
    // Japanese text is set in a Mincho face and tagged Japanese.
    let defaults = p["word/styles.xml"].all("w:rPrDefault")[0];
    let fonts = defaults.all("w:rFonts")[0];
    assert_eq!(fonts.attr("w:eastAsia"), Some("ＭＳ 明朝"));
    assert_eq!(defaults.all("w:lang")[0].attr("w:eastAsia"), Some("ja-JP"));
    let font_names: Vec<&str> = p["word/fontTable.xml"]
        .all("w:font")
        .iter()
        .filter_map(|f| f.attr("w:name"))
        .collect();
    assert!(font_names.contains(&"ＭＳ 明朝"), "{font_names:?}");
}

#[test]
fn pages_are_a4_with_page_numbers_and_properties() {
    let p = parts(&export(&doc_of("ec-site"), LangSel::One(Lang::Ja)));
    let sect = body(&p).child("w:sectPr").expect("sectPr last in the body");
    let size = sect.child("w:pgSz").unwrap();
    assert_eq!(
        (size.attr("w:w"), size.attr("w:h")),
        (Some("11906"), Some("16838"))
    );
    let footer_ref = sect
        .child("w:footerReference")
        .unwrap()
        .attr("r:id")
        .unwrap();
    let rels = &p["word/_rels/document.xml.rels"];
    let target = rels
        .all("Relationship")
        .into_iter()
        .find(|r| r.attr("Id") == Some(footer_ref))
        .and_then(|r| r.attr("Target"))
        .unwrap();
    let footer = &p[&format!("word/{target}")];
    let instr: Vec<String> = footer
        .all("w:instrText")
        .into_iter()
        .map(Node::text)
        .collect();
    assert!(instr.iter().any(|i| i.trim() == "PAGE"), "{instr:?}");
    let core = &p["docProps/core.xml"];
    let field = |name: &str| core.all(name).first().map(|n| n.text());
    assert_eq!(
        field("dc:title").as_deref(),
        Some("情報セキュリティに関する特約")
    );
    assert_eq!(
        field("dcterms:created").as_deref(),
        Some("2026-11-18T11:06:40Z")
    );
}

#[test]
fn created_comes_from_the_caller_or_the_contract_date() {
    let mut doc = doc_of("ec-site");
    let core = |doc: &Document| {
        let bytes = WS
            .export(
                doc,
                Format::Docx,
                &ExportOptions::new(LangSel::One(Lang::Ja)),
            )
            .unwrap();
        parts(&bytes)["docProps/core.xml"]
            .all("dcterms:created")
            .first()
            .map(|n| n.text())
    };
    doc.meta.date = String::new();
    assert_eq!(core(&doc), None);
    doc.meta.date = "2027-04-01".into();
    assert_eq!(core(&doc).as_deref(), Some("2027-04-01T00:00:00Z"));
}

#[test]
fn output_is_deterministic_and_user_text_is_clean() {
    let mut doc = doc_of("education-network");
    assert_eq!(
        export(&doc, LangSel::Both),
        export(&doc, LangSel::Both),
        "the same document gives the same bytes"
    );
    doc.articles[0].title.ja = "目\u{0}的\u{1b}<&>\t表\n二行目".into();
    doc.parties.customer.ja = "株式会社\u{7}テスト\r\n本店".into();
    let bytes = export(&doc, LangSel::One(Lang::Ja));
    for (name, text) in unzip(&bytes) {
        let bad: Vec<char> = text
            .chars()
            .filter(|c| (*c as u32) < 0x20 && *c != '\n')
            .collect();
        assert!(bad.is_empty(), "{name} carries control characters {bad:?}");
    }
    let p = parts(&bytes);
    let headings = styled(body(&p), "Heading1");
    assert_eq!(headings[0], "第1条（目的<&>\t表\n二行目）");
    let all: Vec<String> = body(&p).all("w:p").into_iter().map(Node::text).collect();
    assert!(
        all.iter()
            .any(|t| t == "甲（委託者）\t株式会社テスト\n本店"),
        "{:?}",
        &all[..4]
    );
}

#[test]
fn both_languages_follow_one_another_and_the_rider_has_no_notes() {
    let doc = doc_of("education-network");
    let p = parts(&export(&doc, LangSel::Both));
    let b = body(&p);
    assert_eq!(
        styled(b, "Title"),
        ["情報セキュリティに関する特約", "Information Security Rider"]
    );
    let headings = styled(b, "Heading1");
    let n = doc.articles.len();
    assert_eq!(headings.len(), 2 * n);
    assert!(headings[0].starts_with("第1条（"));
    assert_eq!(
        headings[n],
        format!("Article 1 ({})", doc.articles[0].title.en)
    );
    let english: Vec<String> = b.all("w:p").into_iter().map(Node::text).collect();
    assert!(
        english.iter().any(|t| t.starts_with("(a)\t")),
        "English 号 hang in front of a tab"
    );
    assert!(english.iter().any(|t| t.starts_with("2.\t")));
    assert!(styled(b, "Heading2").is_empty(), "no notes unless asked");
    // The English is the reference translation: marked, in a section of its own whose
    // pages are numbered from 1.
    let marks = styled(b, "Translation");
    assert_eq!(marks[0], "Reference translation");
    assert!(marks[1].contains("prevails"));
    assert_eq!(
        styled(b, "End").last().map(String::as_str),
        Some("(End of the reference translation)")
    );
    // Wide annexes add landscape sections; the page numbers restart once, at the English.
    let sections = b.all("w:sectPr");
    let landscape = |s: &&Node| {
        s.child("w:pgSz")
            .is_some_and(|z| z.attr("w:orient") == Some("landscape"))
    };
    let portrait: Vec<_> = sections.iter().filter(|s| !landscape(s)).collect();
    assert!(portrait.len() >= 2, "one section per language at least");
    let restarts: Vec<_> = sections
        .iter()
        .filter_map(|s| s.child("w:pgNumType").and_then(|n| n.attr("w:start")))
        .collect();
    assert_eq!(restarts, ["1"], "the English pages are numbered from 1");
    let fields = |p: &BTreeMap<String, Node>| {
        p["word/footer1.xml"]
            .all("w:instrText")
            .iter()
            .map(|n| n.text().trim().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fields(&p),
        ["PAGE"],
        "each part's own page number, no total"
    );
    let one = parts(&export(&doc, LangSel::One(Lang::En)));
    assert!(
        styled(body(&one), "Translation").is_empty(),
        "one language: no mark"
    );
    assert_eq!(fields(&one), ["PAGE", "NUMPAGES"]);

    // The rider carries no drafting notes: they are the memo's.
    let p = parts(&export(&doc, LangSel::One(Lang::Ja)));
    let b = body(&p);
    assert!(styled(b, "Heading2").is_empty());
    assert!(!b.text().contains(&doc.articles[0].rationale.ja));
}

#[test]
fn a_draft_carries_its_marker_version_and_date_in_the_page_header() {
    let doc = doc_of("ec-site");
    let draft = |lang: Lang, version: Option<&str>| {
        let opts = ExportOptions {
            created: Some(1_795_000_000),
            draft: version.map(str::to_string),
            ..ExportOptions::new(LangSel::One(lang))
        };
        parts(&WS.export(&doc, Format::Docx, &opts).unwrap())
    };
    let p = draft(Lang::Ja, Some("v3"));
    // 1,795,000,000 s is 2026-11-18 (UTC).
    assert_eq!(
        p["word/header1.xml"].text().trim(),
        "案　v3　令和8年11月18日"
    );
    let sect = body(&p).all("w:sectPr")[0];
    let header = sect
        .child("w:headerReference")
        .expect("the header is referenced");
    let rels = p["word/_rels/document.xml.rels"].all("Relationship");
    let target = rels
        .iter()
        .find(|r| r.attr("Id") == header.attr("r:id"))
        .and_then(|r| r.attr("Target"));
    assert_eq!(target, Some("header1.xml"));
    let types = p["[Content_Types].xml"].all("Override");
    assert!(
        types
            .iter()
            .any(|o| o.attr("PartName") == Some("/word/header1.xml"))
    );
    assert_eq!(
        draft(Lang::En, Some(""))
            .get("word/header1.xml")
            .map(|n| n.text().trim().to_string()),
        Some("DRAFT 18 November 2026".to_string())
    );
    // Both languages: the reference translation's sections say DRAFT, the Japanese 案.
    let opts = ExportOptions {
        created: Some(1_795_000_000),
        draft: Some("v3".into()),
        ..ExportOptions::new(LangSel::Both)
    };
    let p = parts(&WS.export(&doc, Format::Docx, &opts).unwrap());
    assert_eq!(
        p["word/header2.xml"].text().trim(),
        "DRAFT v3 18 November 2026"
    );
    let rels = p["word/_rels/document.xml.rels"].all("Relationship");
    let target = |sect: &Node| {
        let id = sect.child("w:headerReference").unwrap().attr("r:id");
        rels.iter()
            .find(|r| r.attr("Id") == id)
            .and_then(|r| r.attr("Target"))
            .unwrap()
            .to_string()
    };
    let sections = body(&p).all("w:sectPr");
    assert_eq!(target(sections[0]), "header1.xml");
    assert_eq!(target(sections.last().unwrap()), "header2.xml");
    assert!(
        p["[Content_Types].xml"]
            .all("Override")
            .iter()
            .any(|o| o.attr("PartName") == Some("/word/header2.xml"))
    );
    // Not a draft: no header part and no reference to one.
    let p = draft(Lang::Ja, None);
    assert!(!p.contains_key("word/header1.xml"));
    assert!(
        body(&p).all("w:sectPr")[0]
            .child("w:headerReference")
            .is_none()
    );
}

/// A house style made as the user guide says: a rider's Word file restyled (here by
/// hand: another Mincho, a wider top margin, a theme, one of the rider's styles deleted).
fn reference_docx() -> Vec<u8> {
    let base = export(&doc_of("brochure-site"), LangSel::One(Lang::Ja));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in unzip(&base) {
        let text = match name.as_str() {
            "word/styles.xml" => {
                let start = text
                    .find("<w:style w:type=\"paragraph\" w:styleId=\"Closing\"")
                    .unwrap();
                let end = start + text[start..].find("</w:style>").unwrap() + "</w:style>".len();
                format!("{}{}", &text[..start], &text[end..]).replace("ＭＳ 明朝", "BIZ UDMincho")
            }
            "word/document.xml" => text.replace("w:top=\"1701\"", "w:top=\"2268\""),
            _ => text,
        };
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.start_file(
        "word/theme/theme1.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut zip, b"<a:theme xmlns:a=\"urn:x\" name=\"House\"/>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_reference_docx_gives_its_styles_theme_and_page_and_keeps_the_riders_own() {
    let reference = secdraft::export::Reference::read(&reference_docx()).unwrap();
    let doc = doc_of("education-network");
    let opts = ExportOptions {
        created: Some(1_795_000_000),
        reference: Some(std::sync::Arc::new(reference)),
        ..ExportOptions::new(LangSel::Both)
    };
    let p = parts(&WS.export(&doc, Format::Docx, &opts).unwrap());
    let styles = &p["word/styles.xml"];
    let fonts: Vec<&str> = styles
        .all("w:rFonts")
        .iter()
        .filter_map(|f| f.attr("w:eastAsia"))
        .collect();
    assert!(
        fonts.contains(&"BIZ UDMincho") && !fonts.contains(&"ＭＳ 明朝"),
        "{fonts:?}"
    );
    // Every style the body uses is defined: the deleted one comes from the rider.
    let ids: Vec<&str> = styles
        .all("w:style")
        .iter()
        .filter_map(|s| s.attr("w:styleId"))
        .collect();
    for used in body(&p).all("w:pStyle") {
        assert!(
            ids.contains(&used.attr("w:val").unwrap()),
            "{:?} undefined",
            used.attr("w:val")
        );
    }
    assert!(ids.contains(&"Closing"));
    let margin = body(&p).all("w:pgMar")[0];
    assert_eq!(margin.attr("w:top"), Some("2268"));
    assert!(p.contains_key("word/theme/theme1.xml"));
    let rels = p["word/_rels/document.xml.rels"].all("Relationship");
    assert!(
        rels.iter()
            .any(|r| r.attr("Target") == Some("theme/theme1.xml"))
    );
    assert!(
        p["[Content_Types].xml"]
            .all("Override")
            .iter()
            .any(|o| o.attr("PartName") == Some("/word/theme/theme1.xml"))
    );
    schema::check_order("reference: word/styles.xml", styles);
    schema::check_order("reference: word/document.xml", &p["word/document.xml"]);
}

#[test]
fn a_reference_docx_that_is_not_a_word_file_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("house.docx");
    std::fs::write(&bad, "not a zip").unwrap();
    crate::common::bin()
        .args(["build", "--format", "docx", "--answers"])
        .arg(root().join("tests/scenarios/brochure-site.toml"))
        .arg("--reference-docx")
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("out.docx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("house.docx: not a Word document"));
    assert!(!dir.path().join("out.docx").exists());
}

#[test]
fn the_parallel_layout_is_a_two_column_table_article_by_article() {
    let doc = doc_of("ec-site");
    let opts = ExportOptions {
        parallel: true,
        ..ExportOptions::new(LangSel::Both)
    };
    let bytes = WS.export(&doc, Format::Docx, &opts).unwrap();
    let parts = parts(&bytes);
    let body = body(&parts);
    let table = body.child("w:tbl").expect("the parallel table");
    let grid: Vec<_> = table
        .child("w:tblGrid")
        .unwrap()
        .elements()
        .map(|c| c.attr("w:w").unwrap().to_string())
        .collect();
    assert_eq!(grid, ["4365", "4365"], "two fixed columns across A4");
    let layout = table.child("w:tblPr").and_then(|p| p.child("w:tblLayout"));
    assert_eq!(layout.and_then(|l| l.attr("w:type")), Some("fixed"));
    let rows: Vec<&Node> = table.elements().filter(|c| c.name == "w:tr").collect();
    let props = |r: &Node, name: &str| r.child("w:trPr").is_some_and(|p| p.child(name).is_some());
    assert!(
        props(rows[0], "w:tblHeader"),
        "the head repeats on every page"
    );
    assert_eq!(rows.iter().filter(|r| props(r, "w:tblHeader")).count(), 1);
    let cells = |r: &Node| -> Vec<String> {
        r.elements()
            .filter(|c| c.name == "w:tc")
            .map(Node::text)
            .collect()
    };
    assert_eq!(cells(rows[0]), ["正文", "Reference translation"]);
    // Each article: its heading row, then its 項 and 号 beside their translation.
    for a in &doc.articles {
        let heading = rows
            .iter()
            .position(|r| cells(r)[0] == format!("{}（{}）", a.label.ja, a.title.ja))
            .unwrap_or_else(|| panic!("no heading row for {}", a.id));
        assert_eq!(
            cells(rows[heading])[1],
            format!("{} ({})", a.label.en, a.title.en)
        );
        assert!(props(rows[heading], "w:cantSplit"));
        let next = cells(rows[heading + 1]);
        let first = |p: &[secdraft::document::Paragraph], lang| {
            secdraft::document::plain_text(&p[..1], lang)
                .lines()
                .next()
                .unwrap()
                .to_string()
        };
        assert!(
            next[0].starts_with(&first(&a.paragraphs.ja, Lang::Ja)),
            "{next:?}"
        );
        assert!(
            next[1].starts_with(&first(&a.paragraphs.en, Lang::En)),
            "{next:?}"
        );
    }
    // The paragraphs of a row are in the language of their column.
    let langs = |r: &Node, i: usize| -> Vec<String> {
        r.elements()
            .filter(|c| c.name == "w:tc")
            .nth(i)
            .unwrap()
            .all("w:lang")
            .iter()
            .map(|l| l.attr("w:val").unwrap().to_string())
            .collect()
    };
    assert!(langs(rows[5], 0).iter().all(|l| l == "en-US"));
    assert!(langs(rows[5], 1).iter().all(|l| l == "en-GB"));
    // One section, numbered `page / pages`; the rider is not repeated after the table.
    assert!(
        body.all("w:sectPr")
            .iter()
            .all(|s| s.child("w:pgNumType").is_none())
    );
    assert!(body.text().matches(&doc.preamble.en).count() == 1);
    let footer = parts["word/footer1.xml"].text();
    assert!(footer.contains(" / "), "{footer}");
    // Sequential stays the default.
    let seq = export(&doc, LangSel::Both);
    assert!(parts_of_seq_have_no_table_first(&seq));
}

fn parts_of_seq_have_no_table_first(bytes: &[u8]) -> bool {
    let parts = parts(bytes);
    body(&parts)
        .elements()
        .next()
        .is_some_and(|n| n.name == "w:p")
}

#[test]
fn the_parallel_layout_needs_both_languages_and_docx_or_html() {
    let dir = tempfile::tempdir().unwrap();
    let s = read_scenario(&root().join("tests/scenarios/ec-site.toml"));
    let answers = dir.path().join("a.toml");
    std::fs::write(&answers, &s.answers).unwrap();
    for (args, message) in [
        (
            &["--format", "docx", "--lang", "ja"][..],
            "needs --lang both",
        ),
        (
            &["--format", "md", "--lang", "both"][..],
            "docx and html only",
        ),
        (
            &["--format", "txt", "--lang", "both"][..],
            "docx and html only",
        ),
        (
            &["--format", "json", "--lang", "both"][..],
            "docx and html only",
        ),
    ] {
        let out = dir.path().join("out");
        crate::common::bin()
            .args(["build", "--layout", "parallel", "--answers"])
            .arg(&answers)
            .args(args)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(message));
    }
}
