//! The one table of keys: what each key does and where, the list of keys (the `?` window
//! and the README's table are drawn from it) and the hints in the footers. `keymap`
//! dispatches by it, so a key cannot do one thing and be documented as another.

use crossterm::event::KeyCode;

use super::action::Action;
use super::keymap::InputMode;
use crate::lang::Lang;
use Footer::{Diff, Export, Field, Preview, Questions, Review, ReviewTable};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// A key as the table matches it. Only Ctrl counts among the modifiers (Shift is in the
/// character or in `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
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
pub type Makes = fn(char) -> Action;

/// A line of the list of keys: the keys as shown and what they do, in Japanese and English.
pub struct Listed {
    pub keys: [&'static str; 2],
    pub does: [&'static str; 2],
}

/// Which footer a hint sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
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

/// A hint in a footer: its place there, the key as shown, and the word, ja and en.
pub struct Hint {
    pub footer: Footer,
    pub at: u8,
    pub key: &'static str,
    pub word: [&'static str; 2],
}

pub struct Binding {
    pub keys: &'static [(Key, Makes)],
    /// Its line in the list of keys; `None` for keys left out of it (the list fits a
    /// 24-line window).
    pub listed: Option<Listed>,
    pub hints: &'static [Hint],
}

const fn hint(
    footer: Footer,
    at: u8,
    key: &'static str,
    ja: &'static str,
    en: &'static str,
) -> Hint {
    Hint {
        footer,
        at,
        key,
        word: [ja, en],
    }
}

const fn listed(keys: &'static str, ja: &'static str, en: &'static str) -> Option<Listed> {
    Some(Listed {
        keys: [keys, keys],
        does: [ja, en],
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
        listed: listed(
            "↑ ↓ / j k",
            "選択肢の移動・スクロール",
            "move between choices, scroll",
        ),
        hints: &[
            hint(Questions, 1, "↑↓", "選択", "choose"),
            hint(Review, 0, "↑↓", "選択", "choose"),
            hint(Diff, 0, "↑↓ PgUp PgDn", "スクロール", "scroll"),
            hint(Export, 0, "↑↓", "項目", "field"),
        ],
    },
    Binding {
        keys: &[(Key::Code(Enter), |_| Action::Confirm)],
        listed: listed(
            "Enter",
            "回答を決定して次へ（確認画面では開き直す）",
            "confirm the answer and go on (review: reopen)",
        ),
        hints: &[
            hint(Questions, 0, "Enter", "決定", "confirm"),
            hint(Field, 0, "Enter", "決定", "confirm"),
            hint(Review, 1, "Enter", "開き直す", "reopen"),
            hint(ReviewTable, 0, "Enter", "開き直す", "reopen"),
            hint(Export, 2, "Enter", "出力", "export"),
        ],
    },
    Binding {
        keys: &[(Key::Command(' '), |_| Action::Toggle)],
        listed: listed(
            "Space",
            "複数選択で選択・解除",
            "toggle a choice in a multiple choice",
        ),
        hints: &[hint(Questions, 2, "Space", "切替", "toggle")],
    },
    Binding {
        keys: &[(Key::Code(Backspace), |_| Action::Back)],
        listed: listed(
            "Backspace",
            "一文字削除。空欄なら前の質問へ（長押しでも一問）",
            "delete; when empty, back one question (once if held)",
        ),
        hints: &[
            hint(Questions, 3, "BS", "戻る", "back"),
            hint(Field, 1, "BS", "削除・戻る", "delete/back"),
        ],
    },
    Binding {
        keys: &[
            (Key::Code(Tab), |_| Action::NextPane),
            (Key::Code(BackTab), |_| Action::PrevPane),
        ],
        listed: listed(
            "Tab / Shift-Tab",
            "枠の切替。プレビューでは条の選択",
            "switch panes; in the preview, select an article",
        ),
        hints: &[hint(Preview, 1, "Tab", "次の条", "next")],
    },
    Binding {
        keys: &[
            (Key::Command('x'), |_| Action::Exclude),
            (Key::Command('u'), |_| Action::Position),
            (Key::Command('o'), |_| Action::RestoreText),
        ],
        listed: listed(
            "x / u / o",
            "プレビュー：条の除外・復帰／立場の選択／元の文言に戻す",
            "preview: exclude or put back / position / library wording",
        ),
        hints: &[
            hint(Preview, 2, "x", "除外", "exclude"),
            hint(Preview, 3, "u", "立場", "position"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('t'), |_| Action::EditText),
            (Key::Command('m'), |_| Action::Note),
            (Key::Command('a'), |_| Action::AddClause),
        ],
        listed: listed(
            "t / m / a",
            "プレビュー：文言の編集／メモ（社内）／条の追加",
            "preview: edit the wording / internal note / add an article",
        ),
        hints: &[
            hint(Preview, 4, "t", "文言", "text"),
            hint(Preview, 5, "m", "メモ", "note"),
            hint(Preview, 6, "a", "追加", "add"),
        ],
    },
    Binding {
        keys: &[(Key::Command('d'), |_| Action::Diff)],
        listed: listed(
            "d",
            "プレビュー：前回出力した版との差分",
            "preview: changes since the last export",
        ),
        hints: &[hint(Preview, 7, "d", "差分", "diff")],
    },
    Binding {
        keys: &[
            (Key::Command('y'), |_| Action::Yes),
            (Key::Command('n'), |_| Action::No),
        ],
        listed: listed("y / n", "はい・いいえで答える", "answer yes or no"),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Command('r'), |_| Action::Review),
            (Key::Ctrl('r'), |_| Action::Review),
        ],
        listed: listed("r / Ctrl-R", "回答の確認", "review the answers"),
        hints: &[hint(Questions, 4, "r", "確認", "review")],
    },
    Binding {
        keys: &[
            (Key::Command('p'), |_| Action::Preview),
            (Key::Ctrl('p'), |_| Action::Preview),
        ],
        listed: listed(
            "p / Ctrl-P",
            "プレビュー（条項と採用理由）",
            "preview the clauses and why each is there",
        ),
        hints: &[
            hint(Questions, 5, "p", "プレビュー", "preview"),
            hint(Field, 2, "Ctrl-P", "プレビュー", "preview"),
            hint(Review, 2, "p", "プレビュー", "preview"),
            hint(ReviewTable, 1, "p", "プレビュー", "preview"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('e'), |_| Action::Export),
            (Key::Ctrl('e'), |_| Action::Export),
        ],
        listed: listed("e / Ctrl-E", "出力", "export"),
        hints: &[
            hint(Questions, 6, "e", "出力", "export"),
            hint(Field, 3, "Ctrl-E", "出力", "export"),
            hint(Review, 3, "e", "出力", "export"),
            hint(ReviewTable, 2, "e", "出力", "export"),
            hint(Preview, 8, "e", "出力", "export"),
        ],
    },
    Binding {
        keys: &[(Key::Typed, |c| Action::Insert(c.to_string()))],
        listed: Some(Listed {
            keys: ["入力欄では", "In a field"],
            does: [
                "文字はすべて入力になります。操作は Ctrl・F キーで",
                "every letter is text; commands are Ctrl and F keys",
            ],
        }),
        hints: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('s'), |_| Action::Save)],
        listed: listed(
            "Ctrl-S",
            "保存（回答は変更のたびに保存済み）",
            "save (answers are saved after every change)",
        ),
        hints: &[],
    },
    Binding {
        // `l` is the language: Right has its arrow.
        keys: &[
            (Key::Command('l'), |_| Action::SwitchLang),
            (Key::Code(F(2)), |_| Action::SwitchLang),
        ],
        listed: listed(
            "l / F2",
            "表示言語の切替（日本語・English）",
            "switch the language (日本語, English)",
        ),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Command('?'), |_| Action::Help),
            (Key::Code(F(1)), |_| Action::Help),
        ],
        listed: listed("? / F1", "このキー一覧", "this list of keys"),
        hints: &[
            hint(Questions, 7, "?", "キー", "keys"),
            hint(Field, 4, "F1", "キー", "keys"),
            hint(Review, 4, "?", "キー", "keys"),
        ],
    },
    Binding {
        keys: &[
            (Key::Command('q'), |_| Action::Quit),
            (Key::Code(Esc), |_| Action::Escape),
            (Key::Ctrl('q'), |_| Action::Quit),
        ],
        listed: listed(
            "q / Esc / Ctrl-Q",
            "画面を閉じる。質問画面では終了（未決定なら確認）",
            "close; on the questions, quit (asks if unconfirmed)",
        ),
        hints: &[
            hint(Questions, 8, "q", "終了", "quit"),
            hint(Field, 5, "Esc", "終了", "quit"),
            hint(Review, 5, "q", "閉じる", "close"),
            hint(Preview, 9, "q", "閉じる", "close"),
            hint(Diff, 1, "q/Esc", "閉じる", "close"),
            hint(Export, 3, "Esc", "閉じる", "close"),
        ],
    },
    Binding {
        keys: &[(Key::Ctrl('z'), |_| Action::Suspend)],
        listed: listed("Ctrl-Z", "一時停止（fg で再開）", "suspend (fg resumes)"),
        hints: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('c'), |_| Action::ForceQuit)],
        listed: listed("Ctrl-C", "すぐに終了", "quit at once"),
        hints: &[],
    },
    Binding {
        keys: &[
            (Key::Code(Left), |_| Action::Left),
            (Key::Code(Right), |_| Action::Right),
            (Key::Command('h'), |_| Action::Left),
        ],
        listed: None,
        hints: &[hint(Export, 1, "←→/Space", "変更", "change")],
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

/// The list of keys in a language, as (keys, what they do).
pub fn list(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let i = lang_index(lang);
    BINDINGS
        .iter()
        .filter_map(move |b| b.listed.as_ref().map(|l| (l.keys[i], l.does[i])))
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
    let words: Vec<String> = hints
        .iter()
        .map(|h| format!("{}{join}{}", h.key, h.word[i]))
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
