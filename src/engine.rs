//! The assembly engine: pure functions from a library and answers to the selected clause
//! set, numbered, with computed values, a trace of every decision and warnings. No file
//! system, terminal or clock here.

pub mod compute;
mod customer;
mod reason;
mod select;

pub(crate) use customer::likely_customer_type;
pub use reason::{Reason, computed_words};
pub use select::{Assembly, Excluded, Included, Warning, assemble};
