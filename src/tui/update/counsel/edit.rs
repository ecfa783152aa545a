//! What a prompt or an editor holds, saved into counsel's overrides: the keys of the
//! one-line prompt and of the editor, and the text `$EDITOR` left.

use super::super::super::action::{Action, Effect};
use super::super::super::app::{App, Edit, Editing, Overlay, Preview, Purpose};
use super::super::super::preview::Target;
use super::super::super::strings::{self, Done};
use super::super::super::textarea::TextArea;
use super::super::super::view;
use super::super::{fail, ok};
use super::{apply, label, open, prune, selected};
use crate::lang::Lang;
use crate::overrides::{CustomClause, LangText, Overrides};

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
                return keep(app, edit, &s.reason_required);
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
                return keep(app, edit, &s.text_required);
            }
            if !edit.changed() {
                app.status = Some(ok(s.unchanged.clone()));
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
                return keep(app, edit, &s.text_required);
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
                return keep(app, edit, &s.text_required);
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
            let taken = super::super::field_key(f, action);
            if !taken {
                app.status = Some(fail(strings::get(app.lang).paste_refused.clone()));
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
                app.status = Some(fail(strings::get(app.lang).paste_refused.clone()));
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
                app.status = Some(ok(strings::counsel(app.lang).unchanged.clone()));
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
