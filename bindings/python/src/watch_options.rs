//! The keyword arguments of `watch(...)` read into the core's `WatchOptions`; the core
//! checks the rest (`min_interval <= max_interval`) when the watch is made.

use std::str::FromStr;

use cloudpartner::{WatchOptions, WatchUntil};
use pyo3::prelude::*;

use crate::durations::positive_seconds;
use crate::errors::IntoPyResult;

/// `until` (`"terminal"` or `"review"`) and the intervals and timeout in seconds;
/// `None` keeps the core's default, 0 or less is an `InvalidArgumentError`.
pub fn watch_options(
    py: Python<'_>,
    until: &str,
    min_interval: Option<f64>,
    max_interval: Option<f64>,
    timeout: Option<f64>,
) -> PyResult<WatchOptions> {
    Ok(WatchOptions {
        until: WatchUntil::from_str(until).into_py_result(py)?,
        min_interval: positive_seconds(py, "min_interval", min_interval)?,
        max_interval: positive_seconds(py, "max_interval", max_interval)?,
        timeout: positive_seconds(py, "timeout", timeout)?,
    })
}
