//! The values of flags that clap does not parse by itself: secrets, seconds, a time scale.

use std::time::Duration;

use cloudpartner::Secret;

/// A secret from the command line (its `Debug` shows `***`).
pub(crate) fn parse_secret(text: &str) -> Result<Secret, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("must not be empty".to_owned());
    }
    Ok(Secret::new(text))
}

/// Seconds as a positive number, fractions allowed (`0.5`).
pub(crate) fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if !(seconds.is_finite() && seconds > 0.0) {
        return Err(format!("`{text}`: expected a positive number of seconds"));
    }
    Duration::try_from_secs_f64(seconds).map_err(|_| format!("`{text}` seconds is too long"))
}

/// A positive, finite time scale.
pub(crate) fn parse_time_scale(text: &str) -> Result<f64, String> {
    let scale: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(format!("`{text}`: expected a positive number"));
    }
    Ok(scale)
}
