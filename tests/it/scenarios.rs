//! Golden tests: every scenario's expectations (what counsel would expect to find), and a
//! Markdown snapshot of the whole clause set in each language.

use regex::Regex;
use secdraft::document::plain_text;
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};

use crate::common::{WS, answers_from, root, scenarios};

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The scenarios beside the project are the source; the copies keep the suite
/// self-contained on a machine that has only this repository. Run where they are:
/// `cargo test --release -- --ignored scenario_copies`.
#[test]
#[ignore = "needs ../shared/scenarios beside the checkout"]
fn scenario_copies_match_the_shared_ones() {
    let shared = root().join("../shared/scenarios");
    let entries = std::fs::read_dir(&shared).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; this test compares the copies in tests/scenarios with it",
            shared.display()
        )
    });
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "toml") {
            let copy = root().join("tests/scenarios").join(p.file_name().unwrap());
            assert_eq!(
                std::fs::read_to_string(&p).unwrap(),
                std::fs::read_to_string(&copy).unwrap_or_default(),
                "{} differs from its copy",
                p.display()
            );
        }
    }
}

#[test]
fn scenarios_meet_their_expectations() {
    let all = scenarios();
    assert!(all.len() >= 10, "{} scenarios", all.len());
    for s in all {
        let answers = answers_from(&s.answers, &s.name);
        let (assembly, doc) = WS
            .draft(&answers)
            .unwrap_or_else(|e| panic!("{}: {e}", s.name));
        let e = &s.expect;
        let families: Vec<&str> = doc.articles.iter().map(|a| a.family.as_str()).collect();
        for f in strings(e.get("families_present")) {
            assert!(
                families.contains(&f.as_str()),
                "{}: family {f} missing",
                s.name
            );
        }
        for f in strings(e.get("families_absent")) {
            assert!(
                !families.contains(&f.as_str()),
                "{}: family {f} present",
                s.name
            );
        }
        for (name, want) in e
            .get("computed")
            .and_then(|c| c.as_table())
            .into_iter()
            .flatten()
        {
            let got = assembly
                .computed_value(name)
                .unwrap_or_else(|| panic!("{}: no {name}", s.name));
            assert_eq!(got.as_int(), want.as_integer(), "{}: {name}", s.name);
        }
        let text_of = |family: Option<&str>, lang: Lang| -> Vec<String> {
            doc.articles
                .iter()
                .filter(|a| family.is_none_or(|f| a.family == f))
                .map(|a| {
                    format!(
                        "{}\n{}",
                        a.title[lang],
                        plain_text(&a.paragraphs[lang], lang)
                    )
                })
                .collect()
        };
        let rules = |key: &str| -> Vec<(Option<String>, Option<Lang>, Regex)> {
            e.get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .map(|r| {
                    let get = |k: &str| r.get(k).and_then(|v| v.as_str());
                    (
                        get("family").map(str::to_string),
                        get("lang").and_then(Lang::parse),
                        Regex::new(get("pattern").unwrap()).unwrap(),
                    )
                })
                .collect()
        };
        for (family, lang, re) in rules("contains") {
            let lang = lang.unwrap_or(Lang::Ja);
            assert!(
                text_of(family.as_deref(), lang)
                    .iter()
                    .any(|t| re.is_match(t)),
                "{}: no {lang:?} text of {family:?} matches {re}",
                s.name
            );
        }
        for (family, lang, re) in rules("absent") {
            for l in lang.map_or(Lang::ALL.to_vec(), |l| vec![l]) {
                for t in text_of(family.as_deref(), l) {
                    assert!(
                        !re.is_match(&t),
                        "{}: {l:?} text matches {re}:\n{t}",
                        s.name
                    );
                }
            }
        }
    }
}

#[test]
fn scenario_goldens() {
    for s in scenarios() {
        let answers = answers_from(&s.answers, &s.name);
        let (_, doc) = WS.draft(&answers).unwrap();
        for lang in Lang::ALL {
            let opts = ExportOptions::new(LangSel::One(lang));
            let md = String::from_utf8(WS.export(&doc, Format::Md, &opts).unwrap()).unwrap();
            insta::assert_snapshot!(format!("{}-{}", s.name, lang.code()), md);
        }
    }
}
