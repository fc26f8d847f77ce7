//! Numbers of scenario files, checked as they are read.

use serde::{Deserialize, Deserializer};

/// A finite number.
pub(crate) fn finite_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = f64::deserialize(deserializer)?;
    if !number.is_finite() {
        return Err(D::Error::custom(format!(
            "must be a finite number, got {number}"
        )));
    }
    Ok(number)
}

/// An optional finite number.
pub(crate) fn optional_finite_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    finite_number(deserializer).map(Some)
}

/// A finite number ≥ 0.
pub(crate) fn non_negative_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = finite_number(deserializer)?;
    if number < 0.0 {
        return Err(D::Error::custom(format!(
            "must not be negative, got {number}"
        )));
    }
    Ok(number)
}

/// A finite number > 0.
pub(crate) fn positive_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = finite_number(deserializer)?;
    if number <= 0.0 {
        return Err(D::Error::custom(format!(
            "must be greater than 0, got {number}"
        )));
    }
    Ok(number)
}
