//! `estimatedTimeFrame`: free text such as `< 15 min` or `~2-3 days`, read into a
//! duration range while keeping the text.

use std::fmt;
use std::time::Duration;

/// A step's estimated time frame: the raw text and, when it could be read, a range.
///
/// ```
/// use cloudpartner::TimeFrame;
/// use std::time::Duration;
///
/// let tf = TimeFrame::parse("~2-3 days");
/// assert_eq!(tf.min(), Some(Duration::from_secs(2 * 86_400)));
/// assert_eq!(tf.max(), Some(Duration::from_secs(3 * 86_400)));
/// assert_eq!(TimeFrame::parse("< 15 min").range(), Some((Duration::ZERO, Duration::from_secs(900))));
/// assert_eq!(TimeFrame::parse("soon").range(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeFrame {
    raw: String,
    range: Option<(Duration, Duration)>,
}

impl TimeFrame {
    /// Reads `raw`; text that does not follow the grammar gives a frame without a range.
    pub fn parse(raw: &str) -> TimeFrame {
        TimeFrame {
            raw: raw.to_owned(),
            range: parse_range(raw),
        }
    }

    /// The text as the service sent it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The `(min, max)` range, when the text could be read.
    pub fn range(&self) -> Option<(Duration, Duration)> {
        self.range
    }

    /// The lower end of the range.
    pub fn min(&self) -> Option<Duration> {
        self.range.map(|r| r.0)
    }

    /// The upper end of the range.
    pub fn max(&self) -> Option<Duration> {
        self.range.map(|r| r.1)
    }
}

impl fmt::Display for TimeFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

#[derive(Clone, Copy)]
enum Qualifier {
    None,
    AtMost,
    About,
    AtLeast,
}

/// `[qualifier] number [(- | to) number] unit`, case-insensitive.
fn parse_range(raw: &str) -> Option<(Duration, Duration)> {
    let text = raw.trim().to_lowercase();
    let (qualifier, rest) = strip_qualifier(&text);
    let (low, rest) = take_number(rest.trim_start())?;
    let rest = rest.trim_start();
    let (high, rest) = match strip_range_separator(rest) {
        Some(after) => {
            let (n, r) = take_number(after.trim_start())?;
            (Some(n), r)
        }
        None => (None, rest),
    };
    let unit = unit_seconds(rest.trim())?;
    if high.is_some_and(|h| low > h) {
        return None;
    }
    let (lo, hi) = match (qualifier, high) {
        (Qualifier::AtMost, None) => (0.0, low),
        (Qualifier::AtMost, Some(h)) => (0.0, h),
        (Qualifier::AtLeast, None) => (low, low),
        (Qualifier::AtLeast, Some(_)) => return None,
        (Qualifier::None | Qualifier::About, None) => (low, low),
        (Qualifier::None | Qualifier::About, Some(h)) => (low, h),
    };
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return None;
    }
    let to_duration = |n: f64| Duration::try_from_secs_f64(n * unit).ok();
    Some((to_duration(lo)?, to_duration(hi)?))
}

fn strip_qualifier(text: &str) -> (Qualifier, &str) {
    const QUALIFIERS: &[(&str, Qualifier)] = &[
        ("<=", Qualifier::AtMost),
        ("<", Qualifier::AtMost),
        ("up to", Qualifier::AtMost),
        ("≤", Qualifier::AtMost),
        ("~", Qualifier::About),
        ("about", Qualifier::About),
        ("approximately", Qualifier::About),
        ("approx.", Qualifier::About),
        ("approx", Qualifier::About),
        (">=", Qualifier::AtLeast),
        (">", Qualifier::AtLeast),
        ("≥", Qualifier::AtLeast),
    ];
    for (prefix, q) in QUALIFIERS {
        if let Some(rest) = text.strip_prefix(prefix) {
            let word = prefix.chars().next().is_some_and(char::is_alphabetic);
            // A word qualifier must be followed by a space or a digit ("about2" is odd but fine).
            if word && rest.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            return (*q, rest);
        }
    }
    (Qualifier::None, text)
}

fn take_number(text: &str) -> Option<(f64, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let digits = &text[..end];
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let n: f64 = digits.parse().ok()?;
    Some((n, &text[end..]))
}

fn strip_range_separator(text: &str) -> Option<&str> {
    for sep in ["-", "–", "—", "to "] {
        if let Some(rest) = text.strip_prefix(sep) {
            return Some(rest);
        }
    }
    None
}

fn unit_seconds(unit: &str) -> Option<f64> {
    let unit = unit.trim_end_matches('.');
    let unit = unit
        .strip_prefix("business")
        .map(str::trim_start)
        .filter(|u| matches!(*u, "day" | "days"))
        .unwrap_or(unit);
    let seconds = match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "wk" | "wks" | "week" | "weeks" => 604_800.0,
        _ => return None,
    };
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1;
    const M: u64 = 60;
    const H: u64 = 3_600;
    const D: u64 = 86_400;
    const W: u64 = 604_800;

    #[test]
    fn spellings() {
        let cases: &[(&str, Option<(u64, u64)>)] = &[
            ("< 15 min", Some((0, 15 * M))),
            ("<15min", Some((0, 15 * M))),
            ("~2-3 days", Some((2 * D, 3 * D))),
            ("~2 - 3 days", Some((2 * D, 3 * D))),
            ("2 to 3 days", Some((2 * D, 3 * D))),
            ("< 1 day", Some((0, D))),
            ("< 1 hour", Some((0, H))),
            ("~2-5 days", Some((2 * D, 5 * D))),
            ("2 hours", Some((2 * H, 2 * H))),
            ("2 Hours", Some((2 * H, 2 * H))),
            ("up to 3 weeks", Some((0, 3 * W))),
            ("Up To 2 hrs", Some((0, 2 * H))),
            ("about 4 h", Some((4 * H, 4 * H))),
            ("approx 10 mins", Some((10 * M, 10 * M))),
            ("approx. 1 wk", Some((W, W))),
            ("> 1 day", Some((D, D))),
            ("30 s", Some((30 * S, 30 * S))),
            ("45 seconds", Some((45, 45))),
            ("1 second", Some((1, 1))),
            ("3 business days", Some((3 * D, 3 * D))),
            ("1-2 business days", Some((D, 2 * D))),
            ("1 minute", Some((M, M))),
            ("1.5 hours", Some((5_400, 5_400))),
            ("  < 15 min  ", Some((0, 15 * M))),
            ("2 wks", Some((2 * W, 2 * W))),
            ("< 1 day", Some((0, D))),
            ("< 2 to 4 hours", Some((0, 4 * H))),
            // Must not parse.
            ("", None),
            ("soon", None),
            ("15", None),
            ("min", None),
            ("~ days", None),
            ("3-2 days", None),
            ("2 fortnights", None),
            ("> 1-2 days", None),
            ("-3 days", None),
            ("2 days ago", None),
            ("1 day <", None),
            ("about", None),
        ];
        for (raw, want) in cases {
            let got = TimeFrame::parse(raw).range();
            let want = want.map(|(a, b)| (Duration::from_secs(a), Duration::from_secs(b)));
            assert_eq!(got, want, "{raw:?}");
        }
        assert!(cases.len() >= 25);
    }

    #[test]
    fn raw_text_is_kept() {
        let tf = TimeFrame::parse("~2-3 days");
        assert_eq!(tf.raw(), "~2-3 days");
        assert_eq!(tf.to_string(), "~2-3 days");
        assert_eq!(TimeFrame::parse("whenever").raw(), "whenever");
    }
}
