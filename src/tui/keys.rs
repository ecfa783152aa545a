//! The one table of keys: what each key does and where, the list of keys (the `?` window
//! and the README's table are drawn from it) and the hints in the footers. `keymap`
//! dispatches by it, so a key cannot do one thing and be documented as another.

use crossterm::event::KeyCode;

use super::action::Action;
use super::keymap::InputMode;
use std::collections::BTreeMap;

use crate::labels;
use crate::lang::Lang;
use Footer::{Diff, Export, Field, Preview, Questions, Review, ReviewTable};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// A key as the table matches it. Only Ctrl counts among the modifiers (Shift is in the
/// character or in `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// A key without Ctrl, whether or not a field has the focus.
    Code(KeyCode),
    /// Ctrl with a letter: the commands from inside a field, where letters are text.
    Ctrl(char),
    /// A character where no field has the focus.
    Command(char),
    /// Any character where a field has the focus: it is typed.
    Typed,
}

impl Key {
    pub fn matches(self, code: KeyCode, ctrl: bool, mode: InputMode) -> bool {
        match self {
            Key::Code(k) => !ctrl && code == k,
            Key::Ctrl(c) => ctrl && code == KeyCode::Char(c),
            Key::Command(c) => !ctrl && mode == InputMode::Command && code == KeyCode::Char(c),
            Key::Typed => !ctrl && mode == InputMode::Text && matches!(code, KeyCode::Char(_)),
        }
    }
}

/// The action a key makes, given the character it typed (`'\0'` for a key that is none).
pub(crate) type Makes = fn(char) -> Action;

/// A line of the list of keys: the keys as shown (`None`: any letter typed in a field,
/// shown in words) and what they do, by its id in the catalogue's
/// `questionnaire.key_table.does`.
pub(crate) struct Listed {
    pub keys: Option<&'static str>,
    pub does: &'static str,
}

/// Which footer a hint sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Footer {
    Questions,
    /// The questions, where a field has the focus.
    Field,
    Review,
    /// The review table's bottom border.
    ReviewTable,
    Preview,
    /// The changes since the last export.
    Diff,
    /// The export dialog's bottom border.
    Export,
}

impl Footer {
    /// Between a key and its word, and between hints in Japanese and in English: the
    /// questions' footers are tight, to fit 80 columns.
    fn spacing(self) -> (&'static str, [&'static str; 2]) {
        match self {
            Footer::Questions => (" ", [" ", " "]),
            Footer::Field => (" ", [" ", "  "]),
            Footer::Review | Footer::Diff => (" ", ["  ", "  "]),
            // Ten hints in 80 columns.
            Footer::Preview => (" ", [" ", " "]),
            Footer::ReviewTable | Footer::Export => (": ", ["  ", "  "]),
        }
    }
}

/// A hint in a footer: its place there, the key as shown, and its word, by its id in the
/// catalogue's `questionnaire.key_table.hints`.
pub(crate) struct Hint {
    pub footer: Footer,
    pub at: u8,
    pub key: &'static str,
    pub word: &'static str,
}

pub struct Binding {
    pub keys: &'static [(Key, Makes)],
    /// Its line in the list of keys; `None` for keys left out of it (the list fits a
    /// 24-line window).
    pub listed: Option<Listed>,
    pub hints: &'static [Hint],
}

const fn hint(footer: Footer, at: u8, key: &'static str, word: &'static str) -> Hint {
    Hint {
        footer,
        at,
        key,
        word,
    }
}

const fn listed(keys: &'static str, does: &'static str) -> Option<Listed> {
    Some(Listed {
        keys: Some(keys),
        does,
    })
}

pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[
            (Key::Code(Up), |_| Action::Up),
            (Key::Code(Down), |_| Action::Down),
            (Key::Command('k'), |_| Action::Up),
            (Key::Command('j'), |_| Action::Down),
        ],
        listed: listed("↑ ↓ / j k", "move"),
        hints: &[
            hint(Questions, 1, "↑↓", "choose"),
            hint(Review, 0, "↑↓", "choose"),
            hint(Diff, 0, "↑↓ PgUp PgDn", "scroll"),
            hint(Export, 0, "↑↓", "field"),
        ],
    },
    Binding {
        keys: &[(Key::Code(Enter), |_| Action::Confirm)],
        listed: listed("Enter", "confirm"),
        hints: &[
            hint(Questions, 0, "Enter", "confirm"),
            hint(Field, 0, "Enter", "confirm"),
            hint(Review, 1, "Enter", "reopen"),
            hint(ReviewTable, 0, "Enter", "reopen"),
            hint(Export, 2, "Enter", "export"),
        ],
    },
    Binding {
        keys: &[(Key::Command(' '), |_| Action::Toggle)],
        listed: listed("Space", "toggle"),
        hints: &[hint(Questions, 2, "Space", "toggle")],
    },
    Binding {
        keys: &[(Key::Code(Backspace), |_| Action::Back)],
        listed: listed("Backspace", "back"),
        hints: &[
            hint(Questions, 3, "BS", "back"),
            hint(Field, 1, "BS", "delete_back"),
        ],
    },
    Binding {
        keys: &[
            (Key::Code(Tab), |_| Action::NextPane),
            (Key::Code(BackTab), |_| Action::PrevPane),
        ],
        listed: listed("Tab / Shift-Tab", "panes"),
        hints: &[hint(Preview, 1, "Tab", "next")],
    },
    Binding {
        keys: &[
            (Key::Command('x'), |_| Action::Exclude),
            (Key::Command('u'), |_| Action::Position),
            (Key::Command('o'), |_| Action::RestoreText),
        ],
        listed: listed("x / u / o", "exclude"),
        hints: &[
            hint(Preview, 2, "x", "exclude"),
            hint(Preview, 3, "u", "position"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('t'), |_| Action::EditText),
            (Key::Command('m'), |_| Action::Note),
            (Key::Command('a'), |_| Action::AddClause),
        ],
        listed: listed("t / m / a", "edit"),
        hints: &[
            hint(Preview, 4, "t", "text"),
            hint(Preview, 5, "m", "note"),
            hint(Preview, 6, "a", "add"),
        ],
    },
    Binding {
        keys: &[(Key::Command('d'), |_| Action::Diff)],
        listed: listed("d", "diff"),
        hints: &[hint(Preview, 7, "d", "diff")],
    },
    Binding {
        keys: &[
            (Key::Command('y'), |_| Action::Yes),
            (Key::Command('n'), |_| Action::No),
        ],
        listed: listed("y / n", "yes_no"),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Command('r'), |_| Action::Review),
            (Key::Ctrl('r'), |_| Action::Review),
        ],
        listed: listed("r / Ctrl-R", "review"),
        hints: &[hint(Questions, 4, "r", "review")],
    },
    Binding {
        keys: &[
            (Key::Command('p'), |_| Action::Preview),
            (Key::Ctrl('p'), |_| Action::Preview),
        ],
        listed: listed("p / Ctrl-P", "preview"),
        hints: &[
            hint(Questions, 5, "p", "preview"),
            hint(Field, 2, "Ctrl-P", "preview"),
            hint(Review, 2, "p", "preview"),
            hint(ReviewTable, 1, "p", "preview"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('e'), |_| Action::Export),
            (Key::Ctrl('e'), |_| Action::Export),
        ],
        listed: listed("e / Ctrl-E", "export"),
        hints: &[
            hint(Questions, 6, "e", "export"),
            hint(Field, 3, "Ctrl-E", "export"),
            hint(Review, 3, "e", "export"),
            hint(ReviewTable, 2, "e", "export"),
            hint(Preview, 8, "e", "export"),
        ],
    },
    Binding {
        keys: &[(Key::Typed, |c| Action::Insert(c.to_string()))],
        listed: Some(Listed {
            keys: None,
            does: "typed",
        }),
        hints: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('s'), |_| Action::Save)],
        listed: listed("Ctrl-S", "save"),
        hints: &[],
    },
    Binding {
        // `l` is the language: Right has its arrow.
        keys: &[
            (Key::Command('l'), |_| Action::SwitchLang),
            (Key::Code(F(2)), |_| Action::SwitchLang),
        ],
        listed: listed("l / F2", "language"),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Command('?'), |_| Action::Help),
            (Key::Code(F(1)), |_| Action::Help),
        ],
        listed: listed("? / F1", "help"),
        hints: &[
            hint(Questions, 7, "?", "keys"),
            hint(Field, 4, "F1", "keys"),
            hint(Review, 4, "?", "keys"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('q'), |_| Action::Quit),
            (Key::Code(Esc), |_| Action::Escape),
            (Key::Ctrl('q'), |_| Action::Quit),
        ],
        listed: listed("q / Esc / Ctrl-Q", "close"),
        hints: &[
            hint(Questions, 8, "q", "quit"),
            hint(Field, 5, "Esc", "quit"),
            hint(Review, 5, "q", "close"),
            hint(Preview, 9, "q", "close"),
            hint(Diff, 1, "q/Esc", "close"),
            hint(Export, 3, "Esc", "close"),
        ],
    },
    Binding {
        keys: &[(Key::Ctrl('z'), |_| Action::Suspend)],
        listed: listed("Ctrl-Z", "suspend"),
        hints: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('c'), |_| Action::ForceQuit)],
        listed: listed("Ctrl-C", "force_quit"),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Code(Left), |_| Action::Left),
            (Key::Code(Right), |_| Action::Right),
            (Key::Command('h'), |_| Action::Left),
        ],
        listed: None,
        hints: &[hint(Export, 1, "←→/Space", "change")],
    },
    Binding {
        keys: &[
            (Key::Code(Home), |_| Action::Home),
            (Key::Code(End), |_| Action::End),
            (Key::Command('g'), |_| Action::Home),
            (Key::Command('G'), |_| Action::End),
        ],
        listed: None,
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Code(PageUp), |_| Action::PageUp),
            (Key::Code(PageDown), |_| Action::PageDown),
        ],
        listed: None,
        hints: &[],
    },
];

/// A word of the catalogue by its id (the tests see that every id has one).
fn word(words: &'static BTreeMap<String, String>, id: &'static str) -> &'static str {
    words.get(id).map_or(id, String::as_str)
}

/// The list of keys in a language, as (keys, what they do).
pub fn list(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let w = &labels::get(lang).questionnaire.key_table;
    BINDINGS.iter().filter_map(move |b| {
        b.listed
            .as_ref()
            .map(|l| (l.keys.unwrap_or(&w.in_a_field), word(&w.does, l.does)))
    })
}

/// The hints of a footer in a language, in their order.
pub fn footer(footer: Footer, lang: Lang) -> String {
    let i = lang_index(lang);
    let mut hints: Vec<&Hint> = BINDINGS
        .iter()
        .flat_map(|b| b.hints)
        .filter(|h| h.footer == footer)
        .collect();
    hints.sort_by_key(|h| h.at);
    let (join, sep) = footer.spacing();
    let w = &labels::get(lang).questionnaire.key_table.hints;
    let words: Vec<String> = hints
        .iter()
        .map(|h| format!("{}{join}{}", h.key, word(w, h.word)))
        .collect();
    words.join(sep[i])
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table of keys, as the list renders it in English.
    fn readme_table() -> String {
        let mut out = String::from("| key | does |\n|---|---|\n");
        for (keys, does) in list(Lang::En) {
            out.push_str(&format!("| {keys} | {does} |\n"));
        }
        out
    }

    #[test]
    fn the_readme_lists_the_keys_of_the_table() {
        let readme = include_str!("../../README.md");
        let expected = readme_table();
        assert!(
            readme.contains(&format!("### Keys in the questionnaire\n\n{expected}\n")),
            "README.md's \"Keys in the questionnaire\" table is out of date; it should read:\n\n{expected}"
        );
    }

    #[test]
    fn every_word_of_the_table_is_in_the_catalogue_and_no_other() {
        let does: Vec<&str> = BINDINGS
            .iter()
            .filter_map(|b| b.listed.as_ref().map(|l| l.does))
            .collect();
        let hints: Vec<&str> = BINDINGS
            .iter()
            .flat_map(|b| b.hints.iter().map(|h| h.word))
            .collect();
        for lang in Lang::ALL {
            let w = &labels::get(lang).questionnaire.key_table;
            for (ids, words) in [(&does, &w.does), (&hints, &w.hints)] {
                for id in ids {
                    assert!(words.contains_key(*id), "{lang:?}: no words for {id}");
                }
                for id in words.keys() {
                    assert!(ids.contains(&id.as_str()), "{lang:?}: {id} is no key's");
                }
            }
        }
    }

    #[test]
    fn no_key_does_two_things() {
        let keys: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }

    #[test]
    fn every_hint_has_its_own_place_in_its_footer() {
        let hints: Vec<&Hint> = BINDINGS.iter().flat_map(|b| b.hints).collect();
        for (i, h) in hints.iter().enumerate() {
            assert!(
                !hints[i + 1..]
                    .iter()
                    .any(|o| o.footer == h.footer && o.at == h.at),
                "two hints at {} in {:?}",
                h.at,
                h.footer
            );
        }
    }
}
