//! What the officer types and presses: numbers and dates as written, text kept as typed,
//! keys that cannot destroy (a held Backspace, Esc, q, a failed save, a tiny window), and
//! an export that says what it assumed.

use secdraft::answers::Answers;
use secdraft::lang::Lang;
use secdraft::tui::action::{Action, Effect, SaveError};
use secdraft::tui::app::{App, Input, Overlay, Screen};
use secdraft::value::Value;

use super::{answer_all, last_save, new_app, screens, send};
use crate::common::{answers_from, scenarios};

/// Types `text` into the field of the question `id` (cleared first) and reads it.
fn typed(app: &mut App, id: &str, text: &str) -> Result<Value, String> {
    assert!(app.goto_question(id));
    while let Input::Field(f) = &app.input
        && !f.is_empty()
    {
        send(app, [Action::BackHeld]);
    }
    for c in text.chars() {
        send(app, [Action::Insert(c.to_string())]);
    }
    app.parsed()
}

#[test]
fn amounts_and_dates_are_read_as_written_and_shown_before_they_are_saved() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    assert_eq!(
        typed(&mut app, "budget_jpy", "2億5000万円"),
        Ok(Value::Int(250_000_000))
    );
    let shown = screens::screen(&mut app, 100, 30);
    assert!(
        shown.contains("→ 250,000,000円 として保存します"),
        "{shown}"
    );
    assert_eq!(
        typed(&mut app, "budget_jpy", "２５０，０００，０００"),
        Ok(Value::Int(250_000_000))
    );
    assert_eq!(
        typed(&mut app, "budget_jpy", "1.5億"),
        Ok(Value::Int(150_000_000))
    );
    assert!(
        typed(&mut app, "budget_jpy", "-5")
            .unwrap_err()
            .contains("負の数")
    );
    assert!(
        typed(&mut app, "budget_jpy", "99999999999999999999")
            .unwrap_err()
            .contains("大きすぎ")
    );
    send(&mut app, [Action::Confirm]);
    assert!(app.goto_question("budget_jpy"), "still on the amount");
    // Persons where personal data is held: at least one.
    let mut with_data = Answers::default();
    with_data
        .given
        .insert("personal_data".into(), Value::Bool(true));
    let mut app = new_app(with_data, Lang::Ja);
    assert_eq!(
        typed(&mut app, "data_subjects", "12万人"),
        Ok(Value::Int(120_000))
    );
    assert!(typed(&mut app, "data_subjects", "0").is_err());
    // A date in the era calendar is saved as the ISO date it shows.
    app.goto(3);
    send(&mut app, [Action::Insert("令和8年4月1日".into())]);
    assert_eq!(app.parsed(), Ok(Value::Str("2026-04-01".into())));
    let shown = screens::screen(&mut app, 100, 30);
    assert!(shown.contains("→ 2026-04-01 として保存します"), "{shown}");
    let effects = send(&mut app, [Action::Confirm]);
    assert!(last_save(&effects).contains("date = \"2026-04-01\""));
}

#[test]
fn typed_text_is_saved_exactly_as_typed() {
    let mut app = new_app(Answers::default(), Lang::En);
    let name = "  株式会社　甲  {{ x }} ";
    send(&mut app, [Action::Insert(name.into())]);
    let effects = send(&mut app, [Action::Confirm]);
    assert_eq!(app.answers.meta.project_name, name);
    assert!(last_save(&effects).contains(&format!("project_name = \"{name}\"")));
    // A paste with a line break inside is refused whole and said so.
    send(&mut app, [Action::Insert("甲\n乙".into())]);
    assert!(matches!(&app.input, Input::Field(f) if f.is_empty()));
    assert!(app.status.as_ref().unwrap().text.contains("line break"));
    // Spaces alone are not a name.
    send(&mut app, [Action::Insert("   ".into())]);
    assert!(app.parsed().unwrap_err().contains("Spaces alone"));
}

fn field<'a>(app: &'a App) -> &'a str {
    match &app.input {
        Input::Field(f) => f.text(),
        other => panic!("not a field: {other:?}"),
    }
}

#[test]
fn a_held_backspace_goes_back_once_and_leaves_the_answer_there_whole() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    send(&mut app, [Action::Insert("案件".into()), Action::Confirm]);
    assert_eq!(field(&app), "");
    // Held on an empty field, Backspace never leaves the question.
    send(&mut app, [Action::BackHeld, Action::BackHeld]);
    assert_eq!(app.pos, 1);
    // A new press goes back once; held on, it leaves the previous answer alone.
    send(&mut app, [Action::Back]);
    assert_eq!(app.pos, 0);
    send(&mut app, (0..10).map(|_| Action::BackHeld));
    assert_eq!(field(&app), "案件");
    // Pressed again, it deletes; held then, it goes on deleting.
    send(&mut app, [Action::Back]);
    assert_eq!(field(&app), "案");
    send(&mut app, [Action::Insert("件名".into()), Action::BackHeld]);
    assert_eq!(field(&app), "案件");
}

#[test]
fn esc_and_q_close_the_open_screen_and_quitting_asks_before_losing_typing() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    let screens: [fn() -> Action; 2] = [|| Action::Preview, || Action::Review];
    for open in screens {
        for close in [Action::Quit, Action::Escape] {
            send(&mut app, [Action::Resize(80, 24)]);
            assert!(send(&mut app, [open()]).is_empty());
            assert_ne!(app.screen, Screen::Questions);
            assert!(
                send(&mut app, [close]).is_empty(),
                "closing is not quitting"
            );
            assert_eq!(app.screen, Screen::Questions);
        }
    }
    // Nothing typed: Esc quits at once.
    assert_eq!(send(&mut app, [Action::Escape]), [Effect::Quit]);
    // Typing not confirmed: asked first; n goes back to it, y quits.
    send(&mut app, [Action::Insert("案件".into())]);
    assert!(send(&mut app, [Action::Escape]).is_empty());
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    let shown = screens::screen(&mut app, 80, 24);
    assert!(
        shown.contains("入力中の回答はまだ決定していません"),
        "{shown}"
    );
    assert!(send(&mut app, [Action::No]).is_empty());
    assert_eq!((app.overlay, field(&app)), (None, "案件"));
    assert!(send(&mut app, [Action::Quit]).is_empty());
    assert_eq!(send(&mut app, [Action::Yes]), [Effect::Quit]);
}

#[test]
fn a_failed_save_is_said_in_words_keeps_the_session_and_asks_before_quitting() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    send(&mut app, [Action::Insert("案件".into()), Action::Confirm]);
    send(&mut app, [Action::Saved(Err(SaveError::NoFolder))]);
    let status = app.status.as_ref().unwrap();
    assert!(status.error);
    assert!(
        status.text.contains("保存先のフォルダがありません"),
        "{}",
        status.text
    );
    assert!(status.text.contains("Ctrl-S"));
    assert_eq!(app.save_error, Some(SaveError::NoFolder));
    assert!(send(&mut app, [Action::Escape]).is_empty());
    let shown = screens::screen(&mut app, 80, 24);
    assert!(shown.contains("保存できていない回答"), "{shown}");
    send(&mut app, [Action::No]);
    // Saved at last: nothing to lose, Esc quits.
    send(&mut app, [Action::Saved(Ok(String::new()))]);
    assert_eq!(app.save_error, None);
    assert_eq!(send(&mut app, [Action::Escape]), [Effect::Quit]);
}

#[test]
fn a_window_too_small_to_show_the_question_takes_no_key() {
    let mut app = new_app(Answers::default(), Lang::Ja);
    send(
        &mut app,
        [Action::Insert("案件".into()), Action::Resize(20, 5)],
    );
    let keys = [
        Action::Confirm,
        Action::Insert("x".into()),
        Action::Back,
        Action::Quit,
        Action::Escape,
        Action::Export,
        Action::Save,
    ];
    assert!(send(&mut app, keys).is_empty());
    assert_eq!((app.pos, field(&app), app.overlay), (0, "案件", None));
    assert_eq!(send(&mut app, [Action::ForceQuit]), [Effect::Quit]);
    assert_eq!(send(&mut app, [Action::Suspend]), [Effect::Suspend]);
    // At the documented minimum the input line shows, whatever the prompt's length.
    for id in [None, Some("budget_jpy")] {
        if let Some(id) = id {
            assert!(app.goto_question(id));
        }
        let shown = screens::screen(&mut app, 40, 12);
        assert!(shown.lines().any(|l| l.contains("> ")), "{shown}");
    }
}

/// A scenario's answers with one defaulted question left unanswered.
fn with_a_default_left() -> (Answers, &'static str) {
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "education-network")
        .unwrap();
    let mut answers = answers_from(&s.answers, &s.name);
    answers.given.remove("patch_days_critical");
    (answers, "patch_days_critical")
}

#[test]
fn export_lists_the_answers_left_at_their_defaults_and_goes_back_to_them() {
    let (answers, id) = with_a_default_left();
    let mut app = new_app(answers, Lang::Ja);
    assert!(send(&mut app, [Action::Export, Action::Confirm]).is_empty());
    assert!(app.export.confirm_assumptions);
    let shown = screens::screen(&mut app, 100, 30);
    assert!(shown.contains("既定値で起案されます"), "{shown}");
    assert!(shown.contains("→ 14"), "{shown}");
    let assumed = secdraft::memo::assumptions(&crate::common::WS.library, &app.effective());
    assert!(assumed.contains(&id), "{assumed:?}");
    // n: back to the first of them, to answer it.
    send(&mut app, [Action::No]);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.item(),
        secdraft::tui::app::Item::Question(question(assumed[0]))
    );
    // y: exported on the defaults, knowingly.
    let effects = send(&mut app, [Action::Export, Action::Confirm, Action::Yes]);
    assert!(
        matches!(effects.as_slice(), [Effect::Export { .. }]),
        "{effects:?}"
    );
}

#[test]
fn a_long_list_of_assumptions_keeps_its_keys_in_view() {
    let (mut answers, _) = with_a_default_left();
    let lib = &crate::common::WS.library;
    answers
        .given
        .retain(|id, _| lib.question(id).is_some_and(|q| q.default.is_none()));
    let mut app = new_app(answers, Lang::Ja);
    send(&mut app, [Action::Export, Action::Confirm]);
    assert!(app.export.confirm_assumptions);
    let shown = screens::screen(&mut app, 80, 24);
    assert!(shown.contains("y: 既定値のまま出力"), "{shown}");
    assert!(shown.contains("ほか"), "{shown}");
}

fn question(id: &str) -> usize {
    crate::common::WS
        .library
        .questions
        .iter()
        .position(|q| q.id == id)
        .unwrap()
}

#[test]
fn an_answer_changed_in_the_review_asks_the_questions_it_reveals() {
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "brochure-site")
        .unwrap();
    let target = answers_from(&s.answers, &s.name);
    let mut app = new_app(Answers::default(), Lang::En);
    answer_all(&mut app, &target);
    assert_eq!(app.screen, Screen::Review);
    // Reopen personal_data from the review and answer yes.
    let items: Vec<usize> = app.visible_items().collect();
    let row = items
        .iter()
        .position(|&i| {
            app.items[i] == secdraft::tui::app::Item::Question(question("personal_data"))
        })
        .unwrap();
    app.review_cursor = row;
    send(&mut app, [Action::Confirm, Action::Yes]);
    assert_eq!(app.screen, Screen::Questions);
    assert_eq!(
        app.item(),
        secdraft::tui::app::Item::Question(question("personal_data_kinds"))
    );
    assert!(app.status.as_ref().unwrap().text.contains("more questions"));
    let (_, left) = app.progress();
    assert!(left >= 2, "the revealed questions are to answer: {left}");
    // Answered, the review comes back.
    send(&mut app, [Action::Toggle, Action::Confirm]);
    send(&mut app, [Action::Insert("3000".into()), Action::Confirm]);
    for _ in 0..10 {
        if app.screen == Screen::Review {
            break;
        }
        send(&mut app, [Action::Confirm]);
    }
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.progress().1, 0);
    assert_eq!(
        app.answers.given.get("data_subjects"),
        Some(&Value::Int(3000))
    );
}

#[test]
fn the_progress_counts_what_is_asked_not_optional_fields() {
    let app = new_app(Answers::default(), Lang::Ja);
    let (answered, left) = app.progress();
    assert_eq!(
        answered, 0,
        "optional [meta] fields are not counted as answered"
    );
    assert!(left > 0);
}
