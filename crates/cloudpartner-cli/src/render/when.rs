//! Points in time for people: `2026-11-20 16:05 UTC`.

use chrono::{DateTime, Utc};

/// `2026-11-20 16:05 UTC`, or an empty string when unknown.
pub fn format_when(when: Option<DateTime<Utc>>) -> String {
    when.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// How long ago `when` was, for people: `just now`, `12 min ago`, `3 h ago`, `2 days
/// ago` (`now` given, for tests); empty when unknown.
pub fn format_ago(when: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    let Some(when) = when else {
        return String::new();
    };
    let seconds = (now - when).num_seconds();
    match seconds {
        s if s < 60 => "just now".to_owned(),
        s if s < 2 * 3_600 => format!("{} min ago", s / 60),
        s if s < 2 * 86_400 => format!("{} h ago", s / 3_600),
        s => format!("{} days ago", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_in_the_unit_that_reads_best() {
        let now = cloudpartner::parse_timestamp("2026-11-20T16:05:12Z").unwrap();
        let at = |s: &str| cloudpartner::parse_timestamp(s);
        assert_eq!(format_ago(at("2026-11-20T16:05:00Z"), now), "just now");
        assert_eq!(format_ago(at("2026-11-20T15:53:12Z"), now), "12 min ago");
        assert_eq!(format_ago(at("2026-11-20T13:05:12Z"), now), "3 h ago");
        assert_eq!(format_ago(at("2026-11-17T16:05:12Z"), now), "3 days ago");
        assert_eq!(format_ago(None, now), "");
    }

    #[test]
    fn minutes_in_utc() {
        let t = cloudpartner::parse_timestamp("2026-11-20T16:05:12.4818395Z");
        assert_eq!(format_when(t), "2026-11-20 16:05 UTC");
        assert_eq!(format_when(None), "");
    }
}
