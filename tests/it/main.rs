//! Integration tests: the command line, scenario goldens, fixtures of bad input, coverage
//! of the clause library, the purity of the engine and the exported documents read back.

mod annex;
mod cli;
mod common;
mod coverage;
mod docx;
mod engine;
mod families;
mod fixtures;
mod hostile;
mod html;
mod lint;
mod memo;
mod office;
mod overlay;
mod overrides;
mod positions;
mod props;
mod purity;
mod redline;
mod scenarios;
mod text;
mod tui;
mod xml;
