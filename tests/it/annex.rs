//! Annexes (別紙) with a fixture library: numbering by order, the `annex` filter, a
//! conditional annex absent, stance, every format, JSON, and a reference at build time to
//! an annex that is not in the set.

use secdraft::document::{Document, plain_text};
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};
use secdraft::library::LibraryFile;
use secdraft::workspace::Workspace;

use crate::common::{bin, fixtures};
use crate::docx::unzip;

fn files() -> Vec<LibraryFile> {
    files_of(&["minimal", "annexes"])
}

/// The files of fixture folders, a later folder's file replacing an earlier one's.
fn files_of(dirs: &[&str]) -> Vec<LibraryFile> {
    let mut out: Vec<LibraryFile> = Vec::new();
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(fixtures().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            out.retain(|f| f.stem() != name.trim_end_matches(".toml"));
            out.push(LibraryFile::new(name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

fn answers(dmz: bool, personal_data: bool, stance: &str) -> String {
    let pd = if personal_data {
        "personal_data = true\npersonal_data_kinds = [\"basic\"]\ndata_subjects = 10\n"
    } else {
        "personal_data = false\n"
    };
    format!(
        "[meta]\nproject_name = \"P\"\ncustomer = \"甲社\"\nvendor = \"乙社\"\n\n[answers]\n{pd}dmz = {dmz}\nsubcontracting = false\nbudget_jpy = 1000000\nmaintenance = false\nai_use = false\nstance = \"{stance}\"\n"
    )
}

fn draft(ws: &Workspace, text: &str) -> Result<Document, secdraft::error::Error> {
    let a = secdraft::answers::Answers::parse(text, "a.toml", &ws.library).unwrap();
    ws.draft(&a).map(|(_, d)| d)
}

fn article_text(doc: &Document, id: &str, lang: Lang) -> String {
    let a = doc.articles.iter().find(|a| a.id == id).unwrap();
    plain_text(&a.paragraphs[lang], lang)
}

fn ids(doc: &Document) -> Vec<(&str, usize)> {
    doc.annexes
        .iter()
        .map(|a| (a.id.as_str(), a.number))
        .collect()
}

#[test]
fn annexes_are_numbered_by_order_and_referred_to_by_number() {
    let ws = Workspace::new(&files(), &[]).unwrap();
    let doc = draft(&ws, &answers(true, false, "customer")).unwrap();
    assert_eq!(ids(&doc), [("annex.network", 1), ("annex.forms", 2)]);
    assert_eq!(doc.annexes[0].label.ja, "別紙1");
    assert_eq!(doc.annexes[1].label.en, "Annex 2");
    assert_eq!(
        article_text(&doc, "security_spec.network", Lang::Ja),
        "乙は、別紙1に定める要件に従い、通信を制御する。"
    );
    assert_eq!(
        article_text(&doc, "security_spec.forms", Lang::En),
        "Receipt of the explanation is confirmed on the form in Annex 2. Traffic requirements are in Annex 1."
    );
    // An annex body may name itself; its table is parsed as in articles.
    let forms = plain_text(&doc.annexes[1].paragraphs[Lang::Ja], Lang::Ja);
    assert!(forms.contains("別紙2は、本特約と一体をなす。"), "{forms}");
    assert!(forms.contains("| 確認日 |"), "{forms}");

    // Without a DMZ the network annex is absent and the forms become 別紙1.
    let doc = draft(&ws, &answers(false, false, "customer")).unwrap();
    assert_eq!(ids(&doc), [("annex.forms", 1)]);
    assert_eq!(
        article_text(&doc, "security_spec.forms", Lang::Ja),
        "説明の受領は、別紙1の様式により確認する。"
    );
    // An annex for another stance comes in only for that stance.
    let doc = draft(&ws, &answers(false, false, "balanced")).unwrap();
    assert_eq!(ids(&doc), [("annex.balanced", 1), ("annex.forms", 2)]);
}

#[test]
fn every_format_carries_the_annexes_after_the_articles() {
    let ws = Workspace::new(&files(), &[]).unwrap();
    let doc = draft(&ws, &answers(true, false, "customer")).unwrap();
    for lang in Lang::ALL {
        let opts = ExportOptions::new(LangSel::One(lang));
        let heading = match lang {
            Lang::Ja => "別紙1（ネットワーク及びファイアウォールの要件）",
            Lang::En => "Annex 1 (Network and firewall requirements)",
        };
        let last_article = &doc.articles.last().unwrap().title[lang];
        for format in [Format::Md, Format::Html, Format::Txt] {
            let text = String::from_utf8(ws.export(&doc, format, &opts).unwrap()).unwrap();
            let at = text
                .find(heading)
                .unwrap_or_else(|| panic!("{format:?} {lang:?}: no annex heading:\n{text}"));
            assert!(text[..at].contains(last_article), "{format:?} {lang:?}");
            let second = &doc.annexes[1].label[lang];
            assert!(text[at..].contains(second), "{format:?} {lang:?}");
        }
        let docx = ws.export(&doc, Format::Docx, &opts).unwrap();
        let xml = unzip(&docx)
            .into_iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        let at = xml
            .find(heading)
            .expect("the annex heading in the Word file");
        let para = &xml[xml[..at].rfind("<w:p>").unwrap()..at];
        // The annex heading style starts a new page.
        assert!(
            para.contains("<w:pStyle w:val=\"AnnexHeading\"/>"),
            "{para}"
        );
        let styles = unzip(&docx)
            .into_iter()
            .find(|(n, _)| n == "word/styles.xml")
            .unwrap()
            .1;
        let style = &styles[styles.find("w:styleId=\"AnnexHeading\"").unwrap()..];
        assert!(
            style[..style.find("</w:style>").unwrap()].contains("<w:pageBreakBefore/>"),
            "{style}"
        );
    }
    let html = String::from_utf8(
        ws.export(&doc, Format::Html, &ExportOptions::new(LangSel::Both))
            .unwrap(),
    )
    .unwrap();
    assert!(html.contains("<section class=\"annex\" id=\"en-annex.forms\" lang=\"en\">"));
    assert!(
        !html.contains("&lt;p"),
        "the body markup is not escaped twice"
    );
}

#[test]
fn json_lists_the_annexes() {
    let ws = Workspace::new(&files(), &[]).unwrap();
    let doc = draft(&ws, &answers(true, false, "customer")).unwrap();
    let one = ExportOptions::new(LangSel::One(Lang::Ja));
    let v: serde_json::Value =
        serde_json::from_slice(&ws.export(&doc, Format::Json, &one).unwrap()).unwrap();
    let a = &v["annexes"][0];
    assert_eq!(a["id"], "annex.network");
    assert_eq!(a["number"], 1);
    assert_eq!(a["title"], "ネットワーク及びファイアウォールの要件");
    assert!(
        a["text"]
            .as_str()
            .unwrap()
            .starts_with("乙は、次の要件を満たす。\n一　")
    );
    assert_eq!(a["sources"], serde_json::json!(["menet-2023"]));
    assert!(v["clauses"].is_array(), "the existing keys stay");
    let both = ExportOptions::new(LangSel::Both);
    let v: serde_json::Value =
        serde_json::from_slice(&ws.export(&doc, Format::Json, &both).unwrap()).unwrap();
    assert_eq!(v["annexes"][1]["title"]["en"], "Forms");
    assert!(v["annexes"][1]["rationale"]["ja"].is_string());
}

#[test]
fn a_reference_to_an_absent_annex_is_refused_at_build() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for f in files() {
        std::fs::write(lib.join(&f.name), &f.text).unwrap();
    }
    std::fs::write(tmp.path().join("a.toml"), answers(false, true, "customer")).unwrap();
    let out = bin()
        .current_dir(tmp.path())
        .args([
            "build",
            "--library",
            "lib",
            "--answers",
            "a.toml",
            "-o",
            "out.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!tmp.path().join("out.md").exists());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("lib/security_spec.toml")
            && stderr.contains("security_spec.unguarded")
            && stderr.contains("annex \"annex.network\" is not in this document"),
        "{stderr}"
    );
    // The library itself is sound: the annex exists.
    bin()
        .current_dir(tmp.path())
        .args(["check", "--library", "lib"])
        .assert()
        .success();
}

fn document_xml(bytes: &[u8]) -> String {
    unzip(bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1
}

#[test]
fn an_annex_with_a_wide_table_is_a_landscape_section() {
    let ws = Workspace::new(&files_of(&["minimal", "annexes", "wide-annex"]), &[]).unwrap();
    let doc = draft(&ws, &answers(true, false, "customer")).unwrap();
    let opts = ExportOptions::new(LangSel::One(Lang::Ja));
    let xml = document_xml(&ws.export(&doc, Format::Docx, &opts).unwrap());
    let sects: Vec<&str> = xml.split("<w:sectPr>").skip(1).collect();
    // Portrait up to the annex, the annex in landscape, portrait again for the next one.
    assert_eq!(sects.len(), 3, "{xml}");
    assert!(!sects[0].contains("landscape"));
    assert!(
        sects[1].contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"),
        "{}",
        sects[1]
    );
    assert!(sects[2].contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    let heading = xml.find("別紙1（ファイアウォールのルール表）").unwrap();
    let (first, second) = (
        xml.find("<w:sectPr>").unwrap(),
        xml.rfind("<w:sectPr>").unwrap(),
    );
    let rule = xml.find("TCP/5432").unwrap();
    assert!(first < heading && heading < rule && rule < xml[..second].rfind("<w:sectPr>").unwrap());
    // The section break starts the page: the heading does not add a page of its own.
    let para = &xml[xml[..heading].rfind("<w:p>").unwrap()..heading];
    assert!(para.contains("<w:pageBreakBefore w:val=\"0\"/>"), "{para}");
    // The rule table: a repeated header row, rows kept whole, eight columns across the
    // landscape width.
    let table = &xml[xml[..rule].rfind("<w:tbl>").unwrap()..];
    let table = &table[..table.find("</w:tbl>").unwrap()];
    assert_eq!(table.matches("<w:gridCol ").count(), 8);
    assert!(table.contains("<w:tblHeader/>") && table.matches("<w:cantSplit/>").count() == 3);
    assert!(table.contains("<w:tblW w:w=\"13452\""), "{}", &table[..300]);
    // The other annex (the forms) is not wide and stays portrait.
    let html = String::from_utf8(ws.export(&doc, Format::Html, &opts).unwrap()).unwrap();
    assert!(html.contains("@page landscape"), "a named landscape page");
    assert_eq!(
        html.matches("class=\"annex landscape\"").count(),
        1,
        "{html}"
    );
}
