//! The export dialog: format, language, rider or memo, and path; the questions left at their
//! defaults asked about before export, and an existing file before it is replaced.

use super::ok;
use std::path::{Path, PathBuf};

use crate::export::{ExportOptions, Format};
use crate::report::ReportFormat;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, EXPORT_LANGS, ExportFocus, Pane, Screen};
use crate::tui::strings;
use crate::workspace::WriteError;

pub(super) fn export_dialog(app: &mut App, action: Action) -> Vec<Effect> {
    let d = &mut app.export;
    if d.confirm_overwrite {
        match action {
            Action::Yes => return export(app, true),
            Action::No | Action::Escape | Action::Quit => d.confirm_overwrite = false,
            _ => {}
        }
        return vec![];
    }
    if d.confirm_assumptions {
        match action {
            Action::Yes => {
                d.confirm_assumptions = false;
                d.assumptions_accepted = true;
                return export(app, false);
            }
            // Back to the first of them, to answer it.
            Action::No => {
                d.confirm_assumptions = false;
                app.overlay = None;
                let first = crate::memo::assumptions(&app.ws.library, &app.effective())
                    .first()
                    .map(|id| id.to_string());
                if let Some(id) = first {
                    app.goto_question(&id);
                    app.screen = Screen::Questions;
                    app.pane = Pane::Answer;
                }
            }
            Action::Escape | Action::Quit => d.confirm_assumptions = false,
            _ => {}
        }
        return vec![];
    }
    let order = [
        ExportFocus::Format,
        ExportFocus::Lang,
        ExportFocus::Document,
        ExportFocus::Path,
    ];
    let at = order.iter().position(|f| *f == d.focus).unwrap_or(0);
    match (d.focus, action) {
        (_, Action::Escape | Action::Quit) => app.overlay = None,
        // From a refusal for unanswered questions, straight to the review that lists them.
        (_, Action::Review) => {
            app.overlay = None;
            app.screen = Screen::Review;
        }
        (_, Action::Up | Action::PrevPane) => d.focus = order[(at + 3) % 4],
        (_, Action::Down | Action::NextPane) => d.focus = order[(at + 1) % 4],
        (_, Action::Confirm) => return export(app, false),
        (ExportFocus::Format, a @ (Action::Left | Action::Right | Action::Toggle)) => {
            let n = Format::ALL.len();
            let old = Format::ALL[d.format].extension();
            d.format = (d.format + if matches!(a, Action::Left) { n - 1 } else { 1 }) % n;
            // Follow the format in the file name, unless the user named the file otherwise.
            if let Some(stem) = d.path.text().strip_suffix(&format!(".{old}")) {
                d.path = crate::tui::field::Field::new(&format!(
                    "{stem}.{}",
                    Format::ALL[d.format].extension()
                ));
            }
        }
        (ExportFocus::Lang, a @ (Action::Left | Action::Right | Action::Toggle)) => {
            let n = EXPORT_LANGS.len();
            d.lang = (d.lang + if matches!(a, Action::Left) { n - 1 } else { 1 }) % n;
        }
        (ExportFocus::Document, Action::Left | Action::Right | Action::Toggle) => d.memo = !d.memo,
        (ExportFocus::Path, action) => {
            let taken = super::field_key(&mut d.path, action);
            if !taken {
                d.error = Some(strings::get(app.lang).paste_refused.clone());
            }
        }
        _ => {}
    }
    vec![]
}

/// Drafts and exports through the same workspace as `secdraft build`; the loop writes.
fn export(app: &mut App, force: bool) -> Vec<Effect> {
    let s = strings::get(app.lang);
    let path = app.export.path.text().trim().to_string();
    if path.is_empty() {
        app.export.error = Some(s.path_required.clone());
        return vec![];
    }
    let answers = app.effective();
    let missing = answers.missing(&app.ws.library);
    if let Some(first) = missing.first() {
        // Named by its prompt: the officer never sees question ids.
        let prompt = app
            .ws
            .library
            .question(first)
            .map_or(*first, |q| q.prompt[app.lang].as_str());
        app.export.error = Some(strings::missing_answers(missing.len(), prompt, app.lang));
        return vec![];
    }
    // Questions left at their defaults are the drafter's assumptions: said before export.
    if !app.export.assumptions_accepted
        && !crate::memo::assumptions(&app.ws.library, &answers).is_empty()
    {
        app.export.confirm_assumptions = true;
        return vec![];
    }
    let bytes = if app.export.memo {
        memo(app, &answers)
    } else {
        let opts = ExportOptions {
            created: app.created,
            ..ExportOptions::new(EXPORT_LANGS[app.export.lang])
        };
        app.ws
            .draft(&answers)
            .and_then(|(_, doc)| app.ws.export(&doc, app.export_format(), &opts))
            .map_err(|e| e.in_lang(app.lang))
    };
    match bytes {
        Ok(bytes) => vec![Effect::Export {
            path: path.into(),
            bytes,
            force,
        }],
        Err(e) => {
            app.export.error = Some(e);
            vec![]
        }
    }
}

/// The internal memo, in the formats and languages it has.
fn memo(app: &App, answers: &crate::answers::Answers) -> Result<Vec<u8>, String> {
    let s = strings::get(app.lang);
    let crate::lang::LangSel::One(lang) = EXPORT_LANGS[app.export.lang] else {
        return Err(s.memo_one_lang.clone());
    };
    let format = match app.export_format() {
        Format::Md => Some(ReportFormat::Md),
        Format::Html => Some(ReportFormat::Html),
        Format::Txt => Some(ReportFormat::Txt),
        Format::Docx => None,
        Format::Json => return Err(s.memo_no_json.clone()),
    };
    app.ws
        .memo(answers, format, lang, app.created.unwrap_or(0))
        .map_err(|e| e.in_lang(app.lang))
}

/// Where the answers of an exported document are kept: beside it, as
/// `<file>.answers.toml` (`rider.docx.answers.toml`), the OLD of `secdraft diff` when the
/// next version is sent.
pub fn snapshot_path(document: &Path) -> PathBuf {
    let mut name = document.file_name().unwrap_or_default().to_os_string();
    name.push(".answers.toml");
    document.with_file_name(name)
}

pub(super) fn exported(app: &mut App, result: Result<PathBuf, WriteError>) -> Vec<Effect> {
    let lang = app.lang;
    match result {
        Ok(path) => {
            app.overlay = None;
            app.export.confirm_overwrite = false;
            app.status = Some(ok(strings::exported(&path.display().to_string(), lang)));
            // The rider sent is the version the next changes are compared with; a memo
            // is not sent.
            let copy = snapshot_path(&path);
            // Never the session's own file, whatever the names.
            if !app.export.memo && copy != app.path {
                let answers = app.effective();
                let text =
                    crate::preserve::save(app.file_text.as_deref(), &answers, &app.ws.library);
                app.last_export = Some(answers);
                return vec![Effect::Snapshot { path: copy, text }];
            }
        }
        Err(WriteError::Exists(_)) => app.export.confirm_overwrite = true,
        Err(e) => {
            app.export.confirm_overwrite = false;
            let file = app.export.path.text().to_string();
            app.export.error = Some(strings::export_failed(&e, &file, lang));
        }
    }
    vec![]
}

/// The copy of the exported answers: said only when it could not be written.
pub(super) fn snapshot(app: &mut App, result: Result<PathBuf, WriteError>) {
    if let Err(e) = result {
        let file = snapshot_path(Path::new(app.export.path.text().trim()));
        app.status = Some(super::fail(strings::export_failed(
            &e,
            &file.display().to_string(),
            app.lang,
        )));
    }
}
