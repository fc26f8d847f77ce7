//! The keyword arguments of `watch(...)` read into the core's `WatchOptions`.

use std::str::FromStr;

use cloudpartner::{WatchOptions, WatchUntil};
use pyo3::prelude::*;

use crate::durations::positive_seconds;
use crate::errors::IntoPyResult;

/// `until` (`"terminal"` or `"review"`) and the intervals and timeout in seconds;
/// `None` keeps the core's default.
pub fn watch_options(
    py: Python<'_>,
    until: &str,
    min_interval: Option<f64>,
    max_interval: Option<f64>,
    timeout: Option<f64>,
) -> PyResult<WatchOptions> {
    let mut options = WatchOptions {
        until: WatchUntil::from_str(until).into_py_result(py)?,
        ..WatchOptions::default()
    };
    if let Some(min) = positive_seconds(py, "min_interval", min_interval)? {
        options.min_interval = min;
    }
    if let Some(max) = positive_seconds(py, "max_interval", max_interval)? {
        options.max_interval = max;
    }
    options.timeout = positive_seconds(py, "timeout", timeout)?;
    Ok(options)
}
