//! Operations: a publish, go-live or cancel, as listed by
//! `GET /api/publishers/{p}/offers/{o}/submissions` and read one by one from
//! `.../operations/{id}` — the latter with the offer-status shape (steps, messages,
//! links) as well.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::cpp::model::OfferStatus;
use crate::cpp::parse::parse_offer_status;
use crate::cpp::state::OperationState;
use crate::document::json_document::{integer, optional_text, read_value, text, type_name};
use crate::document::timestamp::{format_timestamp, parse_timestamp};
use crate::error::{Error, Result};

/// An operation on an offer: what it is, where it stands, when it ran.
///
/// Read one with [`parse_operation`] (or a list with [`parse_operations`]). Fields
/// read leniently, as everywhere: missing strings are empty, missing numbers and
/// timestamps `None`. Equality ignores [`Operation::raw_state`].
///
/// ```
/// use cloudpartner::{parse_operation, OperationState};
/// let op = parse_operation(br#"[{"id": "56615b67", "submissionType": "Published",
///     "submissionState": "Succeeded", "createdDateTime": "2018-01-01T01:00:00Z",
///     "publishingVersion": 2, "offerVersion": 5, "slot": "Preview",
///     "steps": [{"id": "validation", "status": "complete"}]}]"#)?;
/// assert_eq!(op.state, OperationState::Completed);
/// assert_eq!(op.raw_state, "Succeeded");
/// assert!(op.state.is_terminal());
/// assert_eq!((op.publishing_version, op.offer_version), (Some(2), Some(5)));
/// assert_eq!(op.detail.unwrap().steps[0].id, "validation");
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Operation {
    /// The operation's id (`id`).
    pub id: String,
    /// What it does (`submissionType`: `publish`, `goLive`, `Published`, ...), as sent.
    pub submission_type: String,
    /// Its state, from `status`, else `submissionState`.
    pub state: OperationState,
    /// The state as the service spelled it.
    pub raw_state: String,
    /// When it was created (`createdDateTime`), in UTC.
    pub created: Option<DateTime<Utc>>,
    /// When it last changed (`lastActionDateTime`, else `changedTime`), in UTC.
    pub last_action: Option<DateTime<Utc>>,
    /// The publishing version (`publishingVersion`).
    pub publishing_version: Option<i64>,
    /// The offer's version it works on (`offerVersion`).
    pub offer_version: Option<i64>,
    /// The slot (`slot`: `Preview`, `Production`, ...); `None` when absent or empty.
    pub slot: Option<String>,
    /// Whether a cancel was asked for and where it stands (`cancellationRequestState`).
    pub cancellation_request_state: Option<String>,
    /// What went wrong (`error`): its text, or `"code: message"` for an object.
    pub error: Option<String>,
    /// The steps, messages and links of the operation, when the response had `steps` or
    /// `messages`: an [`OfferStatus`] whose state follows the operation's (completed
    /// reads as `succeeded`).
    pub detail: Option<OfferStatus>,
}

impl Default for OperationState {
    fn default() -> Self {
        OperationState::Unknown(String::new())
    }
}

impl PartialEq for Operation {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.submission_type == other.submission_type
            && self.state == other.state
            && self.created == other.created
            && self.last_action == other.last_action
            && self.publishing_version == other.publishing_version
            && self.offer_version == other.offer_version
            && self.slot == other.slot
            && self.cancellation_request_state == other.cancellation_request_state
            && self.error == other.error
            && self.detail == other.detail
    }
}

impl Eq for Operation {}

/// Parses one operation: a JSON object, or an array of exactly one (the reference's
/// own example is wrapped in an array).
///
/// ```
/// let op = cloudpartner::parse_operation(br#"{"id": "x", "status": "running"}"#)?;
/// assert_eq!(op.state, cloudpartner::OperationState::Running);
/// assert!(op.detail.is_none());
/// assert!(cloudpartner::parse_operation(b"[]").is_err());
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_operation(bytes: &[u8]) -> Result<Operation> {
    match read_value(bytes, "a JSON object")? {
        Value::Object(object) => Operation::from_object(&object),
        Value::Array(items) => match items.as_slice() {
            [Value::Object(object)] => Operation::from_object(object),
            [other] => Err(Error::parse(format!(
                "expected an operation (a JSON object) in the array, found {}",
                type_name(other)
            ))),
            _ => Err(Error::parse(format!(
                "expected one operation, found an array of {}",
                items.len()
            ))),
        },
        other => Err(Error::parse(format!(
            "expected an operation (a JSON object) at the top level, found {}",
            type_name(&other)
        ))),
    }
}

/// Parses a list of operations (`GET .../submissions`): a JSON array of objects.
///
/// ```
/// let ops = cloudpartner::parse_operations(br#"[{"id": "a", "submissionState": "running"},
///                                               {"id": "b", "submissionState": "completed"}]"#)?;
/// assert_eq!(ops.iter().filter(|o| o.state.is_terminal()).count(), 1);
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_operations(bytes: &[u8]) -> Result<Vec<Operation>> {
    match read_value(bytes, "a JSON array of operations")? {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(object) => Operation::from_object(object),
                other => Err(Error::parse(format!(
                    "operations[{i}]: expected an operation (a JSON object), found {}",
                    type_name(other)
                ))),
            })
            .collect(),
        other => Err(Error::parse(format!(
            "expected a JSON array of operations at the top level, found {}",
            type_name(&other)
        ))),
    }
}

/// The keys of the offer-status shape an operation may carry.
const DETAIL_KEYS: [&str; 5] = [
    "messages",
    "steps",
    "previewLinks",
    "liveLinks",
    "notificationEmails",
];

impl Operation {
    fn from_object(object: &Map<String, Value>) -> Result<Operation> {
        let timestamp = |key: &str| {
            object
                .get(key)
                .and_then(Value::as_str)
                .and_then(parse_timestamp)
        };
        let raw_state = Some(text(object.get("status")))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| text(object.get("submissionState")));
        let state = OperationState::from_wire(&raw_state);
        let has_detail = ["steps", "messages"]
            .iter()
            .any(|key| object.get(*key).is_some_and(|v| !v.is_null()));
        let detail = if has_detail {
            Some(detail_of(object, &state)?)
        } else {
            None
        };
        Ok(Operation {
            id: text(object.get("id")),
            submission_type: text(object.get("submissionType")),
            created: timestamp("createdDateTime"),
            last_action: timestamp("lastActionDateTime").or_else(|| timestamp("changedTime")),
            publishing_version: integer(object.get("publishingVersion")),
            offer_version: integer(object.get("offerVersion")),
            slot: optional_text(object.get("slot")),
            cancellation_request_state: optional_text(object.get("cancellationRequestState")),
            error: error_text(object.get("error")),
            detail,
            state,
            raw_state,
        })
    }

    /// The canonical JSON of this operation, on one line: `id`, `submissionType`,
    /// `status` (canonical spelling; unknown values verbatim), `createdDateTime`,
    /// `lastActionDateTime` (UTC), `publishingVersion`, `offerVersion`, `slot`,
    /// `cancellationRequestState`, `error` — `null` when absent — then, with a detail,
    /// its `messages`, `steps`, `previewLinks`, `liveLinks` and `notificationEmails` as
    /// [`OfferStatus::to_json`] writes them. Parsing it gives back an equal operation.
    ///
    /// ```
    /// let op = cloudpartner::parse_operation(br#"{"id": "a", "submissionState": "Complete",
    ///     "error": {"code": "Oops", "message": "it broke"}}"#)?;
    /// assert_eq!(op.to_json(), concat!(
    ///     r#"{"id":"a","submissionType":"","status":"completed","createdDateTime":null,"#,
    ///     r#""lastActionDateTime":null,"publishingVersion":null,"offerVersion":null,"slot":null,"#,
    ///     r#""cancellationRequestState":null,"error":"Oops: it broke"}"#));
    /// assert_eq!(cloudpartner::parse_operation(op.to_json().as_bytes())?, op);
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_value())
            .unwrap_or_else(|_| unreachable!("a JSON value always serializes"))
    }

    /// The canonical JSON, indented for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value())
            .unwrap_or_else(|_| unreachable!("a JSON value always serializes"))
    }

    /// The canonical JSON as a [`serde_json::Value`].
    pub fn to_value(&self) -> Value {
        let mut out = Map::new();
        let mut put = |key: &str, value: Value| {
            out.insert(key.to_owned(), value);
        };
        let time = |t: &Option<DateTime<Utc>>| t.as_ref().map(format_timestamp).into();
        put("id", self.id.clone().into());
        put("submissionType", self.submission_type.clone().into());
        put("status", self.state.as_wire().into());
        put("createdDateTime", time(&self.created));
        put("lastActionDateTime", time(&self.last_action));
        put("publishingVersion", self.publishing_version.into());
        put("offerVersion", self.offer_version.into());
        put("slot", self.slot.clone().into());
        put(
            "cancellationRequestState",
            self.cancellation_request_state.clone().into(),
        );
        put("error", self.error.clone().into());
        if let Some(Value::Object(detail)) = self.detail.as_ref().map(OfferStatus::to_value) {
            for (key, value) in detail {
                if key != "status" {
                    put(&key, value);
                }
            }
        }
        Value::Object(out)
    }
}

/// The offer state an operation's detail takes: the operation's, spelled as an offer
/// state (`completed` is `succeeded`); an unknown state verbatim.
fn offer_state_spelling(state: &OperationState) -> &str {
    match state {
        OperationState::NotStarted => "notStarted",
        OperationState::Running => "running",
        OperationState::Completed => "succeeded",
        OperationState::Failed => "failed",
        OperationState::Canceled => "canceled",
        OperationState::Unknown(raw) => raw,
    }
}

/// The offer-status part of an operation, read by the offer status parser itself.
fn detail_of(object: &Map<String, Value>, state: &OperationState) -> Result<OfferStatus> {
    let mut shape = Map::new();
    shape.insert("status".into(), offer_state_spelling(state).into());
    for key in DETAIL_KEYS {
        if let Some(value) = object.get(key) {
            shape.insert(key.into(), value.clone());
        }
    }
    let bytes = serde_json::to_vec(&shape)
        .unwrap_or_else(|_| unreachable!("a JSON value always serializes"));
    parse_offer_status(&bytes).map_err(|e| e.context("the operation's steps and messages"))
}

/// `error` as text: a string as it is; `{code, message}` as `"code: message"` (or the
/// one present); another object or an array as compact JSON; empty and `null` absent.
fn error_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(fields) => {
            let code = text(fields.get("code"));
            let message = text(fields.get("message"));
            match (code.is_empty(), message.is_empty()) {
                (false, false) => Some(format!("{code}: {message}")),
                (false, true) => Some(code),
                (true, false) => Some(message),
                (true, true) if fields.is_empty() => None,
                (true, true) => serde_json::to_string(fields).ok(),
            }
        }
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => serde_json::to_string(items).ok(),
        other => optional_text(Some(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpp::state::{OfferState, StepState};

    fn one(doc: &str) -> Operation {
        parse_operation(doc.as_bytes()).unwrap()
    }

    #[test]
    fn state_from_status_or_submission_state() {
        assert_eq!(
            one(r#"{"status": "running"}"#).state,
            OperationState::Running
        );
        assert_eq!(
            one(r#"{"submissionState": "not started"}"#).state,
            OperationState::NotStarted
        );
        let both = one(r#"{"status": "failed", "submissionState": "running"}"#);
        assert_eq!(both.state, OperationState::Failed);
        let fallback = one(r#"{"status": null, "submissionState": "Cancelled"}"#);
        assert_eq!(fallback.state, OperationState::Canceled);
        assert_eq!(fallback.raw_state, "Cancelled");
        let none = one("{}");
        assert_eq!(none.state, OperationState::Unknown(String::new()));
        assert_eq!(none, Operation::default());
    }

    #[test]
    fn times_and_numbers() {
        let op = one(
            r#"{"createdDateTime": "2018-01-01T01:00:00.1234567Z", "changedTime": "2018-01-02T00:00:00+01:00",
                "publishingVersion": "3", "offerVersion": 4.0, "slot": "", "cancellationRequestState": null}"#,
        );
        assert_eq!(
            op.created.map(|t| format_timestamp(&t)).as_deref(),
            Some("2018-01-01T01:00:00.123456700Z")
        );
        assert_eq!(
            op.last_action.map(|t| format_timestamp(&t)).as_deref(),
            Some("2018-01-01T23:00:00Z")
        );
        assert_eq!(
            (op.publishing_version, op.offer_version),
            (Some(3), Some(4))
        );
        assert_eq!((op.slot, op.cancellation_request_state), (None, None));
        let op = one(
            r#"{"lastActionDateTime": "2018-01-03T00:00:00Z", "changedTime": "2018-01-02T00:00:00Z", "createdDateTime": 5}"#,
        );
        assert_eq!(
            op.last_action.map(|t| format_timestamp(&t)).as_deref(),
            Some("2018-01-03T00:00:00Z")
        );
        assert_eq!(op.created, None);
    }

    #[test]
    fn errors_as_text() {
        let e = |json: &str| one(&format!(r#"{{"error": {json}}}"#)).error;
        assert_eq!(e(r#""boom""#).as_deref(), Some("boom"));
        assert_eq!(e(r#""""#), None);
        assert_eq!(e("null"), None);
        assert_eq!(
            e(r#"{"code": "C", "message": "M"}"#).as_deref(),
            Some("C: M")
        );
        assert_eq!(e(r#"{"code": "C"}"#).as_deref(), Some("C"));
        assert_eq!(
            e(r#"{"message": "M", "target": "x"}"#).as_deref(),
            Some("M")
        );
        assert_eq!(
            e(r#"{"details": [1]}"#).as_deref(),
            Some(r#"{"details":[1]}"#)
        );
        assert_eq!(e("{}"), None);
        assert_eq!(e("[]"), None);
        assert_eq!(e(r#"["a"]"#).as_deref(), Some(r#"["a"]"#));
        assert_eq!(e("42").as_deref(), Some("42"));
    }

    #[test]
    fn detail_only_with_steps_or_messages() {
        assert!(one(r#"{"previewLinks": ["https://p"]}"#).detail.is_none());
        assert!(one(r#"{"steps": null, "messages": null}"#).detail.is_none());
        let op = one(
            r#"{"status": "completed", "messages": [], "previewLinks": ["https://p"],
                "notificationEmails": "a@x.com; b@x.com",
                "steps": [{"id": "s", "status": "Complete", "progressPercentage": "100"}]}"#,
        );
        let detail = op.detail.unwrap();
        assert_eq!(detail.status, OfferState::Succeeded);
        assert!(detail.is_terminal());
        assert_eq!(detail.steps[0].status, StepState::Complete);
        assert_eq!(detail.preview_links[0].uri, "https://p");
        assert_eq!(detail.notification_emails, ["a@x.com", "b@x.com"]);
        let running =
            one(r#"{"status": "inProgress", "steps": [{"id": "s", "status": "inProgress"}]}"#);
        assert_eq!(running.detail.unwrap().current_step().unwrap().id, "s");
        let odd = one(r#"{"status": "queued", "messages": {}}"#);
        assert_eq!(
            odd.detail.unwrap().status,
            OfferState::Unknown("queued".into())
        );
    }

    #[test]
    fn canonical_json_round_trips() {
        let op = one(
            r#"{"id": "g", "submissionType": "publish", "submissionState": "Succeeded",
                "createdDateTime": "2018-01-01T01:00:00Z", "lastActionDateTime": "2018-01-01T02:00:00.5Z",
                "publishingVersion": 1, "offerVersion": 2, "slot": "Preview", "cancellationRequestState": "none",
                "error": {"code": "C", "message": "M"}, "extra": true,
                "steps": [{"id": "s", "stepName": "Step", "status": "complete", "estimatedTimeFrame": "< 1 hour"}],
                "notificationEmails": "a@x.com"}"#,
        );
        let json = op.to_json();
        assert_eq!(
            json,
            concat!(
                r#"{"id":"g","submissionType":"publish","status":"completed","createdDateTime":"2018-01-01T01:00:00Z","#,
                r#""lastActionDateTime":"2018-01-01T02:00:00.500Z","publishingVersion":1,"offerVersion":2,"#,
                r#""slot":"Preview","cancellationRequestState":"none","error":"C: M","messages":[],"#,
                r#""steps":[{"id":"s","stepName":"Step","description":"","status":"complete","estimatedTimeFrame":"< 1 hour","progressPercentage":0,"messages":[]}],"#,
                r#""previewLinks":[],"liveLinks":[],"notificationEmails":"a@x.com"}"#
            )
        );
        let again = one(&json);
        assert_eq!(again, op);
        assert_eq!(again.to_json(), json);
        assert!(op.to_json_pretty().contains("\n  \"id\": \"g\""));
    }

    #[test]
    fn top_level_forms() {
        assert_eq!(one(r#"[{"id": "a"}]"#).id, "a");
        for (doc, needle) in [
            ("[]", "an array of 0"),
            (r#"[{}, {}]"#, "an array of 2"),
            ("[3]", "found a number"),
            ("\"x\"", "found a string"),
            ("", "empty"),
        ] {
            let err = parse_operation(doc.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Parse);
            assert!(err.message().contains(needle), "{doc}: {err}");
        }
        assert!(parse_operations(b"[]").unwrap().is_empty());
        assert_eq!(parse_operations(br#"[{"id": "a"}]"#).unwrap()[0].id, "a");
        let err = parse_operations(br#"{"id": "a"}"#).unwrap_err();
        assert!(err.message().contains("found an object"), "{err}");
        let err = parse_operations(br#"[{}, []]"#).unwrap_err();
        assert!(err.message().contains("operations[1]"), "{err}");
    }
}
