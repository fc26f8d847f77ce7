//! An [`OfferStatus`] handed to JavaScript as a handle (an external value owning a
//! [`StatusCell`]), read lazily: the JavaScript `OfferStatus` asks for its fields on
//! first use. Then [`status_view`] gives them in one JSON *view* with the camelCase
//! fields of DESIGN §6 and the derived values computed by the core (one `JSON.parse`
//! builds the objects, far faster than setting their properties one by one through
//! N-API), and [`status_canonical`] the canonical wire JSON that `toJson()` returns.
//!
//! `parseOfferStatus` checks the document at once and leaves the core's typed reading
//! to the first use: the check ([`surely_accepted`]) is a full JSON read that keeps
//! nothing, several times cheaper than the typed one, and passes only documents the
//! core's lenient reader cannot refuse. Anything else is read by the core at once, so
//! every error is the core's, thrown by `parseOfferStatus` itself.

use std::fmt;
use std::time::Duration;

use cloudpartner::{Link, Message, OfferStatus, Step, TimeFrame};
use napi::bindgen_prelude::External;
use napi_derive::napi;
use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::to_napi;

/// A status, read or still to be read by the core.
pub enum StatusCell {
    /// A document [`surely_accepted`] passed, to be read on first use.
    Pending(Vec<u8>),
    /// The core's status.
    Parsed(OfferStatus),
    /// What the core said of a pending document (never, if the check is right).
    Failed(cloudpartner::Error),
}

/// A status as the addon hands it to the JavaScript layer.
pub type StatusHandle = External<StatusCell>;

/// The handle of a status.
pub fn handle(status: OfferStatus) -> StatusHandle {
    External::new(StatusCell::Parsed(status))
}

/// The handle of a document the core reads on first use.
pub fn pending(bytes: Vec<u8>) -> StatusHandle {
    External::new(StatusCell::Pending(bytes))
}

/// The status in `cell`, read by the core first if it is pending.
fn read(cell: &mut StatusCell) -> napi::Result<&OfferStatus> {
    if let StatusCell::Pending(bytes) = cell {
        *cell = match cloudpartner::parse_offer_status(bytes) {
            Ok(status) => StatusCell::Parsed(status),
            Err(e) => StatusCell::Failed(e),
        };
    }
    match cell {
        StatusCell::Parsed(status) => Ok(status),
        StatusCell::Failed(e) => Err(to_napi(e)),
        StatusCell::Pending(_) => unreachable!("read just above"),
    }
}

/// The JSON view of a status: `status`, `rawStatus`, `messages`, `steps`,
/// `previewLinks`, `liveLinks`, `notificationEmails`, `isTerminal`,
/// `needsPublisherAction`, `currentStepIndex`, `progress`, `estimatedRemaining`; message
/// timestamps are milliseconds since the epoch (or null).
#[napi]
pub fn status_view(
    #[napi(ts_arg_type = "ExternalObject<'OfferStatus'>")] status: &mut StatusHandle,
) -> napi::Result<String> {
    read(status).map(view)
}

/// The canonical wire JSON of a status (`toJson()`).
#[napi]
pub fn status_canonical(
    #[napi(ts_arg_type = "ExternalObject<'OfferStatus'>")] status: &mut StatusHandle,
) -> napi::Result<String> {
    read(status).map(OfferStatus::to_json)
}

/// Whether the core's lenient reader surely accepts `bytes`: UTF-8 (after an optional
/// BOM), one JSON object and nothing after it, within serde_json's nesting limit, every
/// value readable (strings with valid escapes, numbers in range: read as the core reads
/// them), and a top-level `status` that is a string every time it appears. The core
/// refuses a document only for one of those (it reads any other field of the wrong type
/// as absent). `false` does not mean refused: the core decides then.
pub fn surely_accepted(bytes: &[u8]) -> bool {
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusView<'a> {
    status: &'a str,
    raw_status: &'a str,
    messages: Vec<MessageView<'a>>,
    steps: Vec<StepView<'a>>,
    preview_links: Vec<LinkView<'a>>,
    live_links: Vec<LinkView<'a>>,
    notification_emails: &'a [String],
    is_terminal: bool,
    needs_publisher_action: bool,
    current_step_index: Option<usize>,
    progress: f64,
    estimated_remaining: Option<RangeView>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepView<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    status: &'a str,
    raw_status: &'a str,
    progress_percentage: u8,
    estimated_time_frame: Option<TimeFrameView<'a>>,
    messages: Vec<MessageView<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MessageView<'a> {
    html: &'a str,
    text: &'a str,
    level: &'a str,
    raw_level: &'a str,
    /// Milliseconds since the epoch; the JavaScript layer makes it a `Date`.
    timestamp: Option<i64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LinkView<'a> {
    display_text: &'a str,
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TimeFrameView<'a> {
    raw: &'a str,
    min_seconds: Option<f64>,
    max_seconds: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RangeView {
    min_seconds: f64,
    max_seconds: f64,
}

/// The state spelling of the contract: canonical, or `"unknown"` with the raw
/// spelling kept beside it.
pub(crate) fn state(canonical: &str, unknown: bool) -> &str {
    if unknown { "unknown" } else { canonical }
}

fn range((min, max): (Duration, Duration)) -> RangeView {
    RangeView {
        min_seconds: min.as_secs_f64(),
        max_seconds: max.as_secs_f64(),
    }
}

fn time_frame(frame: &TimeFrame) -> TimeFrameView<'_> {
    TimeFrameView {
        raw: frame.raw(),
        min_seconds: frame.min().map(|d| d.as_secs_f64()),
        max_seconds: frame.max().map(|d| d.as_secs_f64()),
    }
}

fn message(m: &Message) -> MessageView<'_> {
    MessageView {
        html: &m.html,
        text: &m.text,
        level: state(m.level.as_wire(), m.level.is_unknown()),
        raw_level: &m.raw_level,
        timestamp: m.timestamp.map(|t| t.timestamp_millis()),
    }
}

fn link(l: &Link) -> LinkView<'_> {
    LinkView {
        display_text: &l.display_text,
        uri: &l.uri,
    }
}

fn step(s: &Step) -> StepView<'_> {
    StepView {
        id: &s.id,
        name: &s.name,
        description: &s.description,
        status: state(s.status.as_wire(), s.status.is_unknown()),
        raw_status: &s.raw_status,
        progress_percentage: s.progress_percentage,
        estimated_time_frame: s.estimated_time_frame.as_ref().map(time_frame),
        messages: s.messages.iter().map(message).collect(),
    }
}

fn view(s: &OfferStatus) -> String {
    let view = StatusView {
        status: state(s.status.as_wire(), s.status.is_unknown()),
        raw_status: &s.raw_status,
        messages: s.messages.iter().map(message).collect(),
        steps: s.steps.iter().map(step).collect(),
        preview_links: s.preview_links.iter().map(link).collect(),
        live_links: s.live_links.iter().map(link).collect(),
        notification_emails: &s.notification_emails,
        is_terminal: s.is_terminal(),
        needs_publisher_action: s.needs_publisher_action(),
        current_step_index: s.current_step_index(),
        progress: s.progress(),
        estimated_remaining: s.estimated_remaining().map(range),
    };
    // Plain strings, numbers and booleans: serializing cannot fail.
    serde_json::to_string(&view).unwrap_or_default()
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
                if surely_accepted(&bytes) {
                    passed += 1;
                    assert!(cloudpartner::parse_offer_status(&bytes).is_ok(), "{name}");
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
            assert!(!surely_accepted(doc.as_bytes()), "{doc}");
        }
        let deep = format!(
            r#"{{"status": "a", "x": {}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(!surely_accepted(deep.as_bytes()));
        assert!(cloudpartner::parse_offer_status(deep.as_bytes()).is_err());
        for doc in [
            "\u{feff} {\"status\": \"a\"} \n",
            r#"{"status": "a", "status": "b", "steps": "not a list", "x": [1, {"y": null}]}"#,
        ] {
            assert!(surely_accepted(doc.as_bytes()), "{doc}");
            assert!(
                cloudpartner::parse_offer_status(doc.as_bytes()).is_ok(),
                "{doc}"
            );
        }
        assert!(!surely_accepted(b"{\"status\": \"\xff\"}"));
    }
}
