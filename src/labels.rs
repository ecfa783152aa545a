//! The label catalogue: every word secdraft says that is not the clause library's, one
//! file per language (`labels/ja.toml`, `labels/en.toml`), embedded and read once into
//! typed sections. Every field is required and no other is allowed, so a missing or
//! misspelt label fails a unit test, never a run. A message with values names them as
//! placeholders (`{count}`), filled by [`fill`]; both languages use the same ones.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::answers::MetaKey;
use crate::lang::{Bilingual, Lang};

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

/// The questionnaire's words (the questions, choices and help are the library's).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub title: String,
    pub sections: String,
    pub help_pane: String,
    pub meta_section: String,
    pub question: String,
    pub affects: String,
    pub sources: String,
    pub enter_value: String,
    pub blank_only: String,
    pub paste_refused: String,
    pub quit_typing: String,
    pub quit_unsaved: String,
    pub quit_keys: String,
    pub quit_title: String,
    pub assumptions: String,
    pub assumptions_keys: String,
    pub optional: String,
    pub unanswered: String,
    pub review: String,
    pub preview: String,
    pub warnings: String,
    pub included: String,
    pub excluded: String,
    pub rationale: String,
    pub reason: String,
    pub cap: String,
    pub exposure: String,
    pub export: String,
    pub format: String,
    pub language: String,
    pub document: String,
    pub memo_one_lang: String,
    pub memo_no_json: String,
    pub path: String,
    pub overwrite: String,
    pub path_required: String,
    /// Japanese, English, both.
    pub lang_names: [String; 3],
    /// The rider, the memo.
    pub documents: [String; 2],
    pub all_answered: String,
    pub too_small: String,
    pub too_small_quit: String,
    pub keys: String,
    pub keys_close: String,
    pub range: String,
    pub range_min: String,
    pub range_max: String,
    pub saved: String,
    pub save_failed: String,
    pub changed_elsewhere: String,
    pub ended_unsaved: String,
    pub more: String,
    pub revealed: String,
    pub will_save: String,
    pub exported: String,
    pub export_failed: String,
    pub unanswered_count: String,
    pub minimum: String,
    pub progress: String,
    pub missing_answers: String,
    pub why_not_written: WhyNotWritten,
    pub meta_prompt: ByMeta,
    pub meta_help: MetaHelp,
    pub key_table: KeyTable,
    pub counsel: Counsel,
}

/// The words of the key table (`tui::keys`): what each listed binding does and each
/// hint's word, by the ids the table gives them.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTable {
    /// The keys column of the line for letters typed in a field.
    pub in_a_field: String,
    pub does: BTreeMap<String, String>,
    pub hints: BTreeMap<String, String>,
}

/// Why a file could not be written (`tui::action::SaveError`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WhyNotWritten {
    pub changed: String,
    pub no_folder: String,
    pub denied: String,
    pub not_regular: String,
    pub disk_full: String,
    pub other: String,
}

/// One text for each `[meta]` key.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ByMeta {
    pub project_name: String,
    pub customer: String,
    pub vendor: String,
    pub date: String,
    pub main_contract: String,
    pub main_contract_date: String,
    pub customer_address: String,
    pub customer_signatory: String,
    pub vendor_address: String,
    pub vendor_signatory: String,
}

impl ByMeta {
    pub fn get(&self, key: MetaKey) -> &str {
        match key {
            MetaKey::ProjectName => &self.project_name,
            MetaKey::Customer => &self.customer,
            MetaKey::Vendor => &self.vendor,
            MetaKey::Date => &self.date,
            MetaKey::MainContract => &self.main_contract,
            MetaKey::MainContractDate => &self.main_contract_date,
            MetaKey::CustomerAddress => &self.customer_address,
            MetaKey::CustomerSignatory => &self.customer_signatory,
            MetaKey::VendorAddress => &self.vendor_address,
            MetaKey::VendorSignatory => &self.vendor_signatory,
        }
    }
}

/// The help beside the `[meta]` keys, one text for each kind of key.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MetaHelp {
    pub project_name: String,
    pub party: String,
    pub date: String,
    pub main_contract: String,
    pub execution: String,
}

impl MetaHelp {
    pub fn get(&self, key: MetaKey) -> &str {
        use MetaKey::*;
        match key {
            ProjectName => &self.project_name,
            Customer | Vendor => &self.party,
            Date | MainContractDate => &self.date,
            MainContract => &self.main_contract,
            CustomerAddress | VendorAddress | CustomerSignatory | VendorSignatory => {
                &self.execution
            }
        }
    }
}

/// Counsel's changes in the preview.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Counsel {
    pub position: String,
    pub note: String,
    pub positions: String,
    pub positions_keys: String,
    pub editor_keys: String,
    pub line_keys: String,
    pub discard: String,
    pub reason_required: String,
    pub text_required: String,
    pub no_ladder: String,
    pub custom_no_ladder: String,
    pub not_an_article: String,
    pub nothing_to_restore: String,
    pub custom_title: String,
    pub unchanged: String,
    pub remove_custom: String,
    pub remove_title: String,
    pub diff: String,
    pub no_export: String,
    pub no_changes: String,
    pub diff_failed: String,
    pub exclude_title: String,
    pub note_title: String,
    /// The wording's editor, for the Japanese and the English of an article.
    pub text_title_ja: String,
    pub text_title_en: String,
    pub custom_text_title: String,
    pub editor_failed: String,
    pub refused_citing: String,
    pub citing_sep: String,
    pub done: Done,
}

/// What the status line says after a change (`tui::strings::Done`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Done {
    pub excluded: String,
    pub restored: String,
    pub position: String,
    pub text: String,
    pub library: String,
    pub note: String,
    pub added: String,
    pub removed: String,
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
pub fn fill(message: &str, values: &[(&str, &str)]) -> String {
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
mod tests {
    use super::*;
    use serde_json::Value;

    /// The placeholders of a message: `{count}` → `count`.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Walks both catalogues side by side: the same shape, the same placeholders.
    fn compare(path: &str, ja: &Value, en: &Value, problems: &mut Vec<String>) {
        match (ja, en) {
            (Value::Object(a), Value::Object(b)) => {
                for k in a.keys().chain(b.keys()) {
                    match (a.get(k), b.get(k)) {
                        (Some(x), Some(y)) => compare(&format!("{path}.{k}"), x, y, problems),
                        _ => problems.push(format!("{path}.{k}: in one language only")),
                    }
                }
            }
            // Lists of endings differ in length by language; messages in a list do not.
            (Value::Array(a), Value::Array(b)) if path.ends_with("prompt_endings") => {
                let _ = (a, b);
            }
            (Value::Array(a), Value::Array(b)) => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    compare(&format!("{path}[{i}]"), x, y, problems);
                }
            }
            (Value::String(a), Value::String(b)) => {
                if placeholders(a) != placeholders(b) {
                    problems.push(format!(
                        "{path}: ja has {:?}, en has {:?}",
                        placeholders(a),
                        placeholders(b)
                    ));
                }
            }
            _ => problems.push(format!("{path}: not the same kind of value")),
        }
    }

    #[test]
    fn both_languages_parse_and_use_the_same_placeholders() {
        let ja = serde_json::to_value(get(Lang::Ja)).unwrap();
        let en = serde_json::to_value(get(Lang::En)).unwrap();
        let mut problems = Vec::new();
        compare("", &ja, &en, &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_misspelt_or_missing_label_is_refused() {
        let misspelt = JA.replacen("customer =", "custmer =", 1);
        assert!(toml::from_str::<Catalogue>(&misspelt).is_err());
        let missing = JA.replacen("customer =", "# customer =", 1);
        assert!(toml::from_str::<Catalogue>(&missing).is_err());
    }

    #[test]
    fn every_computed_value_has_words() {
        for lang in Lang::ALL {
            let words = &get(lang).reasons.computed;
            let names: Vec<&str> = crate::library::model::COMPUTED
                .iter()
                .map(|(n, _, _)| *n)
                .collect();
            let named: Vec<&str> = words.keys().map(String::as_str).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert_eq!(named, sorted, "{lang:?}");
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill("{a} and {b}, {a}; {c} {", &[("a", "1"), ("b", "2")]),
            "1 and 2, 1; {c} {"
        );
        assert_eq!(fill("第{n}条", &[("n", "3")]), "第3条");
    }
}
