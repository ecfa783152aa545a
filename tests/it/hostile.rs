//! Hostile inputs: each gets exit 2 (or 1 where the fault is not the input) with a message
//! naming the file, the position and the key, quickly, with nothing clobbered. The
//! catalogue is docs/bad-inputs.md.

use std::path::{Path, PathBuf};

use crate::common::{bin, fixtures};

/// A copy of the minimal library in a temporary folder, with `extra` appended to its
/// liability file.
fn library_with(extra: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for e in std::fs::read_dir(fixtures().join("minimal")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, lib.join(p.file_name().unwrap())).unwrap();
    }
    let liability = lib.join("liability.toml");
    let mut text = std::fs::read_to_string(&liability).unwrap();
    text.push_str(extra);
    std::fs::write(&liability, text).unwrap();
    (tmp, lib)
}

/// The minimal library's liability clause again under another id and condition.
fn clause_when(when: &str) -> String {
    let text = std::fs::read_to_string(fixtures().join("minimal/liability.toml")).unwrap();
    let body = text.split_once("when = \"true\"\n").unwrap().1;
    format!(
        "\n[[clause]]\nid = \"liability.deep\"\nfamily = \"liability\"\norder = 900\n\
         title = {{ ja = \"深い\", en = \"Deep\" }}\nwhen = \"{when}\"\n{body}"
    )
}

fn check(lib: &Path) -> (Option<i32>, String) {
    let out = bin()
        .args(["check", "--library"])
        .arg(lib)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.stdout.is_empty());
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn deeply_nested_conditions_are_refused_with_their_clause() {
    let parens = format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000));
    let chain = vec!["true"; 100_000].join(" and ");
    let nots = format!("{}true", "not ".repeat(100_000));
    for when in [parens, chain, nots] {
        let (_tmp, lib) = library_with(&clause_when(&when));
        let (code, stderr) = check(&lib);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("liability.toml:")
                && stderr
                    .contains("[liability.deep] when: condition: the condition nests too deeply"),
            "{stderr}"
        );
    }
}
