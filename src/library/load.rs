//! From TOML text to the library model. Pure: the caller supplies the files' names and
//! texts (embedded in the binary, or read from a folder at the edge).

use serde::Deserialize;
use toml::Spanned;

use super::model::{Choice, Clause, Kind, Library, Question, Source, WarningRule};
use super::validate;
use crate::condition::Expr;
use crate::error::{Diagnostic, Diagnostics, LineIndex};
use crate::lang::Bilingual;
use crate::value::Value;

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

/// Where an item of the library was written: its file, the start of its table, and the
/// start of the text of each of its string fields (so template and condition errors can
/// point into the file).
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub file: String,
    pub pos: Option<(usize, usize)>,
    pub fields: Vec<(String, (usize, usize))>,
}

impl Origin {
    pub fn field(&self, key: &str) -> Option<(usize, usize)> {
        self.fields.iter().find(|(k, _)| k == key).map(|&(_, p)| p)
    }

    /// The file position of `(line, col)` (1-based) inside the text of field `key`.
    pub fn inside(&self, key: &str, line: usize, col: usize) -> Option<(usize, usize)> {
        let (l0, c0) = self.field(key).or(self.pos)?;
        Some(if line <= 1 {
            (l0, c0 + col.saturating_sub(1))
        } else {
            (l0 + line - 1, col)
        })
    }

    pub fn diag(&self, id: &str, key: Option<&str>, message: impl Into<String>) -> Diagnostic {
        let pos = key.and_then(|k| self.field(k)).or(self.pos);
        let d = Diagnostic::new(&self.file, message).at(pos).id(id);
        match key {
            Some(k) => d.key(k),
            None => d,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    ja: Option<Spanned<String>>,
    en: Option<Spanned<String>>,
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

/// Everything read from the files before cross-checking, with origins.
#[derive(Default)]
pub(super) struct Parsed {
    pub questions: Vec<(Question, Origin)>,
    pub sources: Vec<(Source, Origin)>,
    pub clauses: Vec<Clause>,
    pub warnings: Vec<WarningRule>,
    /// Clause files by family, to check that a clause sits in its family's file.
    pub clause_file_family: Vec<String>,
}

struct Reader<'a> {
    file: &'a LibraryFile,
    lines: LineIndex<'a>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn pos(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(offset)
    }

    /// The position where the text of a string value starts (after its opening quotes and
    /// the newline TOML trims after `"""`).
    fn content_pos<T>(&self, s: &Spanned<T>) -> (usize, usize) {
        let text = &self.file.text;
        let start = s.span().start;
        let rest = &text[start.min(text.len())..];
        let skip = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            let after = &rest[3..];
            3 + if after.starts_with("\r\n") {
                2
            } else if after.starts_with('\n') {
                1
            } else {
                0
            }
        } else if rest.starts_with('"') || rest.starts_with('\'') {
            1
        } else {
            0
        };
        self.pos(start + skip)
    }

    fn origin(&self, start: usize) -> Origin {
        Origin {
            file: self.file.name.clone(),
            pos: Some(self.pos(start)),
            fields: Vec::new(),
        }
    }

    /// Reads `key.ja` / `key.en`; a missing or blank text is reported, never silently empty.
    fn text(
        &mut self,
        raw: RawText,
        key: &str,
        id: &str,
        origin: &mut Origin,
    ) -> Bilingual<String> {
        let mut get = |t: Option<Spanned<String>>, lang: &str| -> String {
            let field = format!("{key}.{lang}");
            match t {
                Some(s) if !s.get_ref().trim().is_empty() => {
                    origin.fields.push((field, self.content_pos(&s)));
                    s.into_inner()
                }
                _ => {
                    self.diags.push(
                        origin
                            .diag(id, None, format!("missing {lang} text"))
                            .key(&field),
                    );
                    String::new()
                }
            }
        };
        let ja = get(raw.ja, "ja");
        let en = get(raw.en, "en");
        Bilingual::new(ja, en)
    }

    fn condition(&mut self, src: &Spanned<String>, id: &str, origin: &mut Origin) -> Expr {
        origin.fields.push(("when".into(), self.content_pos(src)));
        match Expr::parse(src.get_ref()) {
            Ok(e) => e,
            Err(e) => {
                let col = src.get_ref()[..e.offset.min(src.get_ref().len())]
                    .chars()
                    .count()
                    + 1;
                self.diags.push(
                    Diagnostic::new(&self.file.name, format!("condition: {}", e.message))
                        .at(origin.inside("when", 1, col))
                        .id(id)
                        .key("when"),
                );
                Expr::Lit(Value::Bool(false), 0)
            }
        }
    }

    fn deserialize<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str::<T>(&self.file.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let pos = e.span().map(|s| self.pos(s.start));
                let msg = e.message().trim().replace('\n', " ");
                self.diags
                    .push(Diagnostic::new(&self.file.name, msg).at(pos));
                None
            }
        }
    }
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
            .map_err(|m| r.diags.push(origin.diag(&id, Some("default"), m)))
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
    origin
        .fields
        .push(("sources".into(), r.pos(raw.sources.span().start)));
    if let Some(s) = &raw.stance {
        origin.fields.push(("stance".into(), r.pos(s.span().start)));
    }
    let title = r.text(raw.title, "title", &id, &mut origin);
    let body = r.text(raw.body, "body", &id, &mut origin);
    let rationale = r.text(raw.rationale, "rationale", &id, &mut origin);
    let (when, when_src) = match raw.when {
        Some(w) => (r.condition(&w, &id, &mut origin), w.into_inner()),
        None => (Expr::Lit(Value::Bool(true), 0), "true".to_string()),
    };
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

/// Parses and validates a whole library. All problems come back at once.
pub fn parse_library(files: &[LibraryFile]) -> Result<Library, Diagnostics> {
    let mut diags = Vec::new();
    let mut parsed = Parsed::default();
    let mut seen = [false; 2];
    for file in files {
        let mut r = Reader {
            file,
            lines: LineIndex::new(&file.text),
            diags: &mut diags,
        };
        match file.stem() {
            "questions" => {
                seen[0] = true;
                if let Some(f) = r.deserialize::<QuestionsFile>() {
                    for q in f.question {
                        let item = question(&mut r, q);
                        parsed.questions.push(item);
                    }
                }
            }
            "sources" => {
                seen[1] = true;
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
            family => {
                if super::family::family(family).is_none() {
                    r.diags.push(Diagnostic::new(
                        &file.name,
                        format!(
                            "\"{family}\" is not a clause family; a clause file is named after its family ({})",
                            super::FAMILIES.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                    continue;
                }
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
    for (present, name) in seen.iter().zip(["questions.toml", "sources.toml"]) {
        if !present {
            diags.push(Diagnostic::new(name, "the library has no such file"));
        }
    }
    let library = validate::validate(parsed, &mut diags);
    if diags.is_empty() {
        Ok(library)
    } else {
        Err(Diagnostics(diags))
    }
}
