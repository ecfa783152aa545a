//! The redline between two riders: statuses, word-level changes and their causes.

use secdraft::lang::Lang;
use secdraft::redline::{Side, Span, Status, compare, render};
use secdraft::report::ReportFormat;

use crate::common::{WS, answers_from, read_scenario, root};

fn draft(text: &str) -> (secdraft::engine::Assembly, secdraft::document::Document) {
    WS.draft(&answers_from(text, "t")).unwrap()
}

fn education() -> String {
    read_scenario(&root().join("tests/scenarios/education-network.toml")).answers
}

#[test]
fn the_same_answers_give_no_change() {
    let (a, d) = draft(&education());
    let side = Side {
        doc: &d,
        values: &a.values,
        overrides: None,
    };
    let r = compare(&WS.library, &side, &side);
    assert!(r.values.is_empty());
    assert_eq!(r.changed().count(), 0);
    assert_eq!(r.articles.len(), d.articles.len());
    assert!(render::report(&r, ReportFormat::Md, Lang::Ja).contains("条項の変更はありません。"));
}

#[test]
fn dropping_the_dmz_removes_its_articles_and_names_the_answer() {
    let old = education();
    assert!(old.contains("dmz = true"), "the scenario has a DMZ");
    let new = old.replace("dmz = true", "dmz = false");
    let (oa, od) = draft(&old);
    let (na, nd) = draft(&new);
    let r = compare(
        &WS.library,
        &Side {
            doc: &od,
            values: &oa.values,
            overrides: None,
        },
        &Side {
            doc: &nd,
            values: &na.values,
            overrides: None,
        },
    );
    assert!(r.values.iter().any(|v| v.id == "dmz"), "{:?}", r.values);
    let removed: Vec<_> = r
        .articles
        .iter()
        .filter(|a| a.status == Status::Removed)
        .collect();
    assert!(!removed.is_empty(), "a DMZ clause leaves the set");
    for a in &removed {
        assert!(od.articles.iter().any(|o| o.id == a.id));
        assert!(!nd.articles.iter().any(|n| n.id == a.id));
        assert!(
            a.causes.contains(&"dmz".to_string()),
            "{}: {:?}",
            a.id,
            a.causes
        );
        assert!(a.text.ja.iter().all(|s| matches!(s, Span::Delete(_))));
    }
    // Every article of both versions appears once.
    let kept = r
        .articles
        .iter()
        .filter(|a| a.status != Status::Removed)
        .count();
    assert_eq!(kept, nd.articles.len());
    assert_eq!(
        r.articles.len() - kept,
        od.articles.len()
            - nd.articles
                .iter()
                .filter(|n| od.articles.iter().any(|o| o.id == n.id))
                .count()
    );
    let md = render::report(&r, ReportFormat::Md, Lang::Ja);
    assert!(md.contains("削除"), "{md}");
    assert!(md.contains("DMZ"), "the cause in words: {md}");
}

#[test]
fn a_higher_amount_changes_the_cap_words_only() {
    let old = education();
    let new = old.replace("budget_jpy = 104800500", "budget_jpy = 209601000");
    assert_ne!(old, new, "the scenario's amount");
    let (oa, od) = draft(&old);
    let (na, nd) = draft(&new);
    let r = compare(
        &WS.library,
        &Side {
            doc: &od,
            values: &oa.values,
            overrides: None,
        },
        &Side {
            doc: &nd,
            values: &na.values,
            overrides: None,
        },
    );
    let changed: Vec<_> = r.changed().collect();
    assert!(!changed.is_empty());
    assert!(
        changed.iter().all(|a| a.status == Status::Changed),
        "{changed:?}"
    );
    let cap = changed.iter().find(|a| {
        a.text
            .ja
            .iter()
            .any(|s| s == &Span::Insert("209,601,000".into()))
    });
    assert!(cap.is_some(), "the new amount is marked inserted");
    let text = render::report(&r, ReportFormat::Txt, Lang::Ja);
    assert!(text.contains("[-104,800,500-]{+209,601,000+}"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&render::json(&r, Lang::En)).unwrap();
    assert_eq!(json["schema"], "secdraft.diff/1");
    assert!(json["articles"].as_array().is_some_and(|a| !a.is_empty()));
    let html = render::report(&r, ReportFormat::Html, Lang::En);
    assert!(html.contains("<ins>") && html.contains("<del>"), "{html}");
}

#[test]
fn the_diff_command_writes_every_format_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    std::fs::write(&old, education()).unwrap();
    std::fs::write(&new, education().replace("dmz = true", "dmz = false")).unwrap();
    for (format, needle) in [
        ("md", "# 変更対照表"),
        ("txt", "変更対照表"),
        ("html", "<del>"),
        ("json", "secdraft.diff/1"),
    ] {
        let out = crate::common::bin()
            .args(["diff", "--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(needle),
            "{format}"
        );
    }
    let target = dir.path().join("redline.md");
    let run = |force: bool| {
        let mut c = crate::common::bin();
        c.arg("diff").arg(&old).arg(&new).arg("-o").arg(&target);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert!(run(false).status.success());
    assert_eq!(run(false).status.code(), Some(2), "no silent overwrite");
    assert!(run(true).status.success());
    let missing = crate::common::bin()
        .arg("diff")
        .arg(&old)
        .arg(dir.path().join("absent.toml"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("absent.toml"));
}

/// Writes `text` as an answers file and builds its rider in Word.
fn rider(
    dir: &std::path::Path,
    name: &str,
    text: &str,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let answers = dir.join(format!("{name}.toml"));
    std::fs::write(&answers, text).unwrap();
    let docx = dir.join(format!("{name}.docx"));
    crate::common::bin()
        .args(["build", "--format", "docx", "--answers"])
        .arg(&answers)
        .arg("-o")
        .arg(&docx)
        .assert()
        .success();
    (answers, docx)
}

fn document_part(path: &std::path::Path) -> String {
    crate::docx::unzip(&std::fs::read(path).unwrap())
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1
}

#[test]
fn the_word_redline_tracks_every_change_and_resolves_to_either_rider() {
    let dir = tempfile::tempdir().unwrap();
    let old_text = education();
    assert!(
        !old_text.contains("date ="),
        "the scenario leaves the date open"
    );
    let dated = old_text
        .replace("dmz = true", "dmz = false")
        .replace("budget_jpy = 104800500", "budget_jpy = 209601000")
        .replace("[meta]\n", "[meta]\ndate = \"2026-04-01\"\n");
    let ec = std::fs::read_to_string(root().join("docs/examples/ec-site.toml")).unwrap();
    let (old, old_docx) = rider(dir.path(), "old", &old_text);
    let python = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    for (name, text, author) in [("dated", dated, "法務部 山田"), ("ec", ec, "secdraft")] {
        let (new, new_docx) = rider(dir.path(), name, &text);
        let out = dir.path().join(format!("{name}-redline.docx"));
        let mut cmd = crate::common::bin();
        cmd.env("SOURCE_DATE_EPOCH", "1795000000")
            .args(["diff", "--format", "docx"])
            .arg(&old)
            .arg(&new)
            .arg("-o")
            .arg(&out);
        if author != "secdraft" {
            cmd.args(["--author", author]);
        }
        cmd.assert().success();
        let xml = document_part(&out);
        let date = if name == "dated" {
            "2026-04-01T00:00:00Z"
        } else {
            "2026-11-18T11:06:40Z"
        };
        let stamp = format!("w:author=\"{author}\" w:date=\"{date}\"");
        assert!(
            xml.contains(&format!("<w:ins w:id=\"1\" {stamp}"))
                || xml.contains(&format!("<w:del w:id=\"1\" {stamp}")),
            "{name}: the first change is stamped"
        );
        assert!(xml.contains("<w:delText"), "{name}");
        if name == "dated" {
            assert!(
                xml.contains(">209,601,000</w:t></w:r></w:ins>"),
                "the new amount, inserted"
            );
            assert!(
                xml.contains(">104,800,500</w:delText></w:r></w:del>"),
                "the old one, deleted"
            );
            assert!(
                xml.contains("<w:rPr><w:del w:id="),
                "a DMZ article leaves whole, its paragraph marks too"
            );
        }
        if !python {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "python-docx is required in CI"
            );
            continue;
        }
        let check = std::process::Command::new("python3")
            .arg(root().join("tests/redline_check.py"))
            .args([&out, &old_docx, &new_docx])
            .args(["--author", author])
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
    }
    // The checker fails where the resolved text is not the rider's: old and new swapped.
    let ec_docx = dir.path().join("ec.docx");
    if python {
        let swapped = std::process::Command::new("python3")
            .arg(root().join("tests/redline_check.py"))
            .args([&dir.path().join("ec-redline.docx"), &ec_docx, &old_docx])
            .output()
            .unwrap();
        assert!(!swapped.status.success());
    }
}

#[test]
fn the_word_redline_needs_a_file_and_the_author_needs_word() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    std::fs::write(&old, education()).unwrap();
    crate::common::bin()
        .args(["diff", "--format", "docx"])
        .arg(&old)
        .arg(&old)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--format docx needs -o OUT"));
    crate::common::bin()
        .args(["diff", "--author", "x"])
        .arg(&old)
        .arg(&old)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--author applies to --format docx only",
        ));
}
