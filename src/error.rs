//! Errors of the core. Every problem names where it is: file, line and column, the clause
//! or question id and the key, so that a drafter can go straight to it.

use std::cell::Cell;
use std::fmt;

use crate::lang::{Bilingual, Lang};

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column, when the position is known.
    pub pos: Option<(usize, usize)>,
    /// The clause, question, source or warning id the problem belongs to.
    pub id: Option<String>,
    /// The key (field) at fault, e.g. `body.ja` or `personal_data_kinds`.
    pub key: Option<String>,
    pub message: String,
    /// The message in Japanese, where the problem is in what an officer or counsel wrote
    /// (the answers file): the questionnaire says it in the user's language.
    pub message_ja: Option<Box<str>>,
}

impl Diagnostic {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            pos: None,
            id: None,
            key: None,
            message: message.into(),
            message_ja: None,
        }
    }

    /// A problem stated in both languages.
    pub fn said(file: &str, message: Bilingual<String>) -> Self {
        Diagnostic {
            message_ja: Some(message.ja.into()),
            ..Diagnostic::new(file, message.en)
        }
    }

    /// The diagnostic in one language: the place as it is, the message in Japanese where
    /// there is one (English otherwise).
    pub(crate) fn in_lang(&self, lang: Lang) -> String {
        match (&self.message_ja, lang) {
            (Some(ja), Lang::Ja) => Diagnostic {
                message: ja.to_string(),
                message_ja: None,
                ..self.clone()
            }
            .to_string(),
            _ => self.to_string(),
        }
    }

    pub fn at(mut self, pos: Option<(usize, usize)>) -> Self {
        self.pos = pos;
        self
    }

    pub fn id(mut self, id: &str) -> Self {
        self.id = Some(id.to_string());
        self
    }

    pub fn key(mut self, key: &str) -> Self {
        self.key = Some(key.to_string());
        self
    }
}

/// Where a problem is, as every message begins: `file:line:col: [id] key:`.
pub(crate) struct Place<'a> {
    pub file: &'a str,
    pub pos: Option<(usize, usize)>,
    pub id: Option<&'a str>,
    pub key: Option<&'a str>,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.pos {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ":")?;
        if let Some(id) = self.id {
            write!(f, " [{id}]")?;
        }
        if let Some(key) = self.key {
            write!(f, " {key}:")?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = Place {
            file: &self.file,
            pos: self.pos,
            id: self.id.as_deref(),
            key: self.key.as_deref(),
        };
        write!(f, "{place} {}", self.message)
    }
}

/// A list of problems, reported all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn in_lang(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.0.iter().map(|d| d.in_lang(lang)).collect();
        lines.join("\n")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The clause library or its templates are invalid.
    #[error("{0}")]
    Library(Diagnostics),
    /// The answers file is invalid.
    #[error("{0}")]
    Answers(Diagnostics),
    /// A clause or document template failed while rendering these answers.
    #[error("{0}")]
    Render(Diagnostics),
    /// A Word package could not be made: a fault of secdraft, not of the input.
    #[error("{0}")]
    Package(String),
}

impl Error {
    /// The problems in one language (see [`Diagnostic::in_lang`]).
    pub(crate) fn in_lang(&self, lang: Lang) -> String {
        match self {
            Error::Library(d) | Error::Answers(d) | Error::Render(d) => d.in_lang(lang),
            Error::Package(e) => e.clone(),
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Library(d) | Error::Answers(d) | Error::Render(d) => &d.0,
            Error::Package(_) => &[],
        }
    }

    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::Package(_))
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Byte offsets of line starts, so that positions cost a binary search, not a scan of the
/// file (a library file may hold thousands of clauses, each with several positions).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for, as (byte offset, column): a later one on its line is
    /// counted from there, so that a line of a hundred thousand positions (a one-line list)
    /// is counted once, not once per position.
    last: Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// A byte offset as a 1-based (line, column), columns counted in characters.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (from, col) = match self.last.get() {
            (at, col) if at >= start && at <= offset => (at, col),
            _ => (start, 1),
        };
        let col = col + self.text[from..offset].chars().count();
        self.last.set((offset, col));
        (line, col)
    }
}

/// A byte offset as a 1-based (line, column), for a one-off position.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

/// Names longer than this get no suggestion: ids are short, and comparing a 10 MB key
/// with every candidate would take minutes.
const SUGGEST_MAX_CHARS: usize = 64;

/// The candidate nearest to a misspelt name, if it is near enough to be a typo: the one
/// "did you mean" of every message.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = name.chars().count();
    if len > SUGGEST_MAX_CHARS {
        return None;
    }
    let near = |c: &str| 2.max(c.len() / 4);
    candidates
        // The distance is at least the difference in length: most candidates are
        // refused without it being computed.
        .filter(|c| c.chars().count().abs_diff(len) <= near(c))
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|&(d, c)| d <= near(c))
        .min()
        .map(|(_, c)| c)
}

/// The unknown names of one file that get a "did you mean": past them a hostile file of a
/// million misspelt names is reported in seconds, not in minutes of comparisons.
const SUGGESTED: usize = 200;

/// "Did you mean" for the unknown names of one file, the first [`SUGGESTED`] of them.
#[derive(Default)]
pub(crate) struct Suggestions {
    given: usize,
}

impl Suggestions {
    pub(crate) fn near<'a>(
        &mut self,
        name: &str,
        candidates: impl Iterator<Item = &'a str>,
    ) -> Option<&'a str> {
        if self.given >= SUGGESTED {
            return None;
        }
        self.given += 1;
        did_you_mean(name, candidates)
    }
}

/// A key as shown in a message: cut after 64 characters (a hostile file may hold a key
/// of megabytes).
pub(crate) fn shown_key(k: &str) -> String {
    match k.char_indices().nth(64) {
        Some((i, _)) => format!("{}…", &k[..i]),
        None => k.to_string(),
    }
}

/// A TOML error as a diagnostic with its position and, where the parser's message does
/// not say it, the key: the one written on the line of the error, under its table (keys
/// of `bare_table` are named without it, as the answers file names question ids).
/// A TOML parser's message with a Japanese lead: the detail is the parser's own words.
fn toml_words(msg: String) -> Bilingual<String> {
    Bilingual::new(format!("TOML の書式に誤りがあります（{msg}）"), msg)
}

/// The most TOML errors reported for one file: the parser goes on after each, and a
/// broken file could otherwise give one per line.
const TOML_ERRORS_SHOWN: usize = 50;

/// Every TOML error of `text`, one per line, when `e` (the deserializer's, which stops at
/// the first) is a syntax error: the parser recovers after each and reads on to the end. A value of the
/// wrong shape in a text that parses is `e` alone. Each error becomes a diagnostic by
/// `one`; past [`TOML_ERRORS_SHOWN`], a last one counts the rest.
pub(crate) fn toml_diagnostics(
    e: toml::de::Error,
    text: &str,
    file: &str,
    one: impl Fn(&toml::de::Error) -> Diagnostic,
) -> Vec<Diagnostic> {
    let (_, mut errors) = toml::de::DeTable::parse_recoverable(text);
    if errors.is_empty() {
        errors.push(e);
    }
    // One per line: after an error the parser skips to the line's end, and what it meets
    // on the way is the same mistake seen again.
    errors.sort_by_key(|e| e.span().map(|s| s.start));
    let lines = LineIndex::new(text);
    let mut last = None;
    errors.retain(|e| {
        let line = e.span().map(|s| lines.line_col(s.start).0);
        let first = line.is_none() || line != last;
        last = line;
        first
    });
    let mut diags: Vec<Diagnostic> = errors.iter().take(TOML_ERRORS_SHOWN).map(one).collect();
    let more = errors.len().saturating_sub(TOML_ERRORS_SHOWN);
    if more > 0 {
        diags.push(Diagnostic::said(
            file,
            Bilingual::new(
                format!("TOML の書式の誤りがほかに {more} 件あります（最初の {TOML_ERRORS_SHOWN} 件を示しました）"),
                format!("{more} more TOML errors (the first {TOML_ERRORS_SHOWN} are shown)"),
            ),
        ));
    }
    diags
}

pub fn toml_diagnostic(
    e: &toml::de::Error,
    text: &str,
    file: &str,
    bare_table: &str,
) -> Diagnostic {
    let mut msg = e.message().trim().replace('\n', " ");
    let Some(span) = e.span() else {
        return Diagnostic::said(file, toml_words(msg));
    };
    let start = text.floor_char_boundary(span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim();
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(['[', ']']).trim());
    let key = if line.starts_with('[') {
        Some(line.trim_matches(['[', ']']).trim().to_string())
    } else {
        line.split_once('=').map(|(k, _)| {
            let k = k.trim().trim_matches('"');
            match table {
                Some(t) if t != bare_table => format!("{t}.{k}"),
                _ => k.to_string(),
            }
        })
    };
    if msg.contains("as i128") {
        msg = "the number does not fit in a 64-bit integer".into();
    }
    let d = Diagnostic::said(file, toml_words(msg)).at(Some(line_col(text, span.start)));
    match key.filter(|k| !k.is_empty()) {
        Some(k) => d.key(&shown_key(&k)),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "a = 1\n甲乙 = \"x\"\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(6), (2, 1));
        assert_eq!(idx.line_col(6 + "甲乙 ".len()), (2, 4));
        assert_eq!(idx.line_col(1000), (3, 1));
    }

    #[test]
    fn positions_in_any_order_are_counted_as_from_the_line_start() {
        let text = "x = [\"甲\", \"乙乙\", \"丙\"]\ny = 1\n";
        let idx = LineIndex::new(text);
        let naive = |o: usize| {
            let start = text[..o].rfind('\n').map_or(0, |i| i + 1);
            text[start..o].chars().count() + 1
        };
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let backwards = offsets.iter().rev();
        for &o in offsets
            .iter()
            .chain(backwards)
            .chain(offsets.iter().step_by(3))
        {
            assert_eq!(idx.line_col(o).1, naive(o), "offset {o}");
        }
    }

    #[test]
    fn suggestions_are_near_and_bounded() {
        let ids = ["personal_data", "data_subjects", "stance"];
        assert_eq!(
            did_you_mean("persnal_data", ids.into_iter()),
            Some("personal_data")
        );
        assert_eq!(did_you_mean("budget", ids.into_iter()), None);
        let huge = "p".repeat(10_000_000);
        let t = std::time::Instant::now();
        assert_eq!(did_you_mean(&huge, ids.into_iter()), None);
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
    }
}
