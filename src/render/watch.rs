//! What the guard of a run needs to know of the renders in progress: which text each
//! thread is rendering, and how much memory the render has taken. Tera gives its embedder
//! no hook inside a render (nothing runs per instruction, per loop turn or per allocation),
//! so a text that loops over literal lists without calling us, or doubles a string in
//! memory without writing it, can only be seen from outside: the binary's allocator asks
//! [`allocated`] at every allocation and its watchdog reads [`running`]. This module only
//! keeps the books; ending the process is the edge's (src/guard.rs).

use std::cell::Cell;
use std::fmt::{Display, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The most memory one text's render may take beyond what its thread held when it began:
/// a clause renders in kilobytes; a gigabyte is a string doubled thirty times.
pub(crate) const MEMORY_LIMIT: usize = 1 << 30;

/// The longest a clause, annex or warning text may render: one renders in microseconds.
pub(crate) const TEXT_TIME: Duration = Duration::from_secs(5);
/// The longest a document template may render: its work grows with the document (a
/// library of ten thousand clauses renders in a second), so it gets more.
pub(crate) const DOCUMENT_TIME: Duration = Duration::from_secs(60);

/// Renders watched at once (one per thread rendering); a thread past them renders unwatched.
const SLOTS: usize = 64;

struct Slot {
    /// 0 when free; otherwise the serial number of the render in it.
    serial: AtomicU64,
    /// The time it may take, in milliseconds.
    allowed: AtomicU64,
    /// The text being rendered, as an error message begins (`error::Place`).
    name: Mutex<String>,
}

static SLOT: [Slot; SLOTS] = [const {
    Slot {
        serial: AtomicU64::new(0),
        allowed: AtomicU64::new(0),
        name: Mutex::new(String::new()),
    }
}; SLOTS];
static SERIAL: AtomicU64 = AtomicU64::new(1);

/// [`HELD`] when no render is in progress on the thread.
const IDLE: isize = isize::MIN;

thread_local! {
    /// The bytes the render in progress on this thread has allocated and not freed, or
    /// [`IDLE`]: outside a render an allocation costs one read.
    static HELD: Cell<isize> = const { Cell::new(IDLE) };
    /// The slot of the render in progress on this thread.
    static MINE: Cell<Option<usize>> = const { Cell::new(None) };
}

/// A render in progress, watched until dropped.
pub(crate) struct Rendering {
    slot: Option<usize>,
    /// What this thread watched before (a render inside a render: none today).
    outer: Option<usize>,
    held: isize,
}

/// Marks the text `name` as rendering on this thread until the guard is dropped, for at
/// most `allowed`.
pub fn rendering(name: impl Display, allowed: Duration) -> Rendering {
    let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
    let slot = SLOT.iter().position(|s| {
        s.serial
            .compare_exchange(0, serial, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    });
    if let Some(i) = slot {
        SLOT[i]
            .allowed
            .store(allowed.as_millis() as u64, Ordering::Relaxed);
        let mut text = SLOT[i].name.lock().unwrap_or_else(|p| p.into_inner());
        text.clear();
        // Writing into a String cannot fail.
        let _ = write!(text, "{name}");
    }
    let held = HELD.replace(0);
    let outer = MINE.replace(slot);
    Rendering { slot, outer, held }
}

impl Drop for Rendering {
    fn drop(&mut self) {
        HELD.set(self.held);
        MINE.set(self.outer);
        if let Some(i) = self.slot {
            SLOT[i].serial.store(0, Ordering::Release);
        }
    }
}

/// Books an allocation (negative: a free) of this thread. True once, when the render in
/// progress has taken more than [`MEMORY_LIMIT`]: the watch is then off for this thread,
/// so that reporting it may allocate.
pub(crate) fn allocated(bytes: isize) -> bool {
    let held = HELD.get();
    if held == IDLE {
        return false;
    }
    let held = held.saturating_add(bytes);
    if held > MEMORY_LIMIT as isize {
        HELD.set(IDLE);
        return true;
    }
    HELD.set(held);
    false
}

/// The renders in progress: their slot, serial number (a serial being one render) and
/// the time each may take.
pub(crate) fn running() -> impl Iterator<Item = (usize, u64, Duration)> {
    SLOT.iter().enumerate().filter_map(|(i, s)| {
        let serial = s.serial.load(Ordering::Acquire);
        let allowed = Duration::from_millis(s.allowed.load(Ordering::Relaxed));
        (serial != 0).then_some((i, serial, allowed))
    })
}

/// The text rendering in `slot`, as named when it began.
pub fn name(slot: usize) -> String {
    SLOT[slot]
        .name
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

/// The text this thread is rendering, if any.
pub fn current() -> Option<String> {
    MINE.get().map(name)
}
