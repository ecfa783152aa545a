//! Organisation overlays: a folder of library files laid over the library (embedded or
//! `--library`). An overlay file is read like the library file of the same name; each
//! clause, question, source, warning rule, annex, family and section it holds replaces the
//! library's item with the same id, in place, or is added after the library's items.
//! `retire.toml` (`retire = ["id", …]`) removes items by id. The combination is then
//! validated as one library, so a retired source that a clause still cites is an error
//! naming the clause. Pure: the files come in as texts.

use serde::Deserialize;
use toml::Spanned;

use super::load::{LibraryFile, Reader};
use super::model::Parsed;
use crate::error::{Diagnostic, Suggestions};

/// The file of an overlay that retires ids.
pub(crate) const RETIRE_FILE: &str = "retire";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetireFile {
    retire: Vec<Spanned<String>>,
}

/// Lays one overlay's files over `base`. Problems go to `diags`.
pub(crate) fn apply(base: &mut Parsed, files: &[LibraryFile], diags: &mut Vec<Diagnostic>) {
    let (retire, layer): (Vec<&LibraryFile>, Vec<&LibraryFile>) =
        files.iter().partition(|f| f.stem() == RETIRE_FILE);
    let layer: Vec<LibraryFile> = layer.into_iter().cloned().collect();
    let over = super::load::load_layer(&layer, diags, false);
    merge(base, over);
    for file in retire {
        let mut r = Reader::new(file, &mut *diags);
        let Some(f) = r.deserialize::<RetireFile>() else {
            continue;
        };
        let ids: Vec<_> = f
            .retire
            .into_iter()
            .map(|id| (r.origin(id.span().start), id.into_inner()))
            .collect();
        let mut suggestions = Suggestions::default();
        for (origin, id) in ids {
            if remove(base, &id) {
                continue;
            }
            let near = suggestions.near(&id, base.ids());
            let hint = near.map_or(String::new(), |n| format!(" (did you mean \"{n}\"?)"));
            diags.push(origin.diag(
                &id,
                Some("retire"),
                format!("nothing to retire: no clause, question, source, warning or annex \"{id}\"{hint}"),
            ));
        }
    }
}

/// Replaces by id in place, else appends.
fn put<T>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str) {
    match items.iter().position(|i| id(i) == id(&item)) {
        Some(at) => items[at] = item,
        None => items.push(item),
    }
}

fn merge(base: &mut Parsed, over: Parsed) {
    for q in over.questions {
        put(&mut base.questions, q, |(q, _)| &q.id);
    }
    for s in over.sources {
        put(&mut base.sources, s, |(s, _)| &s.id);
    }
    for w in over.warnings {
        put(&mut base.warnings, w, |w| &w.code);
    }
    for f in over.families {
        put(&mut base.families, f, |(f, _)| &f.id);
    }
    for s in over.sections {
        put(&mut base.sections, s, |(s, _)| &s.id);
    }
    for a in over.annexes {
        put(&mut base.annexes, a, |a| &a.id);
    }
    for l in over.ladders {
        put(&mut base.ladders, l, |l| &l.id);
    }
    // A clause and the family of the file it came from travel together.
    let mut clauses: Vec<_> = std::mem::take(&mut base.clauses)
        .into_iter()
        .zip(std::mem::take(&mut base.clause_file_family))
        .collect();
    for c in over.clauses.into_iter().zip(over.clause_file_family) {
        put(&mut clauses, c, |(c, _)| &c.id);
    }
    (base.clauses, base.clause_file_family) = clauses.into_iter().unzip();
    base.clause_files.extend(over.clause_files);
}

/// Removes the item with this id, whatever its kind; false when there is none.
fn remove(base: &mut Parsed, id: &str) -> bool {
    let before = base.len();
    base.questions.retain(|(q, _)| q.id != id);
    base.sources.retain(|(s, _)| s.id != id);
    base.warnings.retain(|w| w.code != id);
    base.annexes.retain(|a| a.id != id);
    base.ladders.retain(|l| l.id != id);
    let (clauses, families): (Vec<_>, Vec<_>) = std::mem::take(&mut base.clauses)
        .into_iter()
        .zip(std::mem::take(&mut base.clause_file_family))
        .filter(|(c, _)| c.id != id)
        .unzip();
    (base.clauses, base.clause_file_family) = (clauses, families);
    base.len() != before
}

impl Parsed {
    fn len(&self) -> usize {
        self.questions.len()
            + self.sources.len()
            + self.warnings.len()
            + self.annexes.len()
            + self.ladders.len()
            + self.clauses.len()
    }

    /// Every id an overlay can retire.
    fn ids(&self) -> impl Iterator<Item = &str> {
        let q = self.questions.iter().map(|(q, _)| q.id.as_str());
        let s = self.sources.iter().map(|(s, _)| s.id.as_str());
        let w = self.warnings.iter().map(|w| w.code.as_str());
        let a = self.annexes.iter().map(|a| a.id.as_str());
        let l = self.ladders.iter().map(|l| l.id.as_str());
        let c = self.clauses.iter().map(|c| c.id.as_str());
        q.chain(s).chain(w).chain(a).chain(l).chain(c)
    }
}
