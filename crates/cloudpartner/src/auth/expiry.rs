//! Token lifetimes as identity endpoints write them: whole seconds, as a JSON number or
//! as a numeric string (`"3599"`).

use std::time::{Duration, SystemTime};

use serde_json::Value;

/// Seconds from a JSON number or numeric string; anything else is `None`.
pub(crate) fn seconds(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An absolute expiry given in seconds since 1970 (`expires_on`).
pub(crate) fn unix_expiry(value: Option<&Value>) -> Option<SystemTime> {
    seconds(value).map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s))
}

/// A token's expiry given by a caller as seconds since 1970 (Python's `expires_on`,
/// C's `expires_on_unix_seconds`, JavaScript's `expiresOnTimestamp / 1000`): `None`
/// for a value that is not a time (negative, not finite); far futures are capped at
/// the year 5138, so that nothing overflows.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use cloudpartner::credential::expiry_from_unix_seconds;
/// assert_eq!(expiry_from_unix_seconds(10.5), Some(SystemTime::UNIX_EPOCH + Duration::from_millis(10_500)));
/// assert_eq!(expiry_from_unix_seconds(-1.0), None);
/// assert_eq!(expiry_from_unix_seconds(f64::NAN), None);
/// ```
pub fn expiry_from_unix_seconds(seconds: f64) -> Option<SystemTime> {
    if !(seconds.is_finite() && seconds >= 0.0) {
        return None;
    }
    let after_epoch = Duration::try_from_secs_f64(seconds.min(1e11)).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(after_epoch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_and_numeric_strings() {
        assert_eq!(seconds(Some(&json!(3599))), Some(3599));
        assert_eq!(seconds(Some(&json!(" 3599 "))), Some(3599));
        assert_eq!(seconds(Some(&json!("soon"))), None);
        assert_eq!(seconds(Some(&json!(-1))), None);
        assert_eq!(seconds(None), None);
        assert_eq!(
            unix_expiry(Some(&json!("10"))),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(10))
        );
    }
}
