//! The questionnaire without a terminal: whole sessions driven through actions, the
//! effects they return (saves, exports), resuming, skip logic and validation. Screens are
//! in `tui/screens.rs`.

mod counsel;
mod keys;
mod screens;

use std::path::PathBuf;

use secdraft::answers::{Answers, MetaKey};
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};
use secdraft::library::Kind;
use secdraft::report::ReportFormat;
use secdraft::tui::action::{Action, Effect, SaveError};
use secdraft::tui::app::{App, Input, Item, Overlay, Screen};
use secdraft::tui::update::update;
use secdraft::value::Value;
use secdraft::workspace::WriteError;

use crate::common::{WS, answers_from, scenarios};

pub fn new_app(answers: Answers, lang: Lang) -> App<'static> {
    App::new(&WS, PathBuf::from("secdraft-answers.toml"), answers, lang)
}

/// Applies actions, collecting the effects.
pub fn send(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(app, a)).collect()
}

/// Answers the current item with `want` the way a user would: moving, toggling, typing.
fn answer(app: &mut App, want: &Value) -> Vec<Effect> {
    let mut actions = vec![Action::Home];
    match (app.item(), &app.input) {
        (Item::Meta(_), Input::Field(f)) | (Item::Question(_), Input::Field(f)) => {
            actions = (0..f.text().chars().count())
                .map(|_| Action::Back)
                .collect();
            let text = match want {
                Value::Int(n) => n.to_string(),
                v => v.as_str().unwrap().to_string(),
            };
            actions.push(Action::Insert(text));
        }
        (Item::Question(q), Input::Choice { .. }) => {
            let q = app.question(q);
            let index = match want {
                Value::Bool(b) => usize::from(!b),
                Value::Str(s) => q.choices.iter().position(|c| c.value == *s).unwrap(),
                v => panic!("{}: {v:?}", q.id),
            };
            actions.extend((0..index).map(|_| Action::Down));
        }
        (Item::Question(q), Input::Multi { checked, .. }) => {
            let q = app.question(q);
            let list = want.as_list().unwrap();
            for (c, on) in q.choices.iter().zip(checked) {
                if list.contains(&c.value) != *on {
                    actions.push(Action::Toggle);
                }
                actions.push(Action::Down);
            }
        }
        other => panic!("unexpected input {other:?}"),
    }
    actions.push(Action::Confirm);
    send(app, actions)
}

/// Drives a new session through every question to the review, answering as `target`.
fn answer_all(app: &mut App, target: &Answers) -> Vec<Effect> {
    let values = target.resolve(&WS.library);
    let mut effects = Vec::new();
    for _ in 0..200 {
        if app.screen == Screen::Review {
            return effects;
        }
        let want = match app.item() {
            Item::Meta(k) => Value::Str(target.meta.get(k).to_string()),
            Item::Question(q) => values[&app.question(q).id].clone(),
        };
        effects.extend(answer(app, &want));
    }
    panic!("the questionnaire did not end");
}

fn last_save(effects: &[Effect]) -> &str {
    effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::Save { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .expect("a save")
}

#[test]
fn every_scenario_answered_through_actions_gives_its_answers() {
    for s in scenarios() {
        let target = answers_from(&s.answers, &s.name);
        let mut app = new_app(Answers::default(), Lang::Ja);
        let effects = answer_all(&mut app, &target);
        let saved = last_save(&effects);
        let got = Answers::parse(saved, &s.name, &WS.library)
            .unwrap_or_else(|e| panic!("{}: the saved file does not build: {e}\n{saved}", s.name));
        assert_eq!(got.meta, target.meta, "{}", s.name);
        assert_eq!(
            got.resolve(&WS.library),
            target.resolve(&WS.library),
            "{}",
            s.name
        );
        for (id, v) in &target.given {
            assert_eq!(got.given.get(id), Some(v), "{}: {id}", s.name);
        }
        let ids = |a: &Answers| {
            let asm = WS.assemble(a);
            asm.included.iter().map(|i| i.clause).collect::<Vec<_>>()
        };
        assert_eq!(ids(&got), ids(&target), "{}", s.name);
    }
}

#[test]
fn every_change_is_saved_at_once_in_the_contract_format() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    let effects = send(&mut app, [Action::Insert("甲案件".into()), Action::Confirm]);
    let [
        Effect::Save {
            path,
            text,
            expected,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &PathBuf::from("secdraft-answers.toml"));
    assert_eq!(expected, &None, "no file was read: none is expected");
    let table: toml::Table = toml::from_str(text).unwrap();
    assert_eq!(table["meta"]["project_name"].as_str(), Some("甲案件"));
    assert!(table["answers"].as_table().unwrap().is_empty());
    Answers::parse_partial(text, "saved", &WS.library).unwrap();
    // Moving within a question changes nothing yet: no write.
    let effects = send(&mut app, [Action::Insert("甲市".into()), Action::Left]);
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn saving_edits_the_file_as_read_and_expects_what_was_last_written() {
    let file = "# 法務: 甲の法務部が確認済み\n[meta]\nproject_name = \"甲案件\"\n\n[clauses.\"general.purpose\"]\nnote = \"先方に説明済み\"\n";
    let answers = Answers::parse_partial(file, "a.toml", &WS.library).unwrap();
    let mut app = new_app(answers, Lang::Ja);
    app.file_text = Some(file.to_string());
    let effects = send(&mut app, [Action::Insert("乙市".into()), Action::Confirm]);
    let [Effect::Save { text, expected, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(expected.as_deref(), Some(file));
    assert!(text.starts_with("# 法務: 甲の法務部が確認済み\n"), "{text}");
    assert!(text.contains("note = \"先方に説明済み\""), "{text}");
    assert!(text.contains("乙市"), "{text}");
    // Until the loop reports the write, the file is still expected to hold the old text;
    // once it does, the next save expects the new one.
    let written = text.clone();
    send(&mut app, [Action::Saved(Ok(written.clone()))]);
    assert_eq!(app.file_text.as_deref(), Some(written.as_str()));
    send(&mut app, [Action::Saved(Err(SaveError::Changed))]);
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("変更されています"),
        "{}",
        status.text
    );
}

/// The position of a question in the questionnaire, so tests do not depend on its order.
fn question_index(id: &str) -> usize {
    WS.library
        .questions
        .iter()
        .position(|q| q.id == id)
        .unwrap()
}

#[test]
fn a_session_resumes_at_the_first_unanswered_question() {
    let text = "[meta]\nproject_name = \"p\"\ncustomer = \"c\"\nvendor = \"v\"\n\n[answers]\ncustomer_type = \"private\"\ncontract_type = \"ukeoi\"\nengagement_type = \"development\"\n";
    let partial = Answers::parse_partial(text, "partial", &WS.library).unwrap();
    let app = new_app(partial, Lang::Ja);
    assert_eq!(app.screen, Screen::Questions);
    // The optional date counts as answered: the first open question is the budget.
    let budget = question_index("budget_jpy");
    assert_eq!(app.item(), Item::Question(budget));
    assert_eq!(app.question(budget).id, "budget_jpy");
    // A complete session opens on the review.
    let done = answers_from(&scenarios()[0].answers, "s");
    let mut app = new_app(Answers::default(), Lang::En);
    let effects = answer_all(&mut app, &done);
    let saved = Answers::parse(last_save(&effects), "s", &WS.library).unwrap();
    assert_eq!(new_app(saved, Lang::Ja).screen, Screen::Review);
}

#[test]
fn skip_logic_applies_as_answers_change() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    let pd = WS
        .library
        .questions
        .iter()
        .position(|q| q.id == "personal_data")
        .unwrap();
    let kinds = pd + 1;
    assert_eq!(WS.library.questions[kinds].id, "personal_data_kinds");
    let item = |i| {
        app.items
            .iter()
            .position(|it| *it == Item::Question(i))
            .unwrap()
    };
    let (pd_item, kinds_item) = (item(pd), item(kinds));
    app.goto(pd_item);
    send(&mut app, [Action::Yes]);
    assert_eq!(app.pos, kinds_item, "the kinds are asked next");
    send(
        &mut app,
        [Action::Toggle, Action::Confirm, Action::Back, Action::Back],
    );
    assert_eq!(app.pos, pd_item);
    let effects = send(&mut app, [Action::No]);
    assert!(!app.visible(kinds_item));
    assert!(app.pos > kinds_item + 2, "the data questions are skipped");
    // The hidden answer is kept for later but not saved.
    assert!(app.answers.given.contains_key("personal_data_kinds"));
    assert!(!last_save(&effects).contains("personal_data_kinds"));
}

#[test]
fn input_is_validated_as_it_is_typed() {
    let mut app = new_app(Answers::default(), Lang::En);
    let question = question_index("budget_jpy");
    let budget = app
        .items
        .iter()
        .position(|i| *i == Item::Question(question))
        .unwrap();
    app.goto(budget);
    assert_eq!(app.question(question).kind, Kind::Yen);
    assert_eq!(app.parsed(), Err("Please enter a value.".into()));
    send(&mut app, [Action::Insert("0".into())]);
    assert_eq!(app.parsed(), Err("Enter at least 1.".into()));
    assert!(
        send(&mut app, [Action::Confirm]).is_empty(),
        "an invalid answer is not taken"
    );
    assert_eq!(app.pos, budget);
    send(
        &mut app,
        [Action::Back, Action::Insert("104,800,500".into())],
    );
    assert_eq!(app.parsed(), Ok(Value::Int(104_800_500)));
    // A letter in a number is text to refuse, not a command: `1000q` does not quit.
    let effects = send(&mut app, [Action::Insert("q".into())]);
    assert!(effects.is_empty());
    assert!(app.parsed().unwrap_err().starts_with("Not a number"));
    // A party's name is required, the date must exist.
    app.goto(0);
    assert!(send(&mut app, [Action::Confirm]).is_empty());
    app.goto(3);
    send(&mut app, [Action::Insert("2026-02-30".into())]);
    assert_eq!(app.parsed(), Err("There is no such date.".into()));
}

#[test]
fn export_writes_what_the_command_line_writes_and_asks_before_overwriting() {
    let s = &scenarios()[0];
    let target = answers_from(&s.answers, &s.name);
    let mut app = new_app(Answers::default(), Lang::Ja);
    answer_all(&mut app, &target);
    // Format::ALL drives the dialog: step to html, both languages, the rider.
    let effects = send(
        &mut app,
        [
            Action::Export,
            Action::Right,
            Action::Down,
            Action::Right,
            Action::Right,
            Action::Confirm,
        ],
    );
    let [Effect::Export { path, bytes, force }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(path, &PathBuf::from("secdraft-answers.html"));
    assert!(!force);
    let (_, doc) = WS.draft(&app.effective()).unwrap();
    let opts = ExportOptions::new(LangSel::Both);
    assert_eq!(bytes, &WS.export(&doc, Format::Html, &opts).unwrap());
    let path = path.clone();
    send(
        &mut app,
        [Action::Exported(Err(WriteError::Exists(path.clone())))],
    );
    assert!(app.export.confirm_overwrite);
    assert!(send(&mut app, [Action::No]).is_empty());
    assert!(!app.export.confirm_overwrite);
    send(
        &mut app,
        [
            Action::Confirm,
            Action::Exported(Err(WriteError::Exists(path.clone()))),
        ],
    );
    let effects = send(&mut app, [Action::Yes]);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Export { force: true, .. }]
    ));
    // The answers of the rider sent are kept beside it: the OLD of the next redline.
    let effects = send(&mut app, [Action::Exported(Ok(path))]);
    let [Effect::Snapshot { path: copy, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(copy, &PathBuf::from("secdraft-answers.html.answers.toml"));
    let kept = Answers::parse(text, "copy", &WS.library).unwrap();
    assert_eq!(
        (kept.meta, kept.given),
        (app.effective().meta, app.effective().given)
    );
    assert_eq!(app.last_export.as_ref(), Some(&app.effective()));
    assert_eq!(app.overlay, None);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| !s.error && s.text.contains("secdraft-answers.html"))
    );
}

#[test]
fn the_dialog_exports_the_internal_memo_apart_from_the_rider() {
    let s = &scenarios()[0];
    let target = answers_from(&s.answers, &s.name);
    let mut app = new_app(Answers::default(), Lang::En);
    answer_all(&mut app, &target);
    app.created = Some(0);
    // md, Japanese, the memo.
    let effects = send(
        &mut app,
        [
            Action::Export,
            Action::Down,
            Action::Down,
            Action::Toggle,
            Action::Confirm,
        ],
    );
    let [Effect::Export { bytes, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let memo = WS
        .memo(&app.effective(), Some(ReportFormat::Md), Lang::Ja, 0)
        .unwrap();
    assert_eq!(bytes, &memo);
    assert!(String::from_utf8_lossy(bytes).contains("社内限り"));
    // A memo is not sent: no copy of its answers, nothing to compare the next one with.
    assert!(send(&mut app, [Action::Exported(Ok("m.md".into()))]).is_empty());
    assert_eq!(app.last_export, None);
    // It has no JSON and no second language: said, nothing written.
    send(&mut app, [Action::Export, Action::Up, Action::Up]);
    for _ in 0..3 {
        send(&mut app, [Action::Right]);
    }
    assert_eq!(app.export_format(), Format::Json);
    assert!(send(&mut app, [Action::Confirm]).is_empty());
    assert!(
        app.export
            .error
            .as_deref()
            .is_some_and(|e| e.contains("JSON"))
    );
}

#[test]
fn export_refuses_an_empty_path_and_missing_answers() {
    let mut app = new_app(Answers::default(), Lang::En);
    let effects = send(&mut app, [Action::Export, Action::Confirm]);
    assert!(effects.is_empty());
    assert!(
        app.export
            .error
            .as_ref()
            .unwrap()
            .contains("What is the contract amount for the Services (JPY)?")
    );
    // r (Ctrl-R in the path field) goes to the review that lists them.
    send(&mut app, [Action::Review]);
    assert_eq!((app.overlay, app.screen), (None, Screen::Review));
    send(
        &mut app,
        [Action::Export, Action::Confirm, Action::Up, Action::End],
    );
    let n = app.export.path.text().chars().count();
    send(&mut app, (0..n).map(|_| Action::Back));
    send(&mut app, [Action::Confirm]);
    assert_eq!(
        app.export.error.as_deref(),
        Some("Enter the name of the file to write.")
    );
    send(&mut app, [Action::Escape]);
    assert_eq!(app.overlay, None);
}

#[test]
fn review_reopens_a_question_and_returns() {
    let target = answers_from(&scenarios()[0].answers, "s");
    let mut app = new_app(Answers::default(), Lang::Ja);
    answer_all(&mut app, &target);
    send(&mut app, [Action::Home, Action::Down, Action::Confirm]);
    assert_eq!(
        (app.screen, app.item()),
        (Screen::Questions, Item::Meta(MetaKey::Customer))
    );
    let effects = send(&mut app, [Action::Insert("追記".into()), Action::Confirm]);
    assert!(last_save(&effects).contains("追記"));
    assert_eq!(app.screen, Screen::Review);
}

#[test]
fn keys_quit_switch_language_and_open_overlays() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    send(&mut app, [Action::SwitchLang]);
    assert_eq!(app.lang, Lang::En);
    send(&mut app, [Action::Help]);
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert!(
        send(&mut app, [Action::Quit]).is_empty(),
        "any key closes the help"
    );
    assert_eq!(send(&mut app, [Action::Escape]), [Effect::Quit]);
    send(&mut app, [Action::Export]);
    assert_eq!(send(&mut app, [Action::ForceQuit]), [Effect::Quit]);
}

#[test]
fn the_section_list_jumps_to_a_section() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    // From the parties, Tab to the sections, two down (the data), Enter.
    send(
        &mut app,
        [
            Action::NextPane,
            Action::Down,
            Action::Down,
            Action::Confirm,
        ],
    );
    let Item::Question(q) = app.item() else {
        panic!("{:?}", app.item());
    };
    assert_eq!(app.question(q).id, "personal_data");
    assert_eq!(app.pane, secdraft::tui::app::Pane::Answer);
    // Shift-Tab from the answer goes to the help, where the arrows scroll.
    send(&mut app, [Action::PrevPane, Action::Down, Action::Down]);
    assert_eq!(
        (app.pane, app.help_scroll),
        (secdraft::tui::app::Pane::Help, 2)
    );
}

#[test]
fn the_command_checks_the_session_file_before_opening_the_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[answers]\nbudget_jpy = \"lots\"\n").unwrap();
    crate::common::bin()
        .arg("--answers")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("budget_jpy"));
    // Said in the questionnaire's language, the place as it is.
    for (lang, words) in [
        (
            "ja",
            "bad.toml:2:14: budget_jpy: 円単位の整数で書いてください（string が書かれています）",
        ),
        (
            "en",
            "bad.toml:2:14: budget_jpy: expected an integer amount in yen, found string",
        ),
    ] {
        crate::common::bin()
            .args(["--ui-lang", lang, "--answers"])
            .arg(&bad)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(words));
    }
    // Counsel's overrides in the same file: their problems too.
    std::fs::write(&bad, "[clauses.\"liability.capp\"]\nexclude = \"不要\"\n").unwrap();
    crate::common::bin()
        .args(["--ui-lang", "ja", "--answers"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "不明な条項ID「liability.capp」です（`liability.cap` のことですか？）",
        ));
    std::fs::write(&bad, "[meta]\ncustomer = \"甲\n[answers]\n").unwrap();
    crate::common::bin()
        .args(["--ui-lang", "ja", "--answers"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("TOML の書式に誤りがあります"));
    // A partial session is fine; without a terminal the questionnaire says what it needs.
    let partial = dir.path().join("partial.toml");
    std::fs::write(&partial, "[answers]\nbudget_jpy = 1000\n").unwrap();
    crate::common::bin()
        .args(["--ui-lang", "en", "--answers"])
        .arg(&partial)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("needs a terminal"));
    crate::common::bin()
        .args(["--ui-lang", "fr"])
        .assert()
        .code(2);
}

#[test]
fn the_preview_is_drafted_again_only_when_the_answers_change() {
    let target = answers_from(&scenarios()[0].answers, "s");
    let mut app = new_app(Answers::default(), Lang::Ja);
    answer_all(&mut app, &target);
    send(
        &mut app,
        [Action::Resize(80, 24), Action::Preview, Action::PageDown],
    );
    let scrolled = app.preview.as_ref().unwrap().scroll;
    assert!(scrolled > 0);
    send(&mut app, [Action::Back, Action::Preview]);
    assert_eq!(
        app.preview.as_ref().unwrap().scroll,
        scrolled,
        "reopened as left"
    );
    send(&mut app, [Action::Back]);
    app.goto(1);
    send(
        &mut app,
        [
            Action::Insert("追記".into()),
            Action::Confirm,
            Action::Preview,
        ],
    );
    let p = app.preview.as_ref().unwrap();
    assert_eq!(p.scroll, 0);
    assert!(p.doc.meta.customer.ends_with("追記"));
}

#[test]
fn a_customer_named_like_a_public_body_preselects_its_type_without_answering() {
    let type_of = |customer: &str| {
        let mut answers = Answers::default();
        answers.meta.set(MetaKey::Customer, customer);
        let mut app = new_app(answers, Lang::Ja);
        assert!(app.goto_question("customer_type"));
        let Input::Choice { cursor } = app.input else {
            panic!("customer_type is a choice");
        };
        // Preselected only: nothing is recorded until counsel confirms.
        assert!(!app.answers.given.contains_key("customer_type"));
        let Item::Question(q) = app.item() else {
            panic!("at a question");
        };
        app.question(q).choices[cursor].value.clone()
    };
    assert_eq!(type_of("横浜市水道局"), "local_government");
    assert_eq!(type_of("サンプル市教育委員会"), "education");
    assert_eq!(type_of("株式会社サンプル商店"), "private");
}
