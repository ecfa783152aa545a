//! The text export: the parties, the same labels as every other format, lines wrapped to
//! the width in columns (Japanese is two wide) and tables that keep their borders aligned.

use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};
use unicode_width::UnicodeWidthStr;

use crate::common::{WS, answers_from, read_scenario, root};

fn text(lang: Lang) -> String {
    let s = read_scenario(&root().join("tests/scenarios/education-network.toml"));
    let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
    let bytes = WS
        .export(&doc, Format::Txt, &ExportOptions::new(LangSel::One(lang)))
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn japanese_text_is_wrapped_numbered_and_tabulated() {
    let t = text(Lang::Ja);
    assert!(t.contains("甲（委託者）：サンプル市\n乙（受託者）：受託者株式会社\n"));
    for want in [
        "\n第1条（目的及び原契約との関係）\n",
        "\n２　情報セキュリティに関する事項",
        "\n一　「本契約」とは",
        "\n十一　",
    ] {
        assert!(t.contains(want), "no {want:?}");
    }
    for line in t.lines() {
        // 72 columns, and at most two closing marks hanging over (ぶら下げ).
        assert!(line.width() <= 76, "too wide ({}): {line}", line.width());
    }
    let grid: Vec<&str> = t
        .lines()
        .filter(|l| l.starts_with('+') || l.starts_with('|'))
        .collect();
    assert!(grid.len() > 10, "tables are grids");
    let first = grid[0].width();
    assert!(first <= 72);
    // Each table (a run of grid lines) is one width.
    let mut widths: Vec<usize> = Vec::new();
    for line in t.lines().chain([""]) {
        if line.starts_with('+') || line.starts_with('|') {
            widths.push(line.width());
        } else if !widths.is_empty() {
            assert!(
                widths.iter().all(|&w| w == widths[0]),
                "a table of widths {widths:?}"
            );
            widths.clear();
        }
    }
    // The execution block, then 以上 in the right half of the page.
    let half = " ".repeat(36);
    assert!(t.contains("記名押印"), "closing words");
    assert!(
        t.contains(&format!("\n{half}甲\n{half}住所")),
        "signature block"
    );
    assert!(t.trim_end().ends_with(&format!("\n{half}以上")));
    // The eight-column firewall form does not fit: one record per rule.
    assert!(t.contains("\n番号：最終行\n  送信元の区画：全て\n"));
}

#[test]
fn english_text_is_wrapped_at_spaces() {
    let t = text(Lang::En);
    assert!(t.contains("\nCustomer: サンプル市\n"));
    assert!(
        t.contains("\nArticle 1 (Purpose and relation to the Main Contract)\n"),
        "{}",
        &t[..400]
    );
    for line in t.lines() {
        assert!(line.width() <= 80, "too wide: {line}");
    }
    assert!(t.lines().any(|l| l.starts_with("(a) ")));
}

#[test]
fn markdown_keeps_the_parties_the_execution_block_and_the_end_mark() {
    let s = read_scenario(&root().join("tests/scenarios/education-network.toml"));
    let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
    let md = |lang: LangSel| {
        let bytes = WS
            .export(&doc, Format::Md, &ExportOptions::new(lang))
            .unwrap();
        String::from_utf8(bytes).unwrap()
    };
    let ja = md(LangSel::One(Lang::Ja));
    // The parties under the title, one line each (a hard break, two spaces, between them).
    assert!(ja.contains("\n甲（委託者）　サンプル市  \n乙（受託者）　受託者株式会社  \n"));
    // The closing words, the date line and both parties' blocks, then the annexes and 以上.
    let execution = ja.find(&doc.closing.ja).expect("closing words");
    assert!(ja[execution..].contains(&format!("\n\n{}\n", doc.date_line.ja)));
    assert!(ja[execution..].contains("\n**甲**  \n住所"));
    assert!(ja[execution..].contains("\n**乙**  \n住所"));
    let last_annex = doc.annexes.last().unwrap();
    assert!(ja.find(&format!("## {}", last_annex.label.ja)).unwrap() > execution);
    assert!(ja.trim_end().ends_with("\n以上"));
    // With the translation, each part has its parties; 以上 ends the Japanese part.
    let both = md(LangSel::Both);
    assert!(both.contains("\nCustomer"));
    let end = both.find("\n以上\n").expect("以上");
    assert!(end < both.find(&doc.title.en).unwrap());
}
