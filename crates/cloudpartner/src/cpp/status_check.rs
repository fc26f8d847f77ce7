//! A cheap check that the status parser cannot refuse a document: a full JSON read that
//! keeps nothing (DESIGN §3's refusals: not UTF-8, not one JSON object, too deep, an
//! unreadable value, a top-level `status` missing or not a string).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Whether [`crate::parse_offer_status`] surely accepts `bytes`: UTF-8 (after an optional
/// BOM), one JSON object and nothing after it, within serde_json's nesting limit, every
/// value readable (strings with valid escapes, numbers in range: read as the core reads
/// them), and a top-level `status` that is a string every time it appears. The core
/// refuses a document only for one of those (it reads any other field of the wrong type
/// as absent). `false` does not mean refused: the parser decides then.
///
/// For bindings that read lazily: a check several times cheaper than the typed read,
/// kept next to the parser so that the two rules stay one.
///
/// ```
/// assert!(cloudpartner::surely_accepts_offer_status(br#"{"status": "running", "steps": 3}"#));
/// assert!(!cloudpartner::surely_accepts_offer_status(br#"{"status": 1}"#));
/// ```
pub fn surely_accepts_offer_status(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    matches!(deserializer.deserialize_map(TopCheck), Ok(true)) && deserializer.end().is_ok()
}

/// Any JSON value, read through (`deserialize_any`, as the core's visitors read).
struct AnyValue;

impl<'de> de::Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyVisitor).map(|_| AnyValue)
    }
}

/// Reads any value; gives whether it was a string.
struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Ok(true)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<AnyValue>()?.is_some() {}
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_key::<AnyValue>()?.is_some() {
            map.next_value::<AnyValue>()?;
        }
        Ok(false)
    }
}

/// A value that tells whether it is a string.
struct IsString;

impl<'de> DeserializeSeed<'de> for IsString {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
}

/// A key that tells whether it is `status` (as the core matches keys: exactly).
struct StatusKey;

impl<'de> DeserializeSeed<'de> for StatusKey {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(StatusKeyVisitor)
    }
}

struct StatusKeyVisitor;

impl<'de> Visitor<'de> for StatusKeyVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == "status")
    }
}

/// The top level: an object whose every `status` is a string, and one at least.
struct TopCheck;

impl<'de> Visitor<'de> for TopCheck {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let (mut seen, mut all_strings) = (false, true);
        while let Some(is_status) = map.next_key_seed(StatusKey)? {
            if is_status {
                seen = true;
                all_strings &= map.next_value_seed(IsString)?;
            } else {
                map.next_value::<AnyValue>()?;
            }
        }
        Ok(seen && all_strings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document of `fixtures/status/` (and `invalid/`) the check passes is one the
    /// core reads.
    #[test]
    fn what_the_check_passes_the_core_reads() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/status");
        let mut passed = 0;
        for dir in [root.to_owned(), format!("{root}/invalid")] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.to_string_lossy().into_owned();
                if name.ends_with(".expected.json") || path.is_dir() {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                if surely_accepts_offer_status(&bytes) {
                    passed += 1;
                    assert!(crate::parse_offer_status(&bytes).is_ok(), "{name}");
                }
            }
        }
        assert!(passed >= 10, "the check passed only {passed} vectors");
    }

    #[test]
    fn the_check_refuses_what_the_core_may_refuse() {
        for doc in [
            "",
            "  ",
            "[]",
            r#""status""#,
            "{}",
            r#"{"status": 1}"#,
            r#"{"status": "a", "status": null}"#,
            r#"{"status": "a"} x"#,
            r#"{"status": "a", "n": 1e400}"#,
            r#"{"status": "a", "s": "\ud800"}"#,
            r#"{"status": "a""#,
            r#"{"Status": "a"}"#,
        ] {
            assert!(!surely_accepts_offer_status(doc.as_bytes()), "{doc}");
        }
        let deep = format!(
            r#"{{"status": "a", "x": {}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(!surely_accepts_offer_status(deep.as_bytes()));
        assert!(crate::parse_offer_status(deep.as_bytes()).is_err());
        for doc in [
            "\u{feff} {\"status\": \"a\"} \n",
            r#"{"status": "a", "status": "b", "steps": "not a list", "x": [1, {"y": null}]}"#,
        ] {
            assert!(surely_accepts_offer_status(doc.as_bytes()), "{doc}");
            assert!(crate::parse_offer_status(doc.as_bytes()).is_ok(), "{doc}");
        }
        assert!(!surely_accepts_offer_status(b"{\"status\": \"\xff\"}"));
    }
}
