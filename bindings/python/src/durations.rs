//! Seconds given as Python numbers, checked by the core and turned into `Duration`s.

use std::time::Duration;

use pyo3::prelude::*;

use crate::errors::IntoPyResult;

/// `seconds` as a `Duration`; `None` (the default) stays `None`. An
/// `InvalidArgumentError` naming `what` when it is not a positive, finite number:
/// 0 never means "no pause" or "at once".
pub fn positive_seconds(
    py: Python<'_>,
    what: &str,
    seconds: Option<f64>,
) -> PyResult<Option<Duration>> {
    seconds
        .map(|seconds| cloudpartner::positive_seconds(what, seconds))
        .transpose()
        .into_py_result(py)
}
