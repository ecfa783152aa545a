//! From TOML text to the library model. Pure: the caller supplies the files' names and
//! texts (embedded in the binary, or read from a folder at the edge).

use serde::Deserialize;
use toml::Spanned;

mod reader;

use super::family::{Family, Section};
use super::model::{Choice, Clause, Kind, Origin, Parsed, Question, Source, WarningRule};
use crate::error::Diagnostic;
use crate::lang::Bilingual;
pub(super) use reader::{RawText, Reader};

/// One file of a library: its name as shown in messages, and its text.
#[derive(Debug, Clone)]
pub struct LibraryFile {
    pub name: String,
    pub text: String,
}

impl LibraryFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        LibraryFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The file name without folder and extension: `questions`, `liability`, …
    pub fn stem(&self) -> &str {
        let base = self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name);
        base.strip_suffix(".toml").unwrap_or(base)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    value: String,
    ja: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    section: Spanned<String>,
    kind: Spanned<String>,
    prompt: RawText,
    help: RawText,
    #[serde(default)]
    choices: Vec<RawChoice>,
    default: Option<Spanned<toml::Value>>,
    when: Option<Spanned<String>>,
    min: Option<i64>,
    max: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    citation: RawText,
    holding: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClause {
    id: String,
    family: Spanned<String>,
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
struct RawWarning {
    code: String,
    when: Spanned<String>,
    message: RawText,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNamed {
    id: String,
    order: i64,
    name: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamiliesFile {
    #[serde(default)]
    family: Vec<Spanned<RawNamed>>,
    #[serde(default)]
    section: Vec<Spanned<RawNamed>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningsFile {
    #[serde(default)]
    warning: Vec<Spanned<RawWarning>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClausesFile {
    #[serde(default)]
    clause: Vec<Spanned<RawClause>>,
}

fn question(r: &mut Reader, raw: Spanned<RawQuestion>) -> (Question, Origin) {
    let start = raw.span().start;
    let raw = raw.into_inner();
    let mut origin = r.origin(start);
    let id = raw.id.clone();
    origin
        .fields
        .push(("section".into(), r.pos(raw.section.span().start)));
    origin
        .fields
        .push(("kind".into(), r.pos(raw.kind.span().start)));
    let kind = Kind::parse(raw.kind.get_ref()).unwrap_or_else(|| {
        r.diags.push(origin.diag(
            &id,
            Some("kind"),
            format!(
                "unknown kind \"{}\" (bool, int, yen, choice, multi, text)",
                raw.kind.get_ref()
            ),
        ));
        Kind::Text
    });
    let prompt = r.text(raw.prompt, "prompt", &id, &mut origin);
    let help = r.text(raw.help, "help", &id, &mut origin);
    let when = raw.when.map(|w| {
        let e = r.condition(&w, &id, &mut origin);
        (e, w.into_inner())
    });
    let default = raw.default.and_then(|d| {
        origin
            .fields
            .push(("default".into(), r.pos(d.span().start)));
        kind.read(d.get_ref())
            .map_err(|m| r.diags.push(origin.diag(&id, Some("default"), m.en)))
            .ok()
    });
    let choices: Vec<Choice> = raw
        .choices
        .into_iter()
        .map(|c| Choice {
            value: c.value,
            label: Bilingual::new(c.ja, c.en),
        })
        .collect();
    let q = Question {
        id,
        section: raw.section.into_inner(),
        kind,
        prompt,
        help,
        choice_values: choices.iter().map(|c| c.value.clone()).collect(),
        choices,
        default,
        when,
        min: raw.min,
        max: raw.max,
    };
    (q, origin)
}

fn clause(r: &mut Reader, raw: Spanned<RawClause>) -> Clause {
    let start = raw.span().start;
    let raw = raw.into_inner();
    let mut origin = r.origin(start);
    let id = raw.id.clone();
    origin
        .fields
        .push(("family".into(), r.pos(raw.family.span().start)));
    r.selection_fields(
        &mut origin,
        raw.sources.span().start,
        raw.stance.as_ref().map(|s| s.span().start),
    );
    let title = r.text(raw.title, "title", &id, &mut origin);
    let body = r.text(raw.body, "body", &id, &mut origin);
    let rationale = r.text(raw.rationale, "rationale", &id, &mut origin);
    let (when, when_src) = r.when(raw.when, &id, &mut origin);
    Clause {
        id,
        family: raw.family.into_inner(),
        order: raw.order,
        title,
        when,
        when_src,
        stance: raw.stance.map(Spanned::into_inner),
        body,
        rationale,
        sources: raw.sources.into_inner(),
        origin,
    }
}

/// Reads every file of a library into the model, before cross-checks: a TOML syntax or
/// type error stops only its own file. Problems go to `diags`.
pub(crate) fn load(files: &[LibraryFile], diags: &mut Vec<Diagnostic>) -> Parsed {
    load_layer(files, diags, true)
}

/// As `load`; an overlay (`whole` false) need not have the files every library has.
pub(crate) fn load_layer(
    files: &[LibraryFile],
    diags: &mut Vec<Diagnostic>,
    whole: bool,
) -> Parsed {
    let mut parsed = Parsed::default();
    for (part, found) in read_in_parallel(files) {
        parsed.append(part);
        diags.extend(found);
    }
    for name in ["questions", "sources", "families"] {
        if whole && !files.iter().any(|f| f.stem() == name) {
            diags.push(Diagnostic::new(
                &format!("{name}.toml"),
                "the library has no such file",
            ));
        }
    }
    parsed
}

/// What one file holds, and its problems.
type Part = (Parsed, Vec<Diagnostic>);

/// Each file read on its own, on every core: TOML parsing is most of the cost of a large
/// library. Files are taken largest first and the parts come back in file order.
fn read_in_parallel(files: &[LibraryFile]) -> Vec<Part> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut by_size: Vec<usize> = (0..files.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(files[i].text.len()));
    let next = AtomicUsize::new(0);
    let parts: Vec<Mutex<Option<Part>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..cores.min(files.len()) {
            s.spawn(|| {
                while let Some(&i) = by_size.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let mut diags = Vec::new();
                    let mut parsed = Parsed::default();
                    read_file(&files[i], &mut parsed, &mut diags);
                    *parts[i].lock().unwrap_or_else(|e| e.into_inner()) = Some((parsed, diags));
                }
            });
        }
    });
    parts
        .into_iter()
        .filter_map(|p| p.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// Reads one library file into `parsed`, by its name.
fn read_file(file: &LibraryFile, parsed: &mut Parsed, diags: &mut Vec<Diagnostic>) {
    let mut r = Reader::new(file, &mut *diags);
    match file.stem() {
        "questions" => {
            if let Some(f) = r.deserialize::<QuestionsFile>() {
                for q in f.question {
                    let item = question(&mut r, q);
                    parsed.questions.push(item);
                }
            }
        }
        "sources" => {
            if let Some(f) = r.deserialize::<SourcesFile>() {
                for s in f.source {
                    let start = s.span().start;
                    let raw = s.into_inner();
                    let mut origin = r.origin(start);
                    let citation = r.text(raw.citation, "citation", &raw.id, &mut origin);
                    let holding = r.text(raw.holding, "holding", &raw.id, &mut origin);
                    let src = Source {
                        id: raw.id,
                        citation,
                        holding,
                    };
                    parsed.sources.push((src, origin));
                }
            }
        }
        "families" => {
            if let Some(f) = r.deserialize::<FamiliesFile>() {
                for raw in f.family {
                    let (id, name, order, origin) = named(&mut r, raw);
                    parsed.families.push((Family { id, name, order }, origin));
                }
                for raw in f.section {
                    let (id, name, order, origin) = named(&mut r, raw);
                    parsed.sections.push((Section { id, name, order }, origin));
                }
            }
        }
        "warnings" => {
            if let Some(f) = r.deserialize::<WarningsFile>() {
                for w in f.warning {
                    let start = w.span().start;
                    let raw = w.into_inner();
                    let mut origin = r.origin(start);
                    let message = r.text(raw.message, "message", &raw.code, &mut origin);
                    let when = r.condition(&raw.when, &raw.code, &mut origin);
                    let rule = WarningRule {
                        code: raw.code,
                        when,
                        when_src: raw.when.into_inner(),
                        message,
                        sources: raw.sources,
                        origin,
                    };
                    parsed.warnings.push(rule);
                }
            }
        }
        "annexes" => parsed.annexes.extend(super::annex::read(&mut r)),
        "positions" => parsed.ladders.extend(super::position::read(&mut r)),
        // Any other file holds the clauses of the family it is named after; whether
        // that family exists is known once families.toml is read (validate).
        family => {
            parsed
                .clause_files
                .push((file.name.clone(), family.to_string()));
            if let Some(f) = r.deserialize::<ClausesFile>() {
                for c in f.clause {
                    let item = clause(&mut r, c);
                    parsed.clauses.push(item);
                    parsed.clause_file_family.push(family.to_string());
                }
            }
        }
    }
}

fn named(r: &mut Reader, raw: Spanned<RawNamed>) -> (String, Bilingual<String>, i64, Origin) {
    let mut origin = r.origin(raw.span().start);
    let raw = raw.into_inner();
    let name = r.text(raw.name, "name", &raw.id, &mut origin);
    (raw.id, name, raw.order, origin)
}
