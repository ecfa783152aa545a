//! The secdraft binary: parse the command line, run, map errors to exit codes
//! (0 success, 2 bad input, 1 anything else).

use std::process::ExitCode;

fn main() -> ExitCode {
    match secdraft::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.message);
            ExitCode::from(e.code)
        }
    }
}
