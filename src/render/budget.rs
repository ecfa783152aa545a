//! The budget a library's templates render under: a hostile or careless clause cannot
//! loop without end or write without end. `range()` hands out at most [`RANGE_BUDGET`]
//! values over one document, and each text may write at most [`TEXT_LIMIT`] bytes; either
//! spent is a render error naming the clause (exit 2), not a hang or an allocation abort.

use std::cell::Cell;
use std::io::Write;

use tera::{Kwargs, State, TeraResult};

/// Values `range()` may produce while one document renders (nested loops multiply).
pub(crate) const RANGE_BUDGET: u64 = 100_000;
/// The most one clause, annex or warning text may write.
pub(crate) const TEXT_LIMIT: usize = 1 << 20;

thread_local! {
    static RANGE_LEFT: Cell<u64> = const { Cell::new(RANGE_BUDGET) };
}

/// A new document: the whole budget again.
pub(crate) fn reset() {
    RANGE_LEFT.with(|left| left.set(RANGE_BUDGET));
}

/// Tera's `range(end=…, start=…, step_by=…)`, drawing on the document's budget.
pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("range: step_by must not be 0"));
    }
    // Counted in i128 and capped: no argument overflows or allocates before the check.
    let span = if step > 0 {
        end.saturating_sub(start)
    } else {
        start.saturating_sub(end)
    };
    let len = if span <= 0 {
        0
    } else {
        span.saturating_add(step.saturating_abs() - 1) / step.saturating_abs()
    };
    let left = RANGE_LEFT.with(Cell::get);
    if len > i128::from(left) {
        return Err(tera::Error::message(format!(
            "the template budget is spent: range() would produce {len} values, more than the \
             {RANGE_BUDGET} a document may loop over"
        )));
    }
    RANGE_LEFT.with(|l| l.set(left - len as u64));
    Ok((0..len).map(|i| start + i * step).collect())
}

/// A text's output, refused past [`TEXT_LIMIT`].
#[derive(Default)]
pub(crate) struct Capped(pub Vec<u8>);

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > TEXT_LIMIT {
            return Err(std::io::Error::other(format!(
                "the template budget is spent: the text would be longer than {} MiB",
                TEXT_LIMIT >> 20
            )));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
