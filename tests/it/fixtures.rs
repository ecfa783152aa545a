//! Every bad input gets exit code 2, a message naming the file, the position and the key,
//! nothing on standard output and no file written. The messages are snapshotted.

use std::path::Path;

use crate::common::{bin, fixtures};

fn dirs(path: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in dirs(from) {
        std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
    }
}

#[test]
fn minimal_library_is_valid() {
    bin()
        .current_dir(fixtures())
        .args(["check", "--library", "minimal"])
        .assert()
        .success();
}

#[test]
fn invalid_libraries() {
    let cases = dirs(&fixtures().join("invalid-library"));
    assert!(cases.len() >= 15);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let tmp = tempfile::tempdir().unwrap();
        let lib = tmp.path().join("lib");
        copy_dir(&fixtures().join("minimal"), &lib);
        copy_dir(&case, &lib);
        let out = bin()
            .current_dir(tmp.path())
            .args(["check", "--library", "lib"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.lines().all(|l| l.starts_with("lib/")),
            "{name}: {stderr}"
        );
        insta::assert_snapshot!(format!("library-{name}"), stderr);
    }
}

#[test]
fn invalid_answers() {
    let cases = dirs(&fixtures().join("invalid-answers"));
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case.file_stem().unwrap().to_string_lossy().to_string();
        let tmp = tempfile::tempdir().unwrap();
        let out_file = tmp.path().join("out.md");
        let rel = format!(
            "invalid-answers/{}",
            case.file_name().unwrap().to_string_lossy()
        );
        let out = bin()
            .current_dir(fixtures())
            .args(["build", "--library", "minimal", "--answers", &rel, "-o"])
            .arg(&out_file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        assert!(!out_file.exists(), "{name}: a file was written");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.lines().all(|l| l.starts_with(&rel)),
            "{name}: {stderr}"
        );
        insta::assert_snapshot!(format!("answers-{name}"), stderr);
    }
}

#[test]
fn invalid_templates() {
    for case in dirs(&fixtures().join("invalid-templates")) {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let rel = format!("invalid-templates/{name}");
        let out = bin()
            .current_dir(fixtures())
            .args(["check", "--library", "minimal", "--templates", &rel])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(&rel), "{name}: {stderr}");
        insta::assert_snapshot!(format!("templates-{name}"), stderr);
    }
}
