//! Reading an offer status document: lenient by default, strict on request.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::{Link, Message, OfferStatus, Step};
use crate::state::{MessageLevel, OfferState, StepState};
use crate::time_frame::TimeFrame;
use crate::timestamp::parse_timestamp;

/// How to read a document.
///
/// ```
/// use cloudpartner::{parse_offer_status_with, ParseOptions};
/// let doc = br#"{"status": "paused"}"#;
/// assert!(parse_offer_status_with(doc, ParseOptions::default()).is_ok());
/// let err = parse_offer_status_with(doc, ParseOptions { strict: true }).unwrap_err();
/// assert!(err.message().contains("paused"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Fail on enum values this version does not know, to notice API drift.
    pub strict: bool,
}

/// Parses an offer status document, leniently.
///
/// Unknown enum values are kept as `Unknown`, unknown fields ignored, missing arrays
/// and strings empty. It fails only when the input is not JSON (the error has a line
/// and column), not an object, or has no string `status`.
///
/// ```
/// use cloudpartner::{parse_offer_status, OfferState, StepState};
///
/// let status = parse_offer_status(br#"{
///   "status": "Running",
///   "steps": [{"id": "displaycertify", "stepName": "Certification", "status": "In Progress",
///              "estimatedTimeFrame": "~2-3 days", "progressPercentage": "40"}],
///   "notificationEmails": "a@contoso.com; b@contoso.com"
/// }"#)?;
/// assert_eq!(status.status, OfferState::Running);
/// assert_eq!(status.raw_status, "Running");
/// assert_eq!(status.steps[0].status, StepState::InProgress);
/// assert_eq!(status.steps[0].progress_percentage, 40);
/// assert_eq!(status.notification_emails, ["a@contoso.com", "b@contoso.com"]);
///
/// let err = parse_offer_status(b"{\"status\": \"running\",\n \"steps\": [}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(2), Some(12)));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_offer_status(bytes: &[u8]) -> Result<OfferStatus> {
    parse_offer_status_with(bytes, ParseOptions::default())
}

/// Parses a document, failing also on enum values this version does not know.
pub fn parse_offer_status_strict(bytes: &[u8]) -> Result<OfferStatus> {
    parse_offer_status_with(bytes, ParseOptions { strict: true })
}

/// Parses a document with explicit [`ParseOptions`].
pub fn parse_offer_status_with(bytes: &[u8], options: ParseOptions) -> Result<OfferStatus> {
    let root = match read_json(bytes)? {
        Value::Object(map) => map,
        other => {
            return Err(Error::parse(format!(
                "expected a JSON object at the top level, found {}",
                type_name(&other)
            )));
        }
    };
    let reader = Reader {
        strict: options.strict,
    };
    reader.offer_status(root)
}

/// Parses bytes as JSON; a BOM and surrounding whitespace are fine.
fn read_json(bytes: &[u8]) -> Result<Value> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::parse("empty document: expected a JSON object").with_position(1, 1));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        let what = describe_json_error(&e);
        let (line, column) = (e.line(), e.column().max(1));
        Error::parse(format!(
            "invalid JSON at line {line}, column {column}: {what}"
        ))
        .with_position(line, column)
    })
}

fn describe_json_error(e: &serde_json::Error) -> String {
    // serde_json's Display ends with " at line L column C"; keep only the what.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Reader {
    strict: bool,
}

impl Reader {
    fn offer_status(&self, mut root: Map<String, Value>) -> Result<OfferStatus> {
        let raw_status = match root.remove("status") {
            Some(Value::String(s)) => s,
            Some(Value::Null) | None => {
                return Err(Error::parse(
                    "missing `status`: expected the offer state as a string",
                ));
            }
            Some(other) => {
                return Err(Error::parse(format!(
                    "`status` must be a string, found {}",
                    type_name(&other)
                )));
            }
        };
        let status = OfferState::from_wire(&raw_status);
        self.check_known(status.is_unknown(), "status", "offer state", &raw_status)?;
        let messages = self.messages(root.remove("messages"), "messages")?;
        let steps = match root.remove("steps") {
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Value::Object(o) => Some(self.step(o, i)),
                    _ => None,
                })
                .collect::<Result<Vec<_>>>()?,
            _ => Vec::new(),
        };
        Ok(OfferStatus {
            status,
            raw_status,
            messages,
            steps,
            preview_links: links(root.remove("previewLinks")),
            live_links: links(root.remove("liveLinks")),
            notification_emails: emails(root.remove("notificationEmails")),
        })
    }

    fn step(&self, mut obj: Map<String, Value>, index: usize) -> Result<Step> {
        let raw_status = string(obj.remove("status"));
        let status = StepState::from_wire(&raw_status);
        if self.strict {
            self.check_known(
                status.is_unknown(),
                &format!("steps[{index}].status"),
                "step state",
                &raw_status,
            )?;
        }
        let percent = match obj.remove("progressPercentage") {
            None | Some(Value::Null) => obj.remove("processPercentage"),
            given => given,
        };
        let time_frame = string(obj.remove("estimatedTimeFrame"));
        let messages = match obj.remove("messages") {
            m @ Some(Value::Array(_)) => self.messages(m, &format!("steps[{index}].messages"))?,
            _ => Vec::new(),
        };
        Ok(Step {
            id: string(obj.remove("id")),
            name: string(obj.remove("stepName")),
            description: string(obj.remove("description")),
            status,
            raw_status,
            progress_percentage: percentage(percent.as_ref()),
            estimated_time_frame: (!time_frame.trim().is_empty())
                .then(|| TimeFrame::parse(&time_frame)),
            messages,
        })
    }

    fn messages(&self, value: Option<Value>, path: &str) -> Result<Vec<Message>> {
        let Some(Value::Array(items)) = value else {
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let message = match item {
                Value::Object(mut obj) => {
                    let raw_level = string(obj.remove("level"));
                    let level = MessageLevel::from_wire(&raw_level);
                    if self.strict {
                        self.check_known(
                            level.is_unknown(),
                            &format!("{path}[{i}].level"),
                            "message level",
                            &raw_level,
                        )?;
                    }
                    let html = string(obj.remove("messageHtml"));
                    Message {
                        text: crate::message_text::html_to_text(&html),
                        html,
                        level,
                        raw_level,
                        timestamp: obj
                            .get("timestamp")
                            .and_then(Value::as_str)
                            .and_then(parse_timestamp),
                    }
                }
                // A bare string is taken as the message itself.
                Value::String(s) => Message::new(s, MessageLevel::Unknown(String::new()), None),
                _ => continue,
            };
            out.push(message);
        }
        Ok(out)
    }

    fn check_known(&self, unknown: bool, path: &str, what: &str, raw: &str) -> Result<()> {
        if self.strict && unknown && !raw.is_empty() {
            return Err(Error::parse(format!(
                "{path}: unknown {what} `{raw}` (strict mode)"
            )));
        }
        Ok(())
    }
}

/// A string field: missing or `null` is empty; numbers and booleans keep their text.
fn string(value: Option<Value>) -> String {
    match value {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// An integer, a float or a numeric string (`"45"`, `"45.5"`, `"45%"`), clamped to 0..=100.
fn percentage(value: Option<&Value>) -> u8 {
    let n = match value {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s
            .trim()
            .trim_end_matches('%')
            .trim_end()
            .parse::<f64>()
            .ok(),
        _ => None,
    };
    match n {
        Some(n) if n.is_finite() => n.round().clamp(0.0, 100.0) as u8,
        _ => 0,
    }
}

/// Links as `{displayText, uri}` objects or plain URI strings.
fn links(value: Option<Value>) -> Vec<Link> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(uri) if !uri.trim().is_empty() => Some(Link {
                display_text: String::new(),
                uri: uri.trim().to_owned(),
            }),
            Value::Object(mut obj) => {
                let mut first = |keys: [&str; 3]| {
                    keys.iter()
                        .map(|k| string(obj.remove(*k)))
                        .find(|s| !s.is_empty())
                        .unwrap_or_default()
                };
                let uri = first(["uri", "url", "href"]);
                let display_text = first(["displayText", "text", "name"]);
                (!uri.is_empty() || !display_text.is_empty()).then_some(Link { display_text, uri })
            }
            _ => None,
        })
        .collect()
}

/// `"a@x.com, b@x.com; c@x.com"` or `["a@x.com", ...]`: trimmed, empties dropped.
fn emails(value: Option<Value>) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        s.split([',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect()
    };
    match value {
        Some(Value::String(s)) => split(&s),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .flat_map(split)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> OfferStatus {
        parse_offer_status(s.as_bytes()).unwrap()
    }

    #[test]
    fn percentages() {
        let cases = [
            ("50", 50),
            ("50.4", 50),
            ("50.5", 51),
            ("\"75\"", 75),
            ("\" 12.6 \"", 13),
            ("\"30%\"", 30),
            ("-5", 0),
            ("250", 100),
            ("1e9", 100),
            ("\"abc\"", 0),
            ("true", 0),
            ("null", 0),
            ("[]", 0),
        ];
        for (json, want) in cases {
            let doc =
                format!(r#"{{"status":"running","steps":[{{"progressPercentage":{json}}}]}}"#);
            assert_eq!(parse(&doc).steps[0].progress_percentage, want, "{json}");
        }
        let doc = r#"{"status":"running","steps":[{"processPercentage":42}]}"#;
        assert_eq!(parse(doc).steps[0].progress_percentage, 42);
        let doc =
            r#"{"status":"running","steps":[{"progressPercentage":null,"processPercentage":42}]}"#;
        assert_eq!(parse(doc).steps[0].progress_percentage, 42);
    }

    #[test]
    fn emails_from_string_or_list() {
        let s = parse(r#"{"status":"x","notificationEmails":" a@x.com, b@x.com;;c@x.com ,"}"#);
        assert_eq!(s.notification_emails, ["a@x.com", "b@x.com", "c@x.com"]);
        let s = parse(r#"{"status":"x","notificationEmails":["a@x.com", " ", "b@x.com"]}"#);
        assert_eq!(s.notification_emails, ["a@x.com", "b@x.com"]);
        let s = parse(r#"{"status":"x","notificationEmails":null}"#);
        assert!(s.notification_emails.is_empty());
    }

    #[test]
    fn links_from_objects_or_strings() {
        let s = parse(
            r#"{"status":"x","liveLinks":[{"displayText":"Live","uri":"https://a"},"https://b",42,{}],
               "previewLinks":[{"url":"https://p"}]}"#,
        );
        assert_eq!(
            s.live_links,
            [
                Link {
                    display_text: "Live".into(),
                    uri: "https://a".into()
                },
                Link {
                    display_text: String::new(),
                    uri: "https://b".into()
                },
            ]
        );
        assert_eq!(s.preview_links[0].uri, "https://p");
    }

    #[test]
    fn missing_and_null_fields() {
        let s =
            parse(r#"{"status":"running","messages":null,"steps":[{"id":null,"messages":{}}]}"#);
        assert!(s.messages.is_empty());
        assert_eq!(s.steps[0].id, "");
        assert!(s.steps[0].estimated_time_frame.is_none());
        assert_eq!(s.steps[0].status, StepState::Unknown(String::new()));
    }

    #[test]
    fn bom_and_whitespace() {
        let s = parse_offer_status(b"\xEF\xBB\xBF \n {\"status\":\"succeeded\"} \n").unwrap();
        assert_eq!(s.status, OfferState::Succeeded);
    }

    #[test]
    fn top_level_errors() {
        for (doc, needle) in [
            ("[]", "object"),
            ("\"x\"", "object"),
            ("{}", "missing `status`"),
            ("{\"status\":null}", "missing `status`"),
            ("{\"status\":3}", "must be a string"),
            ("", "empty"),
            ("   ", "empty"),
        ] {
            let err = parse_offer_status(doc.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Parse);
            assert!(err.message().contains(needle), "{doc:?}: {err}");
        }
    }

    #[test]
    fn hostile_input_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let err = parse_offer_status(deep.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Parse);
        let err = parse_offer_status(b"{\"status\":\"\xff\xfe\"}").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Parse);
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn strict_mode_names_the_field() {
        let doc =
            br#"{"status":"running","steps":[{"status":"complete"},{"status":"quarantined"}]}"#;
        assert!(parse_offer_status(doc).is_ok());
        let err = parse_offer_status_strict(doc).unwrap_err();
        assert!(err.message().contains("steps[1].status"), "{err}");
        let doc = br#"{"status":"running","messages":[{"level":"fatal"}]}"#;
        let err = parse_offer_status_strict(doc).unwrap_err();
        assert!(err.message().contains("messages[0].level"), "{err}");
        assert!(parse_offer_status_strict(br#"{"status":"Succeeded","steps":[{}]}"#).is_ok());
    }
}
