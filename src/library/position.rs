//! The playbook: clauses that serve one purpose in different stances form a ladder of
//! named positions (preferred, fallback …), each with a one-line note on when to concede.
//! Read from `positions.toml` (optional). Counsel switches an article to another rung with
//! the `use` override; the memo lists the ladder of every article that has one.

use serde::Deserialize;
use toml::Spanned;

use super::load::{RawText, Reader};
use super::model::{Clause, Origin};
use super::validate::duplicates;
use crate::error::Diagnostic;
use crate::lang::Bilingual;

#[derive(Debug, Clone)]
pub struct Ladder {
    pub id: String,
    pub title: Bilingual<String>,
    /// From the most protective position down.
    pub positions: Vec<Position>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Position {
    pub clause: String,
    pub name: Bilingual<String>,
    /// When to concede to this position.
    pub note: Bilingual<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPosition {
    clause: String,
    name: RawText,
    note: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLadder {
    id: String,
    title: RawText,
    position: Vec<RawPosition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PositionsFile {
    #[serde(default)]
    ladder: Vec<Spanned<RawLadder>>,
}

/// Reads `positions.toml`.
pub(super) fn read(r: &mut Reader) -> Vec<Ladder> {
    let Some(file) = r.deserialize::<PositionsFile>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in file.ladder {
        let mut origin = r.origin(raw.span().start);
        let raw = raw.into_inner();
        let title = r.text(raw.title, "title", &raw.id, &mut origin);
        let positions = raw
            .position
            .into_iter()
            .map(|p| Position {
                name: r.text(p.name, "name", &raw.id, &mut origin),
                note: r.text(p.note, "note", &raw.id, &mut origin),
                clause: p.clause,
            })
            .collect();
        out.push(Ladder {
            id: raw.id,
            title,
            positions,
            origin,
        });
    }
    out
}

/// Every rung is a clause of the library, all of one family, each clause on one ladder at
/// most, and a ladder has two rungs at least.
pub(super) fn check(ladders: &[Ladder], clauses: &[Clause], diags: &mut Vec<Diagnostic>) {
    duplicates(
        ladders.iter().map(|l| (l.id.as_str(), &l.origin)),
        "ladder",
        diags,
    );
    let mut placed: std::collections::HashMap<&str, &str> = Default::default();
    let mut suggestions = crate::error::Suggestions::default();
    for l in ladders {
        let problem = |m: String| l.origin.diag(&l.id, Some("position"), m);
        if !l.id.starts_with("ladder.") || l.id.len() == "ladder.".len() {
            diags.push(l.origin.diag(&l.id, None, "a ladder id is ladder.<name>"));
        }
        if l.positions.len() < 2 {
            diags.push(problem("a ladder has two positions at least".into()));
        }
        let mut family: Option<&str> = None;
        for p in &l.positions {
            let Some(c) = clauses.iter().find(|c| c.id == p.clause) else {
                let near = suggestions.near(&p.clause, clauses.iter().map(|c| c.id.as_str()));
                let hint = near.map_or(String::new(), |n| format!(" (did you mean \"{n}\"?)"));
                diags.push(problem(format!("unknown clause \"{}\"{hint}", p.clause)));
                continue;
            };
            match family {
                Some(f) if f != c.family => diags.push(problem(format!(
                    "\"{}\" is a {} clause; the positions of a ladder are of one family ({f})",
                    c.id, c.family
                ))),
                _ => family = Some(&c.family),
            }
            if let Some(other) = placed.insert(&p.clause, &l.id) {
                diags.push(problem(format!(
                    "\"{}\" is already a position of the ladder \"{other}\"",
                    p.clause
                )));
            }
        }
    }
}

/// The ladder a clause stands on, if any.
pub(crate) fn ladder_of<'l>(ladders: &'l [Ladder], clause: &str) -> Option<&'l Ladder> {
    ladders
        .iter()
        .find(|l| l.positions.iter().any(|p| p.clause == clause))
}
