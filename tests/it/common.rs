//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use secdraft::answers::Answers;
use secdraft::workspace::Workspace;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("tests/it/fixtures")
}

/// The default library, loaded once for all tests.
pub static WS: LazyLock<Workspace> = LazyLock::new(|| {
    Workspace::load(None, &[], None).unwrap_or_else(|e| panic!("default library: {e}"))
});

pub fn answers_from(text: &str, name: &str) -> Answers {
    Answers::parse(text, name, &WS.library).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A scenario file split into its answers (text without `[expect]`) and expectations.
pub struct Scenario {
    pub name: String,
    pub answers: String,
    pub expect: toml::Table,
}

pub fn scenarios() -> Vec<Scenario> {
    let mut out = Vec::new();
    let dir = root().join("tests/scenarios");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        out.push(read_scenario(p));
    }
    out
}

pub fn read_scenario(path: &Path) -> Scenario {
    let text = std::fs::read_to_string(path).unwrap();
    let (answers, expect) = match text.find("\n[expect]") {
        Some(i) => (text[..i + 1].to_string(), text[i + 1..].to_string()),
        None => (text.clone(), String::new()),
    };
    let expect: toml::Table = toml::from_str::<toml::Table>(&expect)
        .unwrap()
        .get("expect")
        .and_then(|e| e.as_table().cloned())
        .unwrap_or_default();
    Scenario {
        name: path.file_stem().unwrap().to_string_lossy().to_string(),
        answers,
        expect,
    }
}

pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("secdraft").unwrap()
}

/// The binary with an organisation overlay laid over the default library.
pub fn overlaid(dir: &Path) -> assert_cmd::Command {
    let mut cmd = bin();
    cmd.arg("--overlay").arg(dir);
    cmd
}

/// A mid-sized project outside the scenarios: personal data, a DMZ, subcontracting and
/// maintenance on a ¥30M contract.
pub const MIDSIZE_ANSWERS: &str = r#"
[meta]
project_name = "受発注管理システム更改"
customer = "サンプル商事株式会社"
vendor = "サンプルシステム株式会社"

[answers]
personal_data = true
personal_data_kinds = ["basic"]
data_subjects = 20000
dmz = true
subcontracting = true
budget_jpy = 30000000
maintenance = true
ai_use = false
"#;
