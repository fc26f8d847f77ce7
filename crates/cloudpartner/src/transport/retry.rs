//! When and how long to wait before trying a GET again.

use std::time::{Duration, SystemTime};

/// Exponential backoff with full jitter, honouring `Retry-After`.
///
/// The n-th retry (from 0) waits a random time in `[0, min(cap, base × 2ⁿ)]`, or what the
/// service asked with `Retry-After`, capped at `max_retry_after`.
///
/// ```
/// use std::time::Duration;
/// let policy = cloudpartner::RetryPolicy::default();
/// assert_eq!(policy.max_retries, 4);
/// assert!(policy.delay(3, None) <= Duration::from_secs(4));
/// assert_eq!(policy.delay(0, Some(Duration::from_secs(90))), Duration::from_secs(60));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 4).
    pub max_retries: u32,
    /// The first backoff ceiling (default 0.5 s).
    pub base: Duration,
    /// The largest backoff ceiling (default 30 s).
    pub cap: Duration,
    /// The longest `Retry-After` honoured (default 60 s).
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            base: Duration::from_millis(500),
            cap: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// How long to wait before retry number `retry` (0-based).
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(after) = retry_after {
            return after.min(self.max_retry_after);
        }
        let ceiling = self
            .base
            .checked_mul(1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX))
            .unwrap_or(self.cap)
            .min(self.cap);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// HTTP statuses that are retried: 408, 429, 500, 502, 503, 504.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Reads `Retry-After`: delay seconds (`"3"`, `"1.5"`) or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_its_ceiling() {
        let p = RetryPolicy::default();
        for retry in 0..40 {
            let ceiling = (p.base * 2u32.saturating_pow(retry.min(20))).min(p.cap);
            for _ in 0..20 {
                assert!(p.delay(retry, None) <= ceiling);
            }
        }
        let samples: Vec<_> = (0..50).map(|_| p.delay(5, None)).collect();
        assert!(samples.iter().any(|d| *d != samples[0]), "jitter varies");
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after(" 1.5 "),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("soon"), None);
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let d = parse_retry_after(&later).unwrap();
        assert!(
            d > Duration::from_secs(27) && d <= Duration::from_secs(30),
            "{d:?}"
        );
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&past), Some(Duration::ZERO));
    }

    #[test]
    fn retryable_statuses() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable_status(s));
        }
        for s in [200, 400, 401, 403, 404, 409, 501, 505] {
            assert!(!is_retryable_status(s));
        }
    }
}
