//! Families and sections are data: an organisation adds a family, a clause file for it and
//! a questionnaire section with TOML alone (tests/it/fixtures/added-family over the minimal
//! library).

use std::path::Path;

use crate::common::{bin, fixtures};

fn library_with_added_family(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for from in [fixtures().join("minimal"), fixtures().join("added-family")] {
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().is_some_and(|n| n != "answers.toml") {
                std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

#[test]
fn an_organisation_adds_a_family_by_toml_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    library_with_added_family(&lib);
    bin()
        .current_dir(tmp.path())
        .args(["check", "--library", "lib"])
        .assert()
        .success();
    let answers = fixtures().join("added-family/answers.toml");
    let out = bin()
        .current_dir(tmp.path())
        .args(["build", "--library", "lib", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let families: Vec<&str> = json["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["family"].as_str())
        .collect();
    assert!(families.contains(&"datacentre"), "{families:?}");
    let explain = bin()
        .current_dir(tmp.path())
        .args(["explain", "datacentre.entry", "--library", "lib"])
        .output()
        .unwrap();
    let text = String::from_utf8(explain.stdout).unwrap();
    assert!(text.contains("データセンターの利用"), "{text}");
    let questions = bin()
        .current_dir(tmp.path())
        .args(["questions", "--library", "lib"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(questions.stdout)
            .unwrap()
            .contains("facility_checks")
    );
}

#[test]
fn the_default_library_declares_its_families_and_sections_in_order() {
    let lib = &crate::common::WS.library;
    let ids: Vec<&str> = lib.families.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(&ids[..8], secdraft::library::CONTRACT_FAMILIES);
    let sections: Vec<&str> = lib.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sections,
        [
            "project",
            "data",
            "architecture",
            "operation",
            "supply_chain",
            "ai",
            "liability"
        ]
    );
    assert_eq!(
        lib.family("liability")
            .map(|f| f.title(secdraft::lang::Lang::Ja)),
        Some("損害賠償")
    );
}
