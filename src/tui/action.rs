//! What the user (or the loop, reporting a write) asks of the state, and what the state
//! asks of the loop.

use std::path::PathBuf;

use crate::workspace::WriteError;

#[derive(Debug)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// Enter: confirm the answer (or the dialog) and go on.
    Confirm,
    /// Space: toggle a choice in a multiple choice.
    Toggle,
    /// Backspace: delete a character, or go back a question when there is none to delete.
    Back,
    Insert(String),
    NextPane,
    PrevPane,
    Save,
    Preview,
    Export,
    Review,
    Help,
    SwitchLang,
    Yes,
    No,
    /// Esc: close what is open, else quit.
    Escape,
    Quit,
    /// Ctrl-C: quit at once, whatever is open.
    ForceQuit,
    Resize(u16, u16),
    /// The loop reports how a write went: the text now in the file, or why not.
    Saved(Result<String, SaveError>),
    Exported(Result<PathBuf, WriteError>),
}

/// Why the answers file was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file no longer holds what this session last wrote: it is left as it is.
    Changed,
    Write(String),
}

/// Work for the loop: the only side effects of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the answers file (atomically, replacing it).
    Save {
        path: PathBuf,
        text: String,
        /// What the file held when this session last read or wrote it (`None`: no file
        /// yet): another content means another program or session changed it.
        expected: Option<String>,
    },
    /// Write an exported document; without `force` an existing file is kept.
    Export {
        path: PathBuf,
        bytes: Vec<u8>,
        force: bool,
    },
    Quit,
}
