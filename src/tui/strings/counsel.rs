//! The words of counsel's own clause set in the preview (the catalogue's
//! `questionnaire.counsel` section): excluding, positions, wording, notes, added articles
//! and the changes since the last export.

use crate::labels::{self, Counsel, fill};
use crate::lang::Lang;

pub fn get(lang: Lang) -> &'static Counsel {
    &labels::get(lang).questionnaire.counsel
}

/// The title of the one-line prompt for the reason to exclude an article.
pub(crate) fn exclude_title(label: &str, lang: Lang) -> String {
    fill(&get(lang).exclude_title, &[("label", label)])
}

pub fn note_title(label: &str, lang: Lang) -> String {
    fill(&get(lang).note_title, &[("label", label)])
}

/// The editor's title: whose wording, in which language.
pub(crate) fn text_title(label: &str, text_lang: Lang, lang: Lang) -> String {
    let c = get(lang);
    let title = match text_lang {
        Lang::Ja => &c.text_title_ja,
        Lang::En => &c.text_title_en,
    };
    fill(title, &[("label", label)])
}

pub fn custom_text_title(title: &str, lang: Lang) -> String {
    fill(&get(lang).custom_text_title, &[("title", title)])
}

/// What the status line says after a change: the article and what was done.
pub fn done(what: Done, label: &str, lang: Lang) -> String {
    let w = &get(lang).done;
    let message = match what {
        Done::Excluded => &w.excluded,
        Done::Restored => &w.restored,
        Done::Position => &w.position,
        Done::Text => &w.text,
        Done::Library => &w.library,
        Done::Note => &w.note,
        Done::Added => &w.added,
        Done::Removed => &w.removed,
    };
    fill(message, &[("label", label)])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Excluded,
    Restored,
    Position,
    Text,
    Library,
    Note,
    Added,
    Removed,
}

/// The editor could not be run or read back.
pub(crate) fn editor_failed(editor: &str, why: &str, lang: Lang) -> String {
    fill(
        &get(lang).editor_failed,
        &[("editor", editor), ("why", why)],
    )
}

/// A change refused because other articles cite the clause it takes out.
pub(crate) fn refused_citing(articles: &[String], lang: Lang) -> String {
    let c = get(lang);
    let articles = articles.join(&c.citing_sep);
    fill(&c.refused_citing, &[("articles", &articles)])
}
