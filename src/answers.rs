//! The answers file: `[meta]` (the parties and the project, as data only) and `[answers]`
//! (typed values keyed by question id). Reading checks every key against the questionnaire;
//! writing is stable (questionnaire order) so that saved sessions diff cleanly.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Diagnostic, Diagnostics, LineIndex, shown_key, toml_diagnostic};
use crate::lang::Bilingual;
use crate::library::Library;
use crate::value::Value;

/// The project and the parties. Free text, never a template.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Meta {
    pub project_name: String,
    pub customer: String,
    pub vendor: String,
    /// The contract date, `YYYY-MM-DD`; empty when not known yet.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The title of the main contract the rider supplements, for the preamble.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_contract: String,
    /// The main contract's date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_contract_date: String,
    /// The execution block: each party's address and signatory (title and name).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_signatory: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vendor_address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vendor_signatory: String,
}

/// The `[meta]` keys, in the order the questionnaire asks them and files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaKey {
    ProjectName,
    Customer,
    Vendor,
    /// The rider's date: `YYYY-MM-DD`, optional.
    Date,
    /// The main contract the rider supplements, by title and date, for the preamble.
    MainContract,
    MainContractDate,
    /// The execution block: each party's address and signatory (title and name).
    CustomerAddress,
    CustomerSignatory,
    VendorAddress,
    VendorSignatory,
}

impl MetaKey {
    pub const ALL: [MetaKey; 10] = [
        MetaKey::ProjectName,
        MetaKey::Customer,
        MetaKey::Vendor,
        MetaKey::Date,
        MetaKey::MainContract,
        MetaKey::MainContractDate,
        MetaKey::CustomerAddress,
        MetaKey::CustomerSignatory,
        MetaKey::VendorAddress,
        MetaKey::VendorSignatory,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MetaKey::ProjectName => "project_name",
            MetaKey::Customer => "customer",
            MetaKey::Vendor => "vendor",
            MetaKey::Date => "date",
            MetaKey::MainContract => "main_contract",
            MetaKey::MainContractDate => "main_contract_date",
            MetaKey::CustomerAddress => "customer_address",
            MetaKey::CustomerSignatory => "customer_signatory",
            MetaKey::VendorAddress => "vendor_address",
            MetaKey::VendorSignatory => "vendor_signatory",
        }
    }

    pub fn parse(key: &str) -> Option<MetaKey> {
        MetaKey::ALL.into_iter().find(|k| k.name() == key)
    }

    /// The names the rider cannot do without: always written, and asked until given. The
    /// others are optional, blanks to fill in the document where absent.
    pub fn required(self) -> bool {
        matches!(
            self,
            MetaKey::ProjectName | MetaKey::Customer | MetaKey::Vendor
        )
    }

    /// Whether the value is a date (`YYYY-MM-DD`).
    pub(crate) fn is_date(self) -> bool {
        matches!(self, MetaKey::Date | MetaKey::MainContractDate)
    }
}

/// The field of `$fields` named by the meta key `$key`: the answers' `[meta]` and the
/// catalogue's words for it have one field per key, named as the key.
macro_rules! meta_field {
    ($fields:expr, $key:expr) => {
        match $key {
            MetaKey::ProjectName => &$fields.project_name,
            MetaKey::Customer => &$fields.customer,
            MetaKey::Vendor => &$fields.vendor,
            MetaKey::Date => &$fields.date,
            MetaKey::MainContract => &$fields.main_contract,
            MetaKey::MainContractDate => &$fields.main_contract_date,
            MetaKey::CustomerAddress => &$fields.customer_address,
            MetaKey::CustomerSignatory => &$fields.customer_signatory,
            MetaKey::VendorAddress => &$fields.vendor_address,
            MetaKey::VendorSignatory => &$fields.vendor_signatory,
        }
    };
}
pub(crate) use meta_field;

impl Meta {
    pub fn get(&self, key: MetaKey) -> &str {
        meta_field!(self, key)
    }

    /// Sets a field to the value exactly as given: the readers refuse what a one-line
    /// field cannot hold (line breaks, bidirectional controls) instead of cleaning it.
    pub fn set(&mut self, key: MetaKey, value: &str) {
        *match key {
            MetaKey::ProjectName => &mut self.project_name,
            MetaKey::Customer => &mut self.customer,
            MetaKey::Vendor => &mut self.vendor,
            MetaKey::Date => &mut self.date,
            MetaKey::MainContract => &mut self.main_contract,
            MetaKey::MainContractDate => &mut self.main_contract_date,
            MetaKey::CustomerAddress => &mut self.customer_address,
            MetaKey::CustomerSignatory => &mut self.customer_signatory,
            MetaKey::VendorAddress => &mut self.vendor_address,
            MetaKey::VendorSignatory => &mut self.vendor_signatory,
        } = value.to_string();
    }
}

/// What the user answered. Questions not named here take their defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub meta: Meta,
    pub given: BTreeMap<String, Value>,
    /// Counsel's overrides of the selected clause set.
    pub overrides: crate::overrides::Overrides,
}

type SpannedTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswers {
    meta: Option<SpannedTable>,
    answers: Option<SpannedTable>,
    clauses: Option<crate::overrides::RawClauses>,
    custom_clause: Option<Vec<Spanned<crate::overrides::Table>>>,
}

impl Answers {
    /// Reads and checks an answers file against the questionnaire. `file` names it in
    /// messages. Every problem is reported, each naming the key.
    pub fn parse(text: &str, file: &str, library: &Library) -> Result<Answers, Diagnostics> {
        Answers::read(text, file, library, true)
    }

    /// Reads a session saved part-way through the questionnaire: like [`Answers::parse`],
    /// but required answers may still be missing.
    pub fn parse_partial(
        text: &str,
        file: &str,
        library: &Library,
    ) -> Result<Answers, Diagnostics> {
        Answers::read(text, file, library, false)
    }

    fn read(
        text: &str,
        file: &str,
        library: &Library,
        complete: bool,
    ) -> Result<Answers, Diagnostics> {
        let index = LineIndex::new(text);
        let raw: RawAnswers = toml::from_str(text).map_err(|e| {
            let one = |e: &toml::de::Error| toml_diagnostic(e, text, file, "answers");
            Diagnostics(crate::error::toml_diagnostics(e, text, file, one))
        })?;
        let mut diags = Vec::new();
        // One index for every position: a file of many bad keys is reported in linear time.
        let at = |s: &std::ops::Range<usize>| Some(index.line_col(s.start));
        let mut answers = Answers::default();
        for (key, value) in raw.meta.unwrap_or_default() {
            let k = key.get_ref().as_str();
            let Some(meta_key) = MetaKey::parse(k) else {
                let names: Vec<&str> = MetaKey::ALL.iter().map(|m| m.name()).collect();
                let names = names.join(", ");
                diags.push(
                    Diagnostic::said(
                        file,
                        Bilingual::new(
                            format!("不明なキーです（[meta] のキー: {names}）"),
                            format!("unknown key (meta keys: {names})"),
                        ),
                    )
                    .at(at(&key.span()))
                    .key(&format!("meta.{}", shown_key(k))),
                );
                continue;
            };
            let problem = match value.get_ref() {
                toml::Value::String(s) => match bidi(s) {
                    Some(c) => Some(Bilingual::new(
                        format!(
                            "文字の表示順を入れ替える制御文字 U+{:04X} が含まれています。読む順と\
                             異なる順に表示されるおそれがあるため、削除してください",
                            u32::from(c)
                        ),
                        format!(
                            "contains the bidirectional control character U+{:04X}, which can \
                             show the text in another order than it is read; remove it",
                            u32::from(c)
                        ),
                    )),
                    None if s.chars().any(char::is_control) => {
                        let c = s.chars().find(|c| c.is_control()).map_or(0, u32::from);
                        Some(Bilingual::new(
                            format!(
                                "制御文字 U+{c:04X}（改行又はタブ）が含まれています。[meta] の値は\
                                 1行で、書かれたとおりに印字されます。削除してください"
                            ),
                            format!(
                                "contains the control character U+{c:04X} (a line break or \
                                 tab): [meta] values are one line, printed as written; remove it"
                            ),
                        ))
                    }
                    None if meta_key.is_date() && crate::format::parse_date(s).is_none() => {
                        Some(Bilingual::new(
                            format!("「{s}」は日付ではありません（YYYY-MM-DD で書いてください）"),
                            format!("\"{s}\" is not a date (YYYY-MM-DD)"),
                        ))
                    }
                    None => {
                        answers.meta.set(meta_key, s);
                        None
                    }
                },
                other => Some(Bilingual::new(
                    format!(
                        "文字列で書いてください（{} が書かれています）",
                        other.type_str()
                    ),
                    format!("expected a string, found {}", other.type_str()),
                )),
            };
            if let Some(message) = problem {
                diags.push(
                    Diagnostic::said(file, message)
                        .at(at(&value.span()))
                        .key(&format!("meta.{k}")),
                );
            }
        }
        let mut suggestions = crate::error::Suggestions::default();
        for (key, value) in raw.answers.unwrap_or_default() {
            let k = key.get_ref().as_str();
            let Some(q) = library.question(k) else {
                let near = suggestions.near(k, library.questions.iter().map(|q| q.id.as_str()));
                let (ja, en) = near.map_or_else(Default::default, |c| {
                    (
                        format!("（`{c}` のことですか？）"),
                        format!(" (did you mean `{c}`?)"),
                    )
                });
                diags.push(
                    Diagnostic::said(
                        file,
                        Bilingual::new(
                            format!("不明な質問IDです{ja}"),
                            format!("unknown question id{en}"),
                        ),
                    )
                    .at(at(&key.span()))
                    .key(&shown_key(k)),
                );
                continue;
            };
            match q
                .kind
                .read(value.get_ref())
                .and_then(|v| q.check(&v).map(|()| v))
            {
                Ok(v) => {
                    answers.given.insert(k.to_string(), v);
                }
                Err(m) => diags.push(Diagnostic::said(file, m).at(at(&value.span())).key(k)),
            }
        }
        answers.overrides = crate::overrides::read(
            raw.clauses,
            raw.custom_clause,
            &index,
            file,
            library,
            &mut diags,
        );
        // A key whose value was rejected is reported once, not again as missing.
        let rejected: Vec<String> = diags.iter().filter_map(|d| d.key.clone()).collect();
        let missing = if complete {
            answers.missing(library)
        } else {
            Vec::new()
        };
        for id in missing
            .into_iter()
            .filter(|id| !rejected.iter().any(|k| k == id))
        {
            diags.push(
                Diagnostic::said(
                    file,
                    Bilingual::new(
                        "必須の回答がありません".to_string(),
                        "a required answer is missing".to_string(),
                    ),
                )
                .key(id),
            );
        }
        if diags.is_empty() {
            Ok(answers)
        } else {
            Err(Diagnostics(diags))
        }
    }

    /// Every question's value: the answer where one is given and the question is asked,
    /// else the default (or the kind's zero value for a skipped question).
    pub fn resolve(&self, library: &Library) -> BTreeMap<String, Value> {
        let mut values: BTreeMap<String, Value> = BTreeMap::new();
        for &i in &library.eval_order {
            let q = &library.questions[i];
            let v = match self.asked(q, &values) {
                true => self.given.get(&q.id).cloned().or_else(|| q.default.clone()),
                false => None,
            };
            values.insert(q.id.clone(), v.unwrap_or_else(|| q.skipped_value()));
        }
        values
    }

    fn asked(&self, q: &crate::library::Question, values: &BTreeMap<String, Value>) -> bool {
        q.when
            .as_ref()
            .is_none_or(|(e, _)| e.holds(&|n| values.get(n)))
    }

    /// Whether each question is asked under these answers, in questionnaire order.
    pub fn asked_questions(&self, library: &Library) -> Vec<bool> {
        let values = self.resolve(library);
        library
            .questions
            .iter()
            .map(|q| self.asked(q, &values))
            .collect()
    }

    /// Required questions that are asked but not answered, in questionnaire order.
    pub fn missing<'l>(&self, library: &'l Library) -> Vec<&'l str> {
        let asked = self.asked_questions(library);
        library
            .questions
            .iter()
            .zip(asked)
            .filter(|(q, asked)| *asked && q.default.is_none() && !self.given.contains_key(&q.id))
            .map(|(q, _)| q.id.as_str())
            .collect()
    }

    /// Answers that were given for questions the skip logic does not ask: kept in the file,
    /// but they do not count, and the drafter is told so.
    pub fn unused<'a>(&'a self, library: &Library) -> Vec<&'a str> {
        let asked = self.asked_questions(library);
        self.given
            .keys()
            .filter(|k| {
                library
                    .question_index
                    .get(k.as_str())
                    .is_some_and(|&i| !asked[i])
            })
            .map(String::as_str)
            .collect()
    }

    /// The answers file text: `[meta]` then `[answers]` in questionnaire order.
    pub fn to_toml(&self, library: &Library) -> String {
        let mut out = String::from("[meta]\n");
        for key in MetaKey::ALL {
            let v = self.meta.get(key);
            if !v.is_empty() || key.required() {
                out.push_str(&format!(
                    "{} = {}\n",
                    key.name(),
                    toml::Value::String(v.to_string())
                ));
            }
        }
        out.push_str("\n[answers]\n");
        let ordered = library
            .questions
            .iter()
            .filter_map(|q| self.given.get(&q.id).map(|v| (q.id.as_str(), v)));
        let unknown = self
            .given
            .iter()
            .filter(|(k, _)| library.question(k).is_none())
            .map(|(k, v)| (k.as_str(), v));
        for (id, v) in ordered.chain(unknown) {
            out.push_str(&format!("{id} = {}\n", to_toml_value(v)));
        }
        out
    }
}

/// The first bidirectional embedding, override or isolate character (U+202A–U+202E,
/// U+2066–U+2069) in `s`: such a character makes a name display in another order than
/// it is stored, so a party's name in the contract could read differently from the file.
fn bidi(s: &str) -> Option<char> {
    s.chars()
        .find(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

fn to_toml_value(v: &Value) -> toml::Value {
    match v {
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Int(i) => toml::Value::Integer(*i),
        Value::Str(s) => toml::Value::String(s.clone()),
        Value::List(l) => {
            toml::Value::Array(l.iter().map(|s| toml::Value::String(s.clone())).collect())
        }
    }
}
