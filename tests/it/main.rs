//! Integration tests: the command line, scenario goldens, fixtures of bad input, coverage
//! of the clause library and the purity of the engine.

mod cli;
mod common;
mod coverage;
mod fixtures;
mod purity;
mod scenarios;
mod tui;
