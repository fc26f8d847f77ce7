//! The CPP API's state, shared by its handlers and the emulator handle: the
//! publishers' offers. Every method takes the lock it needs and lets go
//! before returning.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use serde_json::Map;

use crate::clock::SimulationClock;
use crate::cpp::location::LocationForm;
use crate::cpp::offer::{OfferState, OperationHandle, notification_emails_of};
use crate::cpp::offer_document::{
    Document, OfferDocuments, OfferSlot, Written, check_preconditions, parse_put_body,
};
use crate::cpp::publish_simulation::OfferIds;
use crate::cpp::scenario_part::CppScenario;
use crate::http::error_response::ApiError;
use crate::lock::lock;

/// The offers of every publisher.
pub(crate) type Publishers = BTreeMap<String, BTreeMap<String, OfferState>>;

/// Everything the CPP API's handlers read and change.
#[derive(Debug)]
pub(crate) struct OfferStore {
    /// The form of `Location` headers.
    pub location_form: LocationForm,
    /// The emulator's base URL, for absolute locations.
    pub base_url: String,
    /// Whether offers created by a `PUT` leave ETag headers out.
    omit_etag: bool,
    pub(crate) clock: SimulationClock,
    pub(crate) publishers: Mutex<Publishers>,
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

impl OfferStore {
    /// The offers of `scenario`, played on `clock`, with absolute locations
    /// at `base_url`.
    pub fn new(scenario: CppScenario, clock: SimulationClock, base_url: String) -> OfferStore {
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
        OfferStore {
            location_form: scenario.location_form,
            base_url,
            omit_etag,
            clock,
            publishers: Mutex::new(publishers),
        }
    }

    /// Runs `f` on the offer, settled to the current time.
    pub(crate) fn with_offer<R>(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(faults: &str) -> OfferStore {
        let scenario: crate::Scenario = serde_json::from_str(&format!(
            r#"{{"publishers":{{"p":{{"offers":{{"o":{{"status":{{"status":"succeeded"}}}}}}}}}},"faults":{faults}}}"#
        ))
        .unwrap();
        OfferStore::new(
            scenario.apis.cpp,
            SimulationClock::start_now(1.0),
            String::from("http://127.0.0.1:1"),
        )
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
}
