//! Defined terms: 「以下「X」という。」 and 「「X」とは」 (the 定義 clause), and their uses.

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Finding, Kind, Piece};

/// The longest term the lint takes for one: a longer quotation is a title, not a term.
const MAX_TERM_CHARS: usize = 30;

/// The byte ranges of the terms defined in `text`.
fn definitions(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('「').map(|i| i + from) {
        let start = open + '「'.len_utf8();
        let Some(end) = text[start..].find(['」', '「']).map(|i| i + start) else {
            break;
        };
        from = start;
        let term = &text[start..end];
        if !text[end..].starts_with('」')
            || term.is_empty()
            || term.chars().count() > MAX_TERM_CHARS
        {
            continue;
        }
        let after = &text[end + '」'.len_utf8()..];
        let here = text[..open].ends_with("以下") && after.starts_with("という");
        if here || after.starts_with("とは") {
            out.push((start, end));
        }
    }
    out
}

/// Every term defined in the given texts.
pub(crate) fn defined_in(texts: impl Iterator<Item = String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in texts {
        for (s, e) in definitions(&t) {
            out.insert(t[s..e].to_string());
        }
    }
    out
}

/// Words before a term that send the reader to its definition: a forward use so
/// written is a cross-reference, not a use before definition.
const POINTERS: &[&str] = &["に定める", "に規定する", "に定義する"];

/// Where a word stands in a clause set: piece, text within the piece, byte offset.
type At = (usize, usize, usize);

#[derive(Default)]
struct Term {
    defs: Vec<At>,
    uses: Vec<At>,
    /// Uses without a pointer to the definition (「第5条に定める説明書」 points).
    plain_uses: Vec<At>,
}

/// Checks definitions and uses over the pieces in their order. `library` holds the terms
/// the library defines anywhere: given, the pieces are one clause set, and a term used in
/// it with no definition in it is a finding; `None` reads the library's bodies as written.
pub(crate) fn check(pieces: &[Piece], library: Option<&BTreeSet<String>>, out: &mut Vec<Finding>) {
    let texts: Vec<Vec<&str>> = pieces.iter().map(|p| p.texts().collect()).collect();
    let mut found: BTreeMap<String, Term> = BTreeMap::new();
    let mut def_sites = BTreeSet::new();
    for (p, ts) in texts.iter().enumerate() {
        for (t, text) in ts.iter().enumerate() {
            for (s, e) in definitions(text) {
                found.entry(text[s..e].to_string()).or_default();
                def_sites.insert((p, t, s));
            }
        }
    }
    for term in library.into_iter().flatten() {
        found.entry(term.clone()).or_default();
    }
    let names: Vec<&String> = found.keys().collect();
    if names.is_empty() {
        return;
    }
    // Leftmost-longest: a term inside a longer term (特別上限額 in 特別上限額等) is not used.
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
    else {
        return;
    };
    // (term, where, a definition, a use that points at the definition)
    let mut hits: Vec<(usize, At, bool, bool)> = Vec::new();
    for (p, ts) in texts.iter().enumerate() {
        for (t, text) in ts.iter().enumerate() {
            for m in ac.find_iter(*text) {
                let at = (p, t, m.start());
                let pointed = POINTERS.iter().any(|w| text[..m.start()].ends_with(w));
                hits.push((m.pattern().as_usize(), at, def_sites.contains(&at), pointed));
            }
        }
    }
    let names: Vec<String> = names.into_iter().cloned().collect();
    for (i, at, is_def, pointed) in hits {
        let term = found.get_mut(&names[i]).expect("a pattern is a term");
        if is_def {
            term.defs.push(at);
        } else {
            term.uses.push(at);
            if !pointed {
                term.plain_uses.push(at);
            }
        }
    }
    for (name, term) in &found {
        let id = |at: &At| pieces[at.0].id;
        match term.defs.first() {
            None => {
                if let Some(first) = term.uses.first() {
                    out.push(Finding::new(
                        id(first),
                        Kind::UsedWithoutDefinition,
                        name.clone(),
                        "the clause defining it is not in the set",
                    ));
                }
            }
            Some(def) => {
                // In the library both branches of a template condition are read at once,
                // so a clause is checked against the others only.
                let early = term
                    .plain_uses
                    .iter()
                    .find(|u| *u < def && (library.is_some() || u.0 != def.0));
                if let Some(early) = early {
                    out.push(Finding::new(
                        id(early),
                        Kind::UsedBeforeDefinition,
                        name.clone(),
                        format!("defined in {}", id(def)),
                    ));
                }
                if term.uses.is_empty() {
                    out.push(Finding::new(
                        id(def),
                        Kind::UnusedTerm,
                        name.clone(),
                        String::new(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse_body;
    use crate::lang::Lang;

    fn piece<'a>(id: &'a str, body: &str) -> Piece<'a> {
        Piece {
            id,
            paragraphs: parse_body(body, Lang::Ja),
        }
    }

    fn run(pieces: &[Piece], library: Option<&BTreeSet<String>>) -> Vec<(String, Kind, String)> {
        let mut out = Vec::new();
        check(pieces, library, &mut out);
        out.into_iter()
            .map(|f| (f.clause, f.kind, f.words))
            .collect()
    }

    #[test]
    fn both_forms_of_definition_are_read() {
        let text =
            "書面（以下「説明書」という。）を作る。\n- 「検収」とは、確認をいう。「引用」による。";
        let terms: Vec<&str> = definitions(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(terms, ["説明書", "検収"]);
    }

    #[test]
    fn unused_forward_and_undefined_terms_are_found() {
        let pieces = [
            piece("a", "乙は、説明書を出す。"),
            piece(
                "b",
                "書面（以下「説明書」という。）及び記録（以下「記録簿」という。）",
            ),
            piece("c", "乙は、説明書により確認書を示す。"),
            piece("d", "第2条に定める記録簿は使わない。"),
        ];
        let library: BTreeSet<String> = ["確認書".to_string()].into();
        let mut got = run(&pieces, Some(&library));
        got.sort();
        assert_eq!(
            got,
            [
                ("a".into(), Kind::UsedBeforeDefinition, "説明書".into()),
                ("c".into(), Kind::UsedWithoutDefinition, "確認書".into()),
            ]
        );
    }

    #[test]
    fn a_term_inside_a_longer_term_is_not_a_use() {
        let pieces = [piece(
            "a",
            "額（以下「上限額」という。）と別の額（以下「特別上限額」という。）。特別上限額による。",
        )];
        assert_eq!(
            run(&pieces, None),
            [("a".into(), Kind::UnusedTerm, "上限額".into())]
        );
    }
}
