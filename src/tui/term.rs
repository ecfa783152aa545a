//! The terminal: raw mode and the alternate screen on the way in, and the way back out on
//! every exit (normal, Ctrl-C, a signal, an error or a panic).

use std::io::{Stdout, Write, stdout};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal in questionnaire mode; dropping it gives the terminal back.
pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

pub fn restore() {
    // Each step on its own: a failing one must not keep the others from running.
    let _ = disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

impl Guard {
    pub fn enter() -> std::io::Result<Guard> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Back to a normal terminal first, so that the message can be read.
            restore();
            hook(info);
        }));
        enable_raw_mode()?;
        let entered = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
            .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
        match entered {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
