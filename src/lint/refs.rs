//! Article references in clause bodies as written: numbers typed by hand, and `article`
//! references that can meet an absent clause.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::memmem;

use super::{Finding, Kind};
use crate::condition::{CmpOp, Expr};
use crate::lang::Lang;
use crate::library::{Clause, Library};
use crate::value::Value;

/// Words before 第N条 that make it a citation of a statute or of the main contract.
const CITED: &[&str] = &["法", "法律", "令", "規則", "条例", "規程", "原契約", "約款"];

/// Words naming a statute in an English sentence.
const STATUTES: &[&str] = &[" Act", "APPI", " Code", "Rules", "Main Contract"];

fn numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇一二三四五六七八九十百".contains(c)
}

/// The text before a word, without what cannot be the word it belongs to: a closing
/// parenthetical (「番号法」という。）第10条 cites 番号法) and template tags (法{% if x %}第68条;
/// before an `else`, the whole `if` branch).
fn before_word(mut text: &str) -> &str {
    loop {
        if text.ends_with('）') {
            let mut depth = 0usize;
            let mut cut = None;
            for (i, c) in text.char_indices().rev() {
                match c {
                    '）' => depth += 1,
                    '（' => {
                        depth -= 1;
                        if depth == 0 {
                            cut = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            match cut {
                Some(i) => text = &text[..i],
                None => return text,
            }
        } else if text.ends_with("%}") {
            let Some(start) = text.rfind("{%") else {
                return text;
            };
            let word = text[start + 2..].trim_start_matches('-').trim_start();
            text = &text[..start];
            if word.starts_with("else") || word.starts_with("elif") {
                text = &text[..matching_if(text)];
            }
        } else {
            return text;
        }
    }
}

/// The start of the `{% if %}` tag that the branch ending `text` belongs to.
fn matching_if(text: &str) -> usize {
    let mut depth = 0usize;
    let mut end = text.len();
    while let Some(start) = text[..end].rfind("{%") {
        let word = text[start + 2..end].trim_start_matches('-').trim_start();
        if word.starts_with("endif") {
            depth += 1;
        } else if word.starts_with("if ") {
            if depth == 0 {
                return start;
            }
            depth -= 1;
        }
        end = start;
    }
    0
}

/// The words a hand-typed reference starts with: found by one vectorised search, not
/// char by char (this loop was most of the lint of a large library).
static JA_STARTS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(["第", "前条", "次条"]).expect("fixed words"));

fn hand_typed_ja(id: &str, body: &str, out: &mut Vec<Finding>) {
    for m in JA_STARTS.find_iter(body) {
        let (i, word) = (m.start(), &body[m.range()]);
        let rest = &body[m.end()..];
        let words = if word == "第" {
            let digits: usize = rest
                .chars()
                .take_while(|&d| numeral(d))
                .map(char::len_utf8)
                .sum();
            if digits == 0 || !rest[digits..].starts_with('条') {
                continue;
            }
            let before = before_word(&body[..i]);
            if CITED.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            format!("第{}条", &rest[..digits])
        } else if rest.starts_with('件') {
            continue;
        } else {
            // 前条 and 次条 count from this article's number, which the clause set decides.
            word.to_string()
        };
        out.push(Finding {
            offset: Some(i),
            ..Finding::new(id, Kind::HandTypedReference, words, "")
        });
    }
}

fn hand_typed_en(id: &str, body: &str, out: &mut Vec<Finding>) {
    for i in memmem::find_iter(body.as_bytes(), "Article ") {
        let from = i + "Article ".len();
        let rest = &body[from..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            continue;
        }
        // 26(1), 29-4, 644-2(1): a citation goes on to name its statute with "of".
        let tail = rest[digits..]
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || "()-".contains(c));
        // Or its sentence names the statute: "under Article 67 not to disclose" (of that Act).
        let start = body[..i].rfind(". ").map_or(0, |s| s + 2);
        let end = rest.find(". ").map_or(body.len(), |e| from + e);
        let sentence = &body[start..end];
        if tail.starts_with(" of ") || STATUTES.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        out.push(Finding {
            offset: Some(i),
            lang: Lang::En,
            ..Finding::new(
                id,
                Kind::HandTypedReference,
                format!("Article {}", &rest[..digits]),
                "",
            )
        });
    }
}

/// The condition without positions, to compare conditions written in different places.
fn canon(e: &Expr) -> String {
    match e {
        Expr::Lit(v, _) => v.display(),
        Expr::Var(n, _) => n.clone(),
        Expr::Not(a) => format!("not {}", canon(a)),
        Expr::And(a, b) => format!("({} and {})", canon(a), canon(b)),
        Expr::Or(a, b) => format!("({} or {})", canon(a), canon(b)),
        Expr::Cmp(op, a, b) => format!("({} {op:?} {})", canon(a), canon(b)),
        Expr::Arith(op, a, b) => format!("({} {op:?} {})", canon(a), canon(b)),
        Expr::In {
            needle,
            haystack,
            negated,
        } => format!("({} in{negated} {})", canon(needle), canon(haystack)),
    }
}

fn conjuncts<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::And(a, b) => {
            conjuncts(a, out);
            conjuncts(b, out);
        }
        _ => out.push(e),
    }
}

fn disjuncts<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::Or(a, b) => {
            disjuncts(a, out);
            disjuncts(b, out);
        }
        _ => out.push(e),
    }
}

/// What holds wherever a piece of text is rendered: the clause's condition and the
/// template conditions around the text.
struct Known {
    facts: BTreeSet<String>,
    stances: Option<Vec<String>>,
}

impl Known {
    fn new(citing: &Clause, guards: &[Expr], all_stances: &[String]) -> Known {
        let mut all = Vec::new();
        conjuncts(&citing.when, &mut all);
        for g in guards {
            conjuncts(g, &mut all);
        }
        let mut stances = citing.stance.clone();
        for e in &all {
            let (negated, cmp) = match e {
                Expr::Not(inner) => (true, &**inner),
                _ => (false, *e),
            };
            let Expr::Cmp(op @ (CmpOp::Eq | CmpOp::Ne), a, b) = cmp else {
                continue;
            };
            let (Expr::Var(n, _), Expr::Lit(Value::Str(s), _)) = (&**a, &**b) else {
                continue;
            };
            if n != "stance" {
                continue;
            }
            let current = stances.take().unwrap_or_else(|| all_stances.to_vec());
            let is = (*op == CmpOp::Eq) != negated;
            stances = Some(current.into_iter().filter(|x| (x == s) == is).collect());
        }
        Known {
            facts: all.iter().map(|e| canon(e)).collect(),
            stances,
        }
    }

    /// Whether `target` is in every clause set where this text is.
    fn implies(&self, target: &Clause) -> bool {
        let stance_ok = match (&target.stance, &self.stances) {
            (None, _) => true,
            (Some(t), Some(s)) => s.iter().all(|x| t.contains(x)),
            (Some(_), None) => false,
        };
        let mut needed = Vec::new();
        conjuncts(&target.when, &mut needed);
        let when_ok = needed.iter().all(|e| {
            let mut any = Vec::new();
            disjuncts(e, &mut any);
            matches!(e, Expr::Lit(Value::Bool(true), _))
                || self.facts.contains(&canon(e))
                || any.iter().any(|d| self.facts.contains(&canon(d)))
        });
        stance_ok && when_ok
    }
}

/// The string literal ending right before `| article` in a tag's text, for each reference.
fn references(tag: &str) -> Vec<String> {
    // Built once: a library has tens of thousands of tags.
    static ARTICLE: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("article"));
    let mut out = Vec::new();
    for i in ARTICLE.find_iter(tag.as_bytes()) {
        let before = tag[..i].trim_end();
        let Some(before) = before.strip_suffix('|') else {
            continue;
        };
        let before = before.trim_end();
        let Some(q) = before
            .chars()
            .next_back()
            .filter(|c| *c == '"' || *c == '\'')
        else {
            continue;
        };
        let inner = &before[..before.len() - 1];
        if let Some(open) = inner.rfind(q) {
            out.push(inner[open + 1..].to_string());
        }
    }
    out
}

/// An open branch of an `if`: its condition, negated in the `else` branch.
struct Branch {
    cond: String,
    negated: bool,
}

fn guarded(open: &[Branch], id: &str) -> bool {
    let forms = [
        format!("\"{id}\" in articles"),
        format!("'{id}' in articles"),
    ];
    open.iter()
        .filter(|b| !b.negated)
        .any(|b| forms.iter().any(|f| b.cond.contains(f.as_str())))
}

fn unguarded(
    clauses: &HashMap<&str, &Clause>,
    stances: &[String],
    c: &Clause,
    lang: Lang,
    out: &mut Vec<Finding>,
) {
    let body = &c.body[lang];
    // The open `if` branches (a `for` opens one that knows nothing).
    let mut open: Vec<Branch> = Vec::new();
    let mut reported = BTreeSet::new();
    let mut from = 0;
    while let Some(i) = body[from..].find('{').map(|i| i + from) {
        from = i + 1;
        let close = match body.get(i..i + 2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => continue,
        };
        let Some(len) = memmem::find(&body.as_bytes()[i + 2..], close.as_bytes()) else {
            break;
        };
        let inner = body[i + 2..i + 2 + len].trim_matches(|c: char| c == '-' || c.is_whitespace());
        from = i + 2 + len;
        if close == "%}" {
            let (word, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let branch = |negated| Branch {
                cond: rest.to_string(),
                negated,
            };
            match word {
                "if" => open.push(branch(false)),
                "elif" => {
                    open.pop();
                    open.push(branch(false));
                }
                "else" => {
                    if let Some(b) = open.last_mut() {
                        b.negated = true;
                    }
                }
                "for" => open.push(Branch {
                    cond: "true".into(),
                    negated: false,
                }),
                "endif" | "endfor" => {
                    open.pop();
                }
                _ => {}
            }
        }
        for id in references(inner) {
            let Some(&target) = clauses.get(id.as_str()) else {
                out.push(Finding {
                    offset: Some(i),
                    lang,
                    ..Finding::new(&c.id, Kind::UnknownReference, format!("\"{id}\""), "")
                });
                continue;
            };
            if guarded(&open, &id) || reported.contains(&id) {
                continue;
            }
            let guards: Vec<Expr> = open
                .iter()
                .filter_map(|b| {
                    let e = Expr::parse(&b.cond).ok()?;
                    Some(if b.negated { Expr::Not(Box::new(e)) } else { e })
                })
                .collect();
            if !Known::new(c, &guards, stances).implies(target) {
                let stance = target
                    .stance
                    .as_ref()
                    .map_or(String::new(), |s| format!(", stance {}", s.join(", ")));
                out.push(Finding {
                    offset: Some(i),
                    lang,
                    ..Finding::new(
                        &c.id,
                        Kind::UnguardedReference,
                        format!("\"{id}\" | article"),
                        format!(
                            "{id} applies when `{}`{stance}; guard it with {{% if \"{id}\" in articles %}}",
                            target.when_src
                        ),
                    )
                });
                reported.insert(id);
            }
        }
    }
}

pub(super) fn check(library: &Library, out: &mut Vec<Finding>) {
    let clauses: HashMap<&str, &Clause> =
        library.clauses.iter().map(|c| (c.id.as_str(), c)).collect();
    let stances = library
        .question("stance")
        .map_or(&[][..], |q| q.choice_values.as_slice());
    for c in &library.clauses {
        hand_typed_ja(&c.id, &c.body.ja, out);
        hand_typed_en(&c.id, &c.body.en, out);
        for lang in Lang::ALL {
            unguarded(&clauses, stances, c, lang, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(f: fn(&str, &str, &mut Vec<Finding>), body: &str) -> Vec<String> {
        let mut out = Vec::new();
        f("x", body, &mut out);
        out.into_iter().map(|f| f.words).collect::<Vec<_>>()
    }

    #[test]
    fn statutes_are_cited_and_articles_of_the_rider_are_not_typed() {
        let ja = "民法第416条、同法第66条第2項、番号法（以下「番号法」という。）第10条、原契約第5条による。本特約第3条及び前条に定める。事前条件。";
        assert_eq!(words(hand_typed_ja, ja), ["第3条", "前条"]);
        let en = "Article 416 of the Civil Code, Article 26(1) of the APPI and Article 29-4 of it. Under Article 67 of that Act. See Article 3.";
        assert_eq!(words(hand_typed_en, en), ["Article 3"]);
    }

    #[test]
    fn references_are_read_from_tags() {
        assert_eq!(
            references(r#""a.b" | article ~ 'c.d'|article"#),
            ["a.b", "c.d"]
        );
        assert!(references("articles").is_empty());
    }
}
