//! Counsel's changes from the preview: exclude an article (with the reason) or put it
//! back, choose its position, reword it, note it, add an article, and see the changes
//! since the last export. Each change is drafted before it is kept: one the library or
//! the carve-out refuses is not recorded, and says why; one that drafts is saved at once.

use super::super::action::{Action, Effect};
use super::super::app::{App, Edit, Editing, Overlay, Positions, Preview, Purpose};
use super::super::field::Field;
use super::super::preview::Target;
use super::super::strings::{self, Done};
use super::super::textarea::TextArea;
use super::super::view;
use super::{fail, ok, rewrap, save, unanswered};
use crate::document::to_markup;
use crate::lang::Lang;
use crate::overrides::{ClauseOverride, Overrides};

mod diff;
mod edit;

pub use diff::diff_key;
use diff::open_diff;
pub use edit::{edit_key, edited};

/// The keys of the preview that act on the selected article.
pub(crate) fn preview_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::NextPane => select(app, 1),
        Action::PrevPane => select(app, -1),
        Action::Exclude => return exclude(app),
        Action::Position => position(app),
        Action::EditText => return edit_text(app),
        Action::Note => return note(app),
        Action::AddClause => add(app),
        Action::RestoreText => return restore(app),
        Action::Diff => open_diff(app),
        _ => {}
    }
    vec![]
}

fn page(app: &App) -> (usize, usize) {
    (view::preview_page(app.size), view::preview_max_scroll(app))
}

fn select(app: &mut App, by: isize) {
    let (page, max) = page(app);
    if let Some(p) = &mut app.preview {
        p.select(by, page, max);
    }
}

fn selected(app: &App) -> Option<Target> {
    app.preview.as_ref().and_then(Preview::target).cloned()
}

/// 第N条 / Article N, for the status line and the titles.
fn label(number: usize, lang: Lang) -> String {
    crate::document::article_label(number, lang)
}

fn open(app: &mut App, purpose: Purpose, title: String, start: String, line: bool) -> Vec<Effect> {
    let editing = match (&app.editor, line) {
        (_, true) => Editing::Line(Field::new(&start)),
        (Some(_), false) => Editing::External,
        (None, false) => Editing::Text(TextArea::new(&start)),
    };
    let external = matches!(editing, Editing::External);
    app.edit = Some(Edit {
        purpose,
        editing,
        title,
        start: start.clone(),
        confirm_discard: false,
    });
    app.overlay = Some(Overlay::Edit);
    match (&app.editor, external) {
        (Some(editor), true) => vec![Effect::EditExternally {
            editor: editor.clone(),
            text: start,
        }],
        _ => vec![],
    }
}

fn exclude(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    match selected(app) {
        Some(Target::Excluded { key }) => {
            let mut next = app.answers.overrides.clone();
            if let Some(o) = next.clauses.get_mut(&key) {
                o.exclude = None;
            }
            prune(&mut next, &key);
            let title = app
                .ws
                .library
                .clause(&key)
                .map_or(key.clone(), |c| c.title[lang].clone());
            apply(app, next, &key, strings::done(Done::Restored, &title, lang))
        }
        Some(Target::Article {
            custom: true, id, ..
        }) => {
            app.remove = Some(id);
            app.overlay = Some(Overlay::RemoveCustom);
            vec![]
        }
        Some(Target::Article { key, number, .. }) => {
            let title = strings::exclude_title(&label(number, lang), lang);
            open(app, Purpose::Exclude { key }, title, String::new(), true)
        }
        None => vec![],
    }
}

fn position(app: &mut App) {
    let s = strings::counsel(app.lang);
    let Some(Target::Article {
        key, id, custom, ..
    }) = selected(app)
    else {
        if selected(app).is_some() {
            app.status = Some(fail(s.not_an_article.clone()));
        }
        return;
    };
    if custom {
        app.status = Some(fail(s.custom_no_ladder.clone()));
        return;
    }
    let Some(ladder) = app.ws.library.ladder(&key) else {
        app.status = Some(fail(s.no_ladder.clone()));
        return;
    };
    let cursor = ladder
        .positions
        .iter()
        .position(|p| p.clause == id)
        .unwrap_or(0);
    app.positions = Some(Positions { key, cursor });
    app.overlay = Some(Overlay::Positions);
}

/// The text an article's editor opens with: counsel's wording where there is one, else
/// the library's as drafted for this project, in the body markup.
fn current_text(app: &App, id: &str, custom: bool, number: usize, lang: Lang) -> String {
    let o = &app.answers.overrides;
    let counsel = if custom {
        o.custom
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.text.get(lang))
    } else {
        o.clauses.get(id).and_then(|c| c.text.get(lang))
    };
    if let Some(t) = counsel {
        return t.to_string();
    }
    if custom && lang == Lang::En {
        // The English shows the Japanese until counsel translates it: start empty.
        return String::new();
    }
    app.preview
        .as_ref()
        .and_then(|p| p.doc.articles.iter().find(|a| a.number == number))
        .map(|a| to_markup(&a.paragraphs[lang]))
        .unwrap_or_default()
}

fn edit_text(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    match selected(app) {
        Some(Target::Article {
            id, custom, number, ..
        }) => {
            let start = current_text(app, &id, custom, number, lang);
            let title = strings::text_title(&label(number, lang), lang, lang);
            open(app, Purpose::Text { key: id, lang }, title, start, false)
        }
        Some(Target::Excluded { .. }) => {
            app.status = Some(fail(strings::counsel(lang).not_an_article.clone()));
            vec![]
        }
        None => vec![],
    }
}

fn note_of(o: &Overrides, id: &str) -> Option<String> {
    o.clauses.get(id).and_then(|c| c.note.clone()).or_else(|| {
        o.custom
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.note.clone())
    })
}

fn note(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let Some(Target::Article { id, number, .. }) = selected(app) else {
        if selected(app).is_some() {
            app.status = Some(fail(strings::counsel(lang).not_an_article.clone()));
        }
        return vec![];
    };
    let start = note_of(&app.answers.overrides, &id).unwrap_or_default();
    let title = strings::note_title(&label(number, lang), lang);
    open(app, Purpose::Note { key: id }, title, start, false)
}

fn add(app: &mut App) {
    let lang = app.lang;
    let after = match selected(app) {
        Some(Target::Article {
            custom: true, id, ..
        }) => app
            .answers
            .overrides
            .custom
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.after.clone()),
        Some(Target::Article { key, .. }) => Some(key),
        _ => None,
    };
    let Some(after) = after else {
        app.status = Some(fail(strings::counsel(lang).not_an_article.clone()));
        return;
    };
    let title = strings::counsel(lang).custom_title.to_string();
    open(
        app,
        Purpose::CustomTitle { after },
        title,
        String::new(),
        true,
    );
}

fn restore(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let s = strings::counsel(lang);
    let Some(Target::Article {
        id,
        custom: false,
        number,
        ..
    }) = selected(app)
    else {
        app.status = Some(fail(s.not_an_article.clone()));
        return vec![];
    };
    let mut next = app.answers.overrides.clone();
    let Some(o) = next
        .clauses
        .get_mut(&id)
        .filter(|o| o.text.get(lang).is_some())
    else {
        app.status = Some(ok(s.nothing_to_restore.clone()));
        return vec![];
    };
    match lang {
        Lang::Ja => o.text.ja = None,
        Lang::En => o.text.en = None,
    }
    prune(&mut next, &id);
    let done = strings::done(Done::Library, &label(number, lang), lang);
    apply(app, next, &id, done)
}

/// Drops an override that no longer says anything.
fn prune(o: &mut Overrides, key: &str) {
    if o.clauses
        .get(key)
        .is_some_and(|c| *c == ClauseOverride::default())
    {
        o.clauses.remove(key);
    }
}

/// Drafts with `next` in place of counsel's overrides: kept and saved when it drafts,
/// refused with the reason when it does not (nothing is recorded).
fn apply(app: &mut App, next: Overrides, key: &str, done: String) -> Vec<Effect> {
    let mut answers = app.effective();
    answers.overrides = next.clone();
    let (assembly, doc) = match app.ws.draft(&answers) {
        Ok(d) => d,
        Err(e) => {
            app.status = Some(fail(refusal(app, &e)));
            return vec![];
        }
    };
    app.answers.overrides = next;
    let near = app.preview.as_ref().map_or(0, |p| p.cursor);
    let scroll = app.preview.as_ref().map_or(0, |p| p.scroll);
    let mut p = Preview::new(
        &app.ws.library,
        answers,
        &assembly,
        doc,
        app.lang,
        unanswered(app),
    );
    p.scroll = scroll;
    app.preview = Some(p);
    rewrap(app);
    let (page, max) = page(app);
    if let Some(p) = &mut app.preview {
        p.reselect(key, near, page, max);
    }
    app.status = Some(ok(done));
    vec![save(app)]
}

/// Why a change was not kept, in one line: the articles whose text would cite a clause
/// no longer in the set, by number and heading; else the first problem.
fn refusal(app: &App, e: &crate::error::Error) -> String {
    let lang = app.lang;
    let mut citing: Vec<String> = Vec::new();
    let articles = app
        .preview
        .as_ref()
        .map_or(&[][..], |p| &p.doc.articles[..]);
    for id in e.diagnostics().iter().filter_map(|d| d.id.as_deref()) {
        if let Some(a) = articles.iter().find(|a| a.id == id) {
            let named = format!("{}（{}）", a.label[lang], a.title[lang]);
            if !citing.contains(&named) {
                citing.push(named);
            }
        }
    }
    if citing.is_empty() {
        let all = e.in_lang(lang);
        return all.lines().next().unwrap_or_default().to_string();
    }
    strings::refused_citing(&citing, lang)
}

/// A key in the position chooser.
pub(crate) fn positions_key(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(mut chooser) = app.positions.take() else {
        app.overlay = None;
        return vec![];
    };
    let Some(ladder) = app.ws.library.ladder(&chooser.key) else {
        app.overlay = None;
        return vec![];
    };
    let last = ladder.positions.len().saturating_sub(1);
    match action {
        Action::Up => chooser.cursor = chooser.cursor.saturating_sub(1),
        Action::Down => chooser.cursor = (chooser.cursor + 1).min(last),
        Action::Escape | Action::Quit => {
            app.overlay = None;
            return vec![];
        }
        Action::Confirm => {
            app.overlay = None;
            let chosen = &ladder.positions[chooser.cursor].clause;
            let key = chooser.key;
            let mut next = app.answers.overrides.clone();
            let o = next.clauses.entry(key.clone()).or_default();
            o.variant = (*chosen != key).then(|| chosen.clone());
            prune(&mut next, &key);
            if next == app.answers.overrides {
                app.status = Some(ok(strings::counsel(app.lang).unchanged.clone()));
                return vec![];
            }
            let number = selected(app).map_or(0, |t| match t {
                Target::Article { number, .. } => number,
                Target::Excluded { .. } => 0,
            });
            let done = strings::done(Done::Position, &label(number, app.lang), app.lang);
            return apply(app, next, &key, done);
        }
        _ => {}
    }
    app.positions = Some(chooser);
    vec![]
}

/// y / n on removing an article counsel added.
pub(crate) fn remove_key(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Yes => {
            app.overlay = None;
            let Some(id) = app.remove.take() else {
                return vec![];
            };
            let number = selected(app).map_or(0, |t| match t {
                Target::Article { number, .. } => number,
                Target::Excluded { .. } => 0,
            });
            let mut next = app.answers.overrides.clone();
            let after = next
                .custom
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.after.clone());
            next.custom.retain(|c| c.id != id);
            let done = strings::done(Done::Removed, &label(number, app.lang), app.lang);
            apply(app, next, &after.unwrap_or(id), done)
        }
        Action::No | Action::Escape | Action::Quit => {
            app.overlay = None;
            app.remove = None;
            vec![]
        }
        _ => vec![],
    }
}
