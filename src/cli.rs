//! The command line: `build`, `check`, `questions`, `explain`, and the questionnaire when
//! no command is given.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::export::{ExportOptions, Format};
use crate::lang::{Lang, LangSel};
use crate::value::Value;
use crate::workspace::{Workspace, WriteError, write_atomic};

/// An error for the user, with the exit code it maps to.
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    fn bad_input(message: impl Into<String>) -> Self {
        CliError {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        // Every core error is a problem in an input the user gave: the library, the
        // templates or the answers.
        CliError::bad_input(e.to_string())
    }
}

impl From<WriteError> for CliError {
    fn from(e: WriteError) -> Self {
        CliError::bad_input(e.to_string())
    }
}

fn formats() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.extension()).collect()
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
    #[arg(long, value_name = "LANG", default_value = "ja", value_parser = ["ja", "en"], global = true)]
    ui_lang: String,
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

#[derive(Subcommand)]
enum Command {
    /// Assemble the clause set for an answers file and export it.
    Build {
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        #[arg(long, default_value = "md", value_parser = clap::builder::PossibleValuesParser::new(formats()))]
        format: String,
        #[arg(long, default_value = "ja", value_parser = ["ja", "en", "both"])]
        lang: String,
        /// Output file; text formats go to standard output without it.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
        /// Add each clause's rationale, sources and the reason it was selected.
        #[arg(long)]
        notes: bool,
    },
    /// Validate a clause library and its templates.
    Check,
    /// List the questionnaire: id, type, default and prompt, one question per line.
    Questions {
        #[arg(long, default_value = "ja", value_parser = ["ja", "en"])]
        lang: String,
    },
    /// Show the rationale and sources of one clause.
    Explain {
        clause_id: String,
        #[arg(long, default_value = "ja", value_parser = ["ja", "en"])]
        lang: String,
    },
}

fn lang(s: &str) -> Lang {
    Lang::parse(s).unwrap_or(Lang::Ja)
}

fn print(out: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError {
            code: 1,
            message: format!("cannot write to standard output: {e}"),
        }),
        _ => Ok(()),
    }
}

pub fn run() -> Result<(), CliError> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return if code == 0 {
                Ok(())
            } else {
                Err(CliError {
                    code,
                    message: String::new(),
                })
            };
        }
    };
    let lib = cli.sources.clone();
    let load = || Workspace::load(lib.library.as_deref(), lib.templates.as_deref());
    match cli.command {
        None => {
            let ws = load()?;
            let path = cli
                .answers
                .unwrap_or_else(|| PathBuf::from("secdraft-answers.toml"));
            let answers = ws.read_session(&path)?.unwrap_or_default();
            crate::tui::run(&ws, path, answers, lang(&cli.ui_lang)).map_err(|e| CliError {
                code: 1,
                message: format!("secdraft: {e}"),
            })
        }
        Some(Command::Check) => {
            let ws = load()?;
            let l = &ws.library;
            print(&format!(
                "ok: {} clauses, {} questions, {} sources, {} warning rules\n",
                l.clauses.len(),
                l.questions.len(),
                l.sources.len(),
                l.warnings.len()
            ))
        }
        Some(Command::Questions { lang: l }) => {
            let ws = load()?;
            let l = lang(&l);
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
                    q.prompt.get(l)
                ));
            }
            print(&out)
        }
        Some(Command::Explain { clause_id, lang: l }) => {
            let ws = load()?;
            let l = lang(&l);
            let Some(c) = ws.library.clause(&clause_id) else {
                let near: Vec<&str> = ws
                    .library
                    .clauses
                    .iter()
                    .map(|c| c.id.as_str())
                    .filter(|id| id.starts_with(clause_id.split('.').next().unwrap_or("")))
                    .collect();
                return Err(CliError::bad_input(format!(
                    "unknown clause id \"{clause_id}\"{}",
                    if near.is_empty() {
                        String::new()
                    } else {
                        format!(" (did you mean: {})", near.join(", "))
                    }
                )));
            };
            let family =
                crate::library::family::family(&c.family).map_or(c.family.as_str(), |f| f.title(l));
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
        Some(Command::Build {
            answers,
            format,
            lang: l,
            output,
            force,
            notes,
        }) => {
            let format = Format::parse(&format).unwrap_or(Format::Md);
            let sel = LangSel::parse(&l).unwrap_or(LangSel::One(Lang::Ja));
            if !format.is_text() && output.is_none() {
                return Err(CliError::bad_input(format!(
                    "--format {} needs -o OUT",
                    format.extension()
                )));
            }
            let ws = load()?;
            let answers = ws.read_answers(&answers)?;
            let (_, doc) = ws.draft(&answers)?;
            let opts = ExportOptions {
                created: Some(crate::workspace::document_time()),
                ..ExportOptions::new(sel, notes)
            };
            let bytes = ws.export(&doc, format, &opts)?;
            for w in &doc.warnings {
                eprintln!("warning[{}]: {}", w.code, w.message.get(sel.primary()));
            }
            match output {
                Some(path) => Ok(write_atomic(&path, &bytes, force)?),
                None => print(&String::from_utf8_lossy(&bytes)),
            }
        }
    }
}
