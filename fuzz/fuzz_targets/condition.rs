//! Any text as a `when` condition: parsed, checked and evaluated without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdraft::condition::{Expr, VarInfo};
use secdraft::value::{Type, Value};

fuzz_target!(|src: &str| {
    if let Ok(e) = Expr::parse(src) {
        let lookup = |n: &str| {
            (n == "dmz").then_some(VarInfo {
                ty: Type::Bool,
                choices: None,
            })
        };
        let _ = e.check(&lookup);
        let t = Value::Bool(true);
        let _ = e.eval(&|_| Some(&t));
    }
});
