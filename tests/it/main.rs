//! Integration tests: the command line, scenario goldens, fixtures of bad input.
