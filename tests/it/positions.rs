//! The playbook: ladders of positions, switching an article to another rung, and the memo
//! listing the ladder.

use predicates::prelude::*;

use crate::common::{MIDSIZE_ANSWERS, bin, overlaid};

fn answers(extra: &str) -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(f.path(), format!("{MIDSIZE_ANSWERS}{extra}")).unwrap();
    f
}

const FALLBACK: &str = "\n[clauses.\"liability.cap\"]\nuse = \"liability.cap_balanced\"\n";

#[test]
fn an_article_moved_to_its_fallback_keeps_every_reference_to_it() {
    let f = answers(FALLBACK);
    let out = bin()
        .args(["build", "--format", "json", "--answers"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let clauses = doc["clauses"].as_array().unwrap();
    let cap = clauses
        .iter()
        .find(|c| c["id"] == "liability.cap_balanced")
        .expect("the fallback stands in the set");
    assert!(clauses.iter().all(|c| c["id"] != "liability.cap"));
    // Other articles that cite the cap cite the article that now stands for it.
    let cited = format!("第{}条", cap["number"]);
    let citing: Vec<_> = clauses
        .iter()
        .filter(|c| c["family"] == "liability" && c["id"] != "liability.cap_balanced")
        .filter(|c| c["text"].as_str().unwrap().contains(&cited))
        .collect();
    assert!(!citing.is_empty(), "no liability article cites {cited}");
}

#[test]
fn the_memo_lists_the_ladder_and_marks_the_position_in_the_draft() {
    let f = answers(FALLBACK);
    bin()
        .args(["memo", "--format", "md", "--answers"])
        .arg(f.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("交渉上の立場**：損害賠償の上限"))
        .stdout(predicate::str::contains("譲歩案：均衡（本案で採用）"))
        .stdout(predicate::str::contains("- 第一案：発注者保護：個人データ"));
    let f = answers("");
    bin()
        .args(["memo", "--format", "md", "--lang", "en", "--answers"])
        .arg(f.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Preferred: customer-protective (in this draft)",
        ));
}

fn overlay_with(positions: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("positions.toml"), positions).unwrap();
    dir
}

const LADDER: &str = r#"
[[ladder]]
id = "ladder.house"
title.ja = "試験"
title.en = "Test"

[[ladder.position]]
clause = "liability.cap"
name = { ja = "第一案", en = "Preferred" }
note = { ja = "維持する。", en = "Hold." }

[[ladder.position]]
clause = "CLAUSE"
name = { ja = "譲歩案", en = "Fallback" }
note = { ja = "譲歩してよい。", en = "Concede." }
"#;

#[test]
fn a_ladder_is_checked_against_the_clauses() {
    let unknown = overlay_with(&LADDER.replace("CLAUSE", "liability.cap_balansed"));
    overlaid(unknown.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("positions.toml"))
        .stderr(predicate::str::contains(
            "did you mean \"liability.cap_balanced\"",
        ));
    let mixed = overlay_with(&LADDER.replace("CLAUSE", "insurance.cyber"));
    overlaid(mixed.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("of one family"));
    // A clause already on the library's ladder cannot stand on a second one.
    let twice = overlay_with(&LADDER.replace("CLAUSE", "liability.cap_balanced"));
    overlaid(twice.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already a position of the ladder"));
}
