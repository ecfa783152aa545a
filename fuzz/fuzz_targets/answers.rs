//! Any text as an answers file against the default library: answers or diagnostics.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use secdraft::answers::Answers;
use secdraft::library::{Library, parse_library};
use secdraft::workspace::default_library;

static LIBRARY: LazyLock<Library> =
    LazyLock::new(|| parse_library(&default_library()).expect("the default library loads"));

fuzz_target!(|text: &str| {
    if let Ok(a) = Answers::parse(text, "fuzz.toml", &LIBRARY) {
        let _ = a.resolve(&LIBRARY);
        let _ = a.to_toml(&LIBRARY);
    }
});
