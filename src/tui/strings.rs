//! The questionnaire's words: the catalogue's `questionnaire` section ([`crate::labels`])
//! and its messages filled with their values. Questions, choices and help come from the
//! clause library.

use super::action::SaveError;
use crate::answers::MetaKey;
use crate::labels::{self, Questionnaire, fill};
use crate::lang::Lang;

mod counsel;
pub use counsel::{Done, get as counsel};
pub(crate) use counsel::{
    custom_text_title, done, editor_failed, exclude_title, note_title, refused_citing, text_title,
};

pub fn get(lang: Lang) -> &'static Questionnaire {
    &labels::get(lang).questionnaire
}

pub fn meta_prompt(key: MetaKey, lang: Lang) -> &'static str {
    get(lang).meta_prompt.get(key)
}

pub fn meta_help(key: MetaKey, lang: Lang) -> &'static str {
    get(lang).meta_help.get(key)
}

pub fn range(min: Option<i64>, max: Option<i64>, lang: Lang) -> String {
    let (s, n) = (get(lang), crate::format::thousands);
    match (min, max) {
        (Some(a), Some(b)) => fill(&s.range, &[("min", &n(a)), ("max", &n(b))]),
        (Some(a), None) => fill(&s.range_min, &[("min", &n(a))]),
        (None, Some(b)) => fill(&s.range_max, &[("max", &n(b))]),
        (None, None) => String::new(),
    }
}

pub fn saved(path: &str, lang: Lang) -> String {
    fill(&get(lang).saved, &[("path", path)])
}

/// Why a file could not be written, in words.
fn why_not_written(e: SaveError, lang: Lang) -> &'static str {
    let w = &get(lang).why_not_written;
    match e {
        SaveError::Changed => &w.changed,
        SaveError::NoFolder => &w.no_folder,
        SaveError::Denied => &w.denied,
        SaveError::NotRegular => &w.not_regular,
        SaveError::DiskFull => &w.disk_full,
        SaveError::Other => &w.other,
    }
}

pub fn save_failed(e: SaveError, file: &str, lang: Lang) -> String {
    if e == SaveError::Changed {
        return get(lang).changed_elsewhere.clone();
    }
    let why = why_not_written(e, lang);
    fill(&get(lang).save_failed, &[("file", file), ("why", why)])
}

/// Printed after the questionnaire ends with answers it could not save.
pub(crate) fn ended_unsaved(file: &str, lang: Lang) -> String {
    fill(&get(lang).ended_unsaved, &[("file", file)])
}

/// The end of a list cut to the window.
pub fn more(n: usize, lang: Lang) -> String {
    fill(&get(lang).more, &[("count", &n.to_string())])
}

pub fn revealed(n: usize, lang: Lang) -> String {
    fill(&get(lang).revealed, &[("count", &n.to_string())])
}

/// The value a number or date will be saved as, shown before Enter.
pub(crate) fn will_save(value: &str, lang: Lang) -> String {
    fill(&get(lang).will_save, &[("value", value)])
}

pub fn exported(path: &str, lang: Lang) -> String {
    fill(&get(lang).exported, &[("path", path)])
}

pub fn export_failed(e: &crate::workspace::WriteError, file: &str, lang: Lang) -> String {
    let why = why_not_written(SaveError::of(e), lang);
    fill(&get(lang).export_failed, &[("file", file), ("why", why)])
}

pub fn unanswered_count(n: usize, lang: Lang) -> String {
    fill(&get(lang).unanswered_count, &[("count", &n.to_string())])
}

pub fn minimum(w: u16, h: u16, lang: Lang) -> String {
    let (width, height) = (w.to_string(), h.to_string());
    fill(
        &get(lang).minimum,
        &[("width", &width), ("height", &height)],
    )
}

pub fn progress(answered: usize, left: usize, lang: Lang) -> String {
    let (answered, left) = (answered.to_string(), left.to_string());
    fill(
        &get(lang).progress,
        &[("answered", &answered), ("left", &left)],
    )
}

pub fn missing_answers(n: usize, first: &str, lang: Lang) -> String {
    fill(
        &get(lang).missing_answers,
        &[("count", &n.to_string()), ("first", first)],
    )
}
