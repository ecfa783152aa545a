//! Reading counsel's overrides from the answers file: every problem with its position and
//! key, in both languages.

use std::collections::{BTreeMap, HashSet};

use toml::Spanned;

use super::{ClauseOverride, CustomClause, LangText, Overrides, RawClauses, Table, said};
use crate::error::{Diagnostic, LineIndex, Suggestions};
use crate::lang::Bilingual;
use crate::library::Library;

const OVERRIDE_KEYS: &[&str] = &["exclude", "text", "use", "note"];
const CUSTOM_KEYS: &[&str] = &["id", "after", "title", "text", "note"];

struct Reader<'a> {
    index: &'a LineIndex<'a>,
    file: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    suggestions: Suggestions,
}

impl Reader<'_> {
    fn err(&mut self, span: &std::ops::Range<usize>, key: &str, msg: Bilingual<String>) {
        self.diags.push(
            Diagnostic::said(self.file, msg)
                .at(Some(self.index.line_col(span.start)))
                .key(key),
        );
    }

    fn string(&mut self, v: &Spanned<toml::Value>, key: &str) -> Option<String> {
        match v.get_ref() {
            toml::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            toml::Value::String(_) => {
                self.err(&v.span(), key, empty());
                None
            }
            other => {
                self.err(&v.span(), key, not_a_string(other));
                None
            }
        }
    }

    /// `text.ja` / `text.en` (or `title.*`): a table of one or two strings.
    fn lang_text(&mut self, v: &Spanned<toml::Value>, key: &str) -> LangText {
        let mut out = LangText::default();
        let Some(table) = v.get_ref().as_table() else {
            let found = v.get_ref().type_str();
            self.err(
                &v.span(),
                key,
                said(
                    format!("{key}.ja 及び {key}.en を文字列で書いてください（{found} が書かれています）"),
                    format!("expected {key}.ja and {key}.en strings, found {found}"),
                ),
            );
            return out;
        };
        for (lang, s) in table {
            let k = format!("{key}.{lang}");
            match (lang.as_str(), s) {
                ("ja", toml::Value::String(s)) => out.ja = Some(s.clone()),
                ("en", toml::Value::String(s)) => out.en = Some(s.clone()),
                ("ja" | "en", other) => self.err(&v.span(), &k, not_a_string(other)),
                _ => self.err(
                    &v.span(),
                    &k,
                    said("不明な言語です（ja 又は en）", "unknown language (ja, en)"),
                ),
            }
        }
        for (lang, s) in [("ja", &out.ja), ("en", &out.en)] {
            if s.as_ref().is_some_and(|s| s.trim().is_empty()) {
                self.err(&v.span(), &format!("{key}.{lang}"), empty());
            }
        }
        out
    }
}

fn missing() -> Bilingual<String> {
    said("がありません", "is missing")
}

fn unknown_key(keys: &[&str]) -> Bilingual<String> {
    let keys = keys.join(", ");
    said(
        format!("不明なキーです（キー: {keys}）"),
        format!("unknown key (keys: {keys})"),
    )
}

fn empty() -> Bilingual<String> {
    said("空です", "is empty")
}

fn not_a_string(v: &toml::Value) -> Bilingual<String> {
    let found = v.type_str();
    said(
        format!("文字列で書いてください（{found} が書かれています）"),
        format!("expected a string, found {found}"),
    )
}

fn unknown_clause(suggestions: &mut Suggestions, library: &Library, id: &str) -> Bilingual<String> {
    let near = suggestions.near(id, library.clauses.iter().map(|c| c.id.as_str()));
    let (ja, en) = near.map_or_else(Default::default, |c| {
        (
            format!("（`{c}` のことですか？）"),
            format!(" (did you mean `{c}`?)"),
        )
    });
    said(
        format!("不明な条項ID「{id}」です{ja}"),
        format!("unknown clause id \"{id}\"{en}"),
    )
}

/// Reads the overrides, reporting every problem with its position and key.
pub(crate) fn read(
    clauses: Option<RawClauses>,
    custom: Option<Vec<Spanned<Table>>>,
    index: &LineIndex,
    file: &str,
    library: &Library,
    diags: &mut Vec<Diagnostic>,
) -> Overrides {
    let mut r = Reader {
        index,
        file,
        diags,
        suggestions: Suggestions::default(),
    };
    let mut out = Overrides {
        file: file.to_string(),
        ..Overrides::default()
    };
    for (id, table) in clauses.unwrap_or_default() {
        let (id_span, id) = (id.span(), id.into_inner());
        let base = format!("clauses.\"{id}\"");
        let Some(clause) = library.clause(&id) else {
            let message = unknown_clause(&mut r.suggestions, library, &id);
            r.err(&id_span, &base, message);
            continue;
        };
        let mut o = ClauseOverride::default();
        for (key, value) in table.into_inner() {
            let k = format!("{base}.{}", key.get_ref());
            match key.get_ref().as_str() {
                "exclude" => o.exclude = r.string(&value, &k),
                "note" => o.note = r.string(&value, &k),
                "text" => o.text = r.lang_text(&value, &k),
                "use" => {
                    let Some(v) = r.string(&value, &k) else {
                        continue;
                    };
                    match library.clause(&v) {
                        None => {
                            let message = unknown_clause(&mut r.suggestions, library, &v);
                            r.err(&value.span(), &k, message)
                        }
                        Some(c) if c.id == clause.id => r.err(
                            &value.span(),
                            &k,
                            said("その条項自身を指しています", "names the clause itself"),
                        ),
                        Some(c) if c.family != clause.family => r.err(
                            &value.span(),
                            &k,
                            said(
                                format!(
                                    "「{v}」は {} の条項です。代わりに使う条項は同じ種類（{}）から選んでください",
                                    c.family, clause.family
                                ),
                                format!(
                                    "\"{v}\" is a {} clause; a variant must be of the same family ({})",
                                    c.family, clause.family
                                ),
                            ),
                        ),
                        Some(_) => o.variant = Some(v),
                    }
                }
                _ => r.err(&key.span(), &k, unknown_key(OVERRIDE_KEYS)),
            }
        }
        if o.exclude.is_some() && (o.variant.is_some() || !o.text.is_empty()) {
            r.err(
                &id_span,
                &base,
                said(
                    "`exclude` で条項を除くと、その `text` 又は `use` が失われます。どちらか一つにしてください",
                    "`exclude` leaves the clause out: its `text` or `use` would be lost; keep one",
                ),
            );
        }
        if o.variant.is_some() && !o.text.is_empty() {
            r.err(
                &id_span,
                &base,
                said(
                    "`use` と `text` はどちらも条項の文言を置き換えます。どちらか一つにしてください",
                    "`use` and `text` both replace the clause's wording; keep one",
                ),
            );
        }
        out.clauses.insert(id, o);
    }
    let mut seen = HashSet::new();
    for (n, table) in custom.unwrap_or_default().into_iter().enumerate() {
        let span = table.span();
        let base = format!("custom_clause[{n}]");
        let mut fields: BTreeMap<String, Spanned<toml::Value>> = BTreeMap::new();
        for (key, value) in table.into_inner() {
            let k = key.get_ref().clone();
            if CUSTOM_KEYS.contains(&k.as_str()) {
                fields.insert(k, value);
            } else {
                r.err(
                    &key.span(),
                    &format!("{base}.{k}"),
                    unknown_key(CUSTOM_KEYS),
                );
            }
        }
        let field = |r: &mut Reader, name: &str| match fields.get(name) {
            Some(v) => r.string(v, &format!("{base}.{name}")),
            None => {
                r.err(&span, &format!("{base}.{name}"), missing());
                None
            }
        };
        let id = field(&mut r, "id");
        let after = field(&mut r, "after");
        let mut title = LangText::default();
        let mut body = LangText::default();
        for (name, slot) in [("title", &mut title), ("text", &mut body)] {
            let k = format!("{base}.{name}");
            match fields.get(name) {
                Some(v) => *slot = r.lang_text(v, &k),
                None => r.err(&span, &k, missing()),
            }
            if !slot.is_empty() && slot.ja.is_none() {
                r.err(
                    &span,
                    &format!("{k}.ja"),
                    said(
                        "がありません。特約は日本語が正本です",
                        "is missing: the rider is Japanese first",
                    ),
                );
            }
        }
        let note = fields
            .get("note")
            .and_then(|v| r.string(v, &format!("{base}.note")));
        if let Some(id) = &id {
            let name = id.strip_prefix("custom.").unwrap_or_default();
            let at = fields.get("id").map_or(span.clone(), Spanned::span);
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                r.err(
                    &at,
                    &format!("{base}.id"),
                    said(
                        format!(
                            "「{id}」は custom.<名前>（英小文字、数字及び _）の形にしてください"
                        ),
                        format!("\"{id}\" must be custom.<name> (lower-case letters, digits, _)"),
                    ),
                );
            } else if !seen.insert(id.clone()) {
                r.err(
                    &at,
                    &format!("{base}.id"),
                    said(
                        format!("「{id}」が二度使われています"),
                        format!("\"{id}\" is used twice"),
                    ),
                );
            }
        }
        if let Some(a) = &after
            && library.clause(a).is_none()
        {
            let at = fields.get("after").map_or(span.clone(), Spanned::span);
            let message = unknown_clause(&mut r.suggestions, library, a);
            r.err(&at, &format!("{base}.after"), message);
        }
        if let (Some(id), Some(after)) = (id, after) {
            out.custom.push(CustomClause {
                id,
                after,
                title,
                text: body,
                note,
            });
        }
    }
    out
}
