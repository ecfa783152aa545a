//! The library has no dead parts: every clause is selected by some answers and every
//! question changes some output. Variations of every scenario, one answer at a time.

use std::collections::BTreeSet;

use secdraft::answers::Answers;
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::LangSel;
use secdraft::library::{Kind, Question};
use secdraft::value::Value;

use crate::common::{WS, answers_from, scenarios};

/// Other values worth trying for a question.
fn alternatives(q: &Question, current: &Value) -> Vec<Value> {
    let mut out = match q.kind {
        Kind::Bool => vec![Value::Bool(!current.truthy())],
        Kind::Choice => q
            .choice_values
            .iter()
            .map(|c| Value::Str(c.clone()))
            .collect(),
        Kind::Multi => {
            let mut v: Vec<Value> = q
                .choice_values
                .iter()
                .map(|c| Value::List(vec![c.clone()]))
                .collect();
            v.push(Value::List(Vec::new()));
            v.push(Value::List(q.choice_values.clone()));
            v
        }
        Kind::Int | Kind::Yen => {
            let n = current.as_int().unwrap_or(0);
            let mut v = vec![n + 1, n.saturating_mul(10) + 1, n / 2];
            v.extend(q.min);
            v.extend(q.max);
            v.into_iter().map(Value::Int).collect()
        }
        Kind::Text => vec![Value::Str("x".into())],
    };
    out.retain(|v| v != current && q.check(v).is_ok());
    out
}

fn fingerprint(answers: &Answers) -> (String, BTreeSet<String>) {
    let (_, doc) = WS.draft(answers).unwrap();
    let opts = ExportOptions::new(LangSel::Both);
    let mut text = String::from_utf8(WS.export(&doc, Format::Md, &opts).unwrap()).unwrap();
    for w in &doc.warnings {
        text.push_str(&w.code);
    }
    (text, doc.articles.iter().map(|a| a.id.clone()).collect())
}

#[test]
fn every_clause_is_reachable_and_every_question_matters() {
    let lib = &WS.library;
    let mut reached = BTreeSet::new();
    let mut matters = BTreeSet::new();
    for s in scenarios() {
        let base = answers_from(&s.answers, &s.name);
        let (base_text, ids) = fingerprint(&base);
        reached.extend(ids);
        let values = base.resolve(lib);
        let asked = base.asked_questions(lib);
        for (q, asked) in lib.questions.iter().zip(asked) {
            if !asked {
                continue;
            }
            for v in alternatives(q, &values[&q.id]) {
                let mut a = base.clone();
                a.given.insert(q.id.clone(), v);
                let (text, ids) = fingerprint(&a);
                reached.extend(ids);
                if text != base_text {
                    matters.insert(q.id.clone());
                }
            }
        }
    }
    let unreached: Vec<&str> = lib
        .clauses
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !reached.contains(*id))
        .collect();
    assert!(
        unreached.is_empty(),
        "clauses no answers select: {unreached:?}"
    );
    let idle: Vec<&str> = lib
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .filter(|id| !matters.contains(*id))
        .collect();
    assert!(idle.is_empty(), "questions that change nothing: {idle:?}");
}

#[test]
fn the_coverage_table_names_real_clauses() {
    let doc =
        std::fs::read_to_string(crate::common::root().join("docs/clause-library.md")).unwrap();
    let table = doc
        .split("## Coverage")
        .nth(1)
        .expect("docs/clause-library.md has a coverage section");
    let known: BTreeSet<&str> = WS.library.clauses.iter().map(|c| c.id.as_str()).collect();
    let named: Vec<&str> = table
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.contains('.') && !s.contains('/'))
        .collect();
    assert!(named.len() > 50, "{} clause ids in the table", named.len());
    let unknown: Vec<&&str> = named.iter().filter(|id| !known.contains(**id)).collect();
    assert!(unknown.is_empty(), "unknown clause ids: {unknown:?}");
}
