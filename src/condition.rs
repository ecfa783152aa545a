//! The `when` language: Tera's expression syntax over answers and computed values.
//!
//! A condition is parsed and type-checked once, when the library loads, so that a typo in a
//! name or a choice is a library error with its position; evaluation is then a cheap walk
//! over a small tree.

use crate::value::{Type, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A literal, with the byte offset where it stands.
    Lit(Value, usize),
    /// A question id or computed value, with the byte offset where it stands.
    Var(String, usize),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// `needle in haystack`; `negated` for `not in`.
    In {
        needle: Box<Expr>,
        haystack: Box<Expr>,
        negated: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
}

/// A problem in a condition, at a byte offset into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    pub offset: usize,
    pub message: String,
}

fn err<T>(offset: usize, message: impl Into<String>) -> Result<T, CondError> {
    Err(CondError {
        offset,
        message: message.into(),
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Int(i64),
    Op(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, CondError> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | '[' | ']' | ',' | '+' | '-' | '*' => {
                chars.next();
                let tok = match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    '[' => Tok::LBracket,
                    ']' => Tok::RBracket,
                    ',' => Tok::Comma,
                    '+' => Tok::Op("+"),
                    '-' => Tok::Op("-"),
                    _ => Tok::Op("*"),
                };
                out.push((tok, i));
            }
            '=' | '!' | '<' | '>' => {
                chars.next();
                let eq = chars.next_if(|&(_, n)| n == '=').is_some();
                let op = match (c, eq) {
                    ('=', true) => "==",
                    ('!', true) => "!=",
                    ('<', true) => "<=",
                    ('>', true) => ">=",
                    ('<', false) => "<",
                    ('>', false) => ">",
                    _ => return err(i, format!("unexpected `{c}` (use `==` or `!=`)")),
                };
                out.push((Tok::Op(op), i));
            }
            '"' | '\'' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some((_, q)) if q == c => break,
                        Some((_, ch)) => s.push(ch),
                        None => return err(i, "unterminated string"),
                    }
                }
                out.push((Tok::Str(s), i));
            }
            c if c.is_ascii_digit() => {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_ascii_digit() || d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let digits: String = src[i..end].chars().filter(|&d| d != '_').collect();
                match digits.parse() {
                    Ok(n) => out.push((Tok::Int(n), i)),
                    Err(_) => return err(i, "number too large"),
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push((Tok::Ident(src[i..end].to_string()), i));
            }
            other => return err(i, format!("unexpected character `{other}`")),
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |&(_, o)| o)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(s)) if s == kw)
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|(t, _)| t.clone());
        self.pos += 1;
        t
    }

    fn or(&mut self) -> Result<Expr, CondError> {
        let mut lhs = self.and()?;
        while self.is_kw("or") {
            self.pos += 1;
            lhs = Expr::Or(Box::new(lhs), Box::new(self.and()?));
        }
        Ok(lhs)
    }

    fn and(&mut self) -> Result<Expr, CondError> {
        let mut lhs = self.not()?;
        while self.is_kw("and") {
            self.pos += 1;
            lhs = Expr::And(Box::new(lhs), Box::new(self.not()?));
        }
        Ok(lhs)
    }

    fn not(&mut self) -> Result<Expr, CondError> {
        if self.is_kw("not") {
            self.pos += 1;
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Expr, CondError> {
        let lhs = self.sum()?;
        let op = match self.peek() {
            Some(Tok::Op("==")) => Some(CmpOp::Eq),
            Some(Tok::Op("!=")) => Some(CmpOp::Ne),
            Some(Tok::Op("<")) => Some(CmpOp::Lt),
            Some(Tok::Op("<=")) => Some(CmpOp::Le),
            Some(Tok::Op(">")) => Some(CmpOp::Gt),
            Some(Tok::Op(">=")) => Some(CmpOp::Ge),
            _ => None,
        };
        if let Some(op) = op {
            self.pos += 1;
            return Ok(Expr::Cmp(op, Box::new(lhs), Box::new(self.sum()?)));
        }
        let negated = self.is_kw("not")
            && matches!(self.toks.get(self.pos + 1), Some((Tok::Ident(s), _)) if s == "in");
        if negated || self.is_kw("in") {
            self.pos += if negated { 2 } else { 1 };
            return Ok(Expr::In {
                needle: Box::new(lhs),
                haystack: Box::new(self.sum()?),
                negated,
            });
        }
        Ok(lhs)
    }

    fn sum(&mut self) -> Result<Expr, CondError> {
        let mut lhs = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op("+")) => ArithOp::Add,
                Some(Tok::Op("-")) => ArithOp::Sub,
                _ => return Ok(lhs),
            };
            self.pos += 1;
            lhs = Expr::Arith(op, Box::new(lhs), Box::new(self.product()?));
        }
    }

    fn product(&mut self) -> Result<Expr, CondError> {
        let mut lhs = self.primary()?;
        while let Some(Tok::Op("*")) = self.peek() {
            self.pos += 1;
            lhs = Expr::Arith(ArithOp::Mul, Box::new(lhs), Box::new(self.primary()?));
        }
        Ok(lhs)
    }

    fn primary(&mut self) -> Result<Expr, CondError> {
        let at = self.offset();
        match self.bump() {
            Some(Tok::Int(n)) => Ok(Expr::Lit(Value::Int(n), at)),
            Some(Tok::Str(s)) => Ok(Expr::Lit(Value::Str(s), at)),
            Some(Tok::Ident(id)) => match id.as_str() {
                "true" | "True" => Ok(Expr::Lit(Value::Bool(true), at)),
                "false" | "False" => Ok(Expr::Lit(Value::Bool(false), at)),
                "and" | "or" | "not" | "in" => err(at, format!("expected a value, found `{id}`")),
                _ => Ok(Expr::Var(id, at)),
            },
            Some(Tok::LParen) => {
                let e = self.or()?;
                match self.bump() {
                    Some(Tok::RParen) => Ok(e),
                    _ => err(self.offset().min(self.end), "expected `)`"),
                }
            }
            Some(Tok::LBracket) => {
                let mut items = Vec::new();
                loop {
                    let item_at = self.offset();
                    match self.bump() {
                        Some(Tok::RBracket) if items.is_empty() => break,
                        Some(Tok::Str(s)) => items.push(s),
                        _ => return err(item_at, "a list holds string literals only"),
                    }
                    match self.bump() {
                        Some(Tok::Comma) => continue,
                        Some(Tok::RBracket) => break,
                        _ => return err(self.offset(), "expected `,` or `]`"),
                    }
                }
                Ok(Expr::Lit(Value::List(items), at))
            }
            Some(Tok::Op(op)) => err(at, format!("expected a value, found `{op}`")),
            Some(_) => err(at, "expected a value"),
            None => err(at, "the condition ends too early"),
        }
    }
}

/// What the checker knows of a name: its type and, for choice questions, the allowed values.
pub struct VarInfo<'a> {
    pub ty: Type,
    pub choices: Option<&'a [String]>,
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, CondError> {
        let toks = lex(src)?;
        if toks.is_empty() {
            return err(0, "the condition is empty (write `true` for always)");
        }
        let mut p = Parser {
            toks,
            pos: 0,
            end: src.len(),
        };
        let e = p.or()?;
        if p.pos < p.toks.len() {
            return err(p.offset(), "unexpected text after the condition");
        }
        Ok(e)
    }

    /// The names the condition reads, each once, in order of appearance.
    pub fn vars(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Var(name, _) = e
                && !out.contains(&name.as_str())
            {
                out.push(name.as_str());
            }
        });
        out
    }

    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Lit(..) | Expr::Var(..) => {}
            Expr::Not(e) => e.walk(f),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Cmp(_, a, b) | Expr::Arith(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            Expr::In {
                needle, haystack, ..
            } => {
                needle.walk(f);
                haystack.walk(f);
            }
        }
    }

    /// Type-checks the expression; `lookup` resolves names. Returns every problem found.
    pub fn check<'a>(&self, lookup: &impl Fn(&str) -> Option<VarInfo<'a>>) -> Vec<CondError> {
        let mut errors = Vec::new();
        self.ty(lookup, &mut errors);
        errors
    }

    fn ty<'a>(
        &self,
        lookup: &impl Fn(&str) -> Option<VarInfo<'a>>,
        errors: &mut Vec<CondError>,
    ) -> Option<Type> {
        let expect = |e: &Expr, want: Type, errors: &mut Vec<CondError>| {
            let got = e.ty(lookup, errors)?;
            if got != want {
                errors.push(CondError {
                    offset: e.offset(),
                    message: format!("expected {}, found {}", want.name(), got.name()),
                });
            }
            Some(want)
        };
        match self {
            Expr::Lit(v, _) => Some(v.ty()),
            Expr::Var(name, at) => match lookup(name) {
                Some(info) => Some(info.ty),
                None => {
                    errors.push(CondError {
                        offset: *at,
                        message: format!(
                            "unknown name `{name}` (not a question id or computed value)"
                        ),
                    });
                    None
                }
            },
            // `not`, `and` and `or` take any value by its truthiness, as Tera does.
            Expr::Not(e) => {
                e.ty(lookup, errors);
                Some(Type::Bool)
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.ty(lookup, errors);
                b.ty(lookup, errors);
                Some(Type::Bool)
            }
            Expr::Arith(_, a, b) => {
                expect(a, Type::Int, errors);
                expect(b, Type::Int, errors);
                Some(Type::Int)
            }
            Expr::Cmp(op, a, b) => {
                let (ta, tb) = (a.ty(lookup, errors), b.ty(lookup, errors));
                if let (Some(ta), Some(tb)) = (ta, tb) {
                    let ordered = !matches!(op, CmpOp::Eq | CmpOp::Ne);
                    if ta != tb {
                        errors.push(CondError {
                            offset: b.offset(),
                            message: format!("cannot compare {} with {}", ta.name(), tb.name()),
                        });
                    } else if ordered && ta != Type::Int {
                        errors.push(CondError {
                            offset: a.offset(),
                            message: format!("`<`, `>` compare integers, not {}", ta.name()),
                        });
                    }
                }
                check_choice(a, b, lookup, errors);
                check_choice(b, a, lookup, errors);
                Some(Type::Bool)
            }
            Expr::In {
                needle, haystack, ..
            } => {
                expect(needle, Type::Str, errors);
                expect(haystack, Type::List, errors);
                check_choice(haystack, needle, lookup, errors);
                check_choice(needle, haystack, lookup, errors);
                Some(Type::Bool)
            }
        }
    }

    fn offset(&self) -> usize {
        match self {
            Expr::Var(_, at) => *at,
            Expr::Not(e) => e.offset(),
            Expr::And(a, _) | Expr::Or(a, _) | Expr::Cmp(_, a, _) | Expr::Arith(_, a, _) => {
                a.offset()
            }
            Expr::In { needle, .. } => needle.offset(),
            Expr::Lit(_, at) => *at,
        }
    }

    /// Evaluates the condition; `get` returns the value of a name the checker accepted.
    pub fn eval<'v>(&self, get: &impl Fn(&str) -> Option<&'v Value>) -> Value {
        match self {
            Expr::Lit(v, _) => v.clone(),
            Expr::Var(name, _) => get(name).cloned().unwrap_or(Value::Bool(false)),
            Expr::Not(e) => Value::Bool(!e.eval(get).truthy()),
            Expr::And(a, b) => Value::Bool(a.eval(get).truthy() && b.eval(get).truthy()),
            Expr::Or(a, b) => Value::Bool(a.eval(get).truthy() || b.eval(get).truthy()),
            Expr::Arith(op, a, b) => {
                let (x, y) = (int(&a.eval(get)), int(&b.eval(get)));
                Value::Int(match op {
                    ArithOp::Add => x.saturating_add(y),
                    ArithOp::Sub => x.saturating_sub(y),
                    ArithOp::Mul => x.saturating_mul(y),
                })
            }
            Expr::Cmp(op, a, b) => {
                let (x, y) = (a.eval(get), b.eval(get));
                Value::Bool(match op {
                    CmpOp::Eq => x == y,
                    CmpOp::Ne => x != y,
                    CmpOp::Lt => int(&x) < int(&y),
                    CmpOp::Le => int(&x) <= int(&y),
                    CmpOp::Gt => int(&x) > int(&y),
                    CmpOp::Ge => int(&x) >= int(&y),
                })
            }
            Expr::In {
                needle,
                haystack,
                negated,
            } => {
                let n = needle.eval(get);
                let found = match (n.as_str(), haystack.eval(get)) {
                    (Some(n), Value::List(items)) => items.iter().any(|i| i == n),
                    _ => false,
                };
                Value::Bool(found != *negated)
            }
        }
    }

    pub fn holds<'v>(&self, get: &impl Fn(&str) -> Option<&'v Value>) -> bool {
        self.eval(get).truthy()
    }
}

fn int(v: &Value) -> i64 {
    v.as_int().unwrap_or(0)
}

/// Where a choice question meets string literals, every literal must be one of its choices.
fn check_choice<'a>(
    var: &Expr,
    lits: &Expr,
    lookup: &impl Fn(&str) -> Option<VarInfo<'a>>,
    errors: &mut Vec<CondError>,
) {
    let (Expr::Var(name, _), Expr::Lit(lit, _)) = (var, lits) else {
        return;
    };
    let Some(choices) = lookup(name).and_then(|i| i.choices) else {
        return;
    };
    let values: Vec<&str> = match lit {
        Value::Str(s) => vec![s.as_str()],
        Value::List(l) => l.iter().map(String::as_str).collect(),
        _ => return,
    };
    for v in values {
        if !choices.iter().any(|c| c == v) {
            errors.push(CondError {
                offset: lits.offset(),
                message: format!(
                    "\"{v}\" is not a choice of `{name}` ({})",
                    choices.join(", ")
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env() -> HashMap<&'static str, Value> {
        HashMap::from([
            ("personal_data", Value::Bool(true)),
            ("dmz", Value::Bool(false)),
            ("data_subjects", Value::Int(47839)),
            ("stance", Value::Str("customer".into())),
            (
                "personal_data_kinds",
                Value::List(vec!["basic".into(), "sensitive".into()]),
            ),
        ])
    }

    fn eval(src: &str) -> Value {
        let env = env();
        Expr::parse(src).unwrap().eval(&|n| env.get(n))
    }

    static KINDS: [&str; 3] = ["basic", "sensitive", "children"];

    fn lookup(name: &str) -> Option<VarInfo<'static>> {
        static STANCES: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| vec!["customer".into(), "balanced".into()]);
        static KIND_LIST: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| KINDS.iter().map(|s| s.to_string()).collect());
        match name {
            "personal_data" | "dmz" => Some(VarInfo {
                ty: Type::Bool,
                choices: None,
            }),
            "data_subjects" => Some(VarInfo {
                ty: Type::Int,
                choices: None,
            }),
            "stance" => Some(VarInfo {
                ty: Type::Str,
                choices: Some(&STANCES),
            }),
            "personal_data_kinds" => Some(VarInfo {
                ty: Type::List,
                choices: Some(&KIND_LIST),
            }),
            _ => None,
        }
    }

    fn check(src: &str) -> Vec<String> {
        Expr::parse(src)
            .unwrap()
            .check(&lookup)
            .into_iter()
            .map(|e| format!("{}: {}", e.offset, e.message))
            .collect()
    }

    #[test]
    fn evaluates_boolean_logic_with_precedence() {
        assert_eq!(eval("personal_data and not dmz"), Value::Bool(true));
        assert_eq!(eval("dmz or personal_data and dmz"), Value::Bool(false));
        assert_eq!(eval("(dmz or personal_data) and true"), Value::Bool(true));
        assert_eq!(eval("not not dmz"), Value::Bool(false));
    }

    #[test]
    fn evaluates_comparisons_membership_and_arithmetic() {
        assert_eq!(eval("data_subjects > 1000"), Value::Bool(true));
        assert_eq!(eval("data_subjects <= 47838"), Value::Bool(false));
        assert_eq!(eval("data_subjects == 47_839"), Value::Bool(true));
        assert_eq!(eval("data_subjects * 2 - 1 == 95677"), Value::Bool(true));
        assert_eq!(eval("stance == 'customer'"), Value::Bool(true));
        assert_eq!(eval("stance != \"customer\""), Value::Bool(false));
        assert_eq!(
            eval("\"sensitive\" in personal_data_kinds"),
            Value::Bool(true)
        );
        assert_eq!(
            eval("\"children\" not in personal_data_kinds"),
            Value::Bool(true)
        );
        assert_eq!(
            eval("stance in [\"customer\", \"balanced\"]"),
            Value::Bool(true)
        );
        assert_eq!(eval("stance in []"), Value::Bool(false));
    }

    #[test]
    fn parse_errors_point_at_the_problem() {
        let cases = [
            ("", 0, "empty"),
            ("dmz and", 7, "ends too early"),
            ("dmz = true", 4, "`==`"),
            ("(dmz", 4, "`)`"),
            ("dmz dmz", 4, "unexpected text"),
            ("\"open", 0, "unterminated"),
            ("dmz & x", 4, "unexpected character"),
            ("[1]", 1, "string literals"),
            ("99999999999999999999", 0, "too large"),
        ];
        for (src, at, msg) in cases {
            let e = Expr::parse(src).unwrap_err();
            assert_eq!(e.offset, at, "{src}: {e:?}");
            assert!(e.message.contains(msg), "{src}: {e:?}");
        }
    }

    #[test]
    fn checker_reports_unknown_names_types_and_choices() {
        assert_eq!(
            check("personal_data and data_subjects > 1000"),
            Vec::<String>::new()
        );
        assert_eq!(
            check("persnal_data"),
            vec!["0: unknown name `persnal_data` (not a question id or computed value)"]
        );
        assert_eq!(
            check("dmz == 3"),
            vec!["7: cannot compare boolean with integer"]
        );
        assert_eq!(
            check("stance > \"a\""),
            vec![
                "0: `<`, `>` compare integers, not string",
                "9: \"a\" is not a choice of `stance` (customer, balanced)"
            ]
        );
        assert_eq!(
            check("\"sensitiv\" in personal_data_kinds"),
            vec![
                "0: \"sensitiv\" is not a choice of `personal_data_kinds` (basic, sensitive, children)"
            ]
        );
        assert_eq!(
            check("stance in [\"customer\", \"vendor\"]"),
            vec!["10: \"vendor\" is not a choice of `stance` (customer, balanced)"]
        );
        assert_eq!(
            check("data_subjects in personal_data_kinds"),
            vec!["0: expected string, found integer"]
        );
    }

    #[test]
    fn vars_lists_each_name_once() {
        let e = Expr::parse("dmz and (dmz or personal_data)").unwrap();
        assert_eq!(e.vars(), vec!["dmz", "personal_data"]);
    }
}
