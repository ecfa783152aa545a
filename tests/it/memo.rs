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
                 [clauses.\"security_spec.hierarchy\"]\nexclude = \"原契約で規定済み\"\n";
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
