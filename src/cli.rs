//! The command line: `build`, `check`, `questions`, `explain`, and the questionnaire when
//! no command is given. Each command is one function returning `anyhow::Result`; `main`
//! decides the exit code from the kind of error (see [`BadInput`]).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::export::{ExportOptions, Format};
use crate::lang::{Lang, LangSel};
use crate::redline::Side;
use crate::report::ReportFormat;
use crate::value::Value;
use crate::workspace::{Workspace, write_atomic};

/// A problem in what the user gave on the command line (exit code 2, as every problem in
/// an input file is).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

// clap's traits are implemented here, at the edge, so that the core does not name clap.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.extension()))
    }
}

impl ValueEnum for ReportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &ReportFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.extension()))
    }
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
    }
}

impl ValueEnum for LangSel {
    fn value_variants<'a>() -> &'a [Self] {
        &LangSel::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
    }
}

#[derive(Parser)]
#[command(
    name = "secdraft",
    version,
    about = "Drafts the security clauses of IT development and outsourcing contracts"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The answers file of the session to resume (or start).
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// The language of the questionnaire's screens.
    #[arg(long, value_name = "LANG", default_value = "ja", global = true)]
    ui_lang: Lang,
    #[command(flatten)]
    sources: LibraryArgs,
}

#[derive(clap::Args, Clone)]
struct LibraryArgs {
    /// A clause library folder instead of the embedded one.
    #[arg(long, value_name = "DIR", global = true)]
    library: Option<PathBuf>,
    /// A folder of document templates overriding the embedded ones file by file.
    #[arg(long, value_name = "DIR", global = true)]
    templates: Option<PathBuf>,
}

impl LibraryArgs {
    /// The workspace for one command. It lives until the process exits, so it is never
    /// dropped: freeing a large library's compiled templates one by one costs a tenth of
    /// the run, and the system reclaims the memory at exit at once.
    fn load(&self) -> Result<std::mem::ManuallyDrop<Workspace>> {
        Ok(std::mem::ManuallyDrop::new(Workspace::load(
            self.library.as_deref(),
            self.templates.as_deref(),
        )?))
    }
}

#[derive(clap::Args)]
struct BuildArgs {
    #[arg(long, value_name = "FILE")]
    answers: PathBuf,
    #[arg(long, default_value = "md")]
    format: Format,
    #[arg(long, default_value = "ja")]
    lang: LangSel,
    #[command(flatten)]
    out: Output,
    /// Add each clause's rationale, sources and the reason it was selected.
    #[arg(long)]
    notes: bool,
    /// Text: `none` writes each paragraph on one line (for pasting into Word or email)
    /// instead of lines wrapped to the page width.
    #[arg(long, value_enum, default_value = "width")]
    wrap: Wrap,
    /// Word: mark every page as a draft in the header (案 / DRAFT), with an optional
    /// version (`--draft v3`) and the document's date.
    #[arg(long, value_name = "VERSION", num_args = 0..=1, default_missing_value = "")]
    draft: Option<String>,
    /// Word: take the styles, fonts, theme and page setup from this Word file (a house
    /// style), as pandoc's --reference-doc does.
    #[arg(long, value_name = "FILE")]
    reference_docx: Option<PathBuf>,
    /// Word and HTML with `--lang both`: `parallel` sets the Japanese and the English side
    /// by side, article by article; `sequential` puts the translation after the original.
    #[arg(long, value_enum, default_value = "sequential")]
    layout: LayoutArg,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LayoutArg {
    Sequential,
    Parallel,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Wrap {
    /// Lines wrapped to the page width (72 columns in Japanese, 78 in English).
    Width,
    /// One line per paragraph.
    None,
}

/// Where a command writes: a file (never replaced without --force) or standard output.
#[derive(clap::Args)]
struct Output {
    /// Output file; text formats go to standard output without it.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace an existing output file (a regular file only).
    #[arg(long)]
    force: bool,
}

impl Output {
    fn write(&self, bytes: &[u8]) -> Result<()> {
        match &self.output {
            Some(path) => Ok(write_atomic(path, bytes, self.force)?),
            None => print(&String::from_utf8_lossy(bytes)),
        }
    }
}

/// The formats of the internal reports (the redline adds JSON).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportArg {
    Md,
    Txt,
    Html,
    Json,
}

impl ReportArg {
    fn report(self) -> Option<ReportFormat> {
        match self {
            ReportArg::Md => Some(ReportFormat::Md),
            ReportArg::Txt => Some(ReportFormat::Txt),
            ReportArg::Html => Some(ReportFormat::Html),
            ReportArg::Json => None,
        }
    }
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The earlier answers file.
    old: PathBuf,
    /// The later answers file.
    new: PathBuf,
    #[arg(long, default_value = "md")]
    format: ReportArg,
    #[arg(long, default_value = "ja")]
    lang: Lang,
    #[command(flatten)]
    out: Output,
}

#[derive(clap::Args)]
struct MemoArgs {
    #[arg(long, value_name = "FILE")]
    answers: PathBuf,
    #[arg(long, default_value = "md")]
    format: ReportFormat,
    #[arg(long, default_value = "ja")]
    lang: Lang,
    #[command(flatten)]
    out: Output,
}

#[derive(Subcommand)]
enum Command {
    /// Assemble the clause set for an answers file and export it.
    Build(BuildArgs),
    /// Validate a clause library and its templates.
    Check,
    /// List the questionnaire: id, type, default and prompt, one question per line.
    Questions {
        #[arg(long, default_value = "ja")]
        lang: Lang,
    },
    /// The redline between the riders of two answers files.
    Diff(DiffArgs),
    /// The internal memo (社内限り / INTERNAL) on an answers file's rider.
    Memo(MemoArgs),
    /// Show the rationale and sources of one clause.
    Explain {
        clause_id: String,
        #[arg(long, default_value = "ja")]
        lang: Lang,
    },
}

fn print(out: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

/// Parses the command line (clap exits with 2 on a usage error) and runs the command.
pub fn run() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        None => questionnaire(&cli.sources, cli.answers, cli.ui_lang),
        Some(Command::Check) => check(&cli.sources),
        Some(Command::Questions { lang }) => questions(&cli.sources, lang),
        Some(Command::Explain { clause_id, lang }) => explain(&cli.sources, &clause_id, lang),
        Some(Command::Build(args)) => build(&cli.sources, &args),
        Some(Command::Diff(args)) => diff(&cli.sources, &args),
        Some(Command::Memo(args)) => memo(&cli.sources, &args),
    }
}

fn diff(lib: &LibraryArgs, args: &DiffArgs) -> Result<()> {
    let ws = lib.load()?;
    let old = ws.read_answers(&args.old)?;
    let new = ws.read_answers(&args.new)?;
    let (oa, od) = ws.draft(&old)?;
    let (na, nd) = ws.draft(&new)?;
    let (old, new) = (
        Side {
            doc: &od,
            values: &oa.values,
        },
        Side {
            doc: &nd,
            values: &na.values,
        },
    );
    let r = crate::redline::compare(&ws.library, &old, &new);
    let text = match args.format.report() {
        Some(f) => crate::redline::render::report(&r, f, args.lang),
        None => crate::redline::render::json(&r, args.lang),
    };
    args.out.write(text.as_bytes())
}

fn memo(lib: &LibraryArgs, args: &MemoArgs) -> Result<()> {
    let ws = lib.load()?;
    let answers = ws.read_answers(&args.answers)?;
    let (assembly, doc) = ws.draft(&answers)?;
    let text = crate::memo::report(
        &ws.library,
        &answers,
        &assembly,
        &doc,
        args.format,
        args.lang,
    );
    args.out.write(text.as_bytes())
}

fn questionnaire(lib: &LibraryArgs, answers: Option<PathBuf>, lang: Lang) -> Result<()> {
    let ws = lib.load()?;
    let path = answers.unwrap_or_else(|| PathBuf::from("secdraft-answers.toml"));
    // The officer reads what is wrong with the answers file in the questionnaire's language.
    let answers = ws
        .read_session(&path)
        .map_err(|e| BadInput(e.in_lang(lang)))?
        .unwrap_or_default();
    let shown = path.display().to_string();
    match crate::tui::run(&ws, path, answers, lang).context("secdraft")? {
        None => Ok(()),
        // The officer was told and chose to quit: the exit code says it too (1).
        Some(_) => Err(anyhow::anyhow!(crate::tui::strings::ended_unsaved(
            &shown, lang
        ))),
    }
}

fn check(lib: &LibraryArgs) -> Result<()> {
    let ws = lib.load()?;
    let l = &ws.library;
    // Drafting findings fail the check like any other library error (exit 2).
    let findings: Vec<_> = crate::lint::library(l)
        .iter()
        .map(|f| f.diagnostic(l))
        .collect();
    if !findings.is_empty() {
        return Err(BadInput(crate::error::Diagnostics(findings).to_string()).into());
    }
    print(&format!(
        "ok: {} clauses, {} questions, {} sources, {} warning rules\n",
        l.clauses.len(),
        l.questions.len(),
        l.sources.len(),
        l.warnings.len()
    ))
}

fn questions(lib: &LibraryArgs, lang: Lang) -> Result<()> {
    let ws = lib.load()?;
    let mut out = String::new();
    for q in &ws.library.questions {
        let default = match &q.default {
            Some(Value::Str(s)) => s.clone(),
            Some(v) => v.display(),
            None => "-".to_string(),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            q.id,
            q.kind.name(),
            default,
            q.prompt.get(lang)
        ));
    }
    print(&out)
}

fn explain(lib: &LibraryArgs, clause_id: &str, l: Lang) -> Result<()> {
    let ws = lib.load()?;
    let Some(c) = ws.library.clause(clause_id) else {
        let ids = ws.library.clauses.iter().map(|c| c.id.as_str());
        let hint = crate::error::did_you_mean(clause_id, ids)
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        return Err(BadInput(format!("unknown clause id \"{clause_id}\"{hint}")).into());
    };
    let family = ws
        .library
        .family(&c.family)
        .map_or(c.family.as_str(), |f| f.title(l));
    let labels = match l {
        Lang::Ja => ["分類", "適用条件", "立場", "趣旨", "出典", "全て"],
        Lang::En => [
            "Family",
            "Applies when",
            "Stance",
            "Rationale",
            "Sources",
            "all",
        ],
    };
    let mut out = format!("{} ({})\n", c.title.get(l), c.id);
    out.push_str(&format!(
        "{}: {family}\n{}: {}\n",
        labels[0], labels[1], c.when_src
    ));
    let stance = c
        .stance
        .as_ref()
        .map_or(labels[5].to_string(), |s| s.join(", "));
    out.push_str(&format!(
        "{}: {stance}\n\n{}:\n  {}\n\n{}:\n",
        labels[2],
        labels[3],
        c.rationale.get(l),
        labels[4]
    ));
    for id in &c.sources {
        if let Some(s) = ws.library.source(id) {
            out.push_str(&format!(
                "  [{id}] {}\n      {}\n",
                s.citation.get(l),
                s.holding.get(l)
            ));
        }
    }
    print(&out)
}

fn build(lib: &LibraryArgs, args: &BuildArgs) -> Result<()> {
    if !args.format.is_text() && args.out.output.is_none() {
        let ext = args.format.extension();
        return Err(BadInput(format!("--format {ext} needs -o OUT")).into());
    }
    if args.reference_docx.is_some() && args.format != Format::Docx {
        return Err(BadInput("--reference-docx applies to --format docx only".into()).into());
    }
    let parallel = args.layout == LayoutArg::Parallel;
    if parallel && args.lang != LangSel::Both {
        return Err(BadInput("--layout parallel needs --lang both".into()).into());
    }
    if parallel && !matches!(args.format, Format::Docx | Format::Html) {
        let ext = args.format.extension();
        return Err(BadInput(format!(
            "--layout parallel applies to --format docx and html only, not {ext}"
        ))
        .into());
    }
    let reference = match &args.reference_docx {
        Some(path) => Some(std::sync::Arc::new(
            crate::workspace::read_reference(path).map_err(|d| BadInput(d.to_string()))?,
        )),
        None => None,
    };
    let ws = lib.load()?;
    let answers = ws.read_answers(&args.answers)?;
    let (_, doc) = ws.draft(&answers)?;
    let opts = ExportOptions {
        created: Some(crate::workspace::document_time()),
        unwrapped: args.wrap == Wrap::None,
        draft: args.draft.clone(),
        reference,
        parallel,
        ..ExportOptions::new(args.lang, args.notes)
    };
    let bytes = ws.export(&doc, args.format, &opts)?;
    for w in &doc.warnings {
        eprintln!(
            "warning[{}]: {}",
            w.code,
            w.message.get(args.lang.primary())
        );
    }
    args.out.write(&bytes)
}
