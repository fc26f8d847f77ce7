//! Reading an offer status document: lenient by default, strict on request.

use crate::cpp::model::{Message, OfferStatus};
use crate::cpp::wire::{self, TopStatus};
use crate::document::json_document::{document_text, json_error, type_name};
use crate::error::{Error, Result};

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
    let text = document_text(bytes, "a JSON object")?;
    if !text.trim_start().starts_with('{') {
        return Err(not_an_object(text));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document = wire::read_document(&mut deserializer)
        .and_then(|d| deserializer.end().map(|()| d))
        .map_err(|e| json_error(&e))?;
    match document.status {
        TopStatus::Text(_) => {}
        TopStatus::Missing => {
            return Err(Error::parse(
                "missing `status`: expected the offer state as a string",
            ));
        }
        TopStatus::Other(found) => {
            return Err(Error::parse(format!(
                "`status` must be a string, found {found}"
            )));
        }
    }
    let status = document.body;
    if options.strict {
        check_known(&status)?;
    }
    Ok(status)
}

/// The error for a document that does not start with `{`: a syntax error with its
/// position, or the type found.
fn not_an_object(text: &str) -> Error {
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(e) => json_error(&e),
        Ok(value) => Error::parse(format!(
            "expected a JSON object at the top level, found {}",
            type_name(&value)
        )),
    }
}

/// Strict mode: the first enum value this version does not know, with its path.
fn check_known(status: &OfferStatus) -> Result<()> {
    let unknown = |path: String, what: &str, raw: &str| {
        Err(Error::parse(format!(
            "{path}: unknown {what} `{raw}` (strict mode)"
        )))
    };
    let check_messages = |messages: &[Message], path: &str| -> Result<()> {
        for (i, m) in messages.iter().enumerate() {
            if m.level.is_unknown() && !m.raw_level.is_empty() {
                return unknown(format!("{path}[{i}].level"), "message level", &m.raw_level);
            }
        }
        Ok(())
    };
    if status.status.is_unknown() && !status.raw_status.is_empty() {
        return unknown("status".into(), "offer state", &status.raw_status);
    }
    check_messages(&status.messages, "messages")?;
    for (i, step) in status.steps.iter().enumerate() {
        if step.status.is_unknown() && !step.raw_status.is_empty() {
            return unknown(format!("steps[{i}].status"), "step state", &step.raw_status);
        }
        check_messages(&step.messages, &format!("steps[{i}].messages"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpp::model::Link;
    use crate::cpp::state::{OfferState, StepState};

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
        let nested_unknown = format!(
            r#"{{"status":"x","extra":{}{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let err = parse_offer_status(nested_unknown.as_bytes()).unwrap_err();
        assert_eq!(
            err.kind(),
            crate::ErrorKind::Parse,
            "skipped values keep the nesting limit"
        );
        let err = parse_offer_status(b"{\"status\":\"x\",\"extra\":\"\xff\"}").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(1), Some(24)), "{err}");
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
