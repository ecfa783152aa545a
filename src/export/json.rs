//! `build --format json`: the assembly in the fixed schema `secdraft.assembly/1`.

use serde_json::{Map, Value as Json, json};

use crate::document::{Document, Paragraph, SourceRef, plain_text};
use crate::lang::{Bilingual, LangSel};

fn text(b: &Bilingual<String>, sel: LangSel) -> Json {
    match sel {
        LangSel::One(l) => Json::String(b[l].clone()),
        LangSel::Both => json!({"ja": b.ja, "en": b.en}),
    }
}

/// What an article and an annex both carry: id, number, title, text, rationale, sources.
fn part(
    id: &str,
    number: usize,
    title: &Bilingual<String>,
    paragraphs: &Bilingual<Vec<Paragraph>>,
    rationale: &Bilingual<String>,
    sources: &[SourceRef],
    sel: LangSel,
) -> Map<String, Json> {
    let body = paragraphs.map(|l, p| plain_text(p, l));
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("number".into(), json!(number));
    out.insert("title".into(), text(title, sel));
    out.insert("text".into(), text(&body, sel));
    out.insert("rationale".into(), text(rationale, sel));
    let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    out.insert("sources".into(), json!(ids));
    out
}

pub fn export(doc: &Document, sel: LangSel) -> Vec<u8> {
    let primary = sel.primary();
    let mut meta = Map::new();
    for (k, v) in [
        ("project_name", &doc.meta.project_name),
        ("customer", &doc.meta.customer),
        ("vendor", &doc.meta.vendor),
    ] {
        meta.insert(k.into(), json!(v));
    }
    if !doc.meta.date.is_empty() {
        meta.insert("date".into(), json!(doc.meta.date));
    }
    let computed: Map<String, Json> = doc
        .computed
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    let clauses: Vec<Json> = doc
        .articles
        .iter()
        .map(|a| {
            let mut entry = part(
                &a.id,
                a.number,
                &a.title,
                &a.paragraphs,
                &a.rationale,
                &a.sources,
                sel,
            );
            // The contract's order: id, family, number …
            entry.shift_insert(1, "family".into(), json!(a.family));
            Json::Object(entry)
        })
        .collect();
    let annexes: Vec<Json> = doc
        .annexes
        .iter()
        .map(|a| {
            Json::Object(part(
                &a.id,
                a.number,
                &a.title,
                &a.paragraphs,
                &a.rationale,
                &a.sources,
                sel,
            ))
        })
        .collect();
    let out = json!({
        "schema": "secdraft.assembly/1",
        "lang": sel.code(),
        "meta": meta,
        "computed": computed,
        "clauses": clauses,
        "annexes": annexes,
        "excluded": doc.excluded.iter().map(|e| json!({"id": e.id, "reason": e.reason[primary]})).collect::<Vec<_>>(),
        "warnings": doc.warnings.iter().map(|w| json!({"code": w.code, "message": w.message[primary]})).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&out).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn both_languages_become_objects() {
        let b = Bilingual::new("甲".to_string(), "Customer".to_string());
        assert_eq!(
            text(&b, LangSel::Both),
            json!({"ja": "甲", "en": "Customer"})
        );
        assert_eq!(text(&b, LangSel::One(Lang::En)), json!("Customer"));
    }
}
