//! The label catalogue: every word secdraft says that is not the clause library's, one
//! file per language (`labels/ja.toml`, `labels/en.toml`), embedded and read once into
//! typed sections. Every field is required and no other is allowed, so a missing or
//! misspelt label fails a unit test, never a run. A message with values names them as
//! placeholders (`{count}`), filled by [`fill`]; both languages use the same ones.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lang::{Bilingual, Lang};

mod questionnaire;
pub use questionnaire::{
    ByMeta, Counsel, DoneWords, KeyTable, MetaHelp, Questionnaire, WhyNotWritten,
};

const JA: &str = include_str!("labels/ja.toml");
const EN: &str = include_str!("labels/en.toml");

/// The catalogue of one language.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The exported rider's words besides the clauses: the default of `labels.toml`.
    pub document: DocumentLabels,
    pub numbers: Numbers,
    pub values: Values,
    pub reasons: Reasons,
    pub overrides: OverrideWords,
    pub memo: Memo,
    pub redline: Redline,
    pub questionnaire: Questionnaire,
    pub explain: Explain,
}

/// The words of a rider besides its clauses and frame, and its typography. The same keys
/// as a `labels.toml` in `--templates DIR`, which replaces them (see `export::labels`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentLabels {
    pub customer: String,
    pub vendor: String,
    pub project: String,
    pub title_open: String,
    pub title_close: String,
    pub end: String,
    pub draft: String,
    pub original: String,
    pub translation: String,
    pub translation_note: String,
    pub translation_end: String,
    pub gap: String,
    pub colon: String,
    pub text_width: String,
}

/// Numbers as the documents write them.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    pub article: String,
    pub annex: String,
    pub yen: String,
}

/// Answers in words: a yes-or-no question's answer, an empty list, a list's separator,
/// and a question's name and its answer side by side.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    pub yes: String,
    pub no: String,
    pub none: String,
    pub list_sep: String,
    pub field: String,
}

/// Why a clause is in or out (`engine::Reason` in words).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    pub always: String,
    pub never: String,
    pub stance: String,
    pub stance_sep: String,
    pub facts_sep: String,
    pub fact: String,
    /// A fact whose subject is a question (`Is personal data involved? Yes`).
    pub fact_question: String,
    /// A computed flag's value.
    pub yes: String,
    pub no: String,
    /// The endings cut from a prompt to name its answer, the longest first.
    pub prompt_endings: Vec<String>,
    /// The computed values by name (`library::model::COMPUTED`).
    pub computed: BTreeMap<String, String>,
}

/// What counsel's overrides did, in the rider's trace and warnings.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideWords {
    pub replaced_by: String,
    pub chosen_instead: String,
    pub excluded: String,
    pub wording: String,
    pub added: String,
    pub added_rationale: String,
    pub idle: String,
    pub cites_number: String,
    pub untranslated: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub mark: String,
    pub title: String,
    pub articles: String,
    pub article_heading: String,
    pub does: String,
    pub why: String,
    pub answers: String,
    pub sources: String,
    pub note: String,
    pub noted: String,
    pub wording: String,
    pub by_counsel: String,
    pub excluded: String,
    pub none: String,
    pub warnings: String,
    pub exposure: String,
    pub estimate: String,
    pub cap: String,
    pub super_cap: String,
    pub assumptions: String,
    pub assumptions_lead: String,
    pub overrides: String,
    pub positions: String,
    pub current: String,
    pub list_sep: String,
    pub override_excluded: String,
    pub override_variant: String,
    pub override_note_only: String,
    pub custom: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Redline {
    pub title: String,
    pub values: String,
    pub no_values: String,
    pub articles: String,
    pub no_articles: String,
    pub because: String,
    pub causes_sep: String,
    pub heading: String,
    pub heading_moved: String,
    pub heading_status: String,
    pub change: String,
    pub status: Statuses,
    pub none: String,
    pub excluded: String,
    pub variant: String,
    pub reworded_ja: String,
    pub reworded_en: String,
    pub parts_sep: String,
    pub override_label: String,
    pub custom_added: String,
    pub custom_label: String,
}

/// An article's status in the redline (`redline::Status`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Statuses {
    pub unchanged: String,
    pub added: String,
    pub removed: String,
    pub changed: String,
    pub moved: String,
    pub moved_changed: String,
}

/// `secdraft explain`: the names of a clause's fields.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Explain {
    pub family: String,
    pub when: String,
    pub stance: String,
    pub rationale: String,
    pub sources: String,
    pub all_stances: String,
}

/// The files are embedded and read by the unit tests, so a build whose catalogue does not
/// parse never leaves the tests.
fn parse(text: &str, file: &str) -> Catalogue {
    toml::from_str(text).unwrap_or_else(|e| panic!("labels/{file}: {e}"))
}

/// The catalogue of a language, read on first use.
pub fn get(lang: Lang) -> &'static Catalogue {
    static BOTH: OnceLock<Bilingual<Catalogue>> = OnceLock::new();
    &BOTH.get_or_init(|| Bilingual::new(parse(JA, "ja.toml"), parse(EN, "en.toml")))[lang]
}

/// A message with its placeholders (`{name}`) replaced by the values named; a brace that
/// opens no placeholder given stays as it is.
pub(crate) fn fill(message: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(message.len() + 16);
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
