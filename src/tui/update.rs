//! The pure transition: an action changes the state and returns the effects (writes, quit)
//! for the loop to perform. No terminal, no files, no clock.

use super::action::{Action, Effect, SaveError};
use super::app::{
    App, EXPORT_LANGS, ExportFocus, Input, Item, Overlay, Pane, Preview, Screen, Status,
};
use super::strings;
use super::view;
use crate::export::{ExportOptions, Format};
use crate::lang::Lang;
use crate::workspace::WriteError;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ForceQuit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::Resize(w, h) => {
            app.size = (w, h);
            rewrap(app);
            return vec![];
        }
        Action::Saved(result) => {
            saved(app, result);
            return vec![];
        }
        Action::Exported(result) => {
            exported(app, result);
            return vec![];
        }
        _ => {}
    }
    // Nothing is shown but the request to enlarge the window: no key may change what
    // cannot be seen (Ctrl-C still quits, Ctrl-Z still suspends).
    if view::too_small(app.size) {
        return vec![];
    }
    // Backspace held down after it went back a question: the answer there is not eaten.
    if std::mem::take(&mut app.back_wait) && matches!(action, Action::BackHeld) {
        app.back_wait = true;
        return vec![];
    }
    match action {
        Action::SwitchLang => {
            app.lang = match app.lang {
                Lang::Ja => Lang::En,
                Lang::En => Lang::Ja,
            };
            let missing = unanswered(app);
            if let Some(p) = &mut app.preview {
                p.lines = view::preview::lines(&p.doc, app.lang, missing);
            }
            rewrap(app);
            // Messages already on screen were written in the other language.
            app.status = None;
            app.export.error = None;
            return vec![];
        }
        Action::Save => return vec![save(app)],
        _ => {}
    }
    match app.overlay {
        Some(Overlay::Help) => {
            app.overlay = None;
            return vec![];
        }
        Some(Overlay::Export) => return export_dialog(app, action),
        Some(Overlay::ConfirmQuit) => {
            match action {
                Action::Yes => return vec![Effect::Quit],
                Action::No | Action::Escape | Action::Quit => app.overlay = None,
                _ => {}
            }
            return vec![];
        }
        None => {}
    }
    match action {
        Action::Help => app.overlay = Some(Overlay::Help),
        Action::Export => {
            app.overlay = Some(Overlay::Export);
            app.export.confirm_overwrite = false;
            app.export.confirm_assumptions = false;
            app.export.assumptions_accepted = false;
            app.export.error = None;
        }
        Action::Preview => open_preview(app),
        Action::Review => app.screen = Screen::Review,
        Action::Quit | Action::Escape => return close_or_quit(app),
        action => {
            return match app.screen {
                Screen::Questions => questions(app, action),
                Screen::Review => {
                    review(app, action);
                    vec![]
                }
                Screen::Preview => {
                    preview(app, action);
                    vec![]
                }
            };
        }
    }
    vec![]
}

/// Esc and q close the screen that is open; on the questions they quit, asking first where
/// typing is not confirmed or answers are not saved.
fn close_or_quit(app: &mut App) -> Vec<Effect> {
    match app.screen {
        Screen::Review | Screen::Preview => app.screen = Screen::Questions,
        Screen::Questions if app.would_lose() => app.overlay = Some(Overlay::ConfirmQuit),
        Screen::Questions => return vec![Effect::Quit],
    }
    vec![]
}

fn saved(app: &mut App, result: Result<String, SaveError>) {
    let lang = app.lang;
    let name = app.path.file_name().unwrap_or_default().to_string_lossy();
    app.status = Some(match result {
        // The file name: the status has little room, and the folder does not change.
        Ok(text) => {
            app.file_text = Some(text);
            app.save_error = None;
            ok(strings::saved(&name, lang))
        }
        Err(e) => {
            app.save_error = Some(e);
            fail(strings::save_failed(e, &name, lang))
        }
    });
}

fn ok(text: String) -> Status {
    Status { text, error: false }
}

fn fail(text: String) -> Status {
    Status { text, error: true }
}

fn save(app: &App) -> Effect {
    Effect::Save {
        path: app.path.clone(),
        text: crate::preserve::save(app.file_text.as_deref(), &app.effective(), &app.ws.library),
        expected: app.file_text.clone(),
    }
}

fn unanswered(app: &App) -> usize {
    app.effective().missing(&app.ws.library).len()
}

fn questions(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Back | Action::BackHeld = action {
        if let Input::Field(f) = &mut app.input
            && app.pane == Pane::Answer
            && f.delete_back()
        {
            return vec![];
        }
        // Only a new press leaves a question: a held key stops at the empty field.
        if let (Action::Back, Some(prev)) = (&action, (0..app.pos).rev().find(|&i| app.visible(i)))
        {
            app.goto(prev);
            app.back_wait = true;
        }
        return vec![];
    }
    if let Action::NextPane | Action::PrevPane = action {
        let order = [Pane::Answer, Pane::Sections, Pane::Help];
        let at = order.iter().position(|p| *p == app.pane).unwrap_or(0);
        let step = if matches!(action, Action::NextPane) {
            1
        } else {
            2
        };
        app.pane = order[(at + step) % 3];
        return vec![];
    }
    match app.pane {
        Pane::Answer => answer(app, action),
        Pane::Sections => {
            let sections = app.sections();
            match action {
                Action::Up => app.section_cursor = app.section_cursor.saturating_sub(1),
                Action::Down => {
                    app.section_cursor = (app.section_cursor + 1).min(sections.len() - 1);
                }
                Action::Confirm => {
                    let items = &sections[app.section_cursor].items;
                    let first = items.iter().find(|&&i| !app.answered(i)).or(items.first());
                    if let Some(&i) = first {
                        app.goto(i);
                    }
                    app.pane = Pane::Answer;
                }
                _ => {}
            }
            vec![]
        }
        Pane::Help => {
            scroll_help(app, &action);
            vec![]
        }
    }
}

fn scroll_help(app: &mut App, action: &Action) {
    app.help_scroll = match action {
        Action::Up | Action::PageUp => app.help_scroll.saturating_sub(1),
        Action::Down | Action::PageDown => app.help_scroll.saturating_add(1),
        _ => app.help_scroll,
    };
}

fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    let is_bool = matches!(app.item(), Item::Question(q) if app.question(q).kind == crate::library::Kind::Bool);
    let rows = match app.item() {
        Item::Question(_) if is_bool => 2,
        Item::Question(q) => app.question(q).choices.len(),
        Item::Meta(_) => 0,
    };
    match (&mut app.input, action) {
        (Input::Choice { cursor } | Input::Multi { cursor, .. }, Action::Up) => {
            *cursor = cursor.saturating_sub(1);
        }
        (Input::Choice { cursor } | Input::Multi { cursor, .. }, Action::Down) => {
            *cursor = (*cursor + 1).min(rows.saturating_sub(1));
        }
        (Input::Choice { cursor } | Input::Multi { cursor, .. }, Action::Home) => *cursor = 0,
        (Input::Choice { cursor } | Input::Multi { cursor, .. }, Action::End) => {
            *cursor = rows.saturating_sub(1);
        }
        (Input::Multi { cursor, checked }, Action::Toggle) => {
            if let Some(c) = checked.get_mut(*cursor) {
                *c = !*c;
            }
        }
        (Input::Choice { cursor }, a @ (Action::Yes | Action::No)) if is_bool => {
            *cursor = usize::from(matches!(a, Action::No));
            return confirm(app);
        }
        (Input::Field(f), Action::Insert(s)) => {
            let taken = f.insert(&s);
            if !taken {
                app.status = Some(fail(strings::get(app.lang).paste_refused.into()));
            }
        }
        (Input::Field(f), Action::Left) => f.left(),
        (Input::Field(f), Action::Right) => f.right(),
        (Input::Field(f), Action::Home) => f.home(),
        (Input::Field(f), Action::End) => f.end(),
        (_, a @ (Action::PageUp | Action::PageDown)) => scroll_help(app, &a),
        (_, Action::Confirm) => return confirm(app),
        _ => {}
    }
    vec![]
}

/// Records the answer, saves, and goes on to the next question the skip logic asks (or
/// back to the review it was reopened from).
fn confirm(app: &mut App) -> Vec<Effect> {
    // An invalid input stays on screen with its message; nothing is recorded.
    let Ok(value) = app.parsed() else {
        return vec![];
    };
    match app.item() {
        Item::Meta(k) => {
            app.answers.meta.set(k, value.as_str().unwrap_or_default());
        }
        Item::Question(q) => {
            let id = app.question(q).id.clone();
            app.answers.given.insert(id, value);
        }
    }
    let before = app.asked.clone();
    app.asked = app.answers.asked_questions(&app.ws.library);
    let revealed = app
        .asked
        .iter()
        .zip(&before)
        .filter(|(now, was)| **now && !**was)
        .count();
    let effects = vec![save(app)];
    // Back from the review, the questions this answer revealed (and any other left open)
    // are asked before the review comes back.
    let next = if app.from_review {
        (0..app.items.len()).find(|&i| app.visible(i) && !app.answered(i))
    } else {
        (app.pos + 1..app.items.len()).find(|&i| app.visible(i))
    };
    match next {
        Some(i) => {
            app.goto(i);
            if app.from_review && revealed > 0 {
                app.status = Some(ok(strings::revealed(revealed, app.lang)));
            }
        }
        None => {
            app.from_review = false;
            app.screen = Screen::Review;
            if app.progress().1 == 0 {
                app.status = Some(ok(strings::get(app.lang).all_answered.into()));
            }
        }
    }
    effects
}

fn review(app: &mut App, action: Action) {
    let items: Vec<usize> = app.visible_items().collect();
    app.review_cursor = app.review_cursor.min(items.len() - 1);
    match action {
        Action::Up => app.review_cursor = app.review_cursor.saturating_sub(1),
        Action::Down => app.review_cursor = (app.review_cursor + 1).min(items.len() - 1),
        Action::Home => app.review_cursor = 0,
        Action::End => app.review_cursor = items.len() - 1,
        Action::Confirm => {
            app.goto(items[app.review_cursor]);
            app.screen = Screen::Questions;
            app.pane = Pane::Answer;
            app.from_review = true;
        }
        Action::Back => {
            app.screen = Screen::Questions;
            app.back_wait = true;
        }
        _ => {}
    }
}

/// Drafts the clause set for the preview, unless the answers are those of the last
/// preview: then it reopens as it was left (and where it was scrolled to).
fn open_preview(app: &mut App) {
    let answers = app.effective();
    if app.preview.as_ref().is_some_and(|p| p.answers == answers) {
        app.screen = Screen::Preview;
        return;
    }
    match app.ws.draft(&answers) {
        Ok((_, doc)) => {
            let lines = view::preview::lines(&doc, app.lang, unanswered(app));
            app.preview = Some(Preview {
                answers,
                doc,
                lines,
                wrapped: Vec::new(),
                scroll: 0,
            });
            rewrap(app);
            app.screen = Screen::Preview;
        }
        Err(e) => app.status = Some(fail(e.in_lang(app.lang))),
    }
}

fn preview(app: &mut App, action: Action) {
    let page = view::preview_page(app.size) as isize;
    match action {
        Action::Up => scroll_preview(app, -1),
        Action::Down => scroll_preview(app, 1),
        Action::PageUp => scroll_preview(app, -page),
        Action::PageDown | Action::Toggle => scroll_preview(app, page),
        Action::Home => scroll_preview(app, isize::MIN),
        Action::End => scroll_preview(app, isize::MAX),
        Action::Back => {
            app.screen = Screen::Questions;
            app.back_wait = true;
        }
        _ => {}
    }
}

/// Scrolls the preview by `by` lines, kept between the top and the last page.
fn scroll_preview(app: &mut App, by: isize) {
    let max = view::preview_max_scroll(app);
    if let Some(p) = &mut app.preview {
        p.scroll = p.scroll.saturating_add_signed(by).min(max);
    }
}

/// Wraps the preview to the window's width, keeping the scroll in range.
fn rewrap(app: &mut App) {
    let width = usize::from(view::preview_area(app.size).0);
    if let Some(p) = &mut app.preview {
        p.wrapped = crate::wrap::wrap_all(&p.lines, width);
    }
    scroll_preview(app, 0);
}

fn export_dialog(app: &mut App, action: Action) -> Vec<Effect> {
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
        ExportFocus::Notes,
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
                d.path = super::field::Field::new(&format!(
                    "{stem}.{}",
                    Format::ALL[d.format].extension()
                ));
            }
        }
        (ExportFocus::Lang, a @ (Action::Left | Action::Right | Action::Toggle)) => {
            let n = EXPORT_LANGS.len();
            d.lang = (d.lang + if matches!(a, Action::Left) { n - 1 } else { 1 }) % n;
        }
        (ExportFocus::Notes, Action::Left | Action::Right | Action::Toggle) => d.notes = !d.notes,
        (ExportFocus::Path, Action::Insert(s)) => {
            let taken = d.path.insert(&s);
            if !taken {
                d.error = Some(strings::get(app.lang).paste_refused.into());
            }
        }
        (ExportFocus::Path, Action::Back | Action::BackHeld) => {
            d.path.delete_back();
        }
        (ExportFocus::Path, Action::Left) => d.path.left(),
        (ExportFocus::Path, Action::Right) => d.path.right(),
        (ExportFocus::Path, Action::Home) => d.path.home(),
        (ExportFocus::Path, Action::End) => d.path.end(),
        _ => {}
    }
    vec![]
}

/// Drafts and exports through the same workspace as `secdraft build`; the loop writes.
fn export(app: &mut App, force: bool) -> Vec<Effect> {
    let s = strings::get(app.lang);
    let path = app.export.path.text().trim().to_string();
    if path.is_empty() {
        app.export.error = Some(s.path_required.into());
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
            .map_or(*first, |q| q.prompt.get(app.lang).as_str());
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
    let opts = ExportOptions {
        created: app.created,
        ..ExportOptions::new(EXPORT_LANGS[app.export.lang], app.export.notes)
    };
    let bytes = app
        .ws
        .draft(&answers)
        .and_then(|(_, doc)| app.ws.export(&doc, app.export_format(), &opts));
    match bytes {
        Ok(bytes) => vec![Effect::Export {
            path: path.into(),
            bytes,
            force,
        }],
        Err(e) => {
            app.export.error = Some(e.in_lang(app.lang));
            vec![]
        }
    }
}

fn exported(app: &mut App, result: Result<std::path::PathBuf, WriteError>) {
    let lang = app.lang;
    match result {
        Ok(path) => {
            app.overlay = None;
            app.export.confirm_overwrite = false;
            app.status = Some(ok(strings::exported(&path.display().to_string(), lang)));
        }
        Err(WriteError::Exists(_)) => app.export.confirm_overwrite = true,
        Err(e) => {
            app.export.confirm_overwrite = false;
            let file = app.export.path.text().to_string();
            app.export.error = Some(strings::export_failed(&e, &file, lang));
        }
    }
}
