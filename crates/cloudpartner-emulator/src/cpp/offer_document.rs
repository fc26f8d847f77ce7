//! An offer's documents as the publishing API stores them: every version of
//! the draft, the preview and production slots, the ETag, and the rules of a
//! write (`PUT` preconditions, version and `changedTime` bumped in place,
//! everything else kept as sent, key order included).

use axum::http::{HeaderMap, StatusCode, header};
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Map, Value};

use crate::clock::format_timestamp;
use crate::http::error_response::ApiError;

/// An offer document: a JSON object, keys in document order.
pub(crate) type Document = Map<String, Value>;

/// The slots of an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OfferSlot {
    /// The draft: what `GET …/offers/{o}` serves and `PUT` writes.
    Draft,
    /// What the last publish copied from the draft.
    Preview,
    /// What the last go-live copied from preview.
    Production,
}

impl OfferSlot {
    /// The slot named `name`, case-insensitively (`draft`, `Preview`, …).
    pub fn from_name(name: &str) -> Option<OfferSlot> {
        [OfferSlot::Draft, OfferSlot::Preview, OfferSlot::Production]
            .into_iter()
            .find(|slot| slot.name().eq_ignore_ascii_case(name))
    }

    /// The slot's name as the service spells it in paths: `Draft`, `Preview`, `Production`.
    pub fn name(self) -> &'static str {
        match self {
            OfferSlot::Draft => "Draft",
            OfferSlot::Preview => "Preview",
            OfferSlot::Production => "Production",
        }
    }
}

/// What a successful write did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Written {
    /// 201: the offer document is new.
    Created,
    /// 200: it replaced the draft.
    Updated,
}

impl Written {
    /// The HTTP status of the write's answer.
    pub fn status(self) -> StatusCode {
        match self {
            Written::Created => StatusCode::CREATED,
            Written::Updated => StatusCode::OK,
        }
    }
}

/// The stored documents of one offer.
#[derive(Clone, Debug)]
pub(crate) struct OfferDocuments {
    /// Every version of the draft, oldest first; the last is the draft.
    versions: Vec<(u64, Document)>,
    etag: String,
    changed: DateTime<Utc>,
    preview: Option<Document>,
    production: Option<Document>,
}

/// The weak ETag of a document changed at `changed_time` (the service's
/// form): `W/"datetime'2026-12-01T20%3A59%3A26.1234567Z'"`.
pub(crate) fn weak_etag(changed_time: &str) -> String {
    format!("W/\"datetime'{}'\"", changed_time.replace(':', "%3A"))
}

/// The document's `version` when it is a whole number.
fn version_of(document: &Document) -> Option<u64> {
    document.get("version").and_then(Value::as_u64)
}

impl OfferDocuments {
    /// The documents of a scenario offer: `document` as given is the draft,
    /// its version its `version` (1 when it has none), its ETag made from
    /// its `changedTime` when it has one, else from `now`.
    pub fn from_scenario(document: Document, now: DateTime<Utc>) -> OfferDocuments {
        let etag = match document.get("changedTime") {
            Some(Value::String(changed_time)) => weak_etag(changed_time),
            _ => weak_etag(&format_timestamp(now)),
        };
        OfferDocuments {
            versions: vec![(version_of(&document).unwrap_or(1), document)],
            etag,
            changed: now,
            preview: None,
            production: None,
        }
    }

    /// The documents of an offer created by a write: `document` as version 1.
    pub fn created(document: Document, now: DateTime<Utc>) -> OfferDocuments {
        let mut documents = OfferDocuments {
            versions: Vec::new(),
            etag: String::new(),
            changed: now - TimeDelta::nanoseconds(100),
            preview: None,
            production: None,
        };
        documents.write(document, now);
        documents
    }

    /// The draft.
    pub fn draft(&self) -> &Document {
        // `versions` is never empty: both constructors add one.
        &self.versions[self.versions.len() - 1].1
    }

    /// The draft's version.
    pub fn draft_version(&self) -> u64 {
        self.versions[self.versions.len() - 1].0
    }

    /// The draft as it was at version `version`.
    pub fn version(&self, version: u64) -> Option<&Document> {
        self.versions
            .iter()
            .find(|(number, _)| *number == version)
            .map(|(_, document)| document)
    }

    /// The document in a slot; `None` when the slot is empty.
    pub fn slot(&self, slot: OfferSlot) -> Option<&Document> {
        match slot {
            OfferSlot::Draft => Some(self.draft()),
            OfferSlot::Preview => self.preview.as_ref(),
            OfferSlot::Production => self.production.as_ref(),
        }
    }

    /// Fills the preview slot.
    pub fn set_preview(&mut self, document: Document) {
        self.preview = Some(document);
    }

    /// Fills the production slot.
    pub fn set_production(&mut self, document: Document) {
        self.production = Some(document);
    }

    /// The draft's current ETag.
    pub fn etag(&self) -> &str {
        &self.etag
    }

    /// Stores `document` as the next version of the draft: `version` and
    /// `changedTime` set (in place when present, appended otherwise), every
    /// other field kept as it is, and a fresh ETag. `changedTime` is `now`,
    /// or just after the previous write when the clock has not moved.
    pub fn write(&mut self, mut document: Document, now: DateTime<Utc>) -> &Document {
        let version = self
            .versions
            .last()
            .map_or(1, |(number, _)| number.saturating_add(1));
        let changed = now.max(self.changed + TimeDelta::nanoseconds(100));
        let changed_time = format_timestamp(changed);
        document.insert(String::from("version"), Value::from(version));
        document.insert(
            String::from("changedTime"),
            Value::from(changed_time.clone()),
        );
        self.changed = changed;
        self.etag = weak_etag(&changed_time);
        self.versions.push((version, document));
        self.draft()
    }
}

/// Whether a precondition header's value (`*`, or a list of ETags) matches
/// `etag`; weak and strong forms of the same tag match.
fn matches(condition: &str, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    condition
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || bare(tag) == bare(etag))
}

/// Checks a `PUT`'s preconditions against the offer's current ETag (`None`
/// when it has no document yet):
///
/// - a new offer: 201, unless `If-Match` asks for an existing one (412);
/// - an existing offer: `If-Match` `*` or its ETag passes, another ETag is
///   412; `If-None-Match` `*` (or its ETag) is 412; no precondition at all is
///   409 `InvalidResourceId`.
pub(crate) fn check_preconditions(
    current_etag: Option<&str>,
    headers: &HeaderMap,
) -> Result<Written, ApiError> {
    let header_value = |name| {
        headers
            .get(name)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
    };
    let if_match = header_value(header::IF_MATCH);
    let if_none_match = header_value(header::IF_NONE_MATCH);
    let precondition_failed = |message: String| {
        ApiError::new(
            StatusCode::PRECONDITION_FAILED,
            "PreconditionFailed",
            message,
        )
    };
    let Some(etag) = current_etag else {
        return match if_match {
            Some(condition) => Err(precondition_failed(format!(
                "The offer does not exist, so If-Match: {condition} cannot match."
            ))),
            None => Ok(Written::Created),
        };
    };
    match (if_match, if_none_match) {
        (Some(condition), _) if matches(&condition, etag) => Ok(Written::Updated),
        (Some(condition), _) => Err(precondition_failed(format!(
            "The offer was changed since it was read: If-Match: {condition} does not match its current ETag {etag}."
        ))),
        (None, Some(condition)) if matches(&condition, etag) => Err(precondition_failed(format!(
            "The offer already exists (If-None-Match: {condition})."
        ))),
        (None, Some(_)) => Ok(Written::Updated),
        (None, None) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "InvalidResourceId",
            "The offer already exists. Send If-Match with its ETag (or *) to replace it.",
        )),
    }
}

/// Checks a `PUT` body: a JSON object whose `id` and `publisherId`, when
/// present, are the ones in the path.
pub(crate) fn parse_put_body(
    body: &[u8],
    publisher: &str,
    offer: &str,
) -> Result<Document, ApiError> {
    let document = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(document)) => document,
        Ok(_) => {
            return Err(ApiError::bad_request(
                "The request body must be an offer document (a JSON object).",
            ));
        }
        Err(error) => {
            return Err(ApiError::bad_request(format!(
                "The request body is not valid JSON: {error}."
            )));
        }
    };
    for (field, expected) in [("id", offer), ("publisherId", publisher)] {
        match document.get(field) {
            None => {}
            Some(Value::String(id)) if id == expected => {}
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "The offer's {field} {other} does not match '{expected}' in the request path."
                )));
            }
        }
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document(value: Value) -> Document {
        match value {
            Value::Object(map) => map,
            other => panic!("not an object: {other}"),
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|time| time.with_timezone(&Utc))
            .unwrap()
    }

    #[test]
    fn etags_look_like_the_service() {
        assert_eq!(
            weak_etag("2026-12-01T20:59:26.1234567Z"),
            "W/\"datetime'2026-12-01T20%3A59%3A26.1234567Z'\""
        );
    }

    #[test]
    fn writes_bump_the_version_in_place_and_keep_the_rest() {
        let mut documents = OfferDocuments::from_scenario(
            document(json!({"z": 1, "version": 4, "a": {"y": 2, "b": 3}, "changedTime": "old"})),
            at("2026-12-01T00:00:00Z"),
        );
        assert_eq!(documents.draft_version(), 4);
        assert_eq!(documents.etag(), weak_etag("old"));
        let stored = documents
            .write(
                document(json!({"z": 1, "version": 1, "a": {"y": 2, "b": 3}, "new": true})),
                at("2026-12-01T00:00:00Z"),
            )
            .clone();
        assert_eq!(
            Value::Object(stored).to_string(),
            r#"{"z":1,"version":5,"a":{"y":2,"b":3},"new":true,"changedTime":"2026-12-01T00:00:00.0000001Z"}"#
        );
        let first_etag = documents.etag().to_owned();
        documents.write(document(json!({})), at("2026-12-01T00:00:00Z"));
        assert_ne!(documents.etag(), first_etag);
        assert_eq!(documents.draft_version(), 6);
        assert_eq!(documents.version(4).unwrap()["changedTime"], "old");
        assert!(documents.version(3).is_none());
        assert!(documents.slot(OfferSlot::Preview).is_none());
    }

    #[test]
    fn preconditions_follow_the_service() {
        let headers = |pairs: &[(&'static str, &str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, value.parse().unwrap());
            }
            headers
        };
        let etag = "W/\"datetime'x'\"";
        let check = |current, pairs: &[(&'static str, &str)]| {
            check_preconditions(current, &headers(pairs)).map_err(|error| error.status.as_u16())
        };
        assert_eq!(check(None, &[]), Ok(Written::Created));
        assert_eq!(check(None, &[("if-none-match", "*")]), Ok(Written::Created));
        assert_eq!(check(None, &[("if-match", "*")]), Err(412));
        assert_eq!(check(Some(etag), &[]), Err(409));
        assert_eq!(
            check(Some(etag), &[("if-match", "*")]),
            Ok(Written::Updated)
        );
        assert_eq!(
            check(Some(etag), &[("if-match", etag)]),
            Ok(Written::Updated)
        );
        assert_eq!(
            check(Some(etag), &[("if-match", "\"datetime'x'\"")]),
            Ok(Written::Updated)
        );
        assert_eq!(check(Some(etag), &[("if-match", "W/\"other\"")]), Err(412));
        assert_eq!(check(Some(etag), &[("if-none-match", "*")]), Err(412));
    }

    #[test]
    fn put_bodies_are_checked() {
        assert!(parse_put_body(br#"{"id":"o","publisherId":"p"}"#, "p", "o").is_ok());
        assert!(parse_put_body(br#"{"other":1}"#, "p", "o").is_ok());
        for body in [
            &br#"{"id":"x"}"#[..],
            br#"{"publisherId":"x"}"#,
            b"[1]",
            b"{",
            b"",
        ] {
            assert_eq!(
                parse_put_body(body, "p", "o").unwrap_err().status,
                StatusCode::BAD_REQUEST
            );
        }
    }

    #[test]
    fn slots_are_named_case_insensitively() {
        assert_eq!(OfferSlot::from_name("PREVIEW"), Some(OfferSlot::Preview));
        assert_eq!(OfferSlot::from_name("draft"), Some(OfferSlot::Draft));
        assert_eq!(OfferSlot::from_name("staging"), None);
    }
}
