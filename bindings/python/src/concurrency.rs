//! The `concurrency` argument of `offer_statuses`.

use pyo3::prelude::*;

use crate::errors::invalid_argument;

/// `concurrency` as a count of requests at once: 1 or more.
pub fn concurrency_limit(py: Python<'_>, concurrency: i64) -> PyResult<usize> {
    usize::try_from(concurrency)
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            invalid_argument(
                py,
                format!("concurrency must be 1 or more, got {concurrency}"),
            )
        })
}

// The signatures of `offer_statuses` spell the default as the literal 8, so that
// Python's `inspect.signature` shows it; it must stay the core's default.
const _: () = assert!(cloudpartner::DEFAULT_CONCURRENCY == 8);
