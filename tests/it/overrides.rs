//! Counsel's overrides in the answers file: reading them with every problem named, applying
//! them to the selected set, and saving the file without losing a character counsel wrote.

use secdraft::answers::Answers;
use secdraft::overrides::{Entry, apply};
use secdraft::preserve::save;

use crate::common::{WS, answers_from, read_scenario, root};

fn education() -> String {
    read_scenario(&root().join("tests/scenarios/education-network.toml")).answers
}

fn errors(text: &str) -> String {
    Answers::parse(text, "project.toml", &WS.library)
        .expect_err("refused")
        .to_string()
}

fn index(id: &str) -> usize {
    WS.library.clauses.iter().position(|c| c.id == id).unwrap()
}

#[test]
fn overrides_are_read_as_typed() {
    let text = format!(
        "{}\n[clauses.\"security_spec.access_logging\"]\nexclude = \"診断は別契約で実施するため\"\n\n\
         [clauses.\"liability.cap\"]\nnote = \"先方は上限2倍を希望\"\ntext.ja = \"{{{{ budget_jpy }}}}を上限とする。故意又は重大な過失による場合はこの限りでない。\"\n\n\
         [[custom_clause]]\nid = \"custom.dc_operator\"\nafter = \"security_spec.network\"\ntitle.ja = \"データセンター事業者\"\ntext.ja = \"乙は…\"\n",
        education()
    );
    let a = answers_from(&text, "t");
    let o = &a.overrides;
    assert_eq!(
        o.clauses["security_spec.access_logging"].exclude.as_deref(),
        Some("診断は別契約で実施するため")
    );
    let cap = &o.clauses["liability.cap"];
    assert_eq!(cap.note.as_deref(), Some("先方は上限2倍を希望"));
    assert!(
        cap.text
            .ja
            .as_deref()
            .unwrap()
            .starts_with("{{ budget_jpy }}"),
        "literal"
    );
    assert_eq!(cap.text.en, None);
    assert_eq!(o.custom[0].id, "custom.dc_operator");
    assert_eq!(
        o.custom[0].title.ja.as_deref(),
        Some("データセンター事業者")
    );
}

#[test]
fn every_bad_override_is_named() {
    let text = format!(
        "{}\n[clauses.\"liability.capp\"]\nexclude = \"x\"\n\n\
         [clauses.\"liability.cap\"]\nexclude = \"x\"\ntext.ja = \"y\"\ncolour = 1\n\n\
         [clauses.\"incident.notification\"]\nuse = \"liability.cap\"\n\n\
         [[custom_clause]]\nid = \"dc\"\nafter = \"nowhere\"\ntitle.en = \"DC\"\n",
        education()
    );
    let e = errors(&text);
    for want in [
        "unknown clause id \"liability.capp\" (did you mean `liability.cap`?)",
        "clauses.\"liability.cap\".colour",
        "`exclude` leaves the clause out",
        "a variant must be of the same family",
        "\"dc\" must be custom.<name>",
        "custom_clause[0].after",
        "custom_clause[0].text: is missing",
        "custom_clause[0].title.ja",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
    assert!(e.contains("project.toml:"), "positions: {e}");
}

#[test]
fn exclusions_variants_and_custom_clauses_shape_the_set() {
    let base = answers_from(&education(), "t");
    let selected: Vec<usize> = WS
        .assemble(&base)
        .included
        .iter()
        .map(|i| i.clause)
        .collect();
    for id in [
        "security_spec.network",
        "security_spec.access_logging",
        "liability.cap",
    ] {
        assert!(
            selected.contains(&index(id)),
            "{id} is in the scenario's set"
        );
    }
    let text = format!(
        "{}\n[clauses.\"security_spec.network\"]\nexclude = \"別途ネットワーク契約で定める\"\n\n\
         [clauses.\"liability.cap\"]\nuse = \"liability.cap_balanced\"\n\n\
         [[custom_clause]]\nid = \"custom.one\"\nafter = \"security_spec.network\"\ntitle.ja = \"一\"\ntext.ja = \"一\"\n\n\
         [[custom_clause]]\nid = \"custom.two\"\nafter = \"security_spec.network\"\ntitle.ja = \"二\"\ntext.ja = \"二\"\n",
        education()
    );
    let a = answers_from(&text, "t");
    let plan = apply(&WS.library, &a.overrides, &selected);
    assert_eq!(
        plan.excluded,
        [(
            index("security_spec.network"),
            "別途ネットワーク契約で定める".to_string()
        )]
    );
    let pos = |e: Entry| plan.entries.iter().position(|x| *x == e).unwrap();
    // The custom clauses stand where the excluded network clause stood, in file order.
    let net_before = selected
        .iter()
        .position(|&i| i == index("security_spec.network"))
        .unwrap();
    assert_eq!(pos(Entry::Custom(0)), net_before);
    assert_eq!(pos(Entry::Custom(1)), net_before + 1);
    let variant = Entry::Library {
        clause: index("liability.cap_balanced"),
        replaces: Some(index("liability.cap")),
    };
    let cap_before = selected
        .iter()
        .position(|&i| i == index("liability.cap"))
        .unwrap();
    assert_eq!(
        pos(variant),
        cap_before - 1 + 2,
        "in the cap's place, after one exclusion and two insertions"
    );
    assert_eq!(plan.entries.len(), selected.len() - 1 + 2);
}

#[test]
fn saving_keeps_comments_order_and_overrides() {
    let text = format!(
        "# 法務: 2026-11-30 先方と協議済み\n{}\n# 診断は不要と判断\n[clauses.\"security_spec.access_logging\"]\nexclude = \"別契約\"   # 法務確認\n",
        education().replace("dmz = true", "dmz = true  # 要確認")
    );
    let mut a = answers_from(&text, "t");
    // Unchanged answers: the file comes back byte for byte.
    assert_eq!(save(Some(&text), &a, &WS.library), text);
    a.given
        .insert("dmz".into(), secdraft::value::Value::Bool(false));
    a.overrides
        .clauses
        .get_mut("security_spec.access_logging")
        .unwrap()
        .note = Some("メモ".into());
    let saved = save(Some(&text), &a, &WS.library);
    assert!(
        saved.starts_with("# 法務: 2026-11-30 先方と協議済み\n"),
        "{saved}"
    );
    assert!(saved.contains("dmz = false  # 要確認"), "{saved}");
    assert!(
        saved.contains("# 診断は不要と判断\n[clauses.\"security_spec.access_logging\"]"),
        "{saved}"
    );
    assert!(
        saved.contains("exclude = \"別契約\"   # 法務確認"),
        "{saved}"
    );
    let back = answers_from(&saved, "t");
    assert_eq!(back.given, a.given);
    assert_eq!(back.overrides, a.overrides);
}

#[test]
fn a_fresh_file_carries_the_overrides() {
    let text = format!(
        "{}\n[[custom_clause]]\nid = \"custom.x\"\nafter = \"liability.cap\"\ntitle.ja = \"x\"\ntext.ja = \"{{{{ x }}}}\"\n",
        education()
    );
    let a = answers_from(&text, "t");
    let saved = save(None, &a, &WS.library);
    assert_eq!(answers_from(&saved, "t").overrides, a.overrides);
    assert!(saved.contains("{{ x }}"), "{saved}");
}

fn draft(extra: &str) -> Result<secdraft::document::Document, String> {
    let a = answers_from(&format!("{}\n{extra}", education()), "project.toml");
    WS.draft(&a).map(|(_, d)| d).map_err(|e| e.to_string())
}

#[test]
fn the_rider_carries_counsels_set() {
    let plain = draft("").unwrap();
    let d = draft(
        "[clauses.\"security_spec.personnel\"]\nexclude = \"原契約の優先順位条項による\"\n\n\
         [clauses.\"liability.cap\"]\ntext.ja = \"{{ budget_jpy }}を上限とする。ただし、故意又は重大な過失による場合はこの限りでない。\"\nnote = \"社内メモ\"\n\n\
         [[custom_clause]]\nid = \"custom.dc\"\nafter = \"security_spec.network\"\ntitle.ja = \"データセンター事業者\"\ntitle.en = \"Data centre operator\"\ntext.ja = \"乙は、データセンター事業者を甲に通知する。\"\ntext.en = \"The Vendor shall name the data centre operator to the Customer.\"\n",
    )
    .unwrap();
    assert_eq!(d.articles.len(), plain.articles.len());
    let numbers: Vec<usize> = d.articles.iter().map(|a| a.number).collect();
    assert_eq!(
        numbers,
        (1..=d.articles.len()).collect::<Vec<_>>(),
        "numbered 1..N"
    );
    assert!(!d.articles.iter().any(|a| a.id == "security_spec.personnel"));
    let ex = d
        .excluded
        .iter()
        .find(|e| e.id == "security_spec.personnel")
        .unwrap();
    assert!(
        ex.reason.ja.contains("原契約の優先順位条項による"),
        "{:?}",
        ex.reason
    );
    let net = d
        .articles
        .iter()
        .position(|a| a.id == "security_spec.network")
        .unwrap();
    assert_eq!(d.articles[net + 1].id, "custom.dc");
    assert_eq!(d.articles[net + 1].label.ja, format!("第{}条", net + 2));
    let cap = d.articles.iter().find(|a| a.id == "liability.cap").unwrap();
    let ja = secdraft::document::plain_text(&cap.paragraphs.ja, secdraft::lang::Lang::Ja);
    assert!(
        ja.starts_with("{{ budget_jpy }}を上限とする。"),
        "literal, never a template: {ja}"
    );
    assert!(d.warnings.iter().any(|w| w.code == "override_untranslated"));
    let sent = String::from_utf8(
        WS.export(
            &d,
            secdraft::export::Format::Md,
            &secdraft::export::ExportOptions::new(secdraft::lang::LangSel::Both),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(
        !sent.contains("社内メモ"),
        "an internal note never reaches the rider"
    );
    assert!(sent.contains("Data centre operator"));
}

#[test]
fn the_carve_out_cannot_be_dropped() {
    let e = draft("[clauses.\"liability.cap\"]\ntext.ja = \"委託料を上限とする。\"\n").unwrap_err();
    assert!(
        e.contains("clauses.\"liability.cap\".text.ja") && e.contains("故意又は重大な過失"),
        "{e}"
    );
    let liability: Vec<String> = draft("")
        .unwrap()
        .articles
        .iter()
        .filter(|a| a.family == "liability")
        .map(|a| a.id.clone())
        .collect();
    let all_out: String = liability
        .iter()
        .map(|id| format!("[clauses.\"{id}\"]\nexclude = \"x\"\n"))
        .collect();
    let e = draft(&all_out).unwrap_err();
    assert!(e.contains("no liability article"), "{e}");
    assert!(e.contains("project.toml"), "{e}");
}

/// The questionnaire opens counsel's editor on an article's wording in the body markup:
/// saved unchanged, every article of every scenario reads back as the same paragraphs.
#[test]
fn every_article_reads_back_from_the_markup_counsel_edits() {
    use secdraft::document::{parse_body, to_markup};
    use secdraft::lang::Lang;
    for s in crate::common::scenarios() {
        let answers = answers_from(&s.answers, &s.name);
        let (_, doc) = WS.draft(&answers).unwrap();
        for a in &doc.articles {
            for lang in [Lang::Ja, Lang::En] {
                let p = &a.paragraphs[lang];
                assert_eq!(&parse_body(&to_markup(p), lang), p, "{} {}", s.name, a.id);
            }
        }
    }
}
