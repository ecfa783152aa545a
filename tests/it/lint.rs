//! The drafting lint on every scenario's assembled and rendered clause set: no unused or
//! undefined term, no term used before its definition, no 「次の各号」 over one item.
//! (The library lint runs in `check`; its fixture is tests/it/fixtures/invalid-library.)

use secdraft::lint;

use crate::common::{WS, answers_from, scenarios};

#[test]
fn every_scenario_passes_the_drafting_lint() {
    let mut findings = Vec::new();
    let all = scenarios();
    assert!(all.len() >= 10, "{} scenarios", all.len());
    for s in all {
        let answers = answers_from(&s.answers, &s.name);
        let (_, doc) = WS
            .draft(&answers)
            .unwrap_or_else(|e| panic!("{}: {e}", s.name));
        for f in lint::document(&WS.library, &doc) {
            findings.push(format!("{}: {f}", s.name));
        }
    }
    assert!(
        findings.is_empty(),
        "{} findings:\n{}",
        findings.len(),
        findings.join("\n")
    );
}

#[test]
fn the_default_library_passes_the_drafting_lint() {
    let findings: Vec<String> = lint::library(&WS.library)
        .iter()
        .map(|f| f.diagnostic(&WS.library).to_string())
        .collect();
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
