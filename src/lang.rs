//! Languages: every user-facing text exists in Japanese first and English beside it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The languages an output document carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSel {
    One(Lang),
    Both,
}

impl LangSel {
    pub const ALL: [LangSel; 3] = [
        LangSel::One(Lang::Ja),
        LangSel::One(Lang::En),
        LangSel::Both,
    ];

    pub fn langs(self) -> &'static [Lang] {
        match self {
            LangSel::One(Lang::Ja) => &[Lang::Ja],
            LangSel::One(Lang::En) => &[Lang::En],
            LangSel::Both => &Lang::ALL,
        }
    }

    /// The language of texts that exist only once (messages, reasons): Japanese first.
    pub(crate) fn primary(self) -> Lang {
        match self {
            LangSel::One(l) => l,
            LangSel::Both => Lang::Ja,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            LangSel::One(l) => l.code(),
            LangSel::Both => "both",
        }
    }
}

/// A value in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual<T> {
    pub ja: T,
    pub en: T,
}

impl<T> Bilingual<T> {
    pub fn new(ja: T, en: T) -> Self {
        Bilingual { ja, en }
    }

    /// A value made for each language.
    pub(crate) fn from_fn(mut f: impl FnMut(Lang) -> T) -> Self {
        Bilingual {
            ja: f(Lang::Ja),
            en: f(Lang::En),
        }
    }

    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> Bilingual<U> {
        Bilingual {
            ja: f(Lang::Ja, &self.ja),
            en: f(Lang::En, &self.en),
        }
    }
}

impl<T> std::ops::Index<Lang> for Bilingual<T> {
    type Output = T;

    fn index(&self, lang: Lang) -> &T {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// Shorthand for a bilingual string literal.
pub(crate) fn bi(ja: &str, en: &str) -> Bilingual<String> {
    Bilingual::new(ja.to_string(), en.to_string())
}
