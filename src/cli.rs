//! The command line: `build`, `check`, `questions`, `explain`, `diff`, `memo`, and the
//! questionnaire when no command is given. `args` defines them, `commands` runs each as
//! one function returning `anyhow::Result`; `main` decides the exit code from the kind of
//! error (see [`BadInput`]). The messages about the command line itself are in English,
//! as clap's are.

use std::io::Write;

use anyhow::{Context, Result};
use clap::builder::PossibleValue;
use clap::{Parser, ValueEnum};

use crate::export::Format;
use crate::lang::{Lang, LangSel};

mod args;
mod commands;

pub use args::Cli;
use args::Command;
use commands::{build, check, diff, explain, memo, questionnaire, questions};

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
