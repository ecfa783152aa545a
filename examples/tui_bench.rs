//! Times a keystroke in the questionnaire: `update` plus a full redraw (`view` into a
//! 100x30 TestBackend) on the default library, in a release build:
//! `cargo run --release --example tui_bench`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use secdraft::answers::Answers;
use secdraft::lang::Lang;
use secdraft::tui::action::Action;
use secdraft::tui::app::App;
use secdraft::tui::update::update;
use secdraft::tui::view::view;
use secdraft::workspace::Workspace;

const ANSWERS: &str = include_str!("../docs/examples/education-network.toml");
const RUNS: u32 = 2000;

/// The mean time of one keystroke: the actions of each step in turn, each followed by a
/// redraw, repeated (the steps return the state to where it started).
fn keystroke(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    steps: &[fn() -> Action],
) -> Duration {
    let start = Instant::now();
    for _ in 0..RUNS {
        for step in steps {
            update(app, step());
            term.draw(|f| view(f, app)).unwrap();
        }
    }
    start.elapsed() / (RUNS * steps.len() as u32)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let ws = Workspace::load(None, &[], None).unwrap();
    let answers = Answers::parse(ANSWERS, "education-network.toml", &ws.library).unwrap();
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let at = |app: &mut App, id: &str| assert!(app.goto_question(id), "no question {id}");
    let mut app = App::new(&ws, PathBuf::from("bench.toml"), answers, Lang::Ja);
    update(&mut app, Action::Resize(100, 30));
    println!("secdraft questionnaire, default library, 100x30, mean of {RUNS} runs");

    at(&mut app, "customer_type");
    let t = keystroke(&mut app, &mut term, &[|| Action::Down, || Action::Up]);
    println!("  move in a choice (update + redraw):       {}", ms(t));

    at(&mut app, "budget_jpy");
    let t = keystroke(
        &mut app,
        &mut term,
        &[|| Action::Insert("5".into()), || Action::Back],
    );
    println!("  type a digit, validated (update + redraw): {}", ms(t));

    at(&mut app, "dmz");
    let t = keystroke(&mut app, &mut term, &[|| Action::Confirm, || Action::Back]);
    println!("  confirm an answer and go on / back:        {}", ms(t));

    update(&mut app, Action::Preview);
    let t = keystroke(&mut app, &mut term, &[|| Action::Down, || Action::Up]);
    println!("  scroll the preview:                        {}", ms(t));

    // Opening after a change drafts the whole clause set and wraps it (and frees the
    // stale preview): timed on its own. Reopening with the same answers reuses it.
    let mut open = Duration::ZERO;
    for _ in 0..RUNS / 10 {
        update(&mut app, Action::Back);
        let start = Instant::now();
        app.preview = None;
        update(&mut app, Action::Preview);
        term.draw(|f| view(f, &app)).unwrap();
        open += start.elapsed();
    }
    println!(
        "  open the preview after a change:          {}",
        ms(open / (RUNS / 10))
    );
    let start = Instant::now();
    for _ in 0..RUNS / 10 {
        ws.draft(&app.effective()).unwrap();
    }
    let draft = start.elapsed() / (RUNS / 10);
    println!("    of which Workspace::draft alone:         {}", ms(draft));
    let t = keystroke(&mut app, &mut term, &[|| Action::Back, || Action::Preview]);
    println!("  leave / reopen the preview, same answers:  {}", ms(t));
}
