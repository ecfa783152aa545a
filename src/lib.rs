//! secdraft drafts the security clauses of IT development and outsourcing contracts.
//!
//! The pipeline: **load** a clause library (TOML: questionnaire, sources, warning rules and
//! one file of clauses per family) → **validate** it as a whole → read the **answers** →
//! **assemble** the clause set (pure: select by condition and stance, order, number,
//! compute values such as the liability cap, trace every decision, raise warnings) →
//! **render** each clause body through Tera into a bilingual [`document::Document`] →
//! **export** it as Markdown, HTML, text, JSON or Word, each exporter returning bytes.
//!
//! Files are read and written only in [`workspace`]; everything below it is pure.

pub mod answers;
pub mod condition;
pub mod document;
pub mod engine;
pub mod error;
pub mod export;
pub mod format;
pub mod guard;
pub mod labels;
pub mod lang;
pub mod library;
pub mod lint;
pub mod memo;
pub(crate) mod notation;
pub mod overrides;
pub mod preserve;
pub mod redline;
pub mod render;
pub mod report;
pub mod value;
pub mod workspace;
pub mod wrap;

pub mod cli;
pub mod tui;
