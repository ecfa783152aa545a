//! The validated library, ready for the engine.

use std::collections::HashMap;

pub use super::family::{Family, Section};
use crate::condition::Expr;
use crate::error::Diagnostic;
use crate::lang::{Bilingual, Lang};
use crate::value::{Type, Value};

mod computed;
pub use computed::{COMPUTE_INPUTS, COMPUTED, ComputeInput, input};

/// The questions of the interface contract, with the kinds other tools rely on.
pub(crate) const CONTRACT_QUESTIONS: &[(&str, Kind)] = &[
    ("personal_data", Kind::Bool),
    ("personal_data_kinds", Kind::Multi),
    ("data_subjects", Kind::Int),
    ("dmz", Kind::Bool),
    ("subcontracting", Kind::Bool),
    ("budget_jpy", Kind::Yen),
    ("maintenance", Kind::Bool),
    ("ai_use", Kind::Bool),
    ("stance", Kind::Choice),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    /// An amount in yen: an integer shown with thousands separators.
    Yen,
    Choice,
    Multi,
    Text,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "bool" => Kind::Bool,
            "int" => Kind::Int,
            "yen" => Kind::Yen,
            "choice" => Kind::Choice,
            "multi" => Kind::Multi,
            "text" => Kind::Text,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Yen => "yen",
            Kind::Choice => "choice",
            Kind::Multi => "multi",
            Kind::Text => "text",
        }
    }

    pub fn ty(self) -> Type {
        match self {
            Kind::Bool => Type::Bool,
            Kind::Int | Kind::Yen => Type::Int,
            Kind::Choice | Kind::Text => Type::Str,
            Kind::Multi => Type::List,
        }
    }

    /// Reads a TOML value as a value of this kind (types only; ranges are `Question::check`).
    /// The value as written in the answers file, or what is wrong with it (in both
    /// languages: the officer reads it in the questionnaire's).
    pub fn read(self, v: &toml::Value) -> Result<Value, Bilingual<String>> {
        let got = v.type_str();
        let (ja, en) = self.expected();
        let wrong = || {
            Err(Bilingual::new(
                format!("{ja}で書いてください（{got} が書かれています）"),
                format!("expected {en}, found {got}"),
            ))
        };
        match (self, v) {
            (Kind::Bool, toml::Value::Boolean(b)) => Ok(Value::Bool(*b)),
            (Kind::Int | Kind::Yen, toml::Value::Integer(i)) => Ok(Value::Int(*i)),
            (Kind::Choice | Kind::Text, toml::Value::String(s)) => Ok(Value::Str(s.clone())),
            (Kind::Multi, toml::Value::Array(items)) => items
                .iter()
                .map(|i| i.as_str().map(str::to_string).ok_or(()))
                .collect::<Result<Vec<_>, ()>>()
                .map(Value::List)
                .map_err(|()| {
                    Bilingual::new(
                        "選択肢の値（文字列）の配列で書いてください".to_string(),
                        "expected a list of strings".to_string(),
                    )
                }),
            _ => wrong(),
        }
    }

    fn expected(self) -> (&'static str, &'static str) {
        match self {
            Kind::Bool => ("true 又は false", "true or false"),
            Kind::Int => ("整数", "an integer"),
            Kind::Yen => ("円単位の整数", "an integer amount in yen"),
            Kind::Choice => ("選択肢の値（文字列）", "one of the choices as a string"),
            Kind::Multi => ("選択肢の値の配列", "a list of choices"),
            Kind::Text => ("文字列", "a string"),
        }
    }

    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Choice | Kind::Multi)
    }
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: Bilingual<String>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub section: String,
    pub kind: Kind,
    pub prompt: Bilingual<String>,
    pub help: Bilingual<String>,
    pub choices: Vec<Choice>,
    /// Absent: the answer is required whenever the question is asked.
    pub default: Option<Value>,
    /// Skip logic: the question is asked only when this holds.
    pub when: Option<(Expr, String)>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// The choice values, kept apart for the condition checker.
    pub choice_values: Vec<String>,
}

impl Question {
    pub fn choice(&self, value: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.value == value)
    }

    /// Checks a typed value against the question's range and choices.
    /// Whether a value is one this question takes: in range, among the choices, listed
    /// once; what is wrong in both languages.
    pub fn check(&self, value: &Value) -> Result<(), Bilingual<String>> {
        let choices = || self.choice_values.join(", ");
        let not_a_choice = |s: &str| {
            Err(Bilingual::new(
                format!("「{s}」は選択肢にありません（選択肢: {}）", choices()),
                format!("\"{s}\" is not one of the choices ({})", choices()),
            ))
        };
        match value {
            Value::Int(n) => {
                if let Some(min) = self.min.filter(|m| n < m) {
                    return Err(Bilingual::new(
                        format!("{n} は最小値 {min} を下回っています"),
                        format!("{n} is below the minimum {min}"),
                    ));
                }
                if let Some(max) = self.max.filter(|m| n > m) {
                    return Err(Bilingual::new(
                        format!("{n} は最大値 {max} を超えています"),
                        format!("{n} is above the maximum {max}"),
                    ));
                }
            }
            Value::Str(s) if self.kind == Kind::Choice && self.choice(s).is_none() => {
                return not_a_choice(s);
            }
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if self.choice(item).is_none() {
                        return not_a_choice(item);
                    }
                    if items[..i].contains(item) {
                        return Err(Bilingual::new(
                            format!("「{item}」が二度書かれています"),
                            format!("\"{item}\" is listed twice"),
                        ));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The value a skipped question takes.
    pub(crate) fn skipped_value(&self) -> Value {
        self.default
            .clone()
            .unwrap_or_else(|| self.kind.ty().zero())
    }

    /// A value in words, in one language: choice labels, amounts with separators.
    pub(crate) fn describe(&self, value: &Value, lang: Lang) -> String {
        let w = &crate::labels::get(lang).values;
        match value {
            Value::Bool(b) => if *b { &w.yes } else { &w.no }.clone(),
            Value::Int(n) if self.kind == Kind::Yen => crate::format::yen(*n, lang),
            Value::Int(n) => crate::format::thousands(*n),
            Value::Str(s) => self.label(s, lang),
            Value::List(items) if items.is_empty() => w.none.clone(),
            Value::List(items) => items
                .iter()
                .map(|i| self.label(i, lang))
                .collect::<Vec<_>>()
                .join(&w.list_sep),
        }
    }

    fn label(&self, value: &str, lang: Lang) -> String {
        self.choice(value)
            .map_or_else(|| value.to_string(), |c| c.label[lang].clone())
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub citation: Bilingual<String>,
    pub holding: Bilingual<String>,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub id: String,
    pub family: String,
    pub order: i64,
    pub title: Bilingual<String>,
    pub when: Expr,
    /// The condition as written, for traces.
    pub when_src: String,
    /// The stances the clause serves; `None` = all.
    pub stance: Option<Vec<String>>,
    pub body: Bilingual<String>,
    pub rationale: Bilingual<String>,
    pub sources: Vec<String>,
    /// Where the clause was written, for template errors found when rendering.
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct WarningRule {
    pub code: String,
    pub when: Expr,
    pub when_src: String,
    /// A Tera template, like a clause body, so a warning can state the amounts at stake.
    pub message: Bilingual<String>,
    pub sources: Vec<String>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub questions: Vec<Question>,
    pub sources: Vec<Source>,
    pub clauses: Vec<Clause>,
    pub warnings: Vec<WarningRule>,
    /// Families, and the questionnaire's sections in the order they are asked.
    pub families: Vec<Family>,
    pub sections: Vec<Section>,
    /// The annexes (別紙), in file order; `annex::included` selects and numbers them.
    pub annexes: Vec<super::annex::Annex>,
    /// The playbook's ladders of positions (`positions.toml`).
    pub ladders: Vec<super::position::Ladder>,
    /// Question indexes in an order where every question comes after those its `when` reads.
    pub eval_order: Vec<usize>,
    pub(crate) question_index: HashMap<String, usize>,
    pub(crate) source_index: HashMap<String, usize>,
}

impl Library {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The ladder of positions this clause stands on, if any.
    pub fn ladder(&self, clause: &str) -> Option<&super::position::Ladder> {
        super::position::ladder_of(&self.ladders, clause)
    }

    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    pub fn family(&self, id: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.id == id)
    }

    pub fn annex(&self, id: &str) -> Option<&super::annex::Annex> {
        self.annexes.iter().find(|a| a.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
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

/// Everything read from the files before cross-checking, with origins.
#[derive(Default)]
pub(crate) struct Parsed {
    pub questions: Vec<(Question, Origin)>,
    pub sources: Vec<(Source, Origin)>,
    pub clauses: Vec<Clause>,
    pub warnings: Vec<WarningRule>,
    pub families: Vec<(Family, Origin)>,
    pub sections: Vec<(Section, Origin)>,
    pub annexes: Vec<super::annex::Annex>,
    pub ladders: Vec<super::position::Ladder>,
    /// Clause files by family, to check that a clause sits in its family's file.
    pub clause_file_family: Vec<String>,
    /// Every clause file (name, stem): a stem must name a family.
    pub clause_files: Vec<(String, String)>,
}

impl Parsed {
    /// Appends what another file (or run of files) held, keeping file order.
    pub(crate) fn append(&mut self, other: Parsed) {
        self.questions.extend(other.questions);
        self.sources.extend(other.sources);
        self.clauses.extend(other.clauses);
        self.warnings.extend(other.warnings);
        self.families.extend(other.families);
        self.sections.extend(other.sections);
        self.annexes.extend(other.annexes);
        self.ladders.extend(other.ladders);
        self.clause_file_family.extend(other.clause_file_family);
        self.clause_files.extend(other.clause_files);
    }
}
