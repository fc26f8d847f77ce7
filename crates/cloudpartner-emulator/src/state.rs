//! The state an emulator's server shares with its handle: the publishers'
//! offers, the faults left to fire, the clock and the recorded requests.
//! Every method takes the lock it needs and lets go before returning.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use serde_json::{Map, Value};

use crate::clock::SimulationClock;
use crate::error_response::ApiError;
use crate::fault::{Fault, FaultKind, FaultTarget};
use crate::location::{LocationForm, OperationAddress, parse_legacy_key, publisher_offer_splits};
use crate::offer_document::{
    Document, OfferDocuments, OfferSlot, Written, check_preconditions, parse_put_body,
};
use crate::offer_state::{OfferState, OperationHandle, notification_emails_of};
use crate::operation::{OperationState, SubmissionType};
use crate::publish::OfferIds;
use crate::recorded_request::RecordedRequest;
use crate::request_log::RequestLog;
use crate::scenario::{ClientCredentials, Scenario};

/// The offers of every publisher.
type Publishers = BTreeMap<String, BTreeMap<String, OfferState>>;

/// Everything the server's handlers read and change.
#[derive(Debug)]
pub(crate) struct EmulatorState {
    /// The bearer token the API accepts.
    pub token: String,
    /// The clients the token endpoint knows.
    pub clients: Vec<ClientCredentials>,
    /// The form of `Location` headers.
    pub location_form: LocationForm,
    /// The emulator's base URL, for absolute locations.
    pub base_url: String,
    /// Whether offers created by a `PUT` leave ETag headers out.
    omit_etag: bool,
    clock: SimulationClock,
    publishers: Mutex<Publishers>,
    faults: Mutex<Vec<Fault>>,
    requests: Mutex<RequestLog>,
}

/// The outcome of looking an offer's status up.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OfferLookup {
    /// The publisher is unknown.
    PublisherNotFound,
    /// The publisher is known, the offer is not.
    OfferNotFound,
    /// The offer's current status document, as JSON text.
    Found(String),
}

/// The faults that fire for one request.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct FaultPlan {
    /// The total delay of the matching latency faults, in milliseconds.
    pub latency_ms: u64,
    /// The fault that answers the request instead of the normal answer.
    pub answer: Option<FaultKind>,
}

/// Which document of an offer to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocumentSelector {
    Slot(OfferSlot),
    Version(u64),
}

/// A document as read, with the ETag to answer with (the draft's, unless
/// the offer omits ETags).
#[derive(Clone, Debug)]
pub(crate) struct ReadDocument {
    pub document: Document,
    pub etag: Option<String>,
}

/// What a `PUT` stored.
#[derive(Clone, Debug)]
pub(crate) struct StoredDocument {
    pub written: Written,
    pub document: Document,
    pub etag: Option<String>,
}

/// Locks a mutex, carrying on with the data if a panicking thread poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The offer, or 404 naming what is missing.
fn offer_mut<'a>(
    publishers: &'a mut Publishers,
    publisher: &str,
    offer: &str,
) -> Result<&'a mut OfferState, ApiError> {
    publishers
        .get_mut(publisher)
        .ok_or_else(|| ApiError::publisher_not_found(publisher))?
        .get_mut(offer)
        .ok_or_else(|| ApiError::offer_not_found(publisher, offer))
}

/// A stable, made-up seller id for a publisher.
fn seller_id(publisher: &str) -> u64 {
    let hash = publisher
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    10_000 + hash % 90_000
}

/// The display text of a publisher: its id with its first letter capitalized.
fn publisher_display_text(publisher: &str) -> String {
    let mut characters = publisher.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}

/// The summary of an offer document in offer lists: the document with a
/// definition reduced to its `displayText`.
fn summary(document: &Document) -> Value {
    let mut summary = document.clone();
    if let Some(definition) = summary.get_mut("definition") {
        let display_text = definition.get("displayText").cloned();
        let mut reduced = Map::new();
        if let Some(display_text) = display_text {
            reduced.insert(String::from("displayText"), display_text);
        }
        *definition = Value::Object(reduced);
    }
    Value::Object(summary)
}

impl EmulatorState {
    /// The state of an emulator serving `scenario` with this time scale at
    /// `base_url`, its clock starting now.
    pub fn new(
        scenario: Scenario,
        time_scale: f64,
        request_log_capacity: usize,
        base_url: String,
    ) -> EmulatorState {
        let now = Utc::now();
        let omit_etag = scenario.omit_etag;
        let publishers = scenario
            .publishers
            .into_iter()
            .map(|(publisher, offers)| {
                let offers = offers
                    .into_iter()
                    .map(|(offer, spec)| (offer, OfferState::from_scenario(spec, omit_etag, now)))
                    .collect();
                (publisher, offers)
            })
            .collect();
        EmulatorState {
            token: scenario.token,
            clients: scenario.clients,
            location_form: scenario.location_form,
            base_url,
            omit_etag,
            clock: SimulationClock::start_now(time_scale),
            publishers: Mutex::new(publishers),
            faults: Mutex::new(scenario.faults),
            requests: Mutex::new(RequestLog::with_capacity(request_log_capacity)),
        }
    }

    /// Runs `f` on the offer, settled to the current time.
    fn with_offer<R>(
        &self,
        publisher: &str,
        offer: &str,
        f: impl FnOnce(&mut OfferState, OfferIds<'_>, &SimulationClock) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let mut publishers = lock(&self.publishers);
        let state = offer_mut(&mut publishers, publisher, offer)?;
        let ids = OfferIds { publisher, offer };
        state.settle(ids, &self.clock);
        f(state, ids, &self.clock)
    }

    /// The current status document of an offer.
    pub fn lookup(&self, publisher: &str, offer: &str) -> OfferLookup {
        let result = self.with_offer(publisher, offer, |state, ids, clock| {
            Ok(state.status_json(ids, clock))
        });
        match result {
            Ok(document) => OfferLookup::Found(document),
            Err(error) if error.code == "PublisherNotFound" => OfferLookup::PublisherNotFound,
            Err(_) => OfferLookup::OfferNotFound,
        }
    }

    /// Adds or replaces an offer's status, served verbatim until its next publish.
    pub fn set_offer_status(&self, publisher: &str, offer: &str, body: String) {
        lock(&self.publishers)
            .entry(publisher.to_owned())
            .or_default()
            .entry(offer.to_owned())
            .and_modify(|state| state.set_fixed_status(body.clone()))
            .or_insert_with(|| OfferState::with_fixed_status(body));
    }

    /// 404 unless the publisher exists.
    pub fn require_publisher(&self, publisher: &str) -> Result<(), ApiError> {
        if lock(&self.publishers).contains_key(publisher) {
            Ok(())
        } else {
            Err(ApiError::publisher_not_found(publisher))
        }
    }

    /// 404 unless the offer exists and has documents.
    pub fn require_offer_document(&self, publisher: &str, offer: &str) -> Result<(), ApiError> {
        self.with_offer(publisher, offer, |state, ids, _| {
            state.documents(ids).map(|_| ())
        })
    }

    /// `GET /api/publishers`.
    pub fn publishers_json(&self) -> Value {
        let publishers = lock(&self.publishers);
        Value::Array(
            publishers
                .keys()
                .map(|publisher| {
                    serde_json::json!({
                        "id": publisher,
                        "version": 1,
                        "definition": {
                            "displayText": publisher_display_text(publisher),
                            "offerTypeCategories": ["vm"],
                            "sellerId": seller_id(publisher),
                        },
                    })
                })
                .collect(),
        )
    }

    /// `GET /api/publishers/{p}/offers`: the summaries of the offers that
    /// have documents, by offer id.
    pub fn offers_json(&self, publisher: &str) -> Result<Value, ApiError> {
        let publishers = lock(&self.publishers);
        let offers = publishers
            .get(publisher)
            .ok_or_else(|| ApiError::publisher_not_found(publisher))?;
        Ok(Value::Array(
            offers
                .values()
                .filter_map(|state| state.documents.as_ref())
                .map(|documents| summary(documents.draft()))
                .collect(),
        ))
    }

    /// An offer's draft, past version or slot.
    pub fn read_document(
        &self,
        publisher: &str,
        offer: &str,
        selector: DocumentSelector,
    ) -> Result<ReadDocument, ApiError> {
        self.with_offer(publisher, offer, |state, ids, _| {
            let documents = state.documents(ids)?;
            let etag = (!state.omit_etag).then(|| documents.etag().to_owned());
            let not_found = |what: String| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    "NotFound",
                    format!("The offer '{offer}' has no {what}."),
                )
            };
            match selector {
                DocumentSelector::Slot(OfferSlot::Draft) => Ok(ReadDocument {
                    document: documents.draft().clone(),
                    etag,
                }),
                DocumentSelector::Slot(slot) => documents
                    .slot(slot)
                    .map(|document| ReadDocument {
                        document: document.clone(),
                        etag: None,
                    })
                    .ok_or_else(|| {
                        not_found(format!(
                            "document in the {} slot: it was never {}",
                            slot.name(),
                            match slot {
                                OfferSlot::Preview => "published",
                                _ => "taken live",
                            }
                        ))
                    }),
                DocumentSelector::Version(version) => documents
                    .version(version)
                    .map(|document| ReadDocument {
                        document: document.clone(),
                        etag: None,
                    })
                    .ok_or_else(|| not_found(format!("version {version}"))),
            }
        })
    }

    /// `PUT`: checks the body and the preconditions, then stores the document.
    pub fn put_document(
        &self,
        publisher: &str,
        offer: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<StoredDocument, ApiError> {
        let document = parse_put_body(body, publisher, offer)?;
        let mut publishers = lock(&self.publishers);
        let offers = publishers
            .get_mut(publisher)
            .ok_or_else(|| ApiError::publisher_not_found(publisher))?;
        let now = Utc::now();
        let current_etag = offers
            .get(offer)
            .and_then(|state| state.documents.as_ref())
            .map(|documents| documents.etag().to_owned());
        let written = check_preconditions(current_etag.as_deref(), headers)?;
        let stored = write_document(offers, offer, document, self.omit_etag, now);
        Ok(StoredDocument {
            written,
            document: stored.0,
            etag: stored.1,
        })
    }

    /// The handle's write: stores `document` as the offer's next draft
    /// version, creating the publisher and offer when new.
    pub fn set_offer_document(&self, publisher: &str, offer: &str, document: Document) -> Document {
        let now = Utc::now();
        let mut publishers = lock(&self.publishers);
        let offers = publishers.entry(publisher.to_owned()).or_default();
        write_document(offers, offer, document, self.omit_etag, now).0
    }

    /// The document in a slot, for the handle.
    pub fn slot_document(&self, publisher: &str, offer: &str, slot: OfferSlot) -> Option<Document> {
        self.with_offer(publisher, offer, |state, _, _| {
            Ok(state.slot(slot).cloned())
        })
        .ok()
        .flatten()
    }

    /// The draft's ETag, for the handle.
    pub fn offer_etag(&self, publisher: &str, offer: &str) -> Option<String> {
        self.with_offer(publisher, offer, |state, _, _| {
            Ok(state
                .documents
                .as_ref()
                .map(|documents| documents.etag().to_owned()))
        })
        .ok()
        .flatten()
    }

    /// `POST …/publish`.
    pub fn publish(
        &self,
        publisher: &str,
        offer: &str,
        body: &[u8],
    ) -> Result<OperationHandle, ApiError> {
        let emails = notification_emails_of(body)?;
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.publish(ids, clock, emails)
        })
    }

    /// `POST …/golive`.
    pub fn go_live(
        &self,
        publisher: &str,
        offer: &str,
        body: &[u8],
    ) -> Result<OperationHandle, ApiError> {
        let emails = notification_emails_of(body)?;
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.go_live(ids, clock, emails)
        })
    }

    /// `POST …/cancel`; `None` when nothing was running.
    pub fn cancel(
        &self,
        publisher: &str,
        offer: &str,
        body: &[u8],
    ) -> Result<Option<OperationHandle>, ApiError> {
        notification_emails_of(body)?;
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.cancel(ids, clock)
        })
    }

    /// `GET …/submissions`.
    pub fn operations(
        &self,
        publisher: &str,
        offer: &str,
        filter: Option<OperationState>,
    ) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.documents(ids)?;
            Ok(Value::Array(state.operations(ids, clock, filter)))
        })
    }

    /// `GET …/operations/{id}`.
    pub fn operation(&self, publisher: &str, offer: &str, id: &str) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.documents(ids)?;
            state
                .operation(ids, clock, id)
                .ok_or_else(|| operation_not_found(id))
        })
    }

    /// Resolves a legacy operation key `{p}${o}${n}${slot}` to the publisher,
    /// offer, publishing version and operation type it names.
    pub fn resolve_legacy_key(
        &self,
        key: &str,
    ) -> Result<(String, String, u64, SubmissionType), ApiError> {
        let (ids, publishing_version, slot) =
            parse_legacy_key(key).ok_or_else(|| operation_not_found(key))?;
        let kind = SubmissionType::of_slot(slot).ok_or_else(|| operation_not_found(key))?;
        let publishers = lock(&self.publishers);
        publisher_offer_splits(ids)
            .find(|(publisher, offer)| {
                publishers
                    .get(*publisher)
                    .is_some_and(|offers| offers.contains_key(*offer))
            })
            .map(|(publisher, offer)| {
                (
                    publisher.to_owned(),
                    offer.to_owned(),
                    publishing_version,
                    kind,
                )
            })
            .ok_or_else(|| operation_not_found(key))
    }

    /// The operation a legacy key names.
    pub fn operation_of_release(
        &self,
        publisher: &str,
        offer: &str,
        publishing_version: u64,
        kind: SubmissionType,
    ) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state
                .operation_of_release(ids, clock, publishing_version, kind)
                .ok_or_else(|| {
                    operation_not_found(&format!(
                        "{publisher}${offer}${publishing_version}${}",
                        kind.slot()
                    ))
                })
        })
    }

    /// Where `Location` headers point for this operation.
    pub fn location_of(&self, publisher: &str, offer: &str, handle: &OperationHandle) -> String {
        self.location_form.location(
            OperationAddress {
                publisher,
                offer,
                operation_id: &handle.id,
                publishing_version: handle.publishing_version,
                slot: handle.kind.slot(),
            },
            &self.base_url,
        )
    }

    /// Appends a fault.
    pub fn add_fault(&self, fault: Fault) {
        lock(&self.faults).push(fault);
    }

    /// Picks the faults that fire for a request and uses up their firings:
    /// every matching latency fault, and the first other matching fault.
    pub fn fire_faults(&self, target: &FaultTarget<'_>) -> FaultPlan {
        let mut plan = FaultPlan::default();
        for fault in lock(&self.faults).iter_mut() {
            if !fault.applies_to(target) {
                continue;
            }
            match &fault.kind {
                FaultKind::Latency { ms } => {
                    plan.latency_ms = plan.latency_ms.saturating_add(*ms);
                    fault.fire();
                }
                kind if plan.answer.is_none() => {
                    plan.answer = Some(kind.clone());
                    fault.fire();
                }
                _ => {}
            }
        }
        plan
    }

    /// Records a received request.
    pub fn record(&self, request: RecordedRequest) {
        lock(&self.requests).push(request);
    }

    /// The requests in the log, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).to_vec()
    }
}

/// Writes `document` as the next draft of an offer (creating the offer, or
/// its documents, when new), returning what was stored and the ETag to
/// answer with.
fn write_document(
    offers: &mut BTreeMap<String, OfferState>,
    offer: &str,
    document: Document,
    omit_etag: bool,
    now: chrono::DateTime<Utc>,
) -> (Document, Option<String>) {
    let state = match offers.entry(offer.to_owned()) {
        std::collections::btree_map::Entry::Occupied(entry) => {
            let state = entry.into_mut();
            match state.documents.as_mut() {
                Some(documents) => {
                    documents.write(document, now);
                }
                None => state.documents = Some(OfferDocuments::created(document, now)),
            }
            state
        }
        std::collections::btree_map::Entry::Vacant(entry) => {
            entry.insert(OfferState::created(document, omit_etag, now))
        }
    };
    match state.documents.as_ref() {
        Some(documents) => (
            documents.draft().clone(),
            (!state.omit_etag).then(|| documents.etag().to_owned()),
        ),
        None => (Map::new(), None),
    }
}

/// 404 `OperationNotFound`.
fn operation_not_found(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "OperationNotFound",
        format!("The operation '{id}' was not found."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(faults: &str) -> EmulatorState {
        let scenario = Scenario::from_json_str(&format!(
            r#"{{"publishers":{{"p":{{"offers":{{"o":{{"status":{{"status":"succeeded"}}}}}}}}}},"faults":{faults}}}"#
        ))
        .unwrap();
        EmulatorState::new(scenario, 1.0, 10, String::from("http://127.0.0.1:1"))
    }

    #[test]
    fn lookups_tell_unknown_publishers_from_unknown_offers() {
        let state = state_with("[]");
        assert_eq!(state.lookup("x", "o"), OfferLookup::PublisherNotFound);
        assert_eq!(state.lookup("p", "x"), OfferLookup::OfferNotFound);
        assert_eq!(
            state.lookup("p", "o"),
            OfferLookup::Found(String::from(r#"{"status":"succeeded"}"#))
        );
        state.set_offer_status("new", "n", String::from("{}"));
        assert_eq!(
            state.lookup("new", "n"),
            OfferLookup::Found(String::from("{}"))
        );
    }

    #[test]
    fn latency_adds_up_and_the_first_other_fault_answers() {
        let state = state_with(
            r#"[{"kind":"latency","ms":5},{"kind":"status","status":503,"times":1},
                {"kind":"latency","ms":7,"times":1},{"kind":"reset","offerId":"o"}]"#,
        );
        let target = |offer| FaultTarget {
            route: crate::fault::FaultRoute::Status,
            method: "GET",
            publisher: Some("p"),
            offer: Some(offer),
        };
        let first = state.fire_faults(&target("o"));
        assert_eq!(first.latency_ms, 12);
        assert_eq!(
            first.answer,
            Some(FaultKind::Status {
                status: 503,
                retry_after_seconds: None
            })
        );
        let second = state.fire_faults(&target("o"));
        assert_eq!(second.latency_ms, 5);
        assert_eq!(second.answer, Some(FaultKind::Reset));
        let other_offer = state.fire_faults(&target("other"));
        assert_eq!(other_offer.answer, None);
    }

    #[test]
    fn summaries_keep_only_the_display_text() {
        let document = match serde_json::json!({"id": "o", "definition": {"displayText": "O", "plans": []}, "z": 1})
        {
            Value::Object(document) => document,
            _ => unreachable!(),
        };
        assert_eq!(
            summary(&document).to_string(),
            r#"{"id":"o","definition":{"displayText":"O"},"z":1}"#
        );
    }

    #[test]
    fn seller_ids_are_stable_five_digit_numbers() {
        assert_eq!(seller_id("contoso"), seller_id("contoso"));
        assert!((10_000..100_000).contains(&seller_id("contoso")));
        assert_eq!(publisher_display_text("contoso"), "Contoso");
    }
}
