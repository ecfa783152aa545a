//! The interactive questionnaire (ratatui + crossterm), in the shape of design.md: one
//! state struct ([`app::App`]), keys mapped to actions ([`keymap`]), a pure
//! [`update::update`] returning effects, a [`view::view`] that only draws, and this loop,
//! which reads events and performs the effects (atomic writes, quit).

pub mod action;
pub mod app;
mod field;
pub mod keymap;
mod keys;
pub mod preview;
pub mod strings;
mod term;
mod textarea;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event;

use crate::answers::Answers;
use crate::lang::Lang;
use crate::workspace::{Workspace, write_atomic};
use action::{Action, Effect, SaveError};
use app::App;

/// Runs a session saved in `path` (resumed from `answers`) until the user quits or a
/// signal (SIGTERM, SIGINT; SIGHUP exits at once) ends it. Answers are saved as they are
/// given; the result is why the last of them could not be (`None`: all saved).
pub fn run(
    ws: &Workspace,
    path: PathBuf,
    answers: Answers,
    lang: Lang,
) -> std::io::Result<Option<SaveError>> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(std::io::Error::other(
            "the questionnaire needs a terminal; use `secdraft build --answers FILE` otherwise",
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // Continued after a stop (Ctrl-Z here, or a SIGTSTP from elsewhere): the shell had the
    // terminal meanwhile, so raw mode and the screen are set up again.
    let continued = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&continued))?;
    // A hang-up took the terminal away: there is nothing to restore, and crossterm's reader
    // would spin on the closed terminal without returning to this loop. Answers are already
    // saved (atomically), so leave at once.
    // SAFETY: the handler only calls `_exit`, which is async-signal-safe.
    unsafe {
        signal_hook::low_level::register(signal_hook::consts::SIGHUP, || {
            signal_hook::low_level::exit(129)
        })?;
    }
    let mut guard = term::Guard::enter()?;
    let size = guard.terminal.size()?;
    let file_text = std::fs::read_to_string(&path).ok();
    let mut app = App::new(ws, path, answers, lang);
    app.file_text = file_text;
    app.created = Some(crate::workspace::document_time());
    app.editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .ok()
        .filter(|e| !e.trim().is_empty());
    app.last_export = last_export(ws, &app);
    let mut held = keymap::Held::default();
    dispatch(
        &mut app,
        &mut guard,
        Action::Resize(size.width, size.height),
    )?;
    while !stop.load(Ordering::Relaxed) {
        if continued.swap(false, Ordering::Relaxed) {
            guard.resume()?;
        }
        guard.terminal.draw(|f| view::view(f, &app))?;
        // Wake up now and then to notice a signal.
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let Some(action) = keymap::map(&event::read()?, app.input_mode()) else {
            continue;
        };
        let action = held.mark(action, Instant::now());
        if dispatch(&mut app, &mut guard, action)? {
            break;
        }
    }
    Ok(app.save_error)
}

/// The answers of the rider last exported to the dialog's file, kept beside it: the
/// changes since then show from the start. A copy that no longer reads is not used.
fn last_export(ws: &Workspace, app: &App) -> Option<Answers> {
    let copy = update::snapshot_path(std::path::Path::new(app.export.path.text()));
    ws.read_session(&copy).ok().flatten()
}

/// Gives the terminal to `editor` on a private temporary file holding `text`, and reads
/// what it left there once it exits. The outer error is the terminal's; the inner one why
/// the editor gave no text.
fn edit_externally(
    guard: &mut term::Guard,
    editor: &str,
    text: &str,
) -> std::io::Result<Result<String, String>> {
    let mut file = tempfile::Builder::new()
        .prefix("secdraft-")
        .suffix(".txt")
        .tempfile()?;
    std::io::Write::write_all(&mut file, format!("{text}\n").as_bytes())?;
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or_default();
    term::restore();
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status();
    guard.resume()?;
    Ok(match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path()).map_err(|e| e.to_string()),
        Ok(s) => Err(s.to_string()),
        Err(e) => Err(e.to_string()),
    })
}

/// Writes the answers file unless someone else changed it since this session last read or
/// wrote it (the check and the rename are close, not atomic: enough for two windows).
fn save(path: &std::path::Path, text: String, expected: Option<&str>) -> Result<String, SaveError> {
    let now = std::fs::read_to_string(path).ok();
    if now.as_deref() != expected {
        return Err(SaveError::Changed);
    }
    write_atomic(path, text.as_bytes(), true).map_err(|e| SaveError::of(&e))?;
    Ok(text)
}

/// Applies an action and performs its effects, feeding their outcome back; true to quit.
fn dispatch(app: &mut App, guard: &mut term::Guard, action: Action) -> std::io::Result<bool> {
    let mut quit = false;
    // An outcome may ask for more (an export, then the copy of its answers).
    let mut queue: std::collections::VecDeque<Effect> = update::update(app, action).into();
    while let Some(effect) = queue.pop_front() {
        let outcome = match effect {
            Effect::Save {
                path,
                text,
                expected,
            } => Action::Saved(save(&path, text, expected.as_deref())),
            Effect::Export { path, bytes, force } => {
                Action::Exported(write_atomic(&path, &bytes, force).map(|()| path))
            }
            Effect::EditExternally { editor, text } => {
                Action::Edited(edit_externally(guard, &editor, &text)?)
            }
            Effect::Snapshot { path, text } => {
                Action::Snapshot(write_atomic(&path, text.as_bytes(), true).map(|()| path))
            }
            Effect::Suspend => {
                guard.suspend()?;
                continue;
            }
            Effect::Quit => {
                quit = true;
                continue;
            }
        };
        queue.extend(update::update(app, outcome));
    }
    Ok(quit)
}
