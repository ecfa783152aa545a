//! The type checker: names against the questionnaire, operand types, and string literals
//! against the choices of the question they meet.

use super::{CmpOp, CondError, Expr, MAX_DEPTH, VarInfo};
use crate::value::{Type, Value};

type Lookup<'l, 'a> = &'l dyn Fn(&str) -> Option<VarInfo<'a>>;

pub(super) fn check<'a>(e: &Expr, lookup: Lookup<'_, 'a>) -> Vec<CondError> {
    let mut errors = Vec::new();
    ty(e, lookup, &mut errors, 1);
    errors
}

fn ty<'a>(
    e: &Expr,
    lookup: Lookup<'_, 'a>,
    errors: &mut Vec<CondError>,
    depth: usize,
) -> Option<Type> {
    // Parsed expressions never reach this; a tree built by hand may.
    if depth > MAX_DEPTH {
        errors.push(CondError {
            offset: e.offset(),
            message: format!("the condition nests too deeply (more than {MAX_DEPTH} levels)"),
        });
        return None;
    }
    let sub = |e: &Expr, errors: &mut Vec<CondError>| ty(e, lookup, errors, depth + 1);
    let expect = |e: &Expr, want: Type, errors: &mut Vec<CondError>| {
        let got = sub(e, errors)?;
        if got != want {
            errors.push(CondError {
                offset: e.offset(),
                message: format!("expected {}, found {}", want.name(), got.name()),
            });
        }
        Some(want)
    };
    match e {
        Expr::Lit(v, _) => Some(v.ty()),
        Expr::Var(name, at) => match lookup(name) {
            Some(info) => Some(info.ty),
            None => {
                errors.push(CondError {
                    offset: *at,
                    message: format!("unknown name `{name}` (not a question id or computed value)"),
                });
                None
            }
        },
        // `not`, `and` and `or` take any value by its truthiness, as Tera does.
        Expr::Not(e) => {
            sub(e, errors);
            Some(Type::Bool)
        }
        Expr::And(a, b) | Expr::Or(a, b) => {
            sub(a, errors);
            sub(b, errors);
            Some(Type::Bool)
        }
        Expr::Arith(_, a, b) => {
            expect(a, Type::Int, errors);
            expect(b, Type::Int, errors);
            Some(Type::Int)
        }
        Expr::Cmp(op, a, b) => {
            let (ta, tb) = (sub(a, errors), sub(b, errors));
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

/// Where a choice question meets string literals, every literal must be one of its choices.
fn check_choice<'a>(var: &Expr, lits: &Expr, lookup: Lookup<'_, 'a>, errors: &mut Vec<CondError>) {
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
