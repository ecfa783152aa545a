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
pub(crate) struct Guard {
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

/// Raw mode, the alternate screen and bracketed paste: the questionnaire's terminal.
fn setup() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

impl Guard {
    pub fn enter() -> std::io::Result<Guard> {
        crate::guard::on_fail(restore);
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Back to a normal terminal first, so that the message can be read.
            restore();
            hook(info);
        }));
        let entered = setup().and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
        match entered {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops. `fg` sends SIGCONT, on
    /// which the loop calls [`Guard::resume`], as for a stop from elsewhere.
    pub(crate) fn suspend(&mut self) -> std::io::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
    }

    /// Sets the terminal up again after a stop, and forgets what was on screen so that
    /// the next draw paints all of it.
    pub(crate) fn resume(&mut self) -> std::io::Result<()> {
        setup()?;
        self.terminal.clear()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
