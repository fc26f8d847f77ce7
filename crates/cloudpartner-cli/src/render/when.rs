//! Points in time for people: `2026-11-20 16:05 UTC`.

use chrono::{DateTime, Utc};

/// `2026-11-20 16:05 UTC`, or an empty string when unknown.
pub fn format_when(when: Option<DateTime<Utc>>) -> String {
    when.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_in_utc() {
        let t = cloudpartner::parse_timestamp("2026-11-20T16:05:12.4818395Z");
        assert_eq!(format_when(t), "2026-11-20 16:05 UTC");
        assert_eq!(format_when(None), "");
    }
}
