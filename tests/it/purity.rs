//! The core stays pure: no file system, process, environment, clock, terminal or command
//! line in its code. The edges that may use them are named here; every other source file
//! is core and is checked, so a new module is checked without being listed.

use std::path::{Path, PathBuf};

use crate::common::root;

/// What may touch the world: the binary and its guard, the command line, the workspace (files), the
/// questionnaire's loop and terminal, and the questionnaire's drawing (ratatui).
const EDGES: &[&str] = &[
    "src/main.rs",
    "src/guard.rs",
    "src/cli.rs",
    "src/cli",
    "src/workspace.rs",
    "src/workspace",
    "src/tui.rs",
    "src/tui/term.rs",
    "src/tui/keymap.rs",
    "src/tui/keys.rs",
    "src/tui/view.rs",
    "src/tui/view",
];

/// Banned in the core. `std::io` itself is allowed: the Word packages are written to and
/// read from memory through its traits.
const IMPURE: &[&str] = &[
    "std::fs",
    "std::env",
    "std::process",
    "std::net",
    "Instant::now",
    "SystemTime",
    "crossterm",
    "clap",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_names_no_io() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let core: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            let rel = f
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            !EDGES
                .iter()
                .any(|e| rel == *e || rel.starts_with(&format!("{e}/")))
        })
        .collect();
    assert!(core.len() >= 60, "{} core files", core.len());
    for f in core {
        let text = std::fs::read_to_string(f).unwrap();
        // Unit tests may time themselves.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for banned in IMPURE {
            assert!(!code.contains(banned), "{} names {banned}", f.display());
        }
        // The state and its transition know nothing of drawing either: the preview is a
        // model there, drawn by `view`.
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel.starts_with("src/tui") || rel.starts_with("src/engine") {
            assert!(!code.contains("ratatui"), "{} names ratatui", f.display());
        }
    }
}
