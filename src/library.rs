//! The clause library: questionnaire, sources, warning rules and clauses, loaded from TOML
//! and validated as a whole so that every problem is reported at once.

pub mod family;
mod load;
pub mod model;
mod validate;

pub use family::{FAMILIES, Family, SECTIONS, Section};
pub use load::{LibraryFile, parse_library};
pub use model::{Choice, Clause, Kind, Library, Question, Source, WarningRule};
