//! Property tests: the condition parser, the answers loader and the library loader take
//! any text without a panic (a few thousand cases; `cargo fuzz` runs longer, see
//! docs/bad-inputs.md).

use proptest::prelude::*;
use secdraft::answers::Answers;
use secdraft::condition::{Expr, VarInfo};
use secdraft::library::{LibraryFile, parse_library};
use secdraft::value::{Type, Value};

use crate::common::{WS, fixtures};

/// Text made of the language's tokens and some noise, so that most cases get past the
/// lexer and exercise the parser, the checker and the evaluator.
fn condition_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just(","),
        Just(" and "),
        Just(" or "),
        Just("not "),
        Just(" in "),
        Just(" not in "),
        Just("=="),
        Just("!="),
        Just("<"),
        Just(">="),
        Just("+"),
        Just("-"),
        Just("*"),
        Just("true"),
        Just("dmz"),
        Just("data_subjects"),
        Just("stance"),
        Just("\"customer\""),
        Just("'x"),
        Just("99999999999999999999"),
        Just("7"),
        Just("甲"),
        Just("="),
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

fn lookup(name: &str) -> Option<VarInfo<'static>> {
    static STANCES: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| vec!["customer".into(), "balanced".into()]);
    let ty = match name {
        "dmz" => Type::Bool,
        "data_subjects" => Type::Int,
        "stance" => Type::Str,
        _ => return None,
    };
    Some(VarInfo {
        ty,
        choices: (name == "stance").then_some(STANCES.as_slice()),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn conditions_parse_check_and_evaluate_without_panic(src in condition_text()) {
        if let Ok(e) = Expr::parse(&src) {
            let errors = e.check(&lookup);
            let values = [
                ("dmz", Value::Bool(true)),
                ("data_subjects", Value::Int(i64::MAX)),
                ("stance", Value::Str("customer".into())),
            ];
            let _ = e.eval(&|n| values.iter().find(|(k, _)| *k == n).map(|(_, v)| v));
            prop_assert!(errors.iter().all(|err| err.offset <= src.len()));
        }
    }

    #[test]
    fn any_text_parses_as_a_condition_or_an_error(src in "\\PC{0,60}") {
        let _ = Expr::parse(&src);
    }
}

/// Lines an answers file is made of, valid and not.
fn answers_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("[meta]".to_string()),
        Just("[answers]".to_string()),
        Just("[[answers]]".to_string()),
        Just("customer = \"甲市\"".to_string()),
        Just("date = \"2026-02-30\"".to_string()),
        Just("personal_data = true".to_string()),
        Just("data_subjects = -1".to_string()),
        Just("data_subjects = 99999999999999999999".to_string()),
        Just("personal_data_kinds = [\"basic\", 1]".to_string()),
        Just("stance = \"customer\"".to_string()),
        Just("dmz = {}".to_string()),
        "[a-z_]{1,12} = [0-9]{1,3}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(line, 0..30).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn answers_files_load_or_fail_with_diagnostics(text in answers_text()) {
        match Answers::parse(&text, "a.toml", &WS.library) {
            Ok(a) => {
                let _ = a.resolve(&WS.library);
                let _ = a.to_toml(&WS.library);
            }
            Err(d) => prop_assert!(d.0.iter().all(|d| d.file == "a.toml")),
        }
    }
}

fn minimal() -> Vec<LibraryFile> {
    let mut files: Vec<LibraryFile> = std::fs::read_dir(fixtures().join("minimal"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = format!("lib/{}", p.file_name().unwrap().to_string_lossy());
            LibraryFile::new(name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// A library file cut, spliced or extended anywhere loads or gives diagnostics.
    #[test]
    fn library_files_load_or_fail_with_diagnostics(
        file in 0usize..4,
        cut in 0usize..2000,
        insert in prop_oneof![
            Just(String::new()),
            Just("when = \"((\"\n".to_string()),
            Just("[[clause]]\nid = \"x\"\n".to_string()),
            Just("{{ ".to_string()),
            Just("\"\"\"".to_string()),
            "\\PC{0,30}",
        ],
    ) {
        let mut files = minimal();
        let text = &files[file].text;
        let at = text.floor_char_boundary(cut.min(text.len()));
        let spliced = format!("{}{insert}{}", &text[..at], &text[at..]);
        files[file] = LibraryFile::new(files[file].name.clone(), spliced);
        if let Err(d) = parse_library(&files) {
            prop_assert!(!d.0.is_empty());
        }
    }
}
