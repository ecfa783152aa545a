//! The catalogue's own checks: both languages complete and alike.

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
        (Value::Array(_), Value::Array(_)) if path.ends_with("prompt_endings") => {}
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
