//! The engine stays pure: no file system, terminal or command line in its code.

use crate::common::root;

#[test]
fn engine_and_conditions_name_no_io() {
    let mut files = vec![root().join("src/engine.rs"), root().join("src/lint.rs")];
    for dir in ["src/engine", "src/condition", "src/lint"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            files.push(e.unwrap().path());
        }
    }
    assert!(files.len() >= 8, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for banned in [
            "std::fs",
            "std::io",
            "ratatui",
            "crossterm",
            "clap",
            "std::time",
            "std::env",
        ] {
            assert!(!text.contains(banned), "{} names {banned}", f.display());
        }
    }
}
