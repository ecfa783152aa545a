//! Organisation overlays (`--overlay DIR`): an organisation keeps a few files of its own
//! over the default library, not a fork of it.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{MIDSIZE_ANSWERS, bin, overlaid, root};

/// The library's `liability.cap` with a title of the organisation's own, as an overlay
/// file would carry it.
fn house_cap() -> String {
    let text = std::fs::read_to_string(root().join("clauses/liability.toml")).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let mut cap = file["clause"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_str() == Some("liability.cap"))
        .unwrap()
        .as_table()
        .unwrap()
        .clone();
    cap["title"]["ja"] = "損害賠償（当社標準）".into();
    cap["title"]["en"] = "Damages (house standard)".into();
    let mut out = toml::Table::new();
    out.insert("clause".into(), toml::Value::Array(vec![cap.into()]));
    toml::to_string(&out).unwrap()
}

const HOUSE_CLAUSE: &str = r#"
[[clause]]
id = "liability.house_audit_trail"
family = "liability"
order = 899
title.ja = "証跡の保存"
title.en = "Keeping the audit trail"
when = "house_trail"
body.ja = "乙は、本件業務に関する作業の記録を、本件業務の終了後{{ house_trail_years }}年間保存する。"
body.en = "The Vendor shall keep the records of its work on the Services for {{ house_trail_years }} years after the Services end."
rationale.ja = "当社の文書管理規程による。"
rationale.en = "Our records policy."
sources = ["house-records-policy"]
"#;

const HOUSE_QUESTIONS: &str = r#"
[[question]]
id = "house_trail"
section = "liability"
kind = "bool"
default = true
prompt.ja = "作業記録の保存を求めますか。"
prompt.en = "Require the work records to be kept?"
help.ja = "当社の文書管理規程。"
help.en = "Our records policy."

[[question]]
id = "house_trail_years"
section = "liability"
kind = "int"
default = 7
min = 1
prompt.ja = "作業記録の保存年数を入力してください。"
prompt.en = "For how many years are the records kept?"
help.ja = "当社の文書管理規程。"
help.en = "Our records policy."
when = "house_trail"
"#;

const HOUSE_SOURCES: &str = r#"
[[source]]
id = "house-records-policy"
citation.ja = "当社文書管理規程第12条"
citation.en = "Our records policy, section 12"
holding.ja = "取引の記録は7年間保存する。"
holding.en = "Transaction records are kept for seven years."
"#;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// An overlay that rewords one clause and adds a question, a source and a clause.
fn house_overlay() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "liability.toml",
        &format!("{}\n{HOUSE_CLAUSE}", house_cap()),
    );
    write(dir.path(), "questions.toml", HOUSE_QUESTIONS);
    write(dir.path(), "sources.toml", HOUSE_SOURCES);
    dir
}

fn build_json(answers: &Path, overlays: &[&Path]) -> serde_json::Value {
    let mut cmd = bin();
    for o in overlays {
        cmd.arg("--overlay").arg(o);
    }
    let out = cmd
        .args(["build", "--format", "json", "--answers"])
        .arg(answers)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn answers_file() -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(f.path(), MIDSIZE_ANSWERS).unwrap();
    f
}

fn clause<'a>(doc: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    doc["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
}

#[test]
fn an_overlay_replaces_one_clause_and_adds_its_own_and_leaves_the_rest() {
    let overlay = house_overlay();
    let answers = answers_file();
    let plain = build_json(answers.path(), &[]);
    let layered = build_json(answers.path(), &[overlay.path()]);

    assert_eq!(
        clause(&layered, "liability.cap").unwrap()["title"],
        "損害賠償（当社標準）"
    );
    let added = clause(&layered, "liability.house_audit_trail").expect("the added clause");
    assert!(added["text"].as_str().unwrap().contains("7年間"));
    assert_eq!(added["sources"][0], "house-records-policy");
    // Every other article reads as without the overlay.
    let others = |doc: &serde_json::Value| -> Vec<(String, String)> {
        doc["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["id"] != "liability.cap" && c["id"] != "liability.house_audit_trail")
            .map(|c| (c["id"].to_string(), c["title"].to_string()))
            .collect()
    };
    assert_eq!(others(&plain), others(&layered));
    assert!(clause(&plain, "liability.house_audit_trail").is_none());
}

#[test]
fn overlays_apply_in_order_and_a_later_one_retires_ids() {
    let house = house_overlay();
    let later = tempfile::tempdir().unwrap();
    write(
        later.path(),
        "retire.toml",
        r#"retire = ["liability.house_audit_trail"]"#,
    );
    let answers = answers_file();
    let doc = build_json(answers.path(), &[house.path(), later.path()]);
    assert!(clause(&doc, "liability.house_audit_trail").is_none());
    assert_eq!(
        clause(&doc, "liability.cap").unwrap()["title"],
        "損害賠償（当社標準）"
    );
}

#[test]
fn check_validates_the_combination() {
    let house = house_overlay();
    overlaid(house.path()).arg("check").assert().success();
    overlaid(house.path())
        .args(["questions", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("house_trail_years\tint\t7"));
    // Retiring a source the library's clauses cite breaks them: the check names it.
    let broken = tempfile::tempdir().unwrap();
    write(broken.path(), "retire.toml", r#"retire = ["menet-2023"]"#);
    overlaid(broken.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("menet-2023"));
}

#[test]
fn a_bad_overlay_is_refused_naming_its_file_and_the_id() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "retire.toml",
        r#"retire = ["insurance.cyberr"]"#,
    );
    overlaid(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("retire.toml:1:"))
        .stderr(predicate::str::contains("did you mean \"insurance.cyber\""));

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "liability.toml",
        "[[clause]]\nid = \"liability.cap\"\ntitle = 3\n",
    );
    overlaid(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("liability.toml"));

    bin()
        .args(["--overlay", "/nonexistent/overlay", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/overlay"));
}
