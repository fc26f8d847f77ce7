//! Milliseconds from JavaScript (`timeoutMs: 1500`) to [`Duration`], never panicking.

use std::time::Duration;

use cloudpartner::ErrorKind;

use crate::error::napi_error;

/// `ms` as a duration; `name` says which option was wrong when it is negative,
/// not a number or too large.
pub fn from_millis(name: &str, ms: f64) -> napi::Result<Duration> {
    Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| {
        napi_error(
            ErrorKind::InvalidArgument,
            format!("{name} must be a non-negative number of milliseconds, got {ms}"),
        )
    })
}

/// Like [`from_millis`], for an option that may be absent.
pub fn optional_millis(name: &str, ms: Option<f64>) -> napi::Result<Option<Duration>> {
    ms.map(|ms| from_millis(name, ms)).transpose()
}
