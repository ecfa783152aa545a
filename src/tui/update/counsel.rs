//! Counsel's changes from the preview: exclude an article (with the reason) or put it
//! back, choose its position, reword it, note it, add an article, and see the changes
//! since the last export. Each change is drafted before it is kept: one the library or
//! the carve-out refuses is not recorded, and says why; one that drafts is saved at once.

use super::super::action::{Action, Effect};
use super::super::app::{App, Edit, Editing, Overlay, Pager, Positions, Preview, Purpose, Screen};
use super::super::field::Field;
use super::super::preview::Target;
use super::super::strings::{self, Done};
use super::super::textarea::TextArea;
use super::super::view;
use super::{fail, ok, rewrap, save, unanswered};
use crate::document::to_markup;
use crate::lang::Lang;
use crate::overrides::{ClauseOverride, CustomClause, LangText, Overrides};

/// The keys of the preview that act on the selected article.
pub fn preview_action(app: &mut App, action: Action) -> Vec<Effect> {
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
                .map_or(key.clone(), |c| c.title.get(lang).clone());
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
            app.status = Some(fail(s.not_an_article.into()));
        }
        return;
    };
    if custom {
        app.status = Some(fail(s.custom_no_ladder.into()));
        return;
    }
    let Some(ladder) = app.ws.library.ladder(&key) else {
        app.status = Some(fail(s.no_ladder.into()));
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
        .map(|a| to_markup(a.paragraphs.get(lang)))
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
            app.status = Some(fail(strings::counsel(lang).not_an_article.into()));
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
            app.status = Some(fail(strings::counsel(lang).not_an_article.into()));
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
        app.status = Some(fail(strings::counsel(lang).not_an_article.into()));
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
        app.status = Some(fail(s.not_an_article.into()));
        return vec![];
    };
    let mut next = app.answers.overrides.clone();
    let Some(o) = next
        .clauses
        .get_mut(&id)
        .filter(|o| o.text.get(lang).is_some())
    else {
        app.status = Some(ok(s.nothing_to_restore.into()));
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
            let named = format!("{}（{}）", a.label.get(lang), a.title.get(lang));
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

/// Saves what the prompt or editor holds into the overrides.
fn commit(app: &mut App, edit: Edit) -> Vec<Effect> {
    let lang = app.lang;
    let s = strings::counsel(lang);
    let text = edit.text();
    let number = selected(app).map_or(0, |t| match t {
        Target::Article { number, .. } => number,
        Target::Excluded { .. } => 0,
    });
    let mut next = app.answers.overrides.clone();
    let (key, done) = match edit.purpose.clone() {
        Purpose::Exclude { key } => {
            if text.trim().is_empty() {
                return keep(app, edit, s.reason_required);
            }
            next.clauses.entry(key.clone()).or_default().exclude = Some(text);
            (
                key,
                strings::done(Done::Excluded, &label(number, lang), lang),
            )
        }
        Purpose::Note { key } => {
            let note = (!text.trim().is_empty()).then_some(text);
            match next.custom.iter_mut().find(|c| c.id == key) {
                Some(c) => c.note = note,
                None => next.clauses.entry(key.clone()).or_default().note = note,
            }
            prune(&mut next, &key);
            (key, strings::done(Done::Note, &label(number, lang), lang))
        }
        Purpose::Text {
            key,
            lang: text_lang,
        } => {
            if text.trim().is_empty() {
                return keep(app, edit, s.text_required);
            }
            if !edit.changed() {
                app.status = Some(ok(s.unchanged.into()));
                return vec![];
            }
            let slot = match next.custom.iter_mut().find(|c| c.id == key) {
                Some(c) => &mut c.text,
                None => &mut next.clauses.entry(key.clone()).or_default().text,
            };
            set_lang(slot, text_lang, text);
            (key, strings::done(Done::Text, &label(number, lang), lang))
        }
        Purpose::CustomTitle { after } => {
            if text.trim().is_empty() {
                return keep(app, edit, s.text_required);
            }
            let title = strings::custom_text_title(&text, lang);
            return open(
                app,
                Purpose::CustomText { after, title: text },
                title,
                String::new(),
                false,
            );
        }
        Purpose::CustomText { after, title } => {
            if text.trim().is_empty() {
                return keep(app, edit, s.text_required);
            }
            let id = custom_id(&next);
            next.custom.push(CustomClause {
                id: id.clone(),
                after,
                title: LangText {
                    ja: Some(title),
                    en: None,
                },
                text: LangText {
                    ja: Some(text),
                    en: None,
                },
                note: None,
            });
            let effects = apply(app, next, &id, String::new());
            // The new article's number is known once it is drafted.
            if let Some(Target::Article { number, .. }) =
                app.preview.as_ref().and_then(Preview::target)
                && !effects.is_empty()
            {
                app.status = Some(ok(strings::done(Done::Added, &label(*number, lang), lang)));
            }
            return effects;
        }
    };
    apply(app, next, &key, done)
}

/// A value that cannot be saved: the prompt stays open with the reason.
fn keep(app: &mut App, edit: Edit, why: &str) -> Vec<Effect> {
    app.edit = Some(edit);
    app.overlay = Some(Overlay::Edit);
    app.status = Some(fail(why.into()));
    vec![]
}

fn set_lang(t: &mut LangText, lang: Lang, text: String) {
    match lang {
        Lang::Ja => t.ja = Some(text),
        Lang::En => t.en = Some(text),
    }
}

/// `custom.clause_N`, the first N that no article of counsel's has.
fn custom_id(o: &Overrides) -> String {
    (1..)
        .map(|n| format!("custom.clause_{n}"))
        .find(|id| !o.custom.iter().any(|c| c.id == *id))
        .expect("some number is free")
}

/// A key in the prompt or the editor.
pub fn edit_key(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(mut edit) = app.edit.take() else {
        app.overlay = None;
        return vec![];
    };
    if edit.confirm_discard {
        match action {
            Action::Yes => {
                app.overlay = None;
                return vec![];
            }
            Action::No | Action::Escape => edit.confirm_discard = false,
            _ => {}
        }
        app.edit = Some(edit);
        return vec![];
    }
    let changed = edit.changed();
    match (&mut edit.editing, action) {
        // The external editor has the terminal: nothing reaches here until it returns.
        (Editing::External, _) => {}
        (_, Action::Escape | Action::Quit) if changed => edit.confirm_discard = true,
        (_, Action::Escape | Action::Quit) => {
            app.overlay = None;
            return vec![];
        }
        (_, Action::Save) => {
            app.overlay = None;
            return commit(app, edit);
        }
        (Editing::Line(_), Action::Confirm) => {
            app.overlay = None;
            return commit(app, edit);
        }
        (Editing::Line(f), action) => {
            let taken = super::field_key(f, action);
            if !taken {
                app.status = Some(fail(strings::get(app.lang).paste_refused.into()));
            }
        }
        (Editing::Text(t), action) => text_key(app, t, action),
    }
    app.edit = Some(edit);
    vec![]
}

fn text_key(app: &mut App, t: &mut TextArea, action: Action) {
    let page = view::preview_page(app.size) as isize;
    match action {
        Action::Insert(s) => {
            let taken = t.insert(&s);
            if !taken {
                app.status = Some(fail(strings::get(app.lang).paste_refused.into()));
            }
        }
        Action::Confirm => t.newline(),
        Action::Back | Action::BackHeld => {
            t.delete_back();
        }
        Action::Left => t.left(),
        Action::Right => t.right(),
        Action::Up => t.vertical(-1),
        Action::Down => t.vertical(1),
        Action::PageUp => t.vertical(-page),
        Action::PageDown => t.vertical(page),
        Action::Home => t.home(),
        Action::End => t.end(),
        _ => {}
    }
}

/// `$EDITOR` exited: its text is saved as typed in the app would be; a failure leaves
/// everything as it was and says why.
pub fn edited(app: &mut App, result: Result<String, String>) -> Vec<Effect> {
    let Some(mut edit) = app.edit.take() else {
        return vec![];
    };
    app.overlay = None;
    match result {
        Ok(text) => {
            // Editors end a file with a line break; counsel's text does not have one.
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text).to_string();
            let start = edit.start.clone();
            edit.editing = Editing::Text(TextArea::new(&text));
            if text == start {
                app.status = Some(ok(strings::counsel(app.lang).unchanged.into()));
                return vec![];
            }
            commit(app, edit)
        }
        Err(why) => {
            let editor = app.editor.clone().unwrap_or_default();
            app.status = Some(fail(strings::editor_failed(&editor, &why, app.lang)));
            vec![]
        }
    }
}

/// A key in the position chooser.
pub fn positions_key(app: &mut App, action: Action) -> Vec<Effect> {
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
                app.status = Some(ok(strings::counsel(app.lang).unchanged.into()));
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
pub fn remove_key(app: &mut App, action: Action) -> Vec<Effect> {
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

/// The redline of the last exported version against the clause set now.
fn open_diff(app: &mut App) {
    let s = strings::counsel(app.lang);
    let Some(old) = &app.last_export else {
        app.status = Some(ok(s.no_export.into()));
        return;
    };
    let ws = app.ws;
    let new = app.effective();
    let drafted = ws.draft(old).and_then(|o| ws.draft(&new).map(|n| (o, n)));
    let ((oa, od), (na, nd)) = match drafted {
        Ok(d) => d,
        Err(e) => {
            app.status = Some(fail(format!("{}: {}", s.diff_failed, e.in_lang(app.lang))));
            return;
        }
    };
    let side = |doc, values, overrides| crate::redline::Side {
        doc,
        values,
        overrides: Some(overrides),
    };
    let r = crate::redline::compare(
        &ws.library,
        &side(&od, &oa.values, &old.overrides),
        &side(&nd, &na.values, &new.overrides),
    );
    if r.values.is_empty() && r.changed().next().is_none() {
        app.status = Some(ok(s.no_changes.into()));
        return;
    }
    let text = crate::redline::render::report(&r, crate::report::ReportFormat::Txt, app.lang);
    app.diff = Some(Pager::new(&text));
    app.screen = Screen::Diff;
    rewrap(app);
}

/// Scrolling the changes; Esc goes back to the preview.
pub fn diff_key(app: &mut App, action: Action) {
    let page = view::preview_page(app.size) as isize;
    let max = view::diff_max_scroll(app);
    let by = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown | Action::Toggle => page,
        Action::Home => isize::MIN,
        Action::End => isize::MAX,
        Action::Back => {
            app.screen = Screen::Preview;
            app.back_wait = true;
            return;
        }
        _ => return,
    };
    if let Some(d) = &mut app.diff {
        d.scroll = d.scroll.saturating_add_signed(by).min(max);
    }
}
