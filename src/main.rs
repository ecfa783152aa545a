//! The secdraft binary: run the command line and turn an error into its exit code, by the
//! error's kind (as ripgrep does): 2 for bad input (a file, an argument, an output path
//! the user gave), 1 for anything else (the disk, the terminal, standard output).

use std::process::ExitCode;

use secdraft::cli::BadInput;
use secdraft::error::Error;
use secdraft::workspace::WriteError;

fn exit_code(e: &anyhow::Error) -> u8 {
    let bad_input = e.chain().any(|c| {
        c.downcast_ref::<Error>().is_some_and(Error::is_bad_input)
            || c.is::<BadInput>()
            || c.downcast_ref::<WriteError>()
                .is_some_and(WriteError::is_bad_input)
    });
    if bad_input { 2 } else { 1 }
}

/// Every allocation is booked, so that a render that grows without end is stopped.
#[global_allocator]
static ALLOCATOR: secdraft::guard::Allocator = secdraft::guard::Allocator;

fn main() -> ExitCode {
    secdraft::guard::start();
    match secdraft::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One write: standard error is unbuffered, and a file of 300,000 problems
            // would otherwise be a million system calls.
            let message = format!("{e:#}");
            eprintln!("{message}");
            ExitCode::from(exit_code(&e))
        }
    }
}
