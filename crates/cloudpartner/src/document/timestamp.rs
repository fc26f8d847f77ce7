//! Message timestamps: ISO 8601 with 0–9 fraction digits, `Z`, an offset or no zone.

use chrono::{DateTime, Datelike, NaiveDateTime, SecondsFormat, Utc};

/// Reads a timestamp; no zone means UTC. Anything unreadable is `None`, and so is a
/// year that is not four digits (before or after conversion to UTC), so that every
/// timestamp read formats as one that reads back.
pub fn parse_timestamp(raw: &str) -> Option<DateTime<Utc>> {
    let text = raw.trim();
    let four_digit_year = text.len() > 4
        && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && text.as_bytes()[4] == b'-';
    if !four_digit_year {
        return None;
    }
    parse_iso(text).filter(|t| (0..=9999).contains(&t.year()))
}

fn parse_iso(text: &str) -> Option<DateTime<Utc>> {
    let text = text.replacen(' ', "T", 1).to_ascii_uppercase();
    if let Some(fraction) = text.split_once('.').map(|(_, f)| f) {
        let digits = fraction.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(&text) {
        return Some(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|t| t.and_utc())
}

/// The canonical spelling: RFC 3339 in UTC with `Z`, fraction digits only as needed.
pub fn format_timestamp(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_before_and_after_conversion() {
        assert_eq!(parse_timestamp("-009-03-16T17:50:45.25"), None);
        assert_eq!(parse_timestamp("+12018-03-16T17:50:45Z"), None);
        assert_eq!(parse_timestamp("0000-01-01T00:30:00+01:00"), None);
        let t = parse_timestamp("0000-01-01T00:30:00Z").unwrap();
        assert_eq!(parse_timestamp(&format_timestamp(&t)), Some(t));
    }

    #[test]
    fn forms() {
        let nanos = |s: &str| parse_timestamp(s).map(|t| t.timestamp_nanos_opt().unwrap());
        let base = parse_timestamp("2018-03-16T17:50:45Z").unwrap();
        let b = base.timestamp_nanos_opt().unwrap();
        assert_eq!(nanos("2018-03-16T17:50:45.7215661Z"), Some(b + 721_566_100));
        assert_eq!(
            nanos("2018-03-16T17:50:45.123456789Z"),
            Some(b + 123_456_789)
        );
        assert_eq!(nanos("2018-03-16T17:50:45.5Z"), Some(b + 500_000_000));
        assert_eq!(nanos("2018-03-16T17:50:45"), Some(b));
        assert_eq!(nanos("2018-03-16T17:50:45.25"), Some(b + 250_000_000));
        assert_eq!(nanos("2018-03-16T19:50:45+02:00"), Some(b));
        assert_eq!(nanos("2018-03-16t17:50:45z"), Some(b));
        assert_eq!(nanos("2018-03-16 17:50:45Z"), Some(b));
        assert_eq!(nanos("2018-03-16T17:50:45.1234567890Z"), None);
        assert_eq!(nanos("yesterday"), None);
        assert_eq!(nanos(""), None);
        assert_eq!(nanos("2018-13-16T17:50:45Z"), None);
    }

    #[test]
    fn canonical_form() {
        let t = parse_timestamp("2018-03-16T17:50:45.7215661Z").unwrap();
        assert_eq!(format_timestamp(&t), "2018-03-16T17:50:45.721566100Z");
        let t = parse_timestamp("2018-03-16T17:50:45+01:00").unwrap();
        assert_eq!(format_timestamp(&t), "2018-03-16T16:50:45Z");
    }
}
