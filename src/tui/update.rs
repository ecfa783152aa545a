//! The pure transition: an action changes the state and returns the effects (writes, quit)
//! for the loop to perform. No terminal, no files, no clock.

mod counsel;
mod export;

use super::action::{Action, Effect, SaveError};
use super::app::{App, Input, Item, Overlay, Pane, Preview, Screen, Status};
use super::field::Field;
use super::strings;
use super::view;
use crate::lang::Lang;
use counsel::{diff_key, edit_key, edited, positions_key, preview_action, remove_key};
pub use export::snapshot_path;
use export::{export_dialog, exported, snapshot};

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
        Action::Exported(result) => return exported(app, result),
        Action::Snapshot(result) => {
            snapshot(app, result);
            return vec![];
        }
        Action::Edited(result) => return edited(app, result),
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
                p.relabel(&app.ws.library, app.lang, missing);
            }
            rewrap(app);
            // Messages already on screen were written in the other language.
            app.status = None;
            app.export.error = None;
            return vec![];
        }
        // In an editor, Ctrl-S saves what is typed there.
        Action::Save if app.overlay != Some(Overlay::Edit) => return vec![save(app)],
        _ => {}
    }
    match app.overlay {
        Some(Overlay::Edit) => return edit_key(app, action),
        Some(Overlay::Positions) => return positions_key(app, action),
        Some(Overlay::RemoveCustom) => return remove_key(app, action),
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
                Screen::Preview => preview(app, action),
                Screen::Diff => {
                    diff_key(app, action);
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
        Screen::Diff => app.screen = Screen::Preview,
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
        (_, a @ (Action::PageUp | Action::PageDown)) => scroll_help(app, &a),
        (_, Action::Confirm) => return confirm(app),
        (Input::Field(f), action) => {
            let taken = field_key(f, action);
            if !taken {
                app.status = Some(fail(strings::get(app.lang).paste_refused.clone()));
            }
        }
        _ => {}
    }
    vec![]
}

/// Typing and moving in a one-line field; false when a paste was refused.
fn field_key(f: &mut Field, action: Action) -> bool {
    match action {
        Action::Insert(s) => return f.insert(&s),
        Action::Back | Action::BackHeld => {
            f.delete_back();
        }
        Action::Left => f.left(),
        Action::Right => f.right(),
        Action::Home => f.home(),
        Action::End => f.end(),
        _ => {}
    }
    true
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
                app.status = Some(ok(strings::get(app.lang).all_answered.clone()));
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
        Ok((assembly, doc)) => {
            let missing = unanswered(app);
            let p = Preview::new(&app.ws.library, answers, &assembly, doc, app.lang, missing);
            app.preview = Some(p);
            rewrap(app);
            app.screen = Screen::Preview;
        }
        Err(e) => app.status = Some(fail(e.in_lang(app.lang))),
    }
}

fn preview(app: &mut App, action: Action) -> Vec<Effect> {
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
        action => return preview_action(app, action),
    }
    vec![]
}

/// Scrolls the preview by `by` lines, kept between the top and the last page; the
/// selected article follows the page.
fn scroll_preview(app: &mut App, by: isize) {
    let max = view::preview_max_scroll(app);
    let page = view::preview_page(app.size);
    if let Some(p) = &mut app.preview {
        p.scroll = p.scroll.saturating_add_signed(by).min(max);
        p.follow(page);
    }
}

/// Wraps the preview and the changes to the window's width, keeping the scroll in range.
fn rewrap(app: &mut App) {
    let width = usize::from(view::preview_area(app.size).0);
    if let Some(p) = &mut app.preview {
        p.rewrap(width);
    }
    if let Some(d) = &mut app.diff {
        d.rewrap(width);
    }
    let max = view::diff_max_scroll(app);
    if let Some(d) = &mut app.diff {
        d.scroll = d.scroll.min(max);
    }
    scroll_preview(app, 0);
}
