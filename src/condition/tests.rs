//! Tests of the `when` language.

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

/// Runs `f` on a thread with a small stack (256 KiB), so that a walk that recursed with
/// the input's depth would overflow here rather than pass by luck on a big main stack.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let cases = [
        format!("{}dmz{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}dmz", "not ".repeat(100_000)),
        vec!["dmz"; 100_000].join(" and "),
        vec!["dmz"; 100_000].join(" or "),
        format!("{} == 1", vec!["1"; 100_000].join(" + ")),
    ];
    for src in cases {
        let e = small_stack(move || Expr::parse(&src)).unwrap_err();
        assert!(e.message.contains("nests too deeply"), "{e:?}");
    }
}

#[test]
fn nesting_up_to_the_limit_is_parsed_checked_and_evaluated() {
    let parens = MAX_DEPTH - 1;
    let src = format!("{}dmz{}", "(".repeat(parens), ")".repeat(parens));
    let chain = vec!["personal_data"; MAX_DEPTH].join(" and ");
    let nots = format!("{}personal_data", "not ".repeat(MAX_DEPTH - 1));
    let (a, b, c) = small_stack(move || {
        let env = env();
        let run = |s: &str| {
            let e = Expr::parse(s).unwrap();
            assert!(e.check(&lookup).is_empty(), "{s}");
            e.eval(&|n| env.get(n))
        };
        (run(&src), run(&chain), run(&nots))
    });
    assert_eq!(a, Value::Bool(false));
    assert_eq!(b, Value::Bool(true));
    assert_eq!(c, Value::Bool(false));
    let over = vec!["dmz"; MAX_DEPTH + 1].join(" and ");
    let e = Expr::parse(&over).unwrap_err();
    assert_eq!(e.offset, over.rfind("and").unwrap(), "{e:?}");
}

#[test]
fn a_tree_built_by_hand_past_the_limit_is_refused_by_the_checker() {
    let mut e = Expr::Var("dmz".into(), 0);
    for _ in 0..10_000 {
        e = Expr::Not(Box::new(e));
    }
    let (errors, value) = small_stack(move || {
        let env = env();
        let out = (e.check(&lookup), e.eval(&|n| env.get(n)));
        // Dropping a tree this deep recurses too: leak it rather than test Box's drop.
        std::mem::forget(e);
        out
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("nests too deeply"));
    assert_eq!(value, Value::Bool(false));
}

#[test]
fn is_always_means_the_literal_true() {
    for (src, always) in [
        ("true", true),
        (" True ", true),
        ("(true)", true),
        ("false", false),
        ("dmz", false),
        ("true and true", false),
    ] {
        assert_eq!(Expr::parse(src).unwrap().is_always(), always, "{src}");
    }
}
