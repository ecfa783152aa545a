//! The label catalogue of the exported documents (`templates/labels.toml`): the words a
//! document uses besides the clauses (party labels, 以上, the translation's marks) and its
//! typography, per language. The templates read it as `labels`, the Word exporter through
//! [`Labels::get`].

use std::collections::BTreeMap;

use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang};

pub const FILE: &str = "labels.toml";

/// Every key the catalogue must define in each language.
const KEYS: &[&str] = &[
    "customer",
    "vendor",
    "project",
    "title_open",
    "title_close",
    "end",
    "draft",
    "original",
    "translation",
    "translation_note",
    "translation_end",
    "gap",
    "colon",
    "text_width",
];

#[derive(Debug, Clone, serde::Serialize)]
pub struct Labels(Bilingual<BTreeMap<String, String>>);

impl Labels {
    /// Reads the catalogue; a missing or unknown key is an error naming it.
    pub fn parse(text: &str, file: &str) -> Result<Labels, Diagnostics> {
        let diag = |m: String| Diagnostic::new(file, m);
        let table: Bilingual<BTreeMap<String, String>> = toml::from_str(text).map_err(|e| {
            let pos = e.span().map(|s| crate::error::line_col(text, s.start));
            Diagnostics(vec![diag(e.message().trim().replace('\n', " ")).at(pos)])
        })?;
        let mut diags = Vec::new();
        for lang in Lang::ALL {
            let words = table.get(lang);
            for k in KEYS.iter().filter(|k| !words.contains_key(**k)) {
                diags.push(diag("missing label".into()).key(&format!("{}.{k}", lang.code())));
            }
            for k in words.keys().filter(|k| !KEYS.contains(&k.as_str())) {
                diags.push(
                    diag(format!("unknown label (labels: {})", KEYS.join(", ")))
                        .key(&format!("{}.{k}", lang.code())),
                );
            }
        }
        if diags.is_empty() {
            Ok(Labels(table))
        } else {
            Err(Diagnostics(diags))
        }
    }

    /// The table of one language, as the templates see it.
    pub fn of(&self, lang: Lang) -> &BTreeMap<String, String> {
        self.0.get(lang)
    }

    pub fn get(&self, lang: Lang, key: &str) -> &str {
        self.of(lang).get(key).map_or("", String::as_str)
    }

    /// `第1条（目的）` / `Article 1 (Purpose)`: a label and a title as a heading.
    pub fn heading(&self, lang: Lang, label: &str, title: &str) -> String {
        format!(
            "{label}{}{title}{}",
            self.get(lang, "title_open"),
            self.get(lang, "title_close")
        )
    }
}
