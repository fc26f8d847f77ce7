//! An offer: the whole document as the service sent it, kept losslessly — every field,
//! known or not, in document order — with typed accessors for the fields every offer
//! has. Writing an offer back sends the document as it is now, edits included.

use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::document::json_document::{integer, read_exact_value, str_field, type_name};
use crate::document::sas::Redacted;
use crate::document::timestamp::parse_timestamp;
use crate::error::{Error, Result};

/// An offer document (`GET /api/publishers/{p}/offers/{o}`), kept as sent.
///
/// The definition differs per offer type and is large; the service also sends fields
/// this version does not know. All of it is kept, in document order, so that an offer
/// read, edited and written back loses nothing. The accessors read leniently: a missing
/// field (or one of the wrong type) reads as empty, `version` as 0.
///
/// `Debug` shows the ids, state, version, ETag and plans — not the definition — with SAS
/// signatures redacted; [`Offer::to_json`] keeps every value as it is. Two offers are
/// equal when their documents hold the same values (key order aside) and their ETags
/// are the same.
///
/// ```
/// let mut offer = cloudpartner::parse_offer(br#"{
///   "offerTypeId": "microsoft-azure-virtualmachines", "publisherId": "contoso",
///   "status": "published", "id": "contoso-vm", "version": 3,
///   "definition": {"displayText": "Contoso VM", "offer": {"x-unknown": [1, 2]},
///                  "plans": [{"planId": "gen1", "diskGenerations": [{"planId": "gen2"}]}]},
///   "changedTime": "2019-04-30T21:23:31.2134045Z"
/// }"#)?;
/// assert_eq!((offer.id(), offer.version()), ("contoso-vm", 3));
/// assert_eq!(offer.display_text(), "Contoso VM");
/// assert_eq!(offer.plan_ids(), ["gen1", "gen2"]);
/// offer.definition_mut()["displayText"] = "Contoso VM 2".into();
/// assert!(offer.to_json().starts_with(r#"{"offerTypeId":"microsoft-azure-virtualmachines","#));
/// assert!(offer.to_json().contains(r#""displayText":"Contoso VM 2","offer":{"x-unknown":[1,2]}"#));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Offer {
    document: Map<String, Value>,
    etag: Option<String>,
}

/// Parses one offer document: a JSON object.
///
/// Only the JSON itself is checked (a UTF-8 BOM and surrounding whitespace are fine;
/// invalid JSON is a *parse* error with line and column; so is deep nesting); fields
/// the offer lacks read as empty.
///
/// ```
/// let offer = cloudpartner::parse_offer(b"\xEF\xBB\xBF {\"id\": \"x\"} ")?;
/// assert_eq!((offer.id(), offer.version(), offer.status()), ("x", 0, ""));
/// let err = cloudpartner::parse_offer(b"{\"id\": \"x\",\n \"version\": }").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(2), Some(13)));
/// assert!(cloudpartner::parse_offer(b"[]").is_err());
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_offer(bytes: &[u8]) -> Result<Offer> {
    match read_exact_value(bytes, "a JSON object")? {
        Value::Object(document) => Ok(Offer::from_document(document)),
        other => Err(Error::parse(format!(
            "expected an offer (a JSON object) at the top level, found {}",
            type_name(&other)
        ))),
    }
}

/// Parses a list of offers (`GET /api/publishers/{p}/offers`): a JSON array of objects.
///
/// ```
/// let offers = cloudpartner::parse_offers(br#"[{"id": "a"}, {"id": "b"}]"#)?;
/// assert_eq!(offers.iter().map(|o| o.id()).collect::<Vec<_>>(), ["a", "b"]);
/// let err = cloudpartner::parse_offers(br#"[{"id": "a"}, 3]"#).unwrap_err();
/// assert!(err.message().contains("[1]"));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_offers(bytes: &[u8]) -> Result<Vec<Offer>> {
    match read_exact_value(bytes, "a JSON array of offers")? {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(document) => Ok(Offer::from_document(document)),
                other => Err(Error::parse(format!(
                    "offers[{i}]: expected an offer (a JSON object), found {}",
                    type_name(&other)
                ))),
            })
            .collect(),
        other => Err(Error::parse(format!(
            "expected a JSON array of offers at the top level, found {}",
            type_name(&other)
        ))),
    }
}

impl Offer {
    /// An offer from a document already read (no ETag).
    pub fn from_document(document: Map<String, Value>) -> Offer {
        Offer {
            document,
            etag: None,
        }
    }

    /// An offer from a JSON value, which must be an object (else *invalid_argument*).
    pub fn from_value(value: Value) -> Result<Offer> {
        match value {
            Value::Object(document) => Ok(Offer::from_document(document)),
            other => Err(Error::invalid_argument(format!(
                "an offer is a JSON object, not {}",
                type_name(&other)
            ))),
        }
    }

    /// The same offer with the ETag the service sent with it.
    ///
    /// ```
    /// let offer = cloudpartner::parse_offer(b"{}")?.with_etag("W/\"datetime'2019'\"");
    /// assert_eq!(offer.etag(), Some("W/\"datetime'2019'\""));
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn with_etag(mut self, etag: impl Into<String>) -> Offer {
        self.etag = Some(etag.into());
        self
    }

    /// Sets or clears the ETag (the `ETag` header of the response the offer came in).
    pub fn set_etag(&mut self, etag: Option<String>) {
        self.etag = etag;
    }

    /// The ETag the offer was read with, when the service sent one (it often does not).
    pub fn etag(&self) -> Option<&str> {
        self.etag.as_deref()
    }

    /// The offer's id (`id`).
    pub fn id(&self) -> &str {
        self.top_str("id")
    }

    /// The publisher's id (`publisherId`).
    pub fn publisher_id(&self) -> &str {
        self.top_str("publisherId")
    }

    /// The offer type (`offerTypeId`: `microsoft-azure-virtualmachines`, ...).
    pub fn offer_type_id(&self) -> &str {
        self.top_str("offerTypeId")
    }

    /// The offer's status as sent (`neverPublished`, `published`, ...).
    pub fn status(&self) -> &str {
        self.top_str("status")
    }

    /// The offer's version (`version`); 0 when absent or not an integer.
    pub fn version(&self) -> i64 {
        integer(self.document.get("version")).unwrap_or(0)
    }

    /// When the offer last changed (`changedTime`), in UTC; `None` when absent or
    /// unreadable.
    pub fn changed_time(&self) -> Option<DateTime<Utc>> {
        self.document
            .get("changedTime")
            .and_then(Value::as_str)
            .and_then(parse_timestamp)
    }

    /// The offer's display name (`definition.displayText`).
    pub fn display_text(&self) -> &str {
        str_field(self.definition(), "displayText")
    }

    /// The definition (`definition`): `Null` when the document has none.
    pub fn definition(&self) -> &Value {
        self.document.get("definition").unwrap_or(&Value::Null)
    }

    /// The definition, to edit; what is changed here is what gets written. A document
    /// without a definition gets an empty object.
    pub fn definition_mut(&mut self) -> &mut Value {
        self.document
            .entry("definition")
            .or_insert_with(|| Value::Object(Map::new()))
    }

    /// The whole document, as sent, with any edits.
    pub fn document(&self) -> &Map<String, Value> {
        &self.document
    }

    /// The whole document, to edit.
    pub fn document_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.document
    }

    /// The document, without the ETag.
    pub fn into_document(self) -> Map<String, Value> {
        self.document
    }

    /// The document as compact JSON, losslessly: every field, in document order, with
    /// its real values (SAS signatures included). This is the body a write sends.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.document)
            .unwrap_or_else(|_| unreachable!("a JSON map always serializes"))
    }

    /// The document as indented JSON, for people; as lossless as [`Offer::to_json`].
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.document)
            .unwrap_or_else(|_| unreachable!("a JSON map always serializes"))
    }

    /// The document as a [`serde_json::Value`] (a copy).
    pub fn to_value(&self) -> Value {
        Value::Object(self.document.clone())
    }

    fn top_str(&self, key: &str) -> &str {
        self.document.get(key).and_then(Value::as_str).unwrap_or("")
    }
}

impl fmt::Debug for Offer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plans: Vec<Redacted<'_>> = self.plan_ids().into_iter().map(Redacted).collect();
        f.debug_struct("Offer")
            .field("id", &Redacted(self.id()))
            .field("publisher_id", &Redacted(self.publisher_id()))
            .field("offer_type_id", &Redacted(self.offer_type_id()))
            .field("status", &Redacted(self.status()))
            .field("version", &self.version())
            .field("etag", &self.etag.as_deref().map(Redacted))
            .field("display_text", &Redacted(self.display_text()))
            .field("plan_ids", &plans)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_read_leniently() {
        let offer = parse_offer(
            br#"{"id": 7, "version": "12", "changedTime": "yesterday", "definition": []}"#,
        )
        .unwrap();
        assert_eq!(offer.id(), "");
        assert_eq!(offer.version(), 12);
        assert_eq!(offer.changed_time(), None);
        assert_eq!(offer.display_text(), "");
        assert!(offer.plan_ids().is_empty());
        let offer = parse_offer(br#"{"changedTime": "2019-04-30T21:23:31.2134045Z"}"#).unwrap();
        assert_eq!(
            offer.changed_time().map(|t| crate::format_timestamp(&t)),
            Some("2019-04-30T21:23:31.213404500Z".to_owned())
        );
        assert_eq!(offer.definition(), &Value::Null);
    }

    #[test]
    fn definition_mut_creates_an_empty_definition() {
        let mut offer = parse_offer(br#"{"id": "x"}"#).unwrap();
        offer.definition_mut()["displayText"] = "Shown".into();
        assert_eq!(offer.display_text(), "Shown");
        assert_eq!(
            offer.to_json(),
            r#"{"id":"x","definition":{"displayText":"Shown"}}"#
        );
    }

    #[test]
    fn top_level_errors() {
        for (doc, needle) in [
            ("[]", "found an array"),
            ("\"x\"", "found a string"),
            ("null", "found null"),
            ("", "empty"),
            ("{", "line 1"),
        ] {
            let err = parse_offer(doc.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Parse);
            assert!(err.message().contains(needle), "{doc:?}: {err}");
        }
        let err = parse_offers(b"{}").unwrap_err();
        assert!(err.message().contains("found an object"), "{err}");
        assert!(Offer::from_value(Value::Bool(true)).is_err());
        assert_eq!(
            Offer::from_value(serde_json::json!({"id": "a"}))
                .unwrap()
                .id(),
            "a"
        );
    }

    #[test]
    fn equality_counts_the_etag() {
        let a = parse_offer(br#"{"id": "x"}"#).unwrap();
        assert_eq!(a, parse_offer(br#" {"id":"x"} "#).unwrap());
        assert_ne!(a, a.clone().with_etag("1"));
        let mut b = a.clone().with_etag("1");
        b.set_etag(None);
        assert_eq!(a, b);
    }

    #[test]
    fn debug_shows_no_definition_and_no_signature() {
        let offer = parse_offer(
            br#"{"id": "o?sig=s3cr3t", "definition": {"displayText": "D", "secret-ish": "long text",
                 "plans": [{"planId": "p"}]}}"#,
        )
        .unwrap()
        .with_etag("e");
        let shown = format!("{offer:?}");
        assert!(
            !shown.contains("s3cr3t") && shown.contains("sig=REDACTED"),
            "{shown}"
        );
        assert!(!shown.contains("long text"), "{shown}");
        assert!(shown.contains(r#"plan_ids: ["p"]"#), "{shown}");
        assert!(shown.contains(r#"etag: Some("e")"#), "{shown}");
    }
}
