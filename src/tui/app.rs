//! The state of the questionnaire: one struct, changed only by `update`, read by `view`.

use std::path::PathBuf;

mod counsel;
mod input;

pub use super::preview::Preview;
pub use counsel::{Edit, Editing, Pager, Positions, Purpose};

use super::field::Field;
use super::keymap::InputMode;
use super::strings;
use crate::answers::{Answers, MetaKey};
use crate::engine::likely_customer_type;
use crate::export::Format;
use crate::lang::{Lang, LangSel};
use crate::library::Question;
use crate::library::model::COMPUTED;
use crate::library::model::input::{CUSTOMER_TYPE, STANCE};
use crate::value::Value;
use crate::workspace::Workspace;

/// One step of the questionnaire: a `[meta]` field, or a question by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Meta(MetaKey),
    Question(usize),
}

/// The answer being given to the current item, before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One of a list (a choice, or yes / no): the highlighted row.
    Choice {
        cursor: usize,
    },
    Multi {
        cursor: usize,
        checked: Vec<bool>,
    },
    Field(Field),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Questions,
    Review,
    Preview,
    /// The changes since the last export, as the redline shows them.
    Diff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Answer,
    Sections,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFocus {
    Format,
    Lang,
    /// The rider (to send) or the internal memo.
    Document,
    Path,
}

pub const EXPORT_LANGS: [LangSel; 3] = [
    LangSel::One(Lang::Ja),
    LangSel::One(Lang::En),
    LangSel::Both,
];

#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub format: usize,
    pub lang: usize,
    /// The internal memo instead of the rider: counsel's notes never go into a document
    /// that looks sendable.
    pub memo: bool,
    pub path: Field,
    pub focus: ExportFocus,
    /// The file exists: asking whether to replace it.
    pub confirm_overwrite: bool,
    /// Questions left at their defaults are listed: asking whether to export on them.
    pub confirm_assumptions: bool,
    /// The officer said to export on the defaults (asked again each time the dialog opens).
    pub assumptions_accepted: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Export,
    /// Quitting would lose typing not confirmed or answers not saved: asking first.
    ConfirmQuit,
    /// A prompt or an editor for one article (`App::edit`).
    Edit,
    /// The position chooser (`App::positions`).
    Positions,
    /// Asking whether to remove an article counsel added (`App::remove`).
    RemoveCustom,
}

pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App<'w> {
    pub ws: &'w Workspace,
    pub lang: Lang,
    /// The answers file: written after every change.
    pub path: PathBuf,
    /// Everything answered, including answers that the skip logic hides for now (they come
    /// back if the question is asked again; only asked ones are saved).
    pub answers: Answers,
    /// Whether each question is asked under the current answers.
    pub asked: Vec<bool>,
    pub items: Vec<Item>,
    pub pos: usize,
    pub input: Input,
    /// The input as the current item was opened with: any other is typing not confirmed.
    pub loaded: Input,
    /// Backspace took the session back a question: held down, it does nothing more there.
    pub back_wait: bool,
    /// The last save failed: the answers on screen are not in the file.
    pub save_error: Option<super::action::SaveError>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub pane: Pane,
    pub section_cursor: usize,
    pub help_scroll: u16,
    pub review_cursor: usize,
    /// Reopened from the review: confirming returns there.
    pub from_review: bool,
    pub preview: Option<Preview>,
    pub export: ExportDialog,
    pub status: Option<Status>,
    pub size: (u16, u16),
    /// For each question, the clauses whose condition reads it.
    pub affects: Vec<Vec<usize>>,
    /// When exported documents are made (their `created` property); set by the loop, which
    /// may read the clock.
    pub created: Option<i64>,
    /// The answers file as this session last read or wrote it: saving edits this text (so
    /// counsel's comments and overrides survive), and a file that no longer holds it was
    /// changed by someone else and is not overwritten.
    pub file_text: Option<String>,
    pub edit: Option<Edit>,
    pub positions: Option<Positions>,
    /// The id of the article counsel added that they asked to remove.
    pub remove: Option<String>,
    pub diff: Option<Pager>,
    /// The answers (and overrides) of the last exported version: the changes since then
    /// are the redline counsel sends with the next one.
    pub last_export: Option<Answers>,
    /// `$EDITOR`, read by the loop: counsel's wording is edited there when set.
    pub editor: Option<String>,
}

/// A section of the questionnaire as listed: its title and the items in it.
pub struct SectionView<'w> {
    pub title: &'w str,
    pub items: Vec<usize>,
    /// Progress as in the header: required `[meta]` fields and asked questions.
    pub answered: usize,
    pub counted: usize,
}

impl<'w> App<'w> {
    /// A session on `answers` (loaded from `path`, or empty for a new one), at the first
    /// item not answered yet.
    pub fn new(ws: &'w Workspace, path: PathBuf, answers: Answers, lang: Lang) -> App<'w> {
        let lib = &ws.library;
        let items = MetaKey::ALL
            .into_iter()
            .map(Item::Meta)
            .chain((0..lib.questions.len()).map(Item::Question))
            .collect();
        let affects = lib
            .questions
            .iter()
            .map(|q| {
                (0..lib.clauses.len())
                    .filter(|&c| decides(&lib.clauses[c], &q.id))
                    .collect()
            })
            .collect();
        let export_path = path.with_extension(Format::ALL[0].extension());
        let mut app = App {
            ws,
            lang,
            asked: answers.asked_questions(lib),
            answers,
            path,
            items,
            pos: 0,
            input: Input::Choice { cursor: 0 },
            loaded: Input::Choice { cursor: 0 },
            back_wait: false,
            save_error: None,
            screen: Screen::Questions,
            overlay: None,
            pane: Pane::Answer,
            section_cursor: 0,
            help_scroll: 0,
            review_cursor: 0,
            from_review: false,
            preview: None,
            export: ExportDialog {
                format: 0,
                lang: 0,
                memo: false,
                path: Field::new(&export_path.display().to_string()),
                focus: ExportFocus::Format,
                confirm_overwrite: false,
                confirm_assumptions: false,
                assumptions_accepted: false,
                error: None,
            },
            status: None,
            size: (80, 24),
            affects,
            created: None,
            file_text: None,
            edit: None,
            positions: None,
            remove: None,
            diff: None,
            last_export: None,
            editor: None,
        };
        match (0..app.items.len()).find(|&i| app.visible(i) && !app.answered(i)) {
            Some(i) => app.goto(i),
            None => {
                app.goto(0);
                app.screen = Screen::Review;
            }
        }
        app
    }

    pub fn question(&self, i: usize) -> &'w Question {
        &self.ws.library.questions[i]
    }

    pub fn item(&self) -> Item {
        self.items[self.pos]
    }

    /// Whether an item is asked: `[meta]` always, a question by its skip logic.
    pub fn visible(&self, i: usize) -> bool {
        match self.items[i] {
            Item::Meta(_) => true,
            Item::Question(q) => self.asked[q],
        }
    }

    /// A required `[meta]` field counts as answered once filled, an optional one always; a
    /// question once it has an answer.
    pub fn answered(&self, i: usize) -> bool {
        match self.items[i] {
            Item::Meta(k) => !k.required() || !self.answers.meta.get(k).is_empty(),
            Item::Question(q) => self.answers.given.contains_key(&self.question(q).id),
        }
    }

    pub fn visible_items(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(|&i| self.visible(i))
    }

    /// The answers as saved and drafted: those the skip logic asks.
    pub fn effective(&self) -> Answers {
        let index = &self.ws.library.question_index;
        let mut out = self.answers.clone();
        out.given
            .retain(|id, _| index.get(id).is_some_and(|&i| self.asked[i]));
        out
    }

    /// Moves to the question with this id; false where the library has none.
    pub fn goto_question(&mut self, id: &str) -> bool {
        let lib = &self.ws.library;
        let found = lib
            .questions
            .iter()
            .position(|q| q.id == id)
            .and_then(|q| self.items.iter().position(|it| *it == Item::Question(q)));
        found.map(|i| self.goto(i)).is_some()
    }

    /// Moves to an item and loads its answer (or default) into the input.
    pub fn goto(&mut self, i: usize) {
        self.pos = i;
        self.help_scroll = 0;
        self.input = match self.items[i] {
            Item::Meta(k) => Input::Field(Field::new(self.answers.meta.get(k))),
            Item::Question(q) => {
                let q = self.question(q);
                // A customer named like a public body preselects its type; nothing is
                // recorded until counsel confirms it.
                let likely = (q.id == CUSTOMER_TYPE)
                    .then(|| likely_customer_type(&self.answers.meta.customer))
                    .flatten()
                    .filter(|v| q.choices.iter().any(|c| c.value == *v))
                    .map(|v| Value::Str(v.to_string()));
                let value = self
                    .answers
                    .given
                    .get(&q.id)
                    .or(likely.as_ref())
                    .or(q.default.as_ref());
                input::initial_input(q, value)
            }
        };
        self.loaded = self.input.clone();
        self.section_cursor = self.section_of_pos();
    }

    /// Whether quitting now would lose something: typing not confirmed, or answers that
    /// the last save could not write.
    pub fn would_lose(&self) -> bool {
        self.save_error.is_some()
            || (self.screen == Screen::Questions && self.input != self.loaded)
            || self.edit.as_ref().is_some_and(Edit::changed)
    }

    /// The questions left at their defaults, as (prompt, default in words): the assumptions
    /// the export dialog asks the officer to accept.
    pub fn assumptions(&self) -> Vec<(&'w str, String)> {
        let lib: &'w crate::library::Library = &self.ws.library;
        crate::memo::assumptions(lib, &self.effective())
            .into_iter()
            .filter_map(|id| lib.question(id))
            .map(|q| {
                let value = q
                    .default
                    .as_ref()
                    .map(|v| q.describe(v, self.lang))
                    .unwrap_or_default();
                (q.prompt[self.lang].as_str(), value)
            })
            .collect()
    }

    /// Whether an item counts in the progress: optional `[meta]` fields do not.
    fn counted(&self, i: usize) -> bool {
        !matches!(self.items[i], Item::Meta(k) if !k.required())
    }

    /// Progress as (answered, still to answer) over what is asked now: the questions the
    /// skip logic asks and the required `[meta]` fields (optional ones are not counted).
    pub fn progress(&self) -> (usize, usize) {
        self.visible_items()
            .filter(|&i| self.counted(i))
            .fold((0, 0), |(a, l), i| {
                if self.answered(i) {
                    (a + 1, l)
                } else {
                    (a, l + 1)
                }
            })
    }

    /// The index, among `sections()`, of the section holding the current item.
    pub(crate) fn section_of_pos(&self) -> usize {
        self.sections()
            .iter()
            .position(|s| s.items.contains(&self.pos))
            .unwrap_or(0)
    }

    /// The sections in order, with their visible items and progress.
    pub fn sections(&self) -> Vec<SectionView<'w>> {
        let library: &'w crate::library::Library = &self.ws.library;
        let s = strings::get(self.lang);
        let mut out = vec![SectionView {
            title: &s.meta_section,
            items: Vec::new(),
            answered: 0,
            counted: 0,
        }];
        for sec in &library.sections {
            out.push(SectionView {
                title: sec.title(self.lang),
                items: Vec::new(),
                answered: 0,
                counted: 0,
            });
        }
        for i in self.visible_items() {
            let at = match self.items[i] {
                Item::Meta(_) => 0,
                Item::Question(q) => library
                    .sections
                    .iter()
                    .position(|s| s.id == self.question(q).section)
                    .map_or(0, |p| p + 1),
            };
            out[at].items.push(i);
            if self.counted(i) {
                out[at].counted += 1;
                out[at].answered += usize::from(self.answered(i));
            }
        }
        out.retain(|s| !s.items.is_empty());
        out
    }

    pub fn input_mode(&self) -> InputMode {
        if self.overlay == Some(Overlay::Export) {
            return match self.export.focus {
                ExportFocus::Path if !self.export.confirm_overwrite => InputMode::Text,
                _ => InputMode::Command,
            };
        }
        if self.overlay == Some(Overlay::Edit) {
            return match &self.edit {
                Some(e) if !e.confirm_discard && !matches!(e.editing, Editing::External) => {
                    InputMode::Text
                }
                _ => InputMode::Command,
            };
        }
        if self.overlay.is_some() || self.screen != Screen::Questions || self.pane != Pane::Answer {
            return InputMode::Command;
        }
        match &self.input {
            Input::Field(_) => InputMode::Text,
            _ => InputMode::Command,
        }
    }

    pub fn export_format(&self) -> Format {
        Format::ALL[self.export.format]
    }
}

/// Whether an answer can bring a clause in or take it out: its condition reads the answer,
/// or a computed value that reads it (the cap, the exposure …), or the answer is the stance
/// and the clause is one stance's variant.
fn decides(clause: &crate::library::Clause, question: &str) -> bool {
    let computed = |name: &str| {
        COMPUTED
            .iter()
            .any(|(n, _, reads)| *n == name && reads.iter().any(|r| r.contains(&question)))
    };
    clause
        .when
        .vars()
        .iter()
        .any(|v| *v == question || computed(v))
        || (question == STANCE && clause.stance.is_some())
}
