//! The internal memo: marked internal, every article explained, counsel's notes and the
//! assumptions shown, in every format.

use secdraft::lang::Lang;
use secdraft::memo::{assumptions, report};
use secdraft::report::ReportFormat;

use crate::common::{WS, answers_from, read_scenario, root};

fn memo(extra: &str, format: ReportFormat, lang: Lang) -> String {
    let text = format!(
        "{}\n{extra}",
        read_scenario(&root().join("tests/scenarios/education-network.toml")).answers
    );
    let a = answers_from(&text, "t");
    let (assembly, doc) = WS.draft(&a).unwrap();
    report(&WS.library, &a, &assembly, &doc, format, lang)
}

#[test]
fn the_memo_explains_every_article_and_is_marked_internal() {
    let extra = "[clauses.\"liability.cap\"]\nnote = \"先方は上限2倍を希望。譲歩は1.5倍まで。\"\n\n\
                 [clauses.\"security_spec.personnel\"]\nexclude = \"原契約で規定済み\"\n";
    let a = answers_from(
        &format!(
            "{}\n{extra}",
            read_scenario(&root().join("tests/scenarios/education-network.toml")).answers
        ),
        "t",
    );
    let (_, doc) = WS.draft(&a).unwrap();
    for format in [ReportFormat::Md, ReportFormat::Txt, ReportFormat::Html] {
        let m = memo(extra, format, Lang::Ja);
        assert!(m.contains("社内限り"), "{format:?}");
        assert!(
            m.contains("先方は上限2倍を希望。譲歩は1.5倍まで。"),
            "counsel's note: {format:?}"
        );
        assert!(
            m.contains("原契約で規定済み"),
            "the exclusion's reason: {format:?}"
        );
        for art in &doc.articles {
            assert!(m.contains(&art.label.ja), "{} in {format:?}", art.label.ja);
        }
        assert!(m.contains("想定損害額"), "exposure: {format:?}");
    }
    let en = memo(extra, ReportFormat::Md, Lang::En);
    assert!(
        en.contains("INTERNAL") && en.contains("Counsel's note"),
        "{en}"
    );
}

#[test]
fn defaults_are_listed_as_assumptions() {
    let a = answers_from(
        &read_scenario(&root().join("tests/scenarios/education-network.toml")).answers,
        "t",
    );
    let assumed = assumptions(&WS.library, &a);
    assert!(
        !assumed.is_empty(),
        "the scenario leaves some questions at their defaults"
    );
    for id in &assumed {
        assert!(!a.given.contains_key(*id));
    }
    let m = memo("", ReportFormat::Txt, Lang::Ja);
    let q = WS.library.question(assumed[0]).unwrap();
    assert!(m.contains(&q.prompt.ja), "{m}");
}

#[test]
fn the_memo_command_marks_every_format_internal() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a.toml");
    std::fs::write(
        &answers,
        read_scenario(&root().join("tests/scenarios/education-network.toml")).answers,
    )
    .unwrap();
    for (format, lang, mark) in [
        ("md", "ja", "社内限り"),
        ("txt", "en", "INTERNAL"),
        ("html", "ja", "社内限り"),
    ] {
        let out = crate::common::bin()
            .args(["memo", "--format", format, "--lang", lang, "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(mark),
            "{format}"
        );
    }
}

#[test]
fn the_word_memo_says_internal_in_the_header_of_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a.toml");
    std::fs::write(
        &answers,
        read_scenario(&root().join("tests/scenarios/education-network.toml")).answers,
    )
    .unwrap();
    for (lang, mark) in [("ja", "社内限り"), ("en", "INTERNAL")] {
        let out = dir.path().join(format!("memo-{lang}.docx"));
        crate::common::bin()
            .args(["memo", "--format", "docx", "--lang", lang, "--answers"])
            .arg(&answers)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let parts = crate::docx::unzip(&std::fs::read(&out).unwrap());
        let part = |name: &str| {
            parts
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        assert!(part("word/header1.xml").contains(mark), "{lang}");
        let document = part("word/document.xml");
        // One section, whose default header (every page, the first too) is the mark.
        assert_eq!(document.matches("<w:sectPr>").count(), 1);
        assert!(document.contains("<w:headerReference w:type=\"default\" r:id=\"rId5\"/>"));
        assert!(!document.contains("w:titlePg"));
        assert!(
            part("word/_rels/document.xml.rels").contains("Target=\"header1.xml\""),
            "{lang}"
        );
        assert!(part("docProps/core.xml").contains(if lang == "ja" {
            "検討メモ"
        } else {
            "internal memo"
        }));
        let read = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, docx\n\
                 d = docx.Document(sys.argv[1])\n\
                 heads = [p.text for s in d.sections for p in s.header.paragraphs]\n\
                 body = [p.text for p in d.paragraphs]\n\
                 print(len(d.sections), heads, body[0], body[1], sep='\\n')",
            ])
            .arg(&out)
            .output();
        match read {
            Ok(o) if o.status.success() => {
                let text = String::from_utf8_lossy(&o.stdout).into_owned();
                let lines: Vec<&str> = text.lines().collect();
                assert_eq!(lines[0], "1", "{text}");
                assert_eq!(lines[1], format!("['{mark}']"), "the page header: {text}");
                assert_eq!(lines[2], mark, "above the title too: {text}");
                assert!(
                    lines[3].contains(if lang == "ja" { "検討メモ" } else { "memo" }),
                    "{text}"
                );
            }
            _ => assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "python-docx is required in CI"
            ),
        }
    }
}

#[test]
fn build_notes_writes_the_memo_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("a.toml");
    std::fs::write(
        &answers,
        read_scenario(&root().join("tests/scenarios/education-network.toml")).answers,
    )
    .unwrap();
    for (format, lang) in [("md", "ja"), ("txt", "en"), ("html", "ja")] {
        let run = |command: &[&str]| {
            crate::common::bin()
                .args(command)
                .args(["--format", format, "--lang", lang, "--answers"])
                .arg(&answers)
                .output()
                .unwrap()
        };
        let (notes, memo) = (run(&["build", "--notes"]), run(&["memo"]));
        assert!(notes.status.success() && memo.status.success());
        assert_eq!(notes.stdout, memo.stdout, "{format}: the same memo");
        let note = String::from_utf8_lossy(&notes.stderr);
        assert!(
            note.contains("note: --notes writes the internal memo"),
            "{note}"
        );
        assert!(String::from_utf8_lossy(&memo.stderr).is_empty());
    }
    let docx = |command: &[&str], name: &str| {
        let out = dir.path().join(name);
        crate::common::bin()
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .args(command)
            .args(["--format", "docx", "--answers"])
            .arg(&answers)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    assert_eq!(
        docx(&["build", "--notes"], "notes.docx"),
        docx(&["memo"], "memo.docx"),
        "the same Word memo, byte for byte"
    );
    for (args, says) in [
        (["--format", "json", "--lang", "ja"], "no JSON format"),
        (["--format", "md", "--lang", "both"], "in one language"),
    ] {
        crate::common::bin()
            .args(["build", "--notes"])
            .args(args)
            .arg("--answers")
            .arg(&answers)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
}
