//! The `when` language: Tera's expression syntax over answers and computed values.
//!
//! A condition is parsed and type-checked once, when the library loads, so that a typo in a
//! name or a choice is a library error with its position; evaluation is then a cheap walk
//! over a small tree. `lex` makes tokens, `parse` the tree, `check` types it against the
//! questionnaire and `eval` computes it; all three are bounded by [`MAX_DEPTH`].

mod check;
mod eval;
mod lex;
mod parse;

use crate::value::{Type, Value};

/// How deep a condition may nest (parentheses, `not`, and chains of operators, which make
/// trees as deep as they are long). Real conditions use a handful of levels; the limit
/// keeps every walk over the tree far from the end of the stack.
pub(crate) const MAX_DEPTH: usize = 128;

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

/// What the checker knows of a name: its type and, for choice questions, the allowed values.
pub struct VarInfo<'a> {
    pub ty: Type,
    pub choices: Option<&'a [String]>,
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, CondError> {
        parse::parse(src)
    }

    /// Whether the condition is the literal `true`: the clause always applies.
    pub(crate) fn is_always(&self) -> bool {
        matches!(self, Expr::Lit(Value::Bool(true), _))
    }

    /// The names the condition reads, each once, in order of appearance.
    pub(crate) fn vars(&self) -> Vec<&str> {
        let mut out = Vec::new();
        // An explicit stack, children pushed right to left so that names come in order.
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            match e {
                Expr::Lit(..) => {}
                Expr::Var(name, _) => {
                    if !out.contains(&name.as_str()) {
                        out.push(name.as_str());
                    }
                }
                Expr::Not(e) => stack.push(e),
                Expr::And(a, b)
                | Expr::Or(a, b)
                | Expr::Cmp(_, a, b)
                | Expr::Arith(_, a, b)
                | Expr::In {
                    needle: a,
                    haystack: b,
                    ..
                } => stack.extend([&**b, &**a]),
            }
        }
        out
    }

    /// Type-checks the expression; `lookup` resolves names. Returns every problem found.
    pub fn check<'a>(&self, lookup: &impl Fn(&str) -> Option<VarInfo<'a>>) -> Vec<CondError> {
        check::check(self, lookup)
    }

    /// The byte offset where the expression starts (its leftmost operand).
    fn offset(&self) -> usize {
        let mut e = self;
        loop {
            match e {
                Expr::Var(_, at) | Expr::Lit(_, at) => return *at,
                Expr::Not(a)
                | Expr::And(a, _)
                | Expr::Or(a, _)
                | Expr::Cmp(_, a, _)
                | Expr::Arith(_, a, _)
                | Expr::In { needle: a, .. } => e = a,
            }
        }
    }

    /// Evaluates the condition; `get` returns the value of a name the checker accepted.
    pub fn eval<'v>(&self, get: &impl Fn(&str) -> Option<&'v Value>) -> Value {
        eval::eval(self, get, 1)
    }

    pub fn holds<'v>(&self, get: &impl Fn(&str) -> Option<&'v Value>) -> bool {
        self.eval(get).truthy()
    }
}

#[cfg(test)]
mod tests;
