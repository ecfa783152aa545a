//! Integration tests: the command line, scenario goldens, fixtures of bad input, coverage
//! of the clause library, the purity of the engine and the exported documents read back.

mod cli;
mod common;
mod coverage;
mod docx;
mod fixtures;
mod hostile;
mod html;
mod memo;
mod office;
mod overrides;
mod props;
mod purity;
mod redline;
mod scenarios;
mod text;
mod tui;
mod xml;
