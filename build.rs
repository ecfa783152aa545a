//! Embeds the default clause library and document templates into the binary, so that
//! `secdraft` works anywhere without its source tree.

use std::fmt::Write;
use std::{env, fs, path::Path};

fn embed(dir: &str, exts: &[&str], out: &mut String, name: &str) {
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| exts.iter().any(|e| p.to_string_lossy().ends_with(e)))
        .collect();
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
    for p in files {
        let file = p.file_name().unwrap().to_string_lossy().to_string();
        let abs = fs::canonicalize(&p).unwrap();
        println!("cargo:rerun-if-changed={}", p.display());
        writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let mut out = String::new();
    embed("clauses", &[".toml"], &mut out, "LIBRARY");
    // Document templates and the document frame (the words are in src/labels/).
    embed("templates", &[".tera", ".toml"], &mut out, "TEMPLATES");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(dest, out).unwrap();
}
