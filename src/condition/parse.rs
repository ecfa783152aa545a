//! A precedence-climbing parser: `or` < `and` < `not` < comparisons and `in` < `+ -` < `*`.
//!
//! Both the parser's recursion (parentheses, `not`) and the depth of the tree it builds
//! (a chain of `and` is a tree as deep as the chain is long) are bounded by [`MAX_DEPTH`],
//! so that no condition can overflow the stack here, in the checker, the evaluator or when
//! the tree is dropped.

use super::lex::{Tok, lex};
use super::{ArithOp, CmpOp, CondError, Expr, MAX_DEPTH, err};
use crate::value::Value;

/// An expression and the depth of its tree.
struct Node(Expr, usize);

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end: usize,
    /// Parentheses and `not` open around the current token.
    nest: usize,
}

fn too_deep<T>(at: usize) -> Result<T, CondError> {
    err(
        at,
        format!("the condition nests too deeply (more than {MAX_DEPTH} levels)"),
    )
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

    /// `lhs op rhs` as a node, refused where the tree would grow too deep.
    fn join(
        &self,
        at: usize,
        lhs: Node,
        rhs: Node,
        make: impl FnOnce(Box<Expr>, Box<Expr>) -> Expr,
    ) -> Result<Node, CondError> {
        let depth = lhs.1.max(rhs.1) + 1;
        if depth > MAX_DEPTH {
            return too_deep(at);
        }
        Ok(Node(make(Box::new(lhs.0), Box::new(rhs.0)), depth))
    }

    /// Enters a parenthesis or a `not`, refused beyond the depth limit.
    fn enter(&mut self, at: usize) -> Result<(), CondError> {
        self.nest += 1;
        if self.nest > MAX_DEPTH {
            return too_deep(at);
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Node, CondError> {
        let mut lhs = self.and()?;
        while self.is_kw("or") {
            let at = self.offset();
            self.pos += 1;
            let rhs = self.and()?;
            lhs = self.join(at, lhs, rhs, Expr::Or)?;
        }
        Ok(lhs)
    }

    fn and(&mut self) -> Result<Node, CondError> {
        let mut lhs = self.not()?;
        while self.is_kw("and") {
            let at = self.offset();
            self.pos += 1;
            let rhs = self.not()?;
            lhs = self.join(at, lhs, rhs, Expr::And)?;
        }
        Ok(lhs)
    }

    fn not(&mut self) -> Result<Node, CondError> {
        if self.is_kw("not") {
            let at = self.offset();
            self.enter(at)?;
            self.pos += 1;
            let Node(e, depth) = self.not()?;
            self.nest -= 1;
            if depth + 1 > MAX_DEPTH {
                return too_deep(at);
            }
            return Ok(Node(Expr::Not(Box::new(e)), depth + 1));
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Node, CondError> {
        let lhs = self.sum()?;
        let at = self.offset();
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
            let rhs = self.sum()?;
            return self.join(at, lhs, rhs, |a, b| Expr::Cmp(op, a, b));
        }
        let negated = self.is_kw("not")
            && matches!(self.toks.get(self.pos + 1), Some((Tok::Ident(s), _)) if s == "in");
        if negated || self.is_kw("in") {
            self.pos += if negated { 2 } else { 1 };
            let rhs = self.sum()?;
            return self.join(at, lhs, rhs, |needle, haystack| Expr::In {
                needle,
                haystack,
                negated,
            });
        }
        Ok(lhs)
    }

    fn sum(&mut self) -> Result<Node, CondError> {
        let mut lhs = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op("+")) => ArithOp::Add,
                Some(Tok::Op("-")) => ArithOp::Sub,
                _ => return Ok(lhs),
            };
            let at = self.offset();
            self.pos += 1;
            let rhs = self.product()?;
            lhs = self.join(at, lhs, rhs, |a, b| Expr::Arith(op, a, b))?;
        }
    }

    fn product(&mut self) -> Result<Node, CondError> {
        let mut lhs = self.primary()?;
        while let Some(Tok::Op("*")) = self.peek() {
            let at = self.offset();
            self.pos += 1;
            let rhs = self.primary()?;
            lhs = self.join(at, lhs, rhs, |a, b| Expr::Arith(ArithOp::Mul, a, b))?;
        }
        Ok(lhs)
    }

    fn primary(&mut self) -> Result<Node, CondError> {
        let at = self.offset();
        let leaf = |e| Ok(Node(e, 1));
        match self.bump() {
            Some(Tok::Int(n)) => leaf(Expr::Lit(Value::Int(n), at)),
            Some(Tok::Str(s)) => leaf(Expr::Lit(Value::Str(s), at)),
            Some(Tok::Ident(id)) => match id.as_str() {
                "true" | "True" => leaf(Expr::Lit(Value::Bool(true), at)),
                "false" | "False" => leaf(Expr::Lit(Value::Bool(false), at)),
                "and" | "or" | "not" | "in" => err(at, format!("expected a value, found `{id}`")),
                _ => leaf(Expr::Var(id, at)),
            },
            Some(Tok::LParen) => {
                self.enter(at)?;
                let e = self.or()?;
                self.nest -= 1;
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
                leaf(Expr::Lit(Value::List(items), at))
            }
            Some(Tok::Op(op)) => err(at, format!("expected a value, found `{op}`")),
            Some(_) => err(at, "expected a value"),
            None => err(at, "the condition ends too early"),
        }
    }
}

pub(super) fn parse(src: &str) -> Result<Expr, CondError> {
    let toks = lex(src)?;
    if toks.is_empty() {
        return err(0, "the condition is empty (write `true` for always)");
    }
    let mut p = Parser {
        toks,
        pos: 0,
        end: src.len(),
        nest: 0,
    };
    let Node(e, _) = p.or()?;
    if p.pos < p.toks.len() {
        return err(p.offset(), "unexpected text after the condition");
    }
    Ok(e)
}
