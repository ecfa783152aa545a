//! Writing answers back into the answers file they came from without losing a character
//! counsel wrote: comments, order, blank lines and formatting stay; only the values that
//! changed are rewritten (keeping the comment beside them), new answers are added and
//! cleared ones removed; counsel's overrides are written the same way.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value as Edit, value};

use crate::answers::{Answers, MetaKey};
use crate::library::Library;
use crate::overrides::{ClauseOverride, CustomClause, LangText, Overrides};
use crate::value::Value;

fn edit_value(v: &Value) -> Edit {
    match v {
        Value::Bool(b) => Edit::from(*b),
        Value::Int(i) => Edit::from(*i),
        Value::Str(s) => Edit::from(s.as_str()),
        Value::List(l) => Edit::Array(l.iter().map(String::as_str).collect::<Array>()),
    }
}

/// The value as the file holds it, for comparison.
fn same(item: &Item, v: &Edit) -> bool {
    match (item.as_value(), v) {
        (Some(Edit::String(a)), Edit::String(b)) => a.value() == b.value(),
        (Some(Edit::Integer(a)), Edit::Integer(b)) => a.value() == b.value(),
        (Some(Edit::Boolean(a)), Edit::Boolean(b)) => a.value() == b.value(),
        (Some(Edit::Array(a)), Edit::Array(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|(x, y)| x.as_str().is_some() && x.as_str() == y.as_str())
        }
        _ => false,
    }
}

/// Sets `key` to `v`, leaving the item untouched when it already holds that value and
/// keeping the comment after it when it does not.
fn set(table: &mut Table, key: &str, v: Edit) {
    match table.get_mut(key) {
        Some(item) if same(item, &v) => {}
        Some(item) => {
            let decor = item.as_value().map(|old| old.decor().clone());
            let mut v = v;
            if let Some(d) = decor {
                *v.decor_mut() = d;
            }
            *item = Item::Value(v);
        }
        None => {
            table.insert(key, value(v));
        }
    }
}

fn table<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut Table {
    if !doc.contains_table(key) {
        doc.insert(key, Item::Table(Table::new()));
    }
    doc[key].as_table_mut().expect("a table was just ensured")
}

fn set_text(parent: &mut Table, key: &str, t: &LangText) {
    if t.is_empty() {
        parent.remove(key);
        return;
    }
    let mut sub = match parent.remove(key) {
        Some(Item::Table(t)) => t,
        Some(Item::Value(Edit::InlineTable(t))) => t.into_table(),
        _ => {
            let mut t = Table::new();
            t.set_dotted(true);
            t
        }
    };
    for (lang, s) in [("ja", &t.ja), ("en", &t.en)] {
        match s {
            Some(s) => set(&mut sub, lang, Edit::from(s.as_str())),
            None => {
                sub.remove(lang);
            }
        }
    }
    parent.insert(key, Item::Table(sub));
}

fn set_opt(t: &mut Table, key: &str, v: &Option<String>) {
    match v {
        Some(s) => set(t, key, Edit::from(s.as_str())),
        None => {
            t.remove(key);
        }
    }
}

fn write_override(t: &mut Table, o: &ClauseOverride) {
    set_opt(t, "exclude", &o.exclude);
    set_opt(t, "use", &o.variant);
    set_text(t, "text", &o.text);
    set_opt(t, "note", &o.note);
}

fn write_overrides(doc: &mut DocumentMut, o: &Overrides) {
    if o.clauses.is_empty() {
        doc.remove("clauses");
    } else {
        let clauses = table(doc, "clauses");
        clauses.set_implicit(true);
        let gone: Vec<String> = clauses
            .iter()
            .map(|(k, _)| k.to_string())
            .filter(|k| !o.clauses.contains_key(k))
            .collect();
        for k in gone {
            clauses.remove(&k);
        }
        for (id, ov) in &o.clauses {
            if !clauses.contains_table(id) {
                clauses.insert(id, Item::Table(Table::new()));
            }
            let t = clauses[id.as_str()].as_table_mut().expect("ensured above");
            write_override(t, ov);
        }
    }
    write_custom(doc, &o.custom);
}

fn write_custom(doc: &mut DocumentMut, custom: &[CustomClause]) {
    if custom.is_empty() {
        doc.remove("custom_clause");
        return;
    }
    let mut old = match doc.remove("custom_clause") {
        Some(Item::ArrayOfTables(a)) => a,
        _ => ArrayOfTables::new(),
    };
    let mut out = ArrayOfTables::new();
    for c in custom {
        // The table counsel wrote for this id, edited in place, or a new one.
        let pos = old
            .iter()
            .position(|t| t.get("id").and_then(Item::as_str) == Some(c.id.as_str()));
        let mut t = match pos {
            Some(i) => {
                let t = old.get(i).cloned().unwrap_or_default();
                old.remove(i);
                t
            }
            None => Table::new(),
        };
        set(&mut t, "id", Edit::from(c.id.as_str()));
        set(&mut t, "after", Edit::from(c.after.as_str()));
        set_text(&mut t, "title", &c.title);
        set_text(&mut t, "text", &c.text);
        set_opt(&mut t, "note", &c.note);
        out.push(t);
    }
    doc.insert("custom_clause", Item::ArrayOfTables(out));
}

/// The answers file after saving `answers` into `original` (the file's current text).
/// Without an original, or with one that no longer parses, the file is written afresh.
pub fn save(original: Option<&str>, answers: &Answers, library: &Library) -> String {
    let Some(mut doc) = original.and_then(|t| t.parse::<DocumentMut>().ok()) else {
        return fresh(answers, library);
    };
    let meta = table(&mut doc, "meta");
    for key in MetaKey::ALL {
        let v = answers.meta.get(key);
        if v.is_empty() && meta.get(key.name()).is_none() {
            continue;
        }
        set(meta, key.name(), Edit::from(v));
    }
    let given = table(&mut doc, "answers");
    let cleared: Vec<String> = given
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !answers.given.contains_key(k))
        .collect();
    for k in cleared {
        given.remove(&k);
    }
    let ordered = library
        .questions
        .iter()
        .filter_map(|q| answers.given.get(&q.id).map(|v| (q.id.as_str(), v)));
    let unknown = answers
        .given
        .iter()
        .filter(|(k, _)| library.question(k).is_none())
        .map(|(k, v)| (k.as_str(), v));
    for (id, v) in ordered.chain(unknown) {
        set(given, id, edit_value(v));
    }
    write_overrides(&mut doc, &answers.overrides);
    doc.to_string()
}

fn fresh(answers: &Answers, library: &Library) -> String {
    let text = answers.to_toml(library);
    if answers.overrides.is_empty() {
        return text;
    }
    let mut doc: DocumentMut = text.parse().expect("to_toml writes valid TOML");
    write_overrides(&mut doc, &answers.overrides);
    doc.to_string()
}
