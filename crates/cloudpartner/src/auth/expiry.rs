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
