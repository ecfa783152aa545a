//! The state of counsel's changes from the preview: the prompt or editor open for one
//! article, the position chooser, and the changes since the last export.

use super::super::field::Field;
use super::super::textarea::TextArea;
use crate::lang::Lang;

/// What a prompt or an editor is for, and where its text goes when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The reason to exclude the clause filed under `key`.
    Exclude {
        key: String,
    },
    Note {
        key: String,
    },
    /// The wording of an article in one language.
    Text {
        key: String,
        lang: Lang,
    },
    /// The heading of a new article to place after the clause `after`.
    CustomTitle {
        after: String,
    },
    CustomText {
        after: String,
        title: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    Line(Field),
    Text(TextArea),
    /// In `$EDITOR`: the terminal is the editor's until it exits.
    External,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub purpose: Purpose,
    pub editing: Editing,
    /// The title of the prompt or editor.
    pub title: String,
    /// The text it opened with: anything else is typing not saved.
    pub start: String,
    /// Esc with typing not saved: asking whether to discard it.
    pub confirm_discard: bool,
}

impl Edit {
    pub fn text(&self) -> String {
        match &self.editing {
            Editing::Line(f) => f.text().to_string(),
            Editing::Text(t) => t.text(),
            Editing::External => self.start.clone(),
        }
    }

    pub fn changed(&self) -> bool {
        self.text() != self.start
    }
}

/// The position chooser for the article whose clause is filed under `key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positions {
    pub key: String,
    pub cursor: usize,
}

/// A text shown page by page: the changes since the last export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pager {
    pub lines: Vec<String>,
    pub wrapped: Vec<String>,
    pub scroll: usize,
}

impl Pager {
    pub fn new(text: &str) -> Pager {
        Pager {
            lines: text.lines().map(str::to_string).collect(),
            ..Pager::default()
        }
    }

    pub fn rewrap(&mut self, width: usize) {
        self.wrapped = self
            .lines
            .iter()
            .flat_map(|l| crate::wrap::wrap_plain(l, width))
            .collect();
    }
}
