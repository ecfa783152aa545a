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
    /// An organisation overlay laid over the library: clauses, questions, sources and
    /// warnings that add or replace by id, and `retire.toml` to remove ids (repeatable,
    /// applied in order).
    #[arg(long = "overlay", value_name = "DIR", global = true)]
    overlays: Vec<PathBuf>,
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
            &self.overlays,
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
    /// Write the internal memo instead (as `secdraft memo`): each clause's rationale,
    /// sources and the reason it was selected stay out of the rider.
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

/// The formats of the internal reports: the text formats, and Word.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MemoFormat {
    Md,
    Txt,
    Html,
    Docx,
}

impl MemoFormat {
    /// The report format of a text format; `None` for Word.
    fn report(self) -> Option<ReportFormat> {
        match self {
            MemoFormat::Md => Some(ReportFormat::Md),
            MemoFormat::Txt => Some(ReportFormat::Txt),
            MemoFormat::Html => Some(ReportFormat::Html),
            MemoFormat::Docx => None,
        }
    }
}

/// The redline's formats: the report's, JSON, and the new rider with tracked changes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Md,
    Txt,
    Html,
    Json,
    Docx,
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The earlier answers file.
    old: PathBuf,
    /// The later answers file.
    new: PathBuf,
    #[arg(long, default_value = "md")]
    format: DiffFormat,
    #[arg(long, default_value = "ja")]
    lang: Lang,
    /// Word: the author of the tracked changes, as Word's Review pane names it.
    #[arg(long, value_name = "NAME", default_value = "secdraft")]
    author: String,
    #[command(flatten)]
    out: Output,
}

#[derive(clap::Args)]
struct MemoArgs {
    #[arg(long, value_name = "FILE")]
    answers: PathBuf,
    #[arg(long, default_value = "md")]
    format: MemoFormat,
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
    if args.format == DiffFormat::Docx && args.out.output.is_none() {
        return Err(BadInput("--format docx needs -o OUT".into()).into());
    }
    if args.format != DiffFormat::Docx && args.author != "secdraft" {
        return Err(BadInput("--author applies to --format docx only".into()).into());
    }
    let ws = lib.load()?;
    let old = ws.read_answers(&args.old)?;
    let new = ws.read_answers(&args.new)?;
    let (oa, od) = ws.draft(&old)?;
    let (na, nd) = ws.draft(&new)?;
    let bytes = match args.format {
        DiffFormat::Docx => {
            let now = crate::workspace::document_time();
            let opts = ExportOptions {
                created: Some(now),
                ..ExportOptions::new(LangSel::One(args.lang))
            };
            // The changes are dated as the new rider is; undated, they are made now.
            let date = match crate::format::parse_date(&nd.meta.date) {
                Some(_) => format!("{}T00:00:00Z", nd.meta.date),
                None => crate::export::docx::parts::w3c_datetime(now),
            };
            let rev = crate::redline::docx::Revision {
                author: &args.author,
                date: &date,
            };
            crate::redline::docx::export(
                &ws.export(&od, Format::Docx, &opts)?,
                &ws.export(&nd, Format::Docx, &opts)?,
                &rev,
            )
            .map_err(anyhow::Error::msg)?
        }
        format => {
            let (old, new) = (
                Side {
                    doc: &od,
                    values: &oa.values,
                    overrides: Some(&old.overrides),
                },
                Side {
                    doc: &nd,
                    values: &na.values,
                    overrides: Some(&new.overrides),
                },
            );
            let r = crate::redline::compare(&ws.library, &old, &new);
            let report = |f| crate::redline::render::report(&r, f, args.lang);
            let text = match format {
                DiffFormat::Md => report(ReportFormat::Md),
                DiffFormat::Txt => report(ReportFormat::Txt),
                DiffFormat::Html => report(ReportFormat::Html),
                // Word is written above.
                DiffFormat::Json | DiffFormat::Docx => crate::redline::render::json(&r, args.lang),
            };
            text.into_bytes()
        }
    };
    args.out.write(&bytes)
}

fn memo(lib: &LibraryArgs, args: &MemoArgs) -> Result<()> {
    write_memo(lib, &args.answers, args.format, args.lang, &args.out)
}

/// The memo, for `memo` and for `build --notes`.
fn write_memo(
    lib: &LibraryArgs,
    answers: &std::path::Path,
    format: MemoFormat,
    lang: Lang,
    out: &Output,
) -> Result<()> {
    if format == MemoFormat::Docx && out.output.is_none() {
        return Err(BadInput("--format docx needs -o OUT".into()).into());
    }
    let ws = lib.load()?;
    let answers = ws.read_answers(answers)?;
    let bytes = ws.memo(
        &answers,
        format.report(),
        lang,
        crate::workspace::document_time(),
    )?;
    out.write(&bytes)
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
    // The drafting lint reads the texts as written: it runs beside the compilation.
    let (compiled, lint) = std::thread::scope(|s| {
        let lint = s.spawn(|| crate::lint::library(l));
        (ws.check_all(), lint.join())
    });
    compiled?;
    let lint = lint.map_err(|_| anyhow::anyhow!("the drafting lint failed"))?;
    // Drafting findings fail the check like any other library error (exit 2).
    let findings: Vec<_> = lint.iter().map(|f| f.diagnostic(l)).collect();
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
            q.prompt[lang]
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
    let mut out = format!("{} ({})\n", c.title[l], c.id);
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
        labels[2], labels[3], c.rationale[l], labels[4]
    ));
    for id in &c.sources {
        if let Some(s) = ws.library.source(id) {
            out.push_str(&format!(
                "  [{id}] {}\n      {}\n",
                s.citation[l], s.holding[l]
            ));
        }
    }
    print(&out)
}

fn build(lib: &LibraryArgs, args: &BuildArgs) -> Result<()> {
    if args.notes {
        return build_notes(lib, args);
    }
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
        ..ExportOptions::new(args.lang)
    };
    let bytes = ws.export(&doc, args.format, &opts)?;
    for w in &doc.warnings {
        eprintln!("warning[{}]: {}", w.code, w.message[args.lang.primary()]);
    }
    args.out.write(&bytes)
}

/// `build --notes`: the notes are internal, so they go in the memo, never in a rider that
/// could be sent. The memo is in one language and has no JSON or draft marker.
fn build_notes(lib: &LibraryArgs, args: &BuildArgs) -> Result<()> {
    let format = match args.format {
        Format::Md => MemoFormat::Md,
        Format::Txt => MemoFormat::Txt,
        Format::Html => MemoFormat::Html,
        Format::Docx => MemoFormat::Docx,
        Format::Json => {
            return Err(BadInput(
                "--notes writes the internal memo, which has no JSON format (the JSON rider carries each clause's rationale)".into(),
            )
            .into());
        }
    };
    let LangSel::One(lang) = args.lang else {
        return Err(BadInput(
            "--notes writes the internal memo, which is in one language: --lang ja or --lang en"
                .into(),
        )
        .into());
    };
    if args.draft.is_some() || args.reference_docx.is_some() {
        return Err(BadInput(
            "--notes writes the internal memo, which takes neither --draft nor --reference-docx"
                .into(),
        )
        .into());
    }
    eprintln!(
        "note: --notes writes the internal memo (secdraft memo), not the rider; build without --notes for the rider"
    );
    write_memo(lib, &args.answers, format, lang, &args.out)
}
