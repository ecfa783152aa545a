//! The engine's warnings on projects that are not among the scenarios: a public body left
//! as a private customer, and a data set whose leak would cost more than any cap.

use secdraft::value::Value;

use crate::common::{WS, answers_from};

fn draft(meta: &str, answers: &str) -> (secdraft::engine::Assembly, Vec<String>) {
    let text = format!(
        "[meta]\nproject_name = \"x\"\n{meta}vendor = \"サンプル株式会社\"\n\n[answers]\ndmz = false\nsubcontracting = false\nmaintenance = false\nai_use = false\n{answers}"
    );
    let answers = answers_from(&text, "test");
    let (assembly, doc) = WS.draft(&answers).unwrap_or_else(|e| panic!("{e}"));
    let warnings = doc
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.code, w.message.ja))
        .collect();
    (assembly, warnings)
}

#[test]
fn a_city_left_as_a_private_customer_is_named() {
    let answers = "personal_data = false\nbudget_jpy = 5000000\n";
    let (_, warnings) = draft("customer = \"前橋市\"\n", answers);
    let w = warnings
        .iter()
        .find(|w| w.starts_with("customer_type_public_name"))
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert!(w.contains("customer_type") && w.contains("前橋市"), "{w}");
    let chosen = format!("{answers}customer_type = \"local_government\"\n");
    let (_, warnings) = draft("customer = \"前橋市\"\n", &chosen);
    assert!(
        !warnings
            .iter()
            .any(|w| w.starts_with("customer_type_public_name")),
        "{warnings:?}"
    );
    let (_, warnings) = draft("customer = \"サンプル物産株式会社\"\n", answers);
    assert!(
        !warnings
            .iter()
            .any(|w| w.starts_with("customer_type_public_name")),
        "{warnings:?}"
    );
}

#[test]
fn a_large_data_set_warns_instead_of_raising_the_super_cap() {
    let answers = "personal_data = true\npersonal_data_kinds = [\"basic\", \"sensitive\"]\ndata_subjects = 2500000\nbudget_jpy = 40000000\n";
    let (assembly, warnings) = draft("customer = \"サンプル物産株式会社\"\n", answers);
    let super_cap = assembly
        .computed_value("super_cap_jpy")
        .and_then(Value::as_int);
    assert_eq!(super_cap, Some(120_000_000));
    let w = warnings
        .iter()
        .find(|w| w.starts_with("exposure_exceeds_caps"))
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert!(
        w.contains("15,260,000,000円") && w.contains("120,000,000円"),
        "{w}"
    );
    assert!(
        w.contains("サイバー保険") && w.contains("上限の不適用"),
        "{w}"
    );
}

#[test]
fn reasons_are_words_not_condition_code() {
    let ids: Vec<&str> = WS.library.questions.iter().map(|q| q.id.as_str()).collect();
    for s in crate::common::scenarios() {
        let answers = answers_from(&s.answers, &s.name);
        let (_, doc) = WS.draft(&answers).unwrap_or_else(|e| panic!("{e}"));
        let reasons = doc
            .articles
            .iter()
            .map(|a| &a.reason)
            .chain(doc.excluded.iter().map(|e| &e.reason));
        for r in reasons {
            for text in [&r.ja, &r.en] {
                assert!(!text.is_empty(), "{}", s.name);
                for code in ["`", "==", "!=", "\"", "true", "false"] {
                    assert!(!text.contains(code), "{}: {text}", s.name);
                }
                for id in ids.iter().filter(|id| id.contains('_')) {
                    assert!(!text.contains(id), "{}: {text}", s.name);
                }
            }
        }
    }
    // A clause out for its condition names the answer that kept it out, in words.
    let text = "[meta]\nproject_name = \"x\"\ncustomer = \"甲社\"\nvendor = \"乙社\"\n\n[answers]\npersonal_data = true\npersonal_data_kinds = [\"basic\"]\ndata_subjects = 100\ndmz = false\nsubcontracting = false\nbudget_jpy = 1000000\nmaintenance = false\nai_use = false\n";
    let (_, doc) = WS.draft(&answers_from(text, "t")).unwrap();
    let out = doc
        .excluded
        .iter()
        .find(|e| e.id == "security_spec.network")
        .expect("the network clause is out without a DMZ");
    assert!(
        out.reason.ja.contains("DMZ") && out.reason.ja.contains("いいえ"),
        "{}",
        out.reason.ja
    );
    assert!(
        out.reason.en.contains("DMZ") && out.reason.en.contains("No"),
        "{}",
        out.reason.en
    );
}
