//! The commands: one function each, returning `anyhow::Result`.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::args::{
    BuildArgs, DiffArgs, DiffFormat, LayoutArg, LibraryArgs, MemoArgs, MemoFormat, Output, Wrap,
};
use super::{BadInput, print};
use crate::export::{ExportOptions, Format};
use crate::lang::{Lang, LangSel};
use crate::redline::Side;
use crate::report::ReportFormat;
use crate::value::Value;

pub(super) fn diff(lib: &LibraryArgs, args: &DiffArgs) -> Result<()> {
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

pub(super) fn memo(lib: &LibraryArgs, args: &MemoArgs) -> Result<()> {
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

pub(super) fn questionnaire(lib: &LibraryArgs, answers: Option<PathBuf>, lang: Lang) -> Result<()> {
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

pub(super) fn check(lib: &LibraryArgs) -> Result<()> {
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

pub(super) fn questions(lib: &LibraryArgs, lang: Lang) -> Result<()> {
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

pub(super) fn explain(lib: &LibraryArgs, clause_id: &str, l: Lang) -> Result<()> {
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
    let w = &crate::labels::get(l).explain;
    let mut out = format!("{} ({})\n", c.title[l], c.id);
    out.push_str(&format!(
        "{}: {family}\n{}: {}\n",
        w.family, w.when, c.when_src
    ));
    let stance = c
        .stance
        .as_ref()
        .map_or(w.all_stances.clone(), |s| s.join(", "));
    out.push_str(&format!(
        "{}: {stance}\n\n{}:\n  {}\n\n{}:\n",
        w.stance, w.rationale, c.rationale[l], w.sources
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

pub(super) fn build(lib: &LibraryArgs, args: &BuildArgs) -> Result<()> {
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
