//! The evaluator: a walk over the tree, with Tera's truthiness and saturating arithmetic.

use super::{ArithOp, CmpOp, Expr, MAX_DEPTH};
use crate::value::Value;

type Get<'g, 'v> = &'g dyn Fn(&str) -> Option<&'v Value>;

pub(super) fn eval<'v>(e: &Expr, get: Get<'_, 'v>, depth: usize) -> Value {
    // The checker refuses deeper trees, so a checked condition never stops here; an
    // unchecked one built by hand is false rather than a stack overflow.
    if depth > MAX_DEPTH {
        return Value::Bool(false);
    }
    let sub = |e: &Expr| eval(e, get, depth + 1);
    match e {
        Expr::Lit(v, _) => v.clone(),
        Expr::Var(name, _) => get(name).cloned().unwrap_or(Value::Bool(false)),
        Expr::Not(e) => Value::Bool(!sub(e).truthy()),
        Expr::And(a, b) => Value::Bool(sub(a).truthy() && sub(b).truthy()),
        Expr::Or(a, b) => Value::Bool(sub(a).truthy() || sub(b).truthy()),
        Expr::Arith(op, a, b) => {
            let (x, y) = (int(&sub(a)), int(&sub(b)));
            Value::Int(match op {
                ArithOp::Add => x.saturating_add(y),
                ArithOp::Sub => x.saturating_sub(y),
                ArithOp::Mul => x.saturating_mul(y),
            })
        }
        Expr::Cmp(op, a, b) => {
            let (x, y) = (sub(a), sub(b));
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
            let n = sub(needle);
            let found = match (n.as_str(), sub(haystack)) {
                (Some(n), Value::List(items)) => items.iter().any(|i| i == n),
                _ => false,
            };
            Value::Bool(found != *negated)
        }
    }
}

fn int(v: &Value) -> i64 {
    v.as_int().unwrap_or(0)
}
