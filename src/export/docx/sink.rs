//! The document part written into the package as it is made: the XML so far goes on into
//! the zip a megabyte at a time, so that a document of thousands of articles is never held
//! whole as text (it was, and then copied twice, at five times the library's size).

use std::io::{self, Write};

/// How much XML is held before it goes on into the package.
const CHUNK: usize = 1 << 20;

pub struct Sink<'w> {
    to: &'w mut dyn Write,
    /// The first write that failed: what follows is dropped, and `finish` reports it.
    failed: Option<io::Error>,
}

impl<'w> Sink<'w> {
    pub fn new(to: &'w mut dyn Write) -> Self {
        Sink { to, failed: None }
    }

    /// Sends `out` on once it holds a chunk.
    pub(crate) fn spill(&mut self, out: &mut String) {
        if out.len() >= CHUNK {
            self.send(out);
        }
    }

    fn send(&mut self, out: &mut String) {
        if self.failed.is_none()
            && let Err(e) = self.to.write_all(out.as_bytes())
        {
            self.failed = Some(e);
        }
        out.clear();
    }

    /// Sends the rest of the part.
    pub fn finish(mut self, out: &mut String) -> io::Result<()> {
        self.send(out);
        self.failed.map_or(Ok(()), Err)
    }
}
