//! Annexes (別紙 / Annex): technical detail and forms that follow the articles, read from
//! `annexes.toml` (optional). They are selected like clauses (`when`, `stance`), numbered
//! 1..N by `order`, and referred to from bodies with `{{ "annex.network" | annex }}`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::load::{RawText, Reader};
use super::model::Origin;
use super::validate::{check_condition, duplicates};
use crate::condition::{Expr, VarInfo};
use crate::error::Diagnostic;
use crate::lang::{Bilingual, Lang};
use crate::value::Value;

#[derive(Debug, Clone)]
pub struct Annex {
    pub id: String,
    pub order: i64,
    pub title: Bilingual<String>,
    pub when: Expr,
    pub when_src: String,
    /// The stances the annex serves; `None` = all.
    pub stance: Option<Vec<String>>,
    /// A Tera template with the body markup of clauses.
    pub body: Bilingual<String>,
    pub rationale: Bilingual<String>,
    pub sources: Vec<String>,
    pub origin: Origin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnex {
    id: String,
    order: i64,
    title: RawText,
    when: Option<Spanned<String>>,
    stance: Option<Spanned<Vec<String>>>,
    body: RawText,
    rationale: RawText,
    sources: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnexesFile {
    #[serde(default)]
    annex: Vec<Spanned<RawAnnex>>,
}

/// Reads `annexes.toml`.
pub(super) fn read(r: &mut Reader) -> Vec<Annex> {
    let Some(file) = r.deserialize::<AnnexesFile>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in file.annex {
        let start = raw.span().start;
        let raw = raw.into_inner();
        let mut origin = r.origin(start);
        let id = raw.id.clone();
        r.selection_fields(
            &mut origin,
            raw.sources.span().start,
            raw.stance.as_ref().map(|s| s.span().start),
        );
        let title = r.text(raw.title, "title", &id, &mut origin);
        let body = r.text(raw.body, "body", &id, &mut origin);
        let rationale = r.text(raw.rationale, "rationale", &id, &mut origin);
        let (when, when_src) = r.when(raw.when, &id, &mut origin);
        out.push(Annex {
            id,
            order: raw.order,
            title,
            when,
            when_src,
            stance: raw.stance.map(Spanned::into_inner),
            body,
            rationale,
            sources: raw.sources.into_inner(),
            origin,
        });
    }
    out
}

/// The annex ids a body names literally in `{{ "annex.x" | annex }}`, with the byte offset
/// of each literal.
pub(crate) fn references(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        let open = format!("{quote}annex.");
        for i in memchr::memmem::find_iter(text.as_bytes(), &open) {
            let Some(len) = text[i + 1..].find(quote) else {
                break;
            };
            let id = &text[i + 1..i + 1 + len];
            let rest = text[i + 2 + len..].trim_start();
            let filtered = rest
                .strip_prefix('|')
                .map(str::trim_start)
                .is_some_and(|f| {
                    f.strip_prefix("annex")
                        .is_some_and(|t| !t.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
                });
            if filtered {
                out.push((i, id));
            }
        }
    }
    out.sort_unstable();
    out
}

/// A body that can refer to annexes: a clause's or an annex's.
pub(super) struct Referrer<'a> {
    pub id: &'a str,
    pub body: &'a Bilingual<String>,
    pub origin: &'a Origin,
}

/// Reports the source ids of an item that `sources.toml` lacks.
pub(super) type SourceCheck<'a> = dyn Fn(&[String], &Origin, &str, &mut Vec<Diagnostic>) + 'a;

/// Ids, conditions, stances and sources of the annexes, and every literal annex reference
/// in `bodies` (clauses and annexes alike) against the annexes that exist.
pub(super) fn check<'a>(
    annexes: &[Annex],
    bodies: &[Referrer],
    lookup: &impl Fn(&str) -> Option<VarInfo<'a>>,
    stances: &[String],
    check_sources: &SourceCheck,
    diags: &mut Vec<Diagnostic>,
) {
    duplicates(
        annexes.iter().map(|a| (a.id.as_str(), &a.origin)),
        "annex",
        diags,
    );
    for a in annexes {
        let o = &a.origin;
        if !a.id.starts_with("annex.") || a.id.len() == "annex.".len() {
            diags.push(o.diag(&a.id, None, "an annex id is annex.<name>"));
        }
        check_condition(&a.when, &a.when_src, o, &a.id, lookup, diags);
        for s in a.stance.iter().flatten().filter(|s| !stances.contains(s)) {
            diags.push(o.diag(
                &a.id,
                Some("stance"),
                format!("unknown stance \"{s}\" ({})", stances.join(", ")),
            ));
        }
        if a.sources.is_empty() {
            diags.push(o.diag(&a.id, Some("sources"), "an annex cites at least one source"));
        }
        check_sources(&a.sources, o, &a.id, diags);
    }
    for b in bodies {
        for lang in Lang::ALL {
            let text = &b.body[lang];
            for (offset, target) in references(text) {
                if annexes.iter().any(|a| a.id == target) {
                    continue;
                }
                let (line, col) = crate::error::line_col(text, offset);
                let key = format!("body.{}", lang.code());
                diags.push(
                    Diagnostic::new(
                        &b.origin.file,
                        format!("template: unknown annex \"{target}\""),
                    )
                    .at(b.origin.inside(&key, line, col))
                    .id(b.id)
                    .key(&key),
                );
            }
        }
    }
}

/// The annexes these values include, in document order, as (index, number from 1).
pub fn included(annexes: &[Annex], values: &BTreeMap<String, Value>) -> Vec<(usize, usize)> {
    // As the engine selects clauses: an unanswered stance is the customer's.
    let stance = values
        .get("stance")
        .and_then(Value::as_str)
        .unwrap_or("customer");
    let mut chosen: Vec<usize> = (0..annexes.len())
        .filter(|&i| {
            let a = &annexes[i];
            let serves = a
                .stance
                .as_ref()
                .is_none_or(|s| s.iter().any(|x| x == stance));
            serves && a.when.holds(&|n| values.get(n))
        })
        .collect();
    chosen.sort_by_key(|&i| (annexes[i].order, i));
    chosen.into_iter().zip(1..).collect()
}

#[cfg(test)]
mod tests {
    use super::references;

    #[test]
    fn finds_literal_references_only() {
        let t = r#"別紙{{ "annex.net" | annex }}、{{'annex.log'|annex}}、{{ "annex.x" | annexes }}、"annex.y""#;
        let ids: Vec<&str> = references(t).into_iter().map(|(_, id)| id).collect();
        assert_eq!(ids, ["annex.net", "annex.log"]);
    }
}
