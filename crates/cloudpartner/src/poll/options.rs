//! How a watch polls: when it stops, its interval bounds and its deadline.

use std::str::FromStr;
use std::time::Duration;

use crate::client_options::check_positive;
use crate::error::{Error, Result};

/// When a watch stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchUntil {
    /// When the offer succeeded, failed or was canceled.
    #[default]
    Terminal,
    /// Also when the offer or a step waits for the publisher's review.
    PublisherAction,
}

impl FromStr for WatchUntil {
    type Err = Error;

    /// `"terminal"`, or `"review"` (also `"publisher_action"`).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "terminal" => Ok(WatchUntil::Terminal),
            "review" | "publisher_action" | "publisheraction" => Ok(WatchUntil::PublisherAction),
            other => Err(Error::invalid_argument(format!(
                "watch until `{other}`: expected `terminal` or `review`"
            ))),
        }
    }
}

/// The shortest wait between polls when none is given (divided by the client's
/// poll time scale).
pub const DEFAULT_MIN_INTERVAL: Duration = Duration::from_secs(5);
/// The longest wait between polls when none is given (divided by the client's poll
/// time scale).
pub const DEFAULT_MAX_INTERVAL: Duration = Duration::from_secs(300);
/// A scaled default bound never goes below this: a fast emulator is polled often,
/// never without pause.
pub const MIN_SCALED_INTERVAL: Duration = Duration::from_millis(50);

/// How a watch polls. `None` means the default; the core checks the rest
/// ([`WatchOptions::validate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WatchOptions {
    /// When to stop.
    pub until: WatchUntil,
    /// The shortest wait between polls (default 5 s, divided by the client's poll time
    /// scale). Must be above zero.
    pub min_interval: Option<Duration>,
    /// The longest wait between polls (default 300 s, divided by the client's poll
    /// time scale). Must be above zero, and not below `min_interval`.
    pub max_interval: Option<Duration>,
    /// Give up after this long (default: never); the watch then ends with a
    /// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout) error, after one last poll at the deadline. Must be above
    /// zero.
    pub timeout: Option<Duration>,
}

impl WatchOptions {
    /// Checks the options: durations above zero, `min_interval <= max_interval`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloudpartner::WatchOptions;
    /// let zero = WatchOptions { min_interval: Some(Duration::ZERO), ..Default::default() };
    /// assert!(zero.validate().is_err());
    /// let upside_down = WatchOptions {
    ///     min_interval: Some(Duration::from_secs(10)),
    ///     max_interval: Some(Duration::from_secs(1)),
    ///     ..Default::default()
    /// };
    /// assert!(upside_down.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_positive("the watch's min interval", self.min_interval)?;
        check_positive("the watch's max interval", self.max_interval)?;
        check_positive("the watch's timeout", self.timeout)?;
        if let (Some(min), Some(max)) = (self.min_interval, self.max_interval) {
            if min > max {
                return Err(Error::invalid_argument(format!(
                    "the watch's min interval ({:.3} s) is above its max interval ({:.3} s)",
                    min.as_secs_f64(),
                    max.as_secs_f64()
                )));
            }
        }
        Ok(())
    }

    /// The bounds in effect for a server running `time_scale` times faster than real
    /// time: the given ones, else the defaults divided by the scale (never below
    /// [`MIN_SCALED_INTERVAL`]).
    pub fn interval_bounds(&self, time_scale: f64) -> (Duration, Duration) {
        let scaled = |d: Duration| {
            if time_scale == 1.0 {
                d
            } else {
                d.div_f64(time_scale.max(f64::MIN_POSITIVE))
                    .max(MIN_SCALED_INTERVAL)
            }
        };
        let min = self
            .min_interval
            .unwrap_or_else(|| scaled(DEFAULT_MIN_INTERVAL));
        let max = self
            .max_interval
            .unwrap_or_else(|| scaled(DEFAULT_MAX_INTERVAL));
        (min, max.max(min))
    }
}
