//! Measures the pipeline in a release build: `cargo run --release --example bench`.
//!
//! 1. The default library: load + validate + compile, then assemble + render + export of
//!    the education-network scenario in every format.
//! 2. Synthetic libraries of 1,000, 10,000 and 100,000 clauses (the default clauses
//!    repeated under new ids), to show that the cost grows linearly with the library.

use std::time::{Duration, Instant};

use secdraft::answers::Answers;
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::LangSel;
use secdraft::library::LibraryFile;
use secdraft::workspace::{Workspace, default_library};

const ANSWERS: &str = include_str!("../docs/examples/education-network.toml");

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    (start.elapsed() / runs, out)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// The default library with every clause file repeated `copies` times under new ids.
fn scaled(copies: usize) -> Vec<LibraryFile> {
    let mut out = Vec::new();
    for f in default_library() {
        let stem = f.stem().to_string();
        if ["questions", "sources", "warnings"].contains(&stem.as_str()) {
            out.push(f);
            continue;
        }
        let mut text = f.text.clone();
        for i in 1..copies {
            text.push('\n');
            text.push_str(&f.text.replace("\nid = \"", &format!("\nid = \"copy{i}.")));
        }
        out.push(LibraryFile::new(f.name.clone(), text));
    }
    out
}

fn pipeline(ws: &Workspace, answers: &Answers, format: Format) -> usize {
    let (_, doc) = ws.draft(answers).unwrap();
    let opts = ExportOptions::new(LangSel::Both, false);
    ws.export(&doc, format, &opts).unwrap().len()
}

fn main() {
    let (load, ws) = time(20, || Workspace::load(None, &[], None).unwrap());
    let answers = Answers::parse(ANSWERS, "education-network.toml", &ws.library).unwrap();
    println!(
        "default library: {} clauses, {} questions; load + validate + compile: {}",
        ws.library.clauses.len(),
        ws.library.questions.len(),
        ms(load)
    );
    let (assemble, _) = time(200, || ws.assemble(&answers));
    println!("  assemble (select, compute, trace): {}", ms(assemble));
    for format in Format::ALL {
        let (t, bytes) = time(50, || pipeline(&ws, &answers, format));
        println!(
            "  assemble + render + export {:>4} (ja+en): {} ({bytes} bytes)",
            format.extension(),
            ms(t)
        );
    }

    println!("synthetic libraries (default clauses repeated):");
    let mut base_per_clause = None;
    for copies in [2, 20, 200] {
        let files = scaled(copies);
        let (load, ws) = time(1, || Workspace::new(&files, &[]).unwrap());
        let n = ws.library.clauses.len();
        let answers = Answers::parse(ANSWERS, "education-network.toml", &ws.library).unwrap();
        let (build, _) = time(3, || pipeline(&ws, &answers, Format::Json));
        let per = (load + build).as_secs_f64() * 1e6 / n as f64;
        let ratio = *base_per_clause.get_or_insert(per);
        println!(
            "  {n:>7} clauses: load {} + build json {} = {} ({per:.1} µs per clause, {:.2}x the smallest)",
            ms(load),
            ms(build),
            ms(load + build),
            per / ratio
        );
    }
}
