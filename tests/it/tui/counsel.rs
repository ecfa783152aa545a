//! Counsel's own clause set from the preview, as counsel would make it: every change is
//! drafted, saved at once into the answers file (its comments kept), refused with the
//! reason when the carve-out would go, and the changes since the last export are shown.

use secdraft::answers::Answers;
use secdraft::document::{plain_text, to_markup};
use secdraft::export::{ExportOptions, Format};
use secdraft::lang::{Lang, LangSel};
use secdraft::tui::action::{Action, Effect};
use secdraft::tui::app::{App, Editing, Overlay, Screen};
use secdraft::tui::preview::Target;

use super::{new_app, send};
use crate::common::{MIDSIZE_ANSWERS, WS};

/// The mid-sized project as counsel keeps it: with a comment of their own.
fn file() -> String {
    format!("# 法務: 先方の要望で第3版まで交渉予定\n{MIDSIZE_ANSWERS}")
}

fn session(lang: Lang) -> App<'static> {
    let text = file();
    let answers = Answers::parse_partial(&text, "a.toml", &WS.library).unwrap();
    let mut app = new_app(answers, lang);
    app.file_text = Some(text);
    send(&mut app, [Action::Preview]);
    assert_eq!(app.screen, Screen::Preview);
    app
}

/// Selects the article or excluded clause filed under `key` with Tab, as counsel would.
fn select(app: &mut App, key: &str) {
    send(app, (0..100).map(|_| Action::PrevPane));
    for _ in 0..100 {
        if app.preview.as_ref().unwrap().target().unwrap().key() == key {
            return;
        }
        send(app, [Action::NextPane]);
    }
    panic!("{key} is not in the preview");
}

/// Counsel's keys, and the text of the single save they made.
fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) -> String {
    let effects = send(app, actions);
    saved(app, effects)
}

/// The text of the single save a change made, fed back as the loop would.
fn saved(app: &mut App, effects: Vec<Effect>) -> String {
    let [Effect::Save { text, .. }] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}");
    };
    let text = text.clone();
    send(app, [Action::Saved(Ok(text.clone()))]);
    assert!(
        text.starts_with("# 法務: 先方の要望で第3版まで交渉予定\n"),
        "{text}"
    );
    text
}

fn has_article(app: &App, id: &str) -> bool {
    let doc = &app.preview.as_ref().unwrap().doc;
    doc.articles.iter().any(|a| a.id == id)
}

fn article_text(app: &App, id: &str) -> String {
    let doc = &app.preview.as_ref().unwrap().doc;
    let a = doc.articles.iter().find(|a| a.id == id).unwrap();
    plain_text(&a.paragraphs[Lang::Ja], Lang::Ja)
}

#[test]
fn exclude_with_a_reason_and_put_back() {
    let mut app = session(Lang::Ja);
    select(&mut app, "audit.inspection");
    assert!(send(&mut app, [Action::Exclude]).is_empty());
    assert_eq!(app.overlay, Some(Overlay::Edit));
    // No reason, no exclusion: the prompt stays with the reason why.
    assert!(send(&mut app, [Action::Confirm]).is_empty());
    assert_eq!(app.overlay, Some(Overlay::Edit));
    assert!(app.status.as_ref().unwrap().error);
    let effects = send(
        &mut app,
        [
            Action::Insert("原契約で付保を義務付け済み".into()),
            Action::Confirm,
        ],
    );
    let text = saved(&mut app, effects);
    assert!(
        text.contains("[clauses.\"audit.inspection\"]\nexclude = \"原契約で付保を義務付け済み\""),
        "{text}"
    );
    let p = app.preview.as_ref().unwrap();
    assert!(!has_article(&app, "audit.inspection"));
    let e = p
        .doc
        .excluded
        .iter()
        .find(|e| e.id == "audit.inspection")
        .unwrap();
    assert!(e.reason.ja.contains("原契約で付保を義務付け済み"));
    // The selection stays on it, now in the excluded list: x puts it back.
    assert_eq!(
        p.target(),
        Some(&Target::Excluded {
            key: "audit.inspection".into()
        })
    );
    let text = act(&mut app, [Action::Exclude]);
    assert!(!text.contains("audit.inspection"), "{text}");
    assert!(has_article(&app, "audit.inspection"));
}

#[test]
fn the_carve_out_cannot_be_dropped_from_the_preview() {
    let mut app = session(Lang::Ja);
    app.editor = Some("vi".into());
    select(&mut app, "liability.cap");
    // Reworded without the carve-out: refused, nothing recorded.
    send(&mut app, [Action::EditText]);
    let effects = send(
        &mut app,
        [Action::Edited(Ok(
            "乙の責任は、委託料の額を上限とする。\n".into()
        ))],
    );
    assert!(effects.is_empty(), "nothing is saved: {effects:?}");
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("故意又は重大な過失"),
        "{}",
        status.text
    );
    assert!(app.answers.overrides.is_empty());
    // Excluded while other articles cite it: refused, naming both.
    let effects = send(
        &mut app,
        [
            Action::Exclude,
            Action::Insert("not needed".into()),
            Action::Confirm,
        ],
    );
    assert!(effects.is_empty(), "nothing is saved: {effects:?}");
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error
            && status.text.starts_with("できません：")
            && status.text.contains("（存続、協議及び正文）"),
        "{}",
        status.text
    );
    assert!(app.answers.overrides.is_empty());
    assert!(has_article(&app, "liability.cap"));
}

#[test]
fn a_position_is_chosen_from_the_ladder() {
    let mut app = session(Lang::Ja);
    select(&mut app, "liability.cap");
    send(&mut app, [Action::Position]);
    assert_eq!(app.overlay, Some(Overlay::Positions));
    let text = act(&mut app, [Action::Down, Action::Confirm]);
    assert!(
        text.contains("[clauses.\"liability.cap\"]\nuse = \"liability.cap_balanced\""),
        "{text}"
    );
    let p = app.preview.as_ref().unwrap();
    let Some(Target::Article { id, key, .. }) = p.target() else {
        panic!()
    };
    assert_eq!(
        (id.as_str(), key.as_str()),
        ("liability.cap_balanced", "liability.cap")
    );
    // Back to the first position: the override goes.
    let text = act(&mut app, [Action::Position, Action::Up, Action::Confirm]);
    assert!(!text.contains("liability.cap"), "{text}");
    // An article without a ladder says so.
    select(&mut app, "general.purpose");
    send(&mut app, [Action::Position]);
    assert_eq!(app.overlay, None);
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn wording_is_edited_in_the_app_from_the_library_text_and_kept_literally() {
    let mut app = session(Lang::Ja);
    select(&mut app, "confidentiality.obligation");
    send(&mut app, [Action::EditText]);
    let edit = app.edit.as_ref().unwrap();
    let Editing::Text(t) = &edit.editing else {
        panic!("{:?}", edit.editing)
    };
    let doc = &app.preview.as_ref().unwrap().doc;
    let a = doc
        .articles
        .iter()
        .find(|a| a.id == "confidentiality.obligation")
        .unwrap();
    assert_eq!(t.text(), to_markup(&a.paragraphs.ja));
    // Typed at the start, with a line break and a template tag that stays as typed.
    let effects = send(
        &mut app,
        [
            Action::Insert("{{ secret }}甲乙は、".into()),
            Action::Confirm,
            Action::Save,
        ],
    );
    let text = saved(&mut app, effects);
    assert!(text.contains("{{ secret }}甲乙は、"), "{text}");
    assert!(article_text(&app, "confidentiality.obligation").starts_with("{{ secret }}甲乙は、"));
    // Esc with typing not saved asks first; y discards.
    send(
        &mut app,
        [Action::EditText, Action::Insert("x".into()), Action::Escape],
    );
    assert!(app.edit.as_ref().unwrap().confirm_discard);
    assert!(app.would_lose());
    send(&mut app, [Action::Yes]);
    assert_eq!(app.overlay, None);
    assert!(!article_text(&app, "confidentiality.obligation").starts_with('x'));
    // o gives the library's wording back.
    let text = act(&mut app, [Action::RestoreText]);
    assert!(!text.contains("secret"), "{text}");
}

#[test]
fn wording_is_edited_in_the_editor_counsel_set() {
    let mut app = session(Lang::En);
    app.editor = Some("vi".into());
    select(&mut app, "general.purpose");
    let effects = send(&mut app, [Action::EditText]);
    let [Effect::EditExternally { editor, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(editor, "vi");
    assert!(!text.is_empty());
    // The editor's last line break is not counsel's.
    let effects = send(
        &mut app,
        [Action::Edited(Ok(
            "The purpose, in counsel's words.\n".into()
        ))],
    );
    let saved_text = saved(&mut app, effects);
    assert!(
        saved_text.contains(
            "[clauses.\"general.purpose\"]\ntext.en = \"The purpose, in counsel's words.\""
        ),
        "{saved_text}"
    );
    // An editor that failed leaves everything as it was, and says so.
    send(&mut app, [Action::EditText]);
    let effects = send(&mut app, [Action::Edited(Err("exit status: 1".into()))]);
    assert!(effects.is_empty());
    assert!(app.status.as_ref().unwrap().text.contains("vi"));
    assert_eq!(app.overlay, None);
}

#[test]
fn notes_and_added_articles_stay_out_of_the_rider() {
    let mut app = session(Lang::Ja);
    select(&mut app, "audit.inspection");
    let text = act(
        &mut app,
        [
            Action::Note,
            Action::Insert("譲歩するなら年1回まで".into()),
            Action::Save,
        ],
    );
    assert!(text.contains("note = \"譲歩するなら年1回まで\""), "{text}");
    // The preview shows it under the article, marked internal.
    let rows = &app.preview.as_ref().unwrap().rows;
    assert!(
        rows.iter()
            .any(|r| r.text == "  メモ（社内限り）: 譲歩するなら年1回まで")
    );
    let effects = send(
        &mut app,
        [
            Action::AddClause,
            Action::Insert("反社会的勢力の排除".into()),
            Action::Confirm,
            Action::Insert("甲及び乙は、反社会的勢力に該当しないことを表明する。".into()),
            Action::Save,
        ],
    );
    let text = saved(&mut app, effects);
    assert!(
        text.contains("[[custom_clause]]\nid = \"custom.clause_1\"\nafter = \"audit.inspection\""),
        "{text}"
    );
    let p = app.preview.as_ref().unwrap();
    let at = p
        .doc
        .articles
        .iter()
        .position(|a| a.id == "audit.inspection")
        .unwrap();
    assert_eq!(p.doc.articles[at + 1].id, "custom.clause_1");
    assert_eq!(p.target().unwrap().key(), "custom.clause_1");
    // The rider carries the article, never the note.
    let opts = ExportOptions::new(LangSel::Both);
    let rider = WS.export(&p.doc, Format::Txt, &opts).unwrap();
    let rider = String::from_utf8(rider).unwrap();
    assert!(rider.contains("反社会的勢力の排除"));
    assert!(!rider.contains("譲歩するなら"));
    // x on an added article removes it, after asking.
    send(&mut app, [Action::Exclude]);
    assert_eq!(app.overlay, Some(Overlay::RemoveCustom));
    let text = act(&mut app, [Action::Yes]);
    assert!(!text.contains("custom_clause"), "{text}");
}

#[test]
fn the_changes_since_the_last_export_are_shown() {
    let mut app = session(Lang::Ja);
    send(&mut app, [Action::Diff]);
    assert_eq!(app.screen, Screen::Preview, "nothing exported yet");
    app.last_export = Some(app.effective());
    send(&mut app, [Action::Diff]);
    assert_eq!(app.screen, Screen::Preview, "no change yet");
    select(&mut app, "general.purpose");
    send(
        &mut app,
        [
            Action::EditText,
            Action::Insert("追記。".into()),
            Action::Save,
        ],
    );
    send(&mut app, [Action::Diff]);
    assert_eq!(app.screen, Screen::Diff);
    let all = app.diff.as_ref().unwrap().lines.join("\n");
    assert!(all.contains("{+追記。+}"), "{all}");
    // The change names its cause: counsel's wording.
    assert!(
        all.contains("法務担当者の指定（general.purpose）：（なし） → 日本語の文言を変更"),
        "{all}"
    );
    send(&mut app, [Action::Escape]);
    assert_eq!(app.screen, Screen::Preview);
}
