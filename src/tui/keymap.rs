//! Keys to actions. Where a text field has the focus, printable keys type into it; where a
//! number is typed, only digits do, and letters stay commands.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Command,
    Digits,
    Text,
}

pub fn map(event: &Event, mode: InputMode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(key, mode),
        Event::Paste(s) if mode != InputMode::Command => Some(Action::Insert(s.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn map_key(key: &KeyEvent, mode: InputMode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::ForceQuit),
            KeyCode::Char('s') => Some(Action::Save),
            // Preview and export from inside a text field, where `p` and `e` are letters.
            KeyCode::Char('p') => Some(Action::Preview),
            KeyCode::Char('e') => Some(Action::Export),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Backspace => Action::Back,
        KeyCode::Tab => Action::NextPane,
        KeyCode::BackTab => Action::PrevPane,
        KeyCode::Esc => Action::Escape,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(2) => Action::SwitchLang,
        KeyCode::Char(c) if typed(c, mode) => Action::Insert(c.to_string()),
        KeyCode::Char(c) => command(c)?,
        _ => return None,
    })
}

fn typed(c: char, mode: InputMode) -> bool {
    match mode {
        InputMode::Text => true,
        InputMode::Digits => c.is_ascii_digit() || c == ',' || c == '_',
        InputMode::Command => false,
    }
}

fn command(c: char) -> Option<Action> {
    Some(match c {
        'k' => Action::Up,
        'j' => Action::Down,
        'h' => Action::Left,
        // `l` stays free for the language: Right has its arrow.
        ' ' => Action::Toggle,
        'p' => Action::Preview,
        'e' => Action::Export,
        'r' => Action::Review,
        '?' => Action::Help,
        'l' => Action::SwitchLang,
        'y' => Action::Yes,
        'n' => Action::No,
        'q' => Action::Quit,
        'g' => Action::Home,
        'G' => Action::End,
        _ => return None,
    })
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
        assert_eq!(name(map(&q, InputMode::Digits)), "Some(Quit)");
        assert_eq!(name(map(&q, InputMode::Text)), "Some(Insert(\"q\"))");
        let five = key(KeyCode::Char('5'), KeyModifiers::NONE);
        assert_eq!(name(map(&five, InputMode::Digits)), "Some(Insert(\"5\"))");
        assert_eq!(name(map(&five, InputMode::Command)), "None");
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(name(map(&ctrl_c, InputMode::Text)), "Some(ForceQuit)");
        let space = key(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(name(map(&space, InputMode::Command)), "Some(Toggle)");
        let paste = Event::Paste("甲市".into());
        assert_eq!(name(map(&paste, InputMode::Command)), "None");
        assert_eq!(name(map(&paste, InputMode::Text)), "Some(Insert(\"甲市\"))");
    }
}
