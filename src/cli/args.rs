//! The command line's arguments: the commands, their options and the formats they take.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use crate::export::Format;
use crate::lang::{Lang, LangSel};
use crate::report::ReportFormat;
use crate::workspace::{Workspace, write_atomic};

#[derive(Parser)]
#[command(
    name = "secdraft",
    version,
    about = "Drafts the security clauses of IT development and outsourcing contracts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    /// The answers file of the session to resume (or start).
    #[arg(long, value_name = "FILE")]
    pub(super) answers: Option<PathBuf>,
    /// The language of the questionnaire's screens.
    #[arg(long, value_name = "LANG", default_value = "ja", global = true)]
    pub(super) ui_lang: Lang,
    #[command(flatten)]
    pub(super) sources: LibraryArgs,
}

#[derive(clap::Args, Clone)]
pub(super) struct LibraryArgs {
    /// A clause library folder instead of the embedded one.
    #[arg(long, value_name = "DIR", global = true)]
    pub(super) library: Option<PathBuf>,
    /// An organisation overlay laid over the library: clauses, questions, sources and
    /// warnings that add or replace by id, and `retire.toml` to remove ids (repeatable,
    /// applied in order).
    #[arg(long = "overlay", value_name = "DIR", global = true)]
    pub(super) overlays: Vec<PathBuf>,
    /// A folder of document templates overriding the embedded ones file by file.
    #[arg(long, value_name = "DIR", global = true)]
    pub(super) templates: Option<PathBuf>,
}

impl LibraryArgs {
    /// The workspace for one command. It lives until the process exits, so it is never
    /// dropped: freeing a large library's compiled templates one by one costs a tenth of
    /// the run, and the system reclaims the memory at exit at once.
    pub(super) fn load(&self) -> Result<std::mem::ManuallyDrop<Workspace>> {
        Ok(std::mem::ManuallyDrop::new(Workspace::load(
            self.library.as_deref(),
            &self.overlays,
            self.templates.as_deref(),
        )?))
    }
}

#[derive(clap::Args)]
pub(super) struct BuildArgs {
    #[arg(long, value_name = "FILE")]
    pub(super) answers: PathBuf,
    #[arg(long, default_value = "md")]
    pub(super) format: Format,
    #[arg(long, default_value = "ja")]
    pub(super) lang: LangSel,
    #[command(flatten)]
    pub(super) out: Output,
    /// Write the internal memo instead (as `secdraft memo`): each clause's rationale,
    /// sources and the reason it was selected stay out of the rider.
    #[arg(long)]
    pub(super) notes: bool,
    /// Text: `none` writes each paragraph on one line (for pasting into Word or email)
    /// instead of lines wrapped to the page width.
    #[arg(long, value_enum, default_value = "width")]
    pub(super) wrap: Wrap,
    /// Word: mark every page as a draft in the header (案 / DRAFT), with an optional
    /// version (`--draft v3`) and the document's date.
    #[arg(long, value_name = "VERSION", num_args = 0..=1, default_missing_value = "")]
    pub(super) draft: Option<String>,
    /// Word: take the styles, fonts, theme and page setup from this Word file (a house
    /// style), as pandoc's --reference-doc does.
    #[arg(long, value_name = "FILE")]
    pub(super) reference_docx: Option<PathBuf>,
    /// Word and HTML with `--lang both`: `parallel` sets the Japanese and the English side
    /// by side, article by article; `sequential` puts the translation after the original.
    #[arg(long, value_enum, default_value = "sequential")]
    pub(super) layout: LayoutArg,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum LayoutArg {
    Sequential,
    Parallel,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Wrap {
    /// Lines wrapped to the page width (72 columns in Japanese, 78 in English).
    Width,
    /// One line per paragraph.
    None,
}

/// Where a command writes: a file (never replaced without --force) or standard output.
#[derive(clap::Args)]
pub(super) struct Output {
    /// Output file; text formats go to standard output without it.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(super) output: Option<PathBuf>,
    /// Replace an existing output file (a regular file only).
    #[arg(long)]
    pub(super) force: bool,
}

impl Output {
    pub(super) fn write(&self, bytes: &[u8]) -> Result<()> {
        match &self.output {
            Some(path) => Ok(write_atomic(path, bytes, self.force)?),
            None => super::print(&String::from_utf8_lossy(bytes)),
        }
    }
}

/// The formats of the internal reports: the text formats, and Word.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum MemoFormat {
    Md,
    Txt,
    Html,
    Docx,
}

impl MemoFormat {
    /// The report format of a text format; `None` for Word.
    pub(super) fn report(self) -> Option<ReportFormat> {
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
pub(super) enum DiffFormat {
    Md,
    Txt,
    Html,
    Json,
    Docx,
}

#[derive(clap::Args)]
pub(super) struct DiffArgs {
    /// The earlier answers file.
    pub(super) old: PathBuf,
    /// The later answers file.
    pub(super) new: PathBuf,
    #[arg(long, default_value = "md")]
    pub(super) format: DiffFormat,
    #[arg(long, default_value = "ja")]
    pub(super) lang: Lang,
    /// Word: the author of the tracked changes, as Word's Review pane names it.
    #[arg(long, value_name = "NAME", default_value = "secdraft")]
    pub(super) author: String,
    #[command(flatten)]
    pub(super) out: Output,
}

#[derive(clap::Args)]
pub(super) struct MemoArgs {
    #[arg(long, value_name = "FILE")]
    pub(super) answers: PathBuf,
    #[arg(long, default_value = "md")]
    pub(super) format: MemoFormat,
    #[arg(long, default_value = "ja")]
    pub(super) lang: Lang,
    #[command(flatten)]
    pub(super) out: Output,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
