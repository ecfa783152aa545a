//! Measures the pipeline in a release build: `cargo run --release --example bench`.
//!
//! 1. The default library: load + validate, then assemble + render + export of the
//!    education-network scenario in every format.
//! 2. Libraries of 1,000 and 10,000 real-size clauses (the default clauses copied under new
//!    ids), in process: load, `check` (every template compiled, the drafting lint) and a
//!    build, and the ratio of the two sizes.
//!
//! `cargo run --release --example bench -- write DIR N` writes the library of about N
//! clauses to DIR instead, for timing the command line on it (`scripts/bench.sh`).

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

/// The default library with every clause file repeated under new ids (`copyN.` before
/// each id), to about `clauses` clauses; the questionnaire and the other files once.
fn scaled(clauses: usize) -> Vec<LibraryFile> {
    let files = default_library();
    let per_copy: usize = files
        .iter()
        .map(|f| f.text.matches("[[clause]]").count())
        .sum();
    let copies = clauses.div_ceil(per_copy);
    let mut out = Vec::new();
    for f in files {
        if !f.text.contains("[[clause]]") {
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
    let opts = ExportOptions::new(LangSel::Both);
    ws.export(&doc, format, &opts).unwrap().len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [cmd, dir, n] = args.as_slice()
        && cmd == "write"
    {
        let dir = std::path::Path::new(dir);
        std::fs::create_dir_all(dir).unwrap();
        for f in scaled(n.parse().expect("a number of clauses")) {
            std::fs::write(dir.join(f.name.rsplit('/').next().unwrap()), f.text).unwrap();
        }
        return;
    }
    let (load, ws) = time(20, || Workspace::load(None, &[], None).unwrap());
    let answers = Answers::parse(ANSWERS, "education-network.toml", &ws.library).unwrap();
    println!(
        "default library: {} clauses, {} questions; load + validate: {}",
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
    let (whole, _) = time(20, || {
        let ws = Workspace::load(None, &[], None).unwrap();
        pipeline(&ws, &answers, Format::Docx)
    });
    println!(
        "  the whole build of a scenario, docx (load + draft + export): {}",
        ms(whole)
    );

    println!("libraries of real-size clauses (the default clauses copied under new ids):");
    let mut first: Option<(Duration, Duration)> = None;
    for clauses in [1_000, 10_000] {
        let files = scaled(clauses);
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let (load, ws) = time(1, || Workspace::new(&files, &[]).unwrap());
        let n = ws.library.clauses.len();
        let (check, _) = time(1, || {
            ws.check_all().unwrap();
            secdraft::lint::library(&ws.library).len()
        });
        let answers = Answers::parse(ANSWERS, "education-network.toml", &ws.library).unwrap();
        let (build, (articles, out)) = time(1, || {
            let (_, doc) = ws.draft(&answers).unwrap();
            let opts = ExportOptions::new(LangSel::Both);
            let out = ws.export(&doc, Format::Docx, &opts).unwrap().len();
            (doc.articles.len(), out)
        });
        let (check_all, build_all) = (load + check, load + build);
        let (c1, b1) = *first.get_or_insert((check_all, build_all));
        println!(
            "  {n:>6} clauses ({:.1} MB): load {} | check {} ({:.1}x) | build docx {} ({:.1}x; {articles} articles, {:.1} MB)",
            bytes as f64 / 1e6,
            ms(load),
            ms(check_all),
            check_all.as_secs_f64() / c1.as_secs_f64(),
            ms(build_all),
            build_all.as_secs_f64() / b1.as_secs_f64(),
            out as f64 / 1e6,
        );
        // A library is dropped at exit, not here: the command line never frees it.
        std::mem::forget(ws);
    }
}
