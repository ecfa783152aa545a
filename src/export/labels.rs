//! The words of the exported documents besides the clauses (party labels, 以上, the
//! translation's marks) and their typography, per language: the catalogue's `document`
//! section ([`crate::labels`]), which a `labels.toml` in `--templates DIR` replaces with
//! the same keys, every one checked. The templates read them as `labels`, the Word
//! exporter through [`Labels::of`].

use std::collections::BTreeMap;

use crate::error::{Diagnostic, Diagnostics};
use crate::labels::DocumentLabels;
use crate::lang::{Bilingual, Lang};

pub const FILE: &str = "labels.toml";

#[derive(Debug, Clone, serde::Serialize)]
pub struct Labels(Bilingual<DocumentLabels>);

/// The keys a `labels.toml` must define in each language: the catalogue's, in its order.
fn keys() -> Vec<String> {
    match serde_json::to_value(&crate::labels::get(Lang::Ja).document) {
        Ok(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

impl Labels {
    /// The catalogue's words.
    pub fn catalogue() -> Labels {
        Labels(Bilingual::from_fn(|l| {
            crate::labels::get(l).document.clone()
        }))
    }

    /// Reads a `labels.toml`; a missing or unknown key is an error naming it.
    pub fn parse(text: &str, file: &str) -> Result<Labels, Diagnostics> {
        let diag = |m: String| Diagnostic::new(file, m);
        let table: Bilingual<BTreeMap<String, String>> = toml::from_str(text).map_err(|e| {
            let pos = e.span().map(|s| crate::error::line_col(text, s.start));
            Diagnostics(vec![diag(e.message().trim().replace('\n', " ")).at(pos)])
        })?;
        let keys = keys();
        let mut diags = Vec::new();
        for lang in Lang::ALL {
            let words = &table[lang];
            for k in keys.iter().filter(|k| !words.contains_key(*k)) {
                diags.push(diag("missing label".into()).key(&format!("{}.{k}", lang.code())));
            }
            for k in words.keys().filter(|k| !keys.contains(k)) {
                diags.push(
                    diag(format!("unknown label (labels: {})", keys.join(", ")))
                        .key(&format!("{}.{k}", lang.code())),
                );
            }
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        // Every key is there and no other: the table is the catalogue's section.
        let typed = |words: &BTreeMap<String, String>| {
            serde_json::to_value(words)
                .and_then(serde_json::from_value)
                .map_err(|e| Diagnostics(vec![diag(e.to_string())]))
        };
        Ok(Labels(Bilingual::new(typed(&table.ja)?, typed(&table.en)?)))
    }

    /// The words of one language, as the templates see them.
    pub fn of(&self, lang: Lang) -> &DocumentLabels {
        &self.0[lang]
    }

    /// `第1条（目的）` / `Article 1 (Purpose)`: a label and a title as a heading.
    pub fn heading(&self, lang: Lang, label: &str, title: &str) -> String {
        let l = self.of(lang);
        format!("{label}{}{title}{}", l.title_open, l.title_close)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labels_file_is_checked_key_by_key() {
        let e = Labels::parse("[ja]\ncustomer = \"甲\"\n[en]\ncustmer = \"C\"\n", FILE)
            .unwrap_err()
            .to_string();
        assert!(e.contains("ja.vendor"), "{e}");
        assert!(e.contains("en.customer"), "{e}");
        assert!(
            e.contains("unknown label (labels: customer, vendor, project, title_open"),
            "{e}"
        );
    }
}
