//! The filters of clause and document templates: `yen`, `num`, `date`, `article`,
//! `annex`, `choice`.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Kwargs, State, Tera};

use crate::document::{annex_label, article_label};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;

fn lang_of(state: &State) -> Lang {
    match state.get::<String>("lang") {
        Ok(Some(l)) if l == "en" => Lang::En,
        _ => Lang::Ja,
    }
}

/// Registers the filters of clause and document templates.
pub(crate) fn register(tera: &mut Tera, labels: Arc<HashMap<String, Bilingual<String>>>) {
    // Loops draw on the document's budget (`budget`), not on Tera's per-call limit alone.
    tera.register_function("range", super::budget::range);
    tera.register_filter("yen", |n: i64, _: Kwargs, state: &State| {
        crate::format::yen(n, lang_of(state))
    });
    tera.register_filter("num", |n: i64, _: Kwargs, _: &State| {
        crate::format::thousands(n)
    });
    tera.register_filter("date", |s: &str, _: Kwargs, state: &State| {
        crate::format::date(s, lang_of(state)).unwrap_or_else(|| s.to_string())
    });
    tera.register_filter("article", |id: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
        // A lookup, not a scan or a copy of the map: this runs once per reference.
        let articles = state.get::<tera::Value>("articles")?.unwrap_or_else(tera::Value::none);
        let number = articles
            .as_map()
            .and_then(|m| m.get(&tera::value::Key::from(id.to_string())))
            .and_then(|v| v.as_i64())
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "clause \"{id}\" is not in this clause set; guard the reference with {{% if \"{id}\" in articles %}}"
                ))
            })?;
        Ok(article_label(number as usize, lang_of(state)))
    });
    tera.register_filter("annex", |id: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
        let annexes = state.get::<tera::Value>("annexes")?.unwrap_or_else(tera::Value::none);
        let number = annexes
            .as_map()
            .and_then(|m| m.get(&tera::value::Key::from(id.to_string())))
            .and_then(|v| v.as_i64())
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "annex \"{id}\" is not in this document (its condition does not hold); guard the reference with {{% if \"{id}\" in annexes %}}"
                ))
            })?;
        Ok(annex_label(number as usize, lang_of(state)))
    });
    tera.register_filter("choice", move |v: tera::Value, _: Kwargs, state: &State| {
        let lang = lang_of(state);
        let label = |s: &str| {
            labels
                .get(s)
                .map_or_else(|| s.to_string(), |l| l[lang].clone())
        };
        match v.as_array() {
            Some(items) => {
                let sep = if lang == Lang::Ja { "、" } else { ", " };
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(label))
                    .collect::<Vec<_>>()
                    .join(sep)
            }
            None => v.as_str().map(label).unwrap_or_default(),
        }
    });
}

pub(crate) fn choice_labels(library: &Library) -> Arc<HashMap<String, Bilingual<String>>> {
    let mut labels = HashMap::new();
    for q in &library.questions {
        for c in &q.choices {
            labels
                .entry(c.value.clone())
                .or_insert_with(|| c.label.clone());
        }
    }
    Arc::new(labels)
}
