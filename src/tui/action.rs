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
    /// Backspace held down (or pressed again at once): deletes, but never leaves a
    /// question, and does nothing in the question it just went back to.
    BackHeld,
    Insert(String),
    NextPane,
    PrevPane,
    Save,
    Preview,
    Export,
    Review,
    Help,
    SwitchLang,
    /// In the preview: exclude the article (asking why), or put an excluded clause back.
    Exclude,
    /// In the preview: choose the article's position.
    Position,
    /// In the preview: edit the article's wording in the language shown.
    EditText,
    /// In the preview: the article's internal note.
    Note,
    /// In the preview: add an article of counsel's after this one.
    AddClause,
    /// In the preview: the library's wording again.
    RestoreText,
    /// The changes since the last export.
    Diff,
    Yes,
    No,
    /// Esc: close what is open, else quit (asking first if something would be lost).
    Escape,
    Quit,
    /// Ctrl-C: quit at once, whatever is open.
    ForceQuit,
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
    Resize(u16, u16),
    /// The loop reports how a write went: the text now in the file, or why not.
    Saved(Result<String, SaveError>),
    Exported(Result<PathBuf, WriteError>),
    /// `$EDITOR` exited: the text it left, or why there is none.
    Edited(Result<String, String>),
    /// The copy of the exported answers was written, or why not.
    Snapshot(Result<PathBuf, WriteError>),
}

/// Why the answers file was not saved, in kinds the interface can say in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The file no longer holds what this session last wrote: it is left as it is.
    Changed,
    /// The folder does not exist.
    NoFolder,
    Denied,
    /// The path is a folder, a device or another file that is not a regular one.
    NotRegular,
    DiskFull,
    Other,
}

impl SaveError {
    pub fn of(e: &crate::workspace::WriteError) -> SaveError {
        use crate::workspace::WriteError;
        use std::io::ErrorKind::*;
        match e {
            WriteError::Exists(_) | WriteError::NotRegular(_) => SaveError::NotRegular,
            WriteError::Io(_, e) => match e.kind() {
                NotFound | NotADirectory => SaveError::NoFolder,
                PermissionDenied | ReadOnlyFilesystem => SaveError::Denied,
                StorageFull | QuotaExceeded => SaveError::DiskFull,
                IsADirectory => SaveError::NotRegular,
                _ => SaveError::Other,
            },
        }
    }
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
    /// Give the terminal to `editor` on a file holding `text`, and read it back.
    EditExternally {
        editor: String,
        text: String,
    },
    /// Keep the answers an export was drafted from beside it (replacing an older copy).
    Snapshot {
        path: PathBuf,
        text: String,
    },
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
    Quit,
}
