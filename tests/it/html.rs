//! The HTML page read back as a tree: one self-contained page, the structure of the
//! document, escaped user text, language attributes and collapsible notes.

use secdraft::document::Document;
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::LangSel;

use crate::common::{WS, answers_from, read_scenario, root};
use crate::xml::{Node, parse};

fn doc_of(name: &str) -> Document {
    let s = read_scenario(&root().join(format!("tests/scenarios/{name}.toml")));
    WS.draft(&answers_from(&s.answers, &s.name)).unwrap().1
}

fn html(doc: &Document, lang: LangSel) -> (String, Node) {
    let bytes = WS
        .export(doc, Format::Html, &ExportOptions::new(lang))
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let tree = parse(&text);
    (text, tree)
}

fn class(n: &Node) -> &str {
    n.attr("class").unwrap_or("")
}

#[test]
fn one_self_contained_print_ready_page() {
    let doc = doc_of("education-network");
    let (text, tree) = html(&doc, LangSel::One(secdraft::lang::Lang::Ja));
    let page = tree.child("html").expect("an html root");
    assert_eq!(page.attr("lang"), Some("ja"));
    let head = page.child("head").unwrap();
    assert!(
        head.child("title")
            .unwrap()
            .text()
            .starts_with("情報セキュリティに関する特約")
    );
    let css = head.child("style").expect("inline CSS").text();
    assert!(
        css.contains("@page") && css.contains("size: A4"),
        "print CSS for A4"
    );
    for external in ["<link", "src=", "url(", "@import", "http://", "https://"] {
        assert!(
            !text.contains(external),
            "the page refers to an external asset: {external}"
        );
    }
}

#[test]
fn the_page_has_the_structure_of_the_document() {
    let doc = doc_of("education-network");
    let (text, tree) = html(&doc, LangSel::One(secdraft::lang::Lang::Ja));
    let sections = tree.all("section");
    // The rider, then one section per annex.
    assert_eq!(sections.len(), 1 + doc.annexes.len());
    let s = sections[0];
    assert_eq!(s.attr("lang"), Some("ja"));
    assert_eq!(s.all("h1")[0].text(), "情報セキュリティに関する特約");
    let parties: Vec<String> = s.all("dd").into_iter().map(Node::text).collect();
    assert_eq!(parties[..2], ["サンプル市", "受託者株式会社"]);
    let articles = s.all("article");
    assert_eq!(articles.len(), doc.articles.len());
    for (i, (a, d)) in articles.iter().zip(&doc.articles).enumerate() {
        assert_eq!(a.attr("id"), Some(format!("ja-{}", d.id).as_str()));
        assert_eq!(
            a.all("h2")[0].text(),
            format!("第{}条（{}）", i + 1, d.title.ja)
        );
    }
    let paragraphs = s.all("p");
    let labelled: Vec<String> = paragraphs
        .iter()
        .filter(|p| class(p) == "labelled")
        .map(|p| p.child("span").unwrap().text())
        .collect();
    assert!(labelled.contains(&"２".to_string()), "項 labels");
    let items: Vec<&&Node> = paragraphs
        .iter()
        .filter(|p| class(p) == "item level1")
        .collect();
    assert_eq!(
        items[0].child("span").map(Node::text).as_deref(),
        Some("一")
    );
    let tables = s.all("table");
    assert!(tables.len() >= 3);
    for t in tables {
        let head = t.child("thead").expect("a header row");
        let cols = head.all("th").len();
        for row in t.child("tbody").unwrap().all("tr") {
            assert_eq!(row.all("td").len(), cols);
        }
    }
    assert!(s.all("details").is_empty(), "no notes unless asked");
    // The execution block after the last article, as in Word: the closing words, the date
    // line and a block for each party.
    let execution = s
        .all("div")
        .into_iter()
        .find(|d| class(d) == "execution")
        .expect("the execution block");
    let lines: Vec<String> = execution.all("p").into_iter().map(Node::text).collect();
    assert_eq!(lines[0], doc.closing.ja);
    assert_eq!(lines[1], doc.date_line.ja);
    let blocks: Vec<String> = execution
        .all("div")
        .into_iter()
        .filter(|d| class(d) == "signature")
        .map(|d| d.all("p")[0].text())
        .collect();
    assert_eq!(blocks, ["甲", "乙"]);
    // 以上 closes the document after the annexes, as in Word, Markdown and text.
    let end = paragraphs.iter().find(|p| class(p) == "end").unwrap();
    assert_eq!(end.text(), "以上");
    let last_annex = doc.annexes.last().unwrap();
    assert!(
        text.rfind("<p class=\"end\">").unwrap()
            > text.rfind(&format!("id=\"ja-{}\"", last_annex.id)).unwrap()
    );
}

#[test]
fn both_languages_and_no_drafting_notes() {
    let doc = doc_of("education-network");
    let (_, tree) = html(&doc, LangSel::Both);
    let sections: Vec<&Node> = tree
        .all("section")
        .into_iter()
        .filter(|s| class(s).split(' ').any(|c| c == "rider"))
        .collect();
    let langs: Vec<_> = sections.iter().map(|s| s.attr("lang").unwrap()).collect();
    assert_eq!(langs, ["ja", "en"]);
    let en = sections[1];
    // The English is marked as the reference translation, at its start and its end.
    assert_eq!(class(en), "rider translation");
    let marks: Vec<String> = en
        .all("p")
        .into_iter()
        .filter(|p| class(p).starts_with("translation"))
        .map(|p| p.text())
        .collect();
    assert_eq!(marks[0], "Reference translation");
    assert!(marks[1].contains("Japanese text above is the Rider and prevails"));
    assert_eq!(marks[2], "(End of the reference translation)");
    assert_eq!(class(sections[0]), "rider");
    assert_eq!(
        en.all("h2")[0].text(),
        format!("Article 1 ({})", doc.articles[0].title.en)
    );
    // The rider carries no drafting notes: they are the memo's.
    assert!(tree.all("details").is_empty());
    assert!(!tree.text().contains(&doc.articles[0].rationale.en));
}

#[test]
fn user_text_is_escaped() {
    let mut doc = doc_of("ec-site");
    doc.parties.customer.ja = "<script>alert(\"x\")</script> & Co.".into();
    doc.articles[0].title.ja = "<b>目的</b>".into();
    let (text, tree) = html(&doc, LangSel::One(secdraft::lang::Lang::Ja));
    assert!(tree.all("script").is_empty(), "the page runs no script");
    assert!(tree.all("b").is_empty());
    let dd = tree.all("dd")[0].text();
    assert_eq!(dd, "<script>alert(\"x\")</script> & Co.");
    assert!(text.contains("&lt;script&gt;"));
}

#[test]
fn the_parallel_layout_is_a_two_column_table() {
    let doc = doc_of("ec-site");
    let opts = ExportOptions {
        parallel: true,
        ..ExportOptions::new(LangSel::Both)
    };
    let text = String::from_utf8(WS.export(&doc, Format::Html, &opts).unwrap()).unwrap();
    let tree = parse(&text);
    let table = tree
        .all("table")
        .into_iter()
        .find(|t| class(t) == "parallel")
        .expect("the parallel table");
    let head = table
        .child("thead")
        .expect("a head browsers repeat on every page");
    assert_eq!(head.text(), "正文Reference translation");
    let rows: Vec<&Node> = table.child("tbody").unwrap().elements().collect();
    for a in &doc.articles {
        let at = rows
            .iter()
            .position(|r| r.attr("id") == Some(a.id.as_str()))
            .unwrap_or_else(|| panic!("no row for {}", a.id));
        let cells: Vec<&Node> = rows[at + 1].elements().collect();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[1].attr("lang"), Some("en"));
    }
    // The execution block is the table's last row, each language in its column; the
    // annexes follow the table, the Japanese then the English, and 以上 ends the Japanese.
    let last: Vec<&Node> = rows.last().unwrap().elements().collect();
    for (cell, closing) in last.iter().zip([&doc.closing.ja, &doc.closing.en]) {
        assert_eq!(cell.all("p")[0].text(), *closing);
        assert_eq!(
            cell.all("div")
                .iter()
                .filter(|d| class(d) == "signature")
                .count(),
            2
        );
    }
    let annexes: Vec<&str> = tree
        .all("section")
        .into_iter()
        .filter(|s| class(s).starts_with("annex"))
        .filter_map(|s| s.attr("id"))
        .collect();
    let expected: Vec<String> = ["ja", "en"]
        .iter()
        .flat_map(|l| doc.annexes.iter().map(move |a| format!("{l}-{}", a.id)))
        .collect();
    assert_eq!(annexes, expected);
    let end = text.find("<p class=\"end\">").unwrap();
    assert!(
        text.rfind("<section class=\"annex").unwrap() > end
            && text[..end].contains(&format!("id=\"ja-{}\"", doc.annexes.last().unwrap().id))
    );
    // The rider is not repeated after the table; the sequential page has no such table.
    assert_eq!(text.matches(&doc.preamble.ja).count(), 1);
    let (seq, _) = html(&doc, LangSel::Both);
    assert!(!seq.contains("class=\"parallel\""));
}
