//! Durations written for people: "2–3 days left", "< 45 min left", "about 2 hours".

use std::time::Duration;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3_600.0;
const DAY: f64 = 86_400.0;

/// A unit to count a duration in.
#[derive(Debug, Clone, Copy)]
struct Unit {
    seconds: f64,
    one: &'static str,
    many: &'static str,
}

impl Unit {
    const MINUTES: Unit = Unit {
        seconds: MINUTE,
        one: "min",
        many: "min",
    };
    const HOURS: Unit = Unit {
        seconds: HOUR,
        one: "hour",
        many: "hours",
    };
    const DAYS: Unit = Unit {
        seconds: DAY,
        one: "day",
        many: "days",
    };

    /// The unit that reads best for a duration of this length: minutes below two
    /// hours, hours below two days, days from there.
    fn for_length(seconds: f64) -> Unit {
        if seconds < 2.0 * HOUR {
            Unit::MINUTES
        } else if seconds < 2.0 * DAY {
            Unit::HOURS
        } else {
            Unit::DAYS
        }
    }

    fn name(self, count: u64) -> &'static str {
        if count == 1 { self.one } else { self.many }
    }
}

/// A range of durations for people, rounding outwards (the low end down, the high end
/// up) in the unit of the high end: `2–3 days`, `< 45 min`, `about 2 hours`.
///
/// A range that starts at (or rounds down to) zero reads `< high`; one whose ends
/// round to the same number reads `about n`; less than a minute reads `< 1 min`.
pub fn format_range(min: Duration, max: Duration) -> String {
    let (low, high) = if min <= max { (min, max) } else { (max, min) };
    let (low, high) = (low.as_secs_f64(), high.as_secs_f64());
    if high < MINUTE {
        return "< 1 min".to_owned();
    }
    let unit = Unit::for_length(high);
    let low_count = (low / unit.seconds + 1e-9).floor() as u64;
    let high_count = (high / unit.seconds - 1e-9).ceil().max(1.0) as u64;
    if low_count == 0 {
        format!("< {high_count} {}", unit.name(high_count))
    } else if low_count == high_count {
        format!("about {high_count} {}", unit.name(high_count))
    } else {
        format!("{low_count}–{high_count} {}", unit.name(high_count))
    }
}

/// What is left of a publish: `2–3 days left`, `< 45 min left`.
pub fn format_remaining(min: Duration, max: Duration) -> String {
    format!("{} left", format_range(min, max))
}

/// A clock for elapsed time: `00:07`, `12:30`, `1:02:03`.
pub fn format_elapsed(elapsed: Duration) -> String {
    let total = elapsed.as_secs();
    let (hours, minutes, seconds) = (total / 3_600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes:02}:{seconds:02}")
    }
}

/// A single duration for people, e.g. how long a simulated publish takes:
/// `about 3.9 days`, `about 5.5 hours`, `about 12 min`, `20 s`.
pub fn format_length(length: Duration) -> String {
    let seconds = length.as_secs_f64();
    if seconds < MINUTE {
        return format!("{} s", seconds.round());
    }
    let unit = Unit::for_length(seconds);
    let count = seconds / unit.seconds;
    if (count - count.round()).abs() < 0.05 {
        let whole = count.round() as u64;
        format!("{whole} {}", unit.name(whole))
    } else {
        format!("about {count:.1} {}", unit.many)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn ranges_read_like_people_write_them() {
        assert_eq!(
            format_remaining(secs(2.0 * DAY), secs(3.0 * DAY)),
            "2–3 days left"
        );
        assert_eq!(
            format_remaining(Duration::ZERO, secs(45.0 * MINUTE)),
            "< 45 min left"
        );
        assert_eq!(
            format_range(Duration::ZERO, secs(15.0 * MINUTE)),
            "< 15 min"
        );
        assert_eq!(
            format_range(secs(2.0 * HOUR), secs(2.0 * HOUR)),
            "about 2 hours"
        );
        assert_eq!(format_range(secs(DAY), secs(1.5 * DAY)), "24–36 hours");
        assert_eq!(format_range(secs(1.2 * DAY), secs(4.7 * DAY)), "1–5 days");
        assert_eq!(format_range(Duration::ZERO, Duration::ZERO), "< 1 min");
        assert_eq!(format_range(secs(10.0), secs(59.0)), "< 1 min");
        assert_eq!(format_range(secs(30.0), secs(61.0)), "< 2 min");
        assert_eq!(format_range(secs(90.0), secs(90.0)), "1–2 min");
        assert_eq!(format_range(secs(60.0), secs(60.0)), "about 1 min");
        assert_eq!(format_range(secs(HOUR), secs(DAY)), "1–24 hours");
        assert_eq!(
            format_range(secs(30.0 * MINUTE), secs(3.0 * DAY)),
            "< 3 days"
        );
    }

    #[test]
    fn reversed_ranges_are_put_in_order() {
        assert_eq!(format_range(secs(3.0 * DAY), secs(2.0 * DAY)), "2–3 days");
    }

    #[test]
    fn elapsed_time_is_a_clock() {
        assert_eq!(format_elapsed(secs(7.9)), "00:07");
        assert_eq!(format_elapsed(secs(750.0)), "12:30");
        assert_eq!(format_elapsed(secs(3_723.0)), "1:02:03");
    }

    #[test]
    fn lengths_are_rounded_for_reading() {
        assert_eq!(format_length(secs(20.0)), "20 s");
        assert_eq!(format_length(secs(335_400.0)), "about 3.9 days");
        assert_eq!(format_length(secs(2.0 * DAY)), "2 days");
        assert_eq!(format_length(secs(90.0)), "about 1.5 min");
    }
}
