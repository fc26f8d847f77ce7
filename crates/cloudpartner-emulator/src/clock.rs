//! The emulator's clock: real time since start, scaled into simulated time,
//! and simulated instants mapped back onto wall-clock timestamps.

use std::time::Instant;

use chrono::{DateTime, TimeDelta, Timelike, Utc};

/// Maps real time onto the simulated time of publishes.
///
/// A publish that started `started_seconds_ago` simulated seconds before the
/// emulator started is, after `r` real seconds, at simulated time
/// `started_seconds_ago + r × time_scale`. An event at simulated time `s`
/// (seconds since the publish started) happened at wall-clock time
/// `start_wall + (s − started_seconds_ago) / time_scale`.
#[derive(Clone, Debug)]
pub(crate) struct SimulationClock {
    start_instant: Instant,
    start_wall: DateTime<Utc>,
    time_scale: f64,
}

impl SimulationClock {
    /// A clock starting now, running `time_scale` simulated seconds per real second.
    pub fn start_now(time_scale: f64) -> Self {
        SimulationClock {
            start_instant: Instant::now(),
            start_wall: Utc::now(),
            time_scale,
        }
    }

    /// Simulated seconds per real second.
    pub fn time_scale(&self) -> f64 {
        self.time_scale
    }

    /// The simulated seconds since the emulator started.
    pub fn now(&self) -> f64 {
        self.publish_time(0.0)
    }

    /// The simulated time, in seconds since the publish started, of a publish
    /// that started `started_seconds_ago` simulated seconds before the emulator.
    pub fn publish_time(&self, started_seconds_ago: f64) -> f64 {
        started_seconds_ago + self.start_instant.elapsed().as_secs_f64() * self.time_scale
    }

    /// The wall-clock time at which simulated time `simulated_seconds` (since
    /// the publish started) happened or will happen.
    pub fn wall_time(&self, started_seconds_ago: f64, simulated_seconds: f64) -> DateTime<Utc> {
        let real_seconds = (simulated_seconds - started_seconds_ago) / self.time_scale;
        let nanos = (real_seconds * 1e9).clamp(i64::MIN as f64, i64::MAX as f64) as i64;
        self.start_wall
            .checked_add_signed(TimeDelta::nanoseconds(nanos))
            .unwrap_or(self.start_wall)
    }
}

/// Formats a timestamp like the service: ISO 8601 UTC with seven fractional
/// digits and `Z`, e.g. `2018-03-16T17:50:45.7215661Z`.
pub(crate) fn format_timestamp(time: DateTime<Utc>) -> String {
    format!(
        "{}.{:07}Z",
        time.format("%Y-%m-%dT%H:%M:%S"),
        (time.nanosecond() % 1_000_000_000) / 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_seven_fractional_digits() {
        let time = DateTime::parse_from_rfc3339("2018-03-16T17:50:45.721566123Z")
            .map(|t| t.with_timezone(&Utc))
            .expect("valid test timestamp");
        assert_eq!(format_timestamp(time), "2018-03-16T17:50:45.7215661Z");
        let whole = DateTime::parse_from_rfc3339("2018-03-16T17:50:45Z")
            .map(|t| t.with_timezone(&Utc))
            .expect("valid test timestamp");
        assert_eq!(format_timestamp(whole), "2018-03-16T17:50:45.0000000Z");
    }

    #[test]
    fn wall_time_scales_back_to_real_seconds() {
        let clock = SimulationClock::start_now(100.0);
        let at_start = clock.wall_time(50.0, 50.0);
        assert_eq!(at_start, clock.start_wall);
        let later = clock.wall_time(50.0, 250.0);
        assert_eq!(later - at_start, TimeDelta::seconds(2));
        let earlier = clock.wall_time(50.0, 0.0);
        assert_eq!(at_start - earlier, TimeDelta::milliseconds(500));
    }
}
