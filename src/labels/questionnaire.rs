//! The questionnaire's sections of the catalogue.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::{MetaKey, meta_field};

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
    /// After a choice that is the question's default.
    pub default_mark: String,
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
        meta_field!(self, key)
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
    pub done: DoneWords,
}

/// What the status line says after a change (`tui::strings::Done`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DoneWords {
    pub excluded: String,
    pub restored: String,
    pub position: String,
    pub text: String,
    pub library: String,
    pub note: String,
    pub added: String,
    pub removed: String,
}
