//! Keys to actions. Where a field has the focus (a name, a number, a date, a path), every
//! printable key types into it, and commands are Ctrl and function keys: `1000q` is text to
//! be refused, never "1000, then quit".

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::keys::BINDINGS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Command,
    Text,
}

/// A terminal repeats a held key every 30 to 50 ms after a first delay of 250 to 600 ms; a
/// Backspace that follows the last one within this gap is taken as the key held down (or
/// tapped quickly), a later one as a new press.
const HELD_GAP: Duration = Duration::from_millis(650);

/// Tells a held Backspace from a new press, so that holding it on an empty field goes back
/// one question and stops there instead of eating the previous answer (only a new press
/// leaves a question; terminals that report key repeats say so themselves).
#[derive(Debug, Default)]
pub struct Held {
    last_back: Option<Instant>,
}

impl Held {
    pub fn mark(&mut self, action: Action, now: Instant) -> Action {
        let Action::Back = action else {
            if !matches!(action, Action::BackHeld) {
                self.last_back = None;
            }
            return action;
        };
        let held = self
            .last_back
            .is_some_and(|t| now.saturating_duration_since(t) < HELD_GAP);
        self.last_back = Some(now);
        if held { Action::BackHeld } else { Action::Back }
    }
}

pub fn map(event: &Event, mode: InputMode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Repeat && key.code == KeyCode::Backspace => {
            Some(Action::BackHeld)
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(key, mode),
        Event::Paste(s) if mode != InputMode::Command => Some(Action::Insert(s.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// A key by the table in `keys`.
fn map_key(key: &KeyEvent, mode: InputMode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let typed = match key.code {
        KeyCode::Char(c) => c,
        _ => '\0',
    };
    BINDINGS
        .iter()
        .flat_map(|b| b.keys)
        .find(|(k, _)| k.matches(key.code, ctrl, mode))
        .map(|(_, makes)| makes(typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    fn name(a: Option<Action>) -> String {
        format!("{a:?}")
    }

    #[test]
    fn letters_are_commands_unless_a_field_takes_them() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(name(map(&q, InputMode::Command)), "Some(Quit)");
        assert_eq!(name(map(&q, InputMode::Text)), "Some(Insert(\"q\"))");
        let ctrl_q = key(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(name(map(&ctrl_q, InputMode::Text)), "Some(Quit)");
        let five = key(KeyCode::Char('5'), KeyModifiers::NONE);
        assert_eq!(name(map(&five, InputMode::Text)), "Some(Insert(\"5\"))");
        assert_eq!(name(map(&five, InputMode::Command)), "None");
        let man = key(KeyCode::Char('万'), KeyModifiers::NONE);
        assert_eq!(name(map(&man, InputMode::Text)), "Some(Insert(\"万\"))");
        let ctrl_z = key(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(name(map(&ctrl_z, InputMode::Text)), "Some(Suspend)");
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(name(map(&ctrl_c, InputMode::Text)), "Some(ForceQuit)");
        let space = key(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(name(map(&space, InputMode::Command)), "Some(Toggle)");
        let paste = Event::Paste("甲市".into());
        assert_eq!(name(map(&paste, InputMode::Command)), "None");
        assert_eq!(name(map(&paste, InputMode::Text)), "Some(Insert(\"甲市\"))");
    }

    #[test]
    fn a_held_backspace_is_told_from_a_new_press() {
        let mut held = Held::default();
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        assert_eq!(name(Some(held.mark(Action::Back, t0))), "Some(Back)");
        assert_eq!(
            name(Some(held.mark(Action::Back, ms(40)))),
            "Some(BackHeld)"
        );
        assert_eq!(
            name(Some(held.mark(Action::Back, ms(80)))),
            "Some(BackHeld)"
        );
        // The first repeat comes after the terminal's delay.
        assert_eq!(
            name(Some(held.mark(Action::Back, ms(580)))),
            "Some(BackHeld)"
        );
        // Released, then pressed again.
        assert_eq!(name(Some(held.mark(Action::Back, ms(1300)))), "Some(Back)");
        // Another key in between is a new press too.
        held.mark(Action::Left, ms(1320));
        assert_eq!(name(Some(held.mark(Action::Back, ms(1340)))), "Some(Back)");
        let repeat = Event::Key(KeyEvent::new_with_kind(
            KeyCode::Backspace,
            KeyModifiers::NONE,
            KeyEventKind::Repeat,
        ));
        assert_eq!(name(map(&repeat, InputMode::Text)), "Some(BackHeld)");
    }
}
