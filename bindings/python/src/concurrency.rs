//! The `concurrency` argument of `offer_statuses`.

use pyo3::prelude::*;

use crate::errors::IntoPyResult;

/// `concurrency` as a count of requests at once: a whole number, 1 or more (the core's
/// rule and message, as in every binding).
pub fn concurrency_limit(py: Python<'_>, concurrency: i64) -> PyResult<usize> {
    // Beyond what a double holds exactly, the number is far over the core's maximum.
    #[allow(clippy::cast_precision_loss)]
    let count =
        cloudpartner::whole_number("concurrency", concurrency as f64, 1).into_py_result(py)?;
    Ok(count as usize)
}

// The signatures of `offer_statuses` spell the default as the literal 8, so that
// Python's `inspect.signature` shows it; it must stay the core's default.
const _: () = assert!(cloudpartner::DEFAULT_CONCURRENCY == 8);
