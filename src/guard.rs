//! The guard of a run: a render that takes more than [`watch::MEMORY_LIMIT`] of memory or
//! runs longer than it may (`watch::TEXT_TIME` for a clause) ends the process with exit 2 and a message naming the
//! text, the bound Tera cannot give from inside a render (see `render::watch`). The binary
//! installs [`Allocator`] and calls [`start`]; nothing has been written by then (a document
//! is written only once it is whole), so no partial file is left.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::OnceLock;
use std::time::Duration;

use crate::render::watch;

const TICK: Duration = Duration::from_millis(100);

/// What to undo before the message is printed (the questionnaire's terminal).
static CLEANUP: OnceLock<fn()> = OnceLock::new();

/// The system allocator, booking each thread's allocations for [`watch::allocated`].
pub struct Allocator;

// SAFETY: every call is passed to the system allocator as it came; the booking around it
// neither touches the memory nor changes the result.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            book(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            book(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) };
        book(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            book(new_size as isize - layout.size() as isize);
        }
        p
    }
}

fn book(bytes: isize) {
    if watch::allocated(bytes) {
        let text = watch::current().unwrap_or_default();
        fail(
            &text,
            &format!(
                "its render took more than {} MiB of memory",
                watch::MEMORY_LIMIT >> 20
            ),
        );
    }
}

/// Ends the run: exit 2, naming the text (as a message begins: `file:line:col: [id] key:`)
/// and what it spent.
fn fail(text: &str, what: &str) -> ! {
    if let Some(cleanup) = CLEANUP.get() {
        cleanup();
    }
    // No panic if standard error is closed: the exit code still tells.
    let _ = writeln!(
        std::io::stderr(),
        "{text} template: the template budget is spent: {what}"
    );
    std::process::exit(2)
}

/// Calls `cleanup` before a guard's message (once; later calls are ignored).
pub(crate) fn on_fail(cleanup: fn()) {
    let _ = CLEANUP.set(cleanup);
}

/// Starts the watchdog: every [`TICK`] it looks at the renders in progress, and one seen
/// for longer than it may take ends the run.
pub fn start() {
    let watchdog = || {
        // (slot, serial, time seen)
        let mut seen: Vec<(usize, u64, Duration)> = Vec::new();
        loop {
            std::thread::sleep(TICK);
            let mut now = Vec::new();
            for (slot, serial, allowed) in watch::running() {
                let before = seen
                    .iter()
                    .find(|s| s.0 == slot && s.1 == serial)
                    .map_or(Duration::ZERO, |s| s.2);
                let ran = before + TICK;
                if ran >= allowed {
                    fail(
                        &watch::name(slot),
                        &format!("its render ran longer than {} s", allowed.as_secs()),
                    );
                }
                now.push((slot, serial, ran));
            }
            seen = now;
        }
    };
    // Without a thread (none can be made) the run goes on unwatched, as a library call does.
    let _ = std::thread::Builder::new()
        .name("secdraft-watchdog".into())
        .spawn(watchdog);
}
