//! Any text as one clause file beside the default library's other files: a library or
//! diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdraft::library::{LibraryFile, parse_library};
use secdraft::workspace::default_library;

fuzz_target!(|text: &str| {
    let mut files = default_library();
    if let Some(f) = files
        .iter_mut()
        .find(|f| f.name.ends_with("liability.toml"))
    {
        *f = LibraryFile::new(f.name.clone(), text);
    }
    let _ = parse_library(&files);
});
