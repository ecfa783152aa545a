//! Every screen at 80x24 and 100x30, in Japanese and English, as the text of the buffer
//! (wide characters once, not followed by their placeholder cell).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use secdraft::answers::Answers;
use secdraft::lang::Lang;
use secdraft::tui::action::Action;
use secdraft::tui::app::App;
use secdraft::tui::view::view;
use secdraft::workspace::WriteError;
use unicode_width::UnicodeWidthStr;

use super::{answer_all, new_app, send};
use crate::common::{answers_from, scenarios};

/// The screen as lines of text, trailing blanks trimmed.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    send(app, [Action::Resize(w, h)]);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = sym.width().saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn scenario() -> Answers {
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "education-network")
        .unwrap();
    answers_from(&s.answers, &s.name)
}

fn at(app: &mut App, id: &str) {
    assert!(app.goto_question(id), "no question {id}");
}

type Setup = fn(&mut App);

/// Each screen, set up through actions as a user would reach it.
fn states() -> Vec<(&'static str, Setup)> {
    vec![
        ("meta", |_| {}),
        ("long-field", |app| {
            let name = "教育情報ネットワークのデータセンター移管に係る設計・構築及び運用保守業務";
            send(app, [Action::Insert(name.into()), Action::Left]);
        }),
        ("choice", |app| at(app, "customer_type")),
        ("multi", |app| {
            at(app, "personal_data");
            send(app, [Action::Yes, Action::Down, Action::Toggle]);
        }),
        ("number-error", |app| {
            at(app, "budget_jpy");
            send(app, [Action::Insert("0".into())]);
        }),
        ("number-japanese", |app| {
            at(app, "budget_jpy");
            send(app, [Action::Insert("1億480万500円".into())]);
        }),
        ("sections-pane", |app| {
            at(app, "dmz");
            send(app, [Action::NextPane, Action::Down]);
        }),
        ("review", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Down, Action::Down]);
        }),
        ("preview", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview]);
        }),
        ("preview-scrolled", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview, Action::PageDown, Action::Down]);
        }),
        ("export", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Export, Action::Right]);
        }),
        ("export-overwrite", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Export, Action::Confirm]);
            let path = app.export.path.text().into();
            send(app, [Action::Exported(Err(WriteError::Exists(path)))]);
        }),
        ("help", |app| {
            send(app, [Action::Help]);
        }),
        ("positions", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview]);
            select(app, "liability.cap");
            send(app, [Action::Position]);
        }),
        ("exclude", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview, Action::NextPane, Action::Exclude]);
            send(app, [Action::Insert("原契約第5条で手当て済み".into())]);
        }),
        ("editor", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview, Action::NextPane, Action::EditText]);
            send(
                app,
                [Action::Down, Action::End, Action::Insert("（追記）".into())],
            );
        }),
        ("editor-discard", |app| {
            answer_all(app, &scenario());
            send(app, [Action::Preview, Action::EditText]);
            send(app, [Action::Insert("x".into()), Action::Escape]);
        }),
        ("diff", |app| {
            answer_all(app, &scenario());
            app.last_export = Some(app.effective());
            send(app, [Action::Preview, Action::EditText]);
            send(
                app,
                [Action::End, Action::Insert("（追記）".into()), Action::Save],
            );
            send(app, [Action::Diff]);
        }),
    ]
}

/// Selects the article filed under `key` with Tab.
fn select(app: &mut App, key: &str) {
    for _ in 0..100 {
        if app
            .preview
            .as_ref()
            .and_then(|p| p.target())
            .map(|t| t.key())
            == Some(key)
        {
            return;
        }
        send(app, [Action::NextPane]);
    }
    panic!("{key} is not in the preview");
}

#[test]
fn every_screen_in_both_languages_and_two_sizes() {
    for (name, setup) in states() {
        for lang in Lang::ALL {
            for (w, h) in [(80, 24), (100, 30)] {
                let mut app = new_app(Answers::default(), lang);
                setup(&mut app);
                let text = screen(&mut app, w, h);
                insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang.code()), text);
            }
        }
    }
}

#[test]
fn a_small_window_says_so_and_nothing_breaks_at_any_size() {
    for lang in Lang::ALL {
        let mut app = new_app(Answers::default(), lang);
        let text = screen(&mut app, 20, 5);
        insta::assert_snapshot!(format!("too-small-{}-20x5", lang.code()), text);
    }
    // Every size from nothing up to past the minimum, on every screen.
    for (_, setup) in states() {
        let mut app = new_app(Answers::default(), Lang::Ja);
        setup(&mut app);
        for (w, h) in [
            (0, 0),
            (1, 1),
            (19, 4),
            (20, 5),
            (39, 11),
            (40, 12),
            (45, 14),
            (200, 60),
        ] {
            let text = screen(&mut app, w, h);
            assert_eq!(text.lines().count(), usize::from(h));
        }
    }
}
