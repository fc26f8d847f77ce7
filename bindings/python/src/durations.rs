//! Seconds given as Python numbers, checked and turned into `Duration`s.

use std::time::Duration;

use pyo3::prelude::*;

use crate::errors::invalid_argument;

/// `seconds` as a `Duration`; `None` stays `None`. An `InvalidArgumentError` naming
/// `what` when it is not a positive, finite number.
pub fn positive_seconds(
    py: Python<'_>,
    what: &str,
    seconds: Option<f64>,
) -> PyResult<Option<Duration>> {
    let Some(seconds) = seconds else {
        return Ok(None);
    };
    match Duration::try_from_secs_f64(seconds) {
        Ok(duration) if !duration.is_zero() => Ok(Some(duration)),
        _ => Err(invalid_argument(
            py,
            format!("{what} must be a positive number of seconds, got {seconds}"),
        )),
    }
}
