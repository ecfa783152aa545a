//! The clause library: questionnaire, sources, warning rules and clauses, loaded from TOML
//! and validated as a whole so that every problem is reported at once.

pub mod annex;
pub mod family;
mod load;
pub mod model;
mod overlay;
pub mod position;
mod validate;

pub use annex::Annex;
pub use family::{CONTRACT_FAMILIES, Family, Section};
pub use load::LibraryFile;
pub use model::{Choice, Clause, Kind, Library, Question, Source, WarningRule};
pub use position::{Ladder, Position};

use crate::error::Diagnostics;

/// Reads and cross-checks a whole library. All problems come back at once.
pub fn parse_library(files: &[LibraryFile]) -> Result<Library, Diagnostics> {
    parse_layered(files, &[])
}

/// A library with organisation overlays laid over it in order (`overlay`), cross-checked
/// as one. All problems come back at once.
pub(crate) fn parse_layered(
    files: &[LibraryFile],
    overlays: &[Vec<LibraryFile>],
) -> Result<Library, Diagnostics> {
    let mut diags = Vec::new();
    let mut parsed = load::load(files, &mut diags);
    for layer in overlays {
        overlay::apply(&mut parsed, layer, &mut diags);
    }
    let library = validate::validate(parsed, &mut diags);
    if diags.is_empty() {
        Ok(library)
    } else {
        Err(Diagnostics(diags))
    }
}
