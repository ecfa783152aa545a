//! The command line as a user drives it: every command and exit code.

use predicates::prelude::*;

use crate::common::{WS, bin, root};

fn example(name: &str) -> String {
    root()
        .join("docs/examples")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn build_markdown_to_stdout() {
    bin()
        .args(["build", "--answers", &example("education-network.toml")])
        .assert()
        .success()
        .stdout(predicate::str::contains("第1条"))
        .stdout(predicate::str::contains("故意又は重大な過失"))
        .stdout(predicate::str::contains("サンプル市"));
}

#[test]
fn build_json_follows_the_schema() {
    let out = bin()
        .args([
            "build",
            "--format",
            "json",
            "--answers",
            &example("education-network.toml"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "secdraft.assembly/1");
    assert_eq!(v["lang"], "ja");
    assert_eq!(v["meta"]["customer"], "サンプル市");
    assert_eq!(v["computed"]["liability_cap_jpy"], 104_800_500);
    let clauses = v["clauses"].as_array().unwrap();
    for (i, c) in clauses.iter().enumerate() {
        assert_eq!(c["number"], i + 1);
        for key in ["id", "family", "title", "text", "rationale"] {
            assert!(c[key].is_string(), "{key} in {c}");
        }
        assert!(!c["sources"].as_array().unwrap().is_empty());
    }
    assert!(
        v["excluded"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["id"].is_string() && e["reason"].is_string())
    );
    assert!(
        v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["code"].is_string() && w["message"].is_string())
    );
}

#[test]
fn build_json_both_languages() {
    let out = bin()
        .args([
            "build",
            "--format",
            "json",
            "--lang",
            "both",
            "--answers",
            &example("ec-site.toml"),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "both");
    let c = &v["clauses"][0];
    for key in ["title", "text", "rationale"] {
        assert!(
            c[key]["ja"].is_string() && c[key]["en"].is_string(),
            "{key}: {c}"
        );
    }
    assert!(v.to_string().contains("JPY 8,000,000"));
}

#[test]
fn every_text_format_builds_in_every_language() {
    for format in ["md", "txt", "html", "json"] {
        for lang in ["ja", "en", "both"] {
            bin()
                .args(["build", "--format", format, "--lang", lang])
                .args(["--answers", &example("internal-chatbot.toml")])
                .assert()
                .success()
                .stdout(predicate::str::is_empty().not());
        }
    }
}

#[test]
fn text_can_be_written_unwrapped_for_pasting() {
    let text = |wrap: &str| {
        let out = bin()
            .args(["build", "--format", "txt", "--wrap", wrap])
            .args(["--answers", &example("ec-site.toml")])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let (wrapped, unwrapped) = (text("width"), text("none"));
    // The preamble is one paragraph: several lines wrapped, one line unwrapped, and the
    // same words either way.
    let preamble = |t: &str| -> Vec<String> {
        t.lines()
            .skip_while(|l| !l.contains("（以下「甲」という。）"))
            .take_while(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    assert!(preamble(&wrapped).len() > 1);
    assert_eq!(preamble(&unwrapped).len(), 1);
    assert_eq!(preamble(&wrapped).concat(), preamble(&unwrapped)[0]);
    // The signature block is not pushed to the right half.
    assert!(unwrapped.contains("\n甲\n住所"));
    assert!(unwrapped.trim_end().ends_with("\n以上"));
    bin()
        .args(["build", "--format", "txt", "--wrap", "sometimes"])
        .args(["--answers", &example("ec-site.toml")])
        .assert()
        .code(2);
}

#[test]
fn output_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.md");
    std::fs::write(&out, "keep me").unwrap();
    let build = |force: bool| {
        let mut cmd = bin();
        cmd.args(["build", "--answers", &example("ec-site.toml"), "-o"])
            .arg(&out);
        if force {
            cmd.arg("--force");
        }
        cmd.assert()
    };
    build(false)
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    build(true).success().stdout(predicate::str::is_empty());
    assert!(std::fs::read_to_string(&out).unwrap().contains("第1条"));
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn unwritable_output_is_bad_input() {
    bin()
        .args([
            "build",
            "--answers",
            &example("ec-site.toml"),
            "-o",
            "/nonexistent/dir/out.md",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/dir/out.md"));
}

#[test]
fn missing_answers_file_is_bad_input() {
    bin()
        .args(["build", "--answers", "no-such-file.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no-such-file.toml: cannot read"));
}

#[test]
fn bad_arguments_exit_2() {
    bin()
        .args(["build", "--answers", "x.toml", "--format", "pdf"])
        .assert()
        .code(2);
    bin().args(["build"]).assert().code(2);
    bin().args(["frobnicate"]).assert().code(2);
    bin().args(["--help"]).assert().success();
}

#[test]
fn check_is_clean_on_the_default_library() {
    bin()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));
}

#[test]
fn questions_lists_id_type_default_and_prompt() {
    let out = bin().arg("questions").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), WS.library.questions.len());
    let fields = |id: &str| -> Vec<String> {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{id}\t")))
            .unwrap();
        line.split('\t').map(str::to_string).collect()
    };
    assert_eq!(
        fields("personal_data")[1..3],
        ["bool".to_string(), "-".to_string()]
    );
    assert_eq!(
        fields("stance")[1..3],
        ["choice".to_string(), "customer".to_string()]
    );
    let en = bin().args(["questions", "--lang", "en"]).output().unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    let prompt = en
        .lines()
        .find(|l| l.starts_with("personal_data\t"))
        .unwrap();
    assert!(
        prompt
            .split('\t')
            .nth(3)
            .is_some_and(|p| p.is_ascii() && !p.is_empty()),
        "{prompt}"
    );
}

#[test]
fn explain_shows_rationale_and_sources() {
    let c = WS
        .library
        .clauses
        .iter()
        .find(|c| c.family == "liability")
        .unwrap();
    bin()
        .args(["explain", &c.id])
        .assert()
        .success()
        .stdout(predicate::str::contains(c.rationale.ja.as_str()))
        .stdout(predicate::str::contains(c.sources[0].as_str()));
    bin()
        .args(["explain", &c.id, "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Rationale"));
    bin()
        .args(["explain", "liability.nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("liability."));
}

#[test]
fn template_looking_user_text_comes_out_literally() {
    let dir = tempfile::tempdir().unwrap();
    let answers = std::fs::read_to_string(example("ec-site.toml"))
        .unwrap()
        .replace(
            "株式会社サンプル商店",
            "{{ budget_jpy }}{% if true %}株式会社<b>&</b>{% endif %}",
        );
    let path = dir.path().join("a.toml");
    std::fs::write(&path, answers).unwrap();
    let literal = "{{ budget_jpy }}{% if true %}株式会社<b>&</b>{% endif %}";
    for format in ["md", "txt", "json"] {
        let out = bin()
            .args(["build", "--format", format, "--answers"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let text = if format == "json" {
            text.replace("\\\"", "\"")
        } else {
            text
        };
        assert!(text.contains(literal), "{format}");
    }
    let html = bin()
        .args(["build", "--format", "html", "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("{{ budget_jpy }}"));
    assert!(
        html.contains("&lt;b&gt;&amp;&lt;&#x2F;b&gt;") || html.contains("&lt;b&gt;&amp;&lt;/b&gt;")
    );
    assert!(!html.contains("<b>&</b>"));
}

#[test]
fn a_huge_answers_file_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let big = "長".repeat(1_000_000);
    let answers = std::fs::read_to_string(example("ec-site.toml"))
        .unwrap()
        .replace("オンラインショップ受注システム構築", &big);
    let path = dir.path().join("big.toml");
    std::fs::write(&path, answers).unwrap();
    bin()
        .args(["build", "--format", "txt", "--answers"])
        .arg(&path)
        .assert()
        .success();
    std::fs::write(&path, "x = [".repeat(100_000)).unwrap();
    bin()
        .args(["build", "--answers"])
        .arg(&path)
        .assert()
        .code(2);
}

#[test]
fn docx_needs_an_output_file() {
    bin()
        .args([
            "build",
            "--format",
            "docx",
            "--answers",
            &example("ec-site.toml"),
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--format docx needs -o OUT"));
}

#[test]
fn docx_builds_reproducibly_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let build = |out: &std::path::Path| {
        bin()
            .env("SOURCE_DATE_EPOCH", "1795000000")
            .args(["build", "--format", "docx", "--lang", "both"])
            .args(["--answers", &example("education-network.toml"), "-o"])
            .arg(out)
            .assert()
    };
    let (a, b) = (dir.path().join("a.docx"), dir.path().join("b.docx"));
    build(&a).success();
    build(&b).success();
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(
        bytes,
        std::fs::read(&b).unwrap(),
        "the same input gives the same file"
    );
    let core = crate::docx::unzip(&bytes)
        .into_iter()
        .find(|(n, _)| n == "docProps/core.xml")
        .unwrap()
        .1;
    assert!(core.contains(">2026-11-18T11:06:40Z<"), "{core}");
    // A folder that is a file: the error names the path, and nothing is written.
    let blocked = dir.path().join("a.docx").join("rider.docx");
    build(&blocked).code(2).stderr(
        predicate::str::contains("rider.docx").and(predicate::str::contains("cannot write")),
    );
    build(&a)
        .code(2)
        .stderr(predicate::str::contains("--force"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 2, "no partial or temporary file: {names:?}");
}
