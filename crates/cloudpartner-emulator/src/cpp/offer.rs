//! One offer at run time: what its status route serves, its documents, and
//! the releases (publish, go-live) made through the publishing API.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::clock::{SimulationClock, format_timestamp};
use crate::cpp::default_scenario::default_release_steps;
use crate::cpp::offer_document::{Document, OfferDocuments, OfferSlot};
use crate::cpp::operation_kinds::{OperationState, SubmissionType};
use crate::cpp::publish_simulation::{OfferIds, SimulatedStep};
use crate::cpp::publish_validation::validate_for_publish;
use crate::cpp::release_through_api::Release;
use crate::cpp::scenario_offer::{ScenarioOffer, StatusSource};
use crate::cpp::status_document::OfferDocument;
use crate::http::error_response::ApiError;

/// What the status route of an offer serves.
#[derive(Clone, Debug)]
enum ServedStatus {
    /// What the scenario (or [`crate::Emulator::set_offer_status`]) gave.
    Scenario(StatusSource),
    /// The latest release made through the API.
    LatestRelease,
}

/// An operation that was just started or canceled: what a `Location`
/// header names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OperationHandle {
    pub id: String,
    pub publishing_version: u64,
    pub kind: SubmissionType,
}

/// One offer's state.
#[derive(Clone, Debug)]
pub(crate) struct OfferState {
    served: ServedStatus,
    /// The offer's documents; `None` for an offer that only has a status.
    pub documents: Option<OfferDocuments>,
    release_steps: Option<Vec<SimulatedStep>>,
    notification_emails: String,
    /// Whether the offer's responses leave the ETag header out.
    pub omit_etag: bool,
    releases: Vec<Release>,
}

/// The status document of an offer that was never published.
fn never_published() -> OfferDocument {
    OfferDocument {
        status: "neverPublished",
        messages: Vec::new(),
        steps: Vec::new(),
        preview_links: Vec::new(),
        live_links: Vec::new(),
        notification_emails: String::new(),
    }
}

/// The notification emails a publish, go-live or cancel body names:
/// `{"metadata": {"notification-emails": "a@x.com,b@y.com"}}`. An empty body
/// names none; a body that is not JSON is a 400.
pub(crate) fn notification_emails_of(body: &[u8]) -> Result<Option<String>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let value: Value = serde_json::from_slice(body).map_err(|error| {
        ApiError::bad_request(format!("The request body is not valid JSON: {error}."))
    })?;
    Ok(value
        .get("metadata")
        .and_then(|metadata| metadata.get("notification-emails"))
        .and_then(Value::as_str)
        .map(str::to_owned))
}

/// Which slots a scenario offer's status says were filled before the
/// emulator started.
struct PublishedSlots {
    preview: bool,
    production: bool,
}

/// The slots a fixed status document's `status` implies: `succeeded` fills
/// preview and production, `waitingForPublisherReview` preview; anything
/// else, none.
fn published_slots(status: &StatusSource) -> PublishedSlots {
    let state = match status {
        StatusSource::Fixed { body } => serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|document| document.get("status")?.as_str().map(str::to_owned)),
        _ => None,
    };
    PublishedSlots {
        preview: matches!(
            state.as_deref(),
            Some("succeeded" | "waitingForPublisherReview")
        ),
        production: state.as_deref() == Some("succeeded"),
    }
}

impl OfferState {
    /// The state of a scenario offer; `omit_etag` is the scenario's default.
    ///
    /// An offer whose fixed status says it went live (`succeeded`) was
    /// published and went live with its document: its preview and
    /// production slots hold it too; one waiting for the publisher's review
    /// has it in preview.
    pub fn from_scenario(offer: ScenarioOffer, omit_etag: bool, now: DateTime<Utc>) -> OfferState {
        let published = published_slots(&offer.status);
        OfferState {
            documents: offer.document.map(|document| {
                let mut documents = OfferDocuments::from_scenario(document, now);
                let draft = documents.draft().clone();
                if published.preview {
                    documents.set_preview(draft.clone());
                }
                if published.production {
                    documents.set_production(draft);
                }
                documents
            }),
            served: ServedStatus::Scenario(offer.status),
            release_steps: offer.release_steps,
            notification_emails: offer.notification_emails,
            omit_etag: offer.omit_etag.unwrap_or(omit_etag),
            releases: Vec::new(),
        }
    }

    /// An offer created by a write, never published.
    pub fn created(document: Document, omit_etag: bool, now: DateTime<Utc>) -> OfferState {
        OfferState {
            served: ServedStatus::Scenario(StatusSource::NeverPublished),
            documents: Some(OfferDocuments::created(document, now)),
            release_steps: None,
            notification_emails: String::new(),
            omit_etag,
            releases: Vec::new(),
        }
    }

    /// An offer that only has a fixed status document.
    pub fn with_fixed_status(body: String) -> OfferState {
        OfferState {
            served: ServedStatus::Scenario(StatusSource::Fixed { body }),
            documents: None,
            release_steps: None,
            notification_emails: String::new(),
            omit_etag: false,
            releases: Vec::new(),
        }
    }

    /// Serves `body` verbatim from the status route, until the next publish.
    pub fn set_fixed_status(&mut self, body: String) {
        self.served = ServedStatus::Scenario(StatusSource::Fixed { body });
    }

    /// The status document at the clock's current time, as JSON text.
    pub fn status_json(&self, ids: OfferIds<'_>, clock: &SimulationClock) -> String {
        match &self.served {
            ServedStatus::Scenario(StatusSource::Fixed { body }) => body.clone(),
            ServedStatus::Scenario(StatusSource::Simulated { publish }) => {
                let started_seconds_ago = publish.started_seconds_ago;
                publish
                    .render(
                        ids,
                        &self.notification_emails,
                        clock.publish_time(started_seconds_ago),
                        |seconds| format_timestamp(clock.wall_time(started_seconds_ago, seconds)),
                    )
                    .to_json()
            }
            ServedStatus::Scenario(StatusSource::NeverPublished) => never_published().to_json(),
            ServedStatus::LatestRelease => match self.releases.last() {
                Some(release) => release.status_document(ids, clock, clock.now()).to_json(),
                None => never_published().to_json(),
            },
        }
    }

    /// Carries out what time made due: the production slot of a go-live
    /// that completed.
    pub fn settle(&mut self, ids: OfferIds<'_>, clock: &SimulationClock) {
        let now = clock.now();
        let Some(documents) = self.documents.as_mut() else {
            return;
        };
        for release in self.releases.iter_mut().filter(|release| !release.promoted) {
            if release.state(SubmissionType::GoLive, ids, clock, now)
                == Some(OperationState::Completed)
            {
                let mut live = release.preview.clone();
                // What is live is published; the document keeps its key order.
                if let Some(status) = live.get_mut("status") {
                    *status = "published".into();
                }
                documents.set_production(live);
                release.promoted = true;
            }
        }
    }

    /// The offer's documents, or 404 `OfferNotFound` when it has none.
    pub fn documents(&self, ids: OfferIds<'_>) -> Result<&OfferDocuments, ApiError> {
        self.documents
            .as_ref()
            .ok_or_else(|| ApiError::offer_not_found(ids.publisher, ids.offer))
    }

    /// The operation running now, if any.
    fn running(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
    ) -> Option<(usize, SubmissionType)> {
        let index = self.releases.len().checked_sub(1)?;
        self.releases[index]
            .running(ids, clock, clock.now())
            .map(|kind| (index, kind))
    }

    /// The 409 `OperationInProgress` error, when an operation runs.
    fn fail_if_running(&self, ids: OfferIds<'_>, clock: &SimulationClock) -> Result<(), ApiError> {
        match self.running(ids, clock) {
            Some((index, kind)) => Err(ApiError::new(
                StatusCode::CONFLICT,
                "OperationInProgress",
                format!(
                    "The {} operation {} is still running on the offer '{}'. Wait for it to end or cancel it.",
                    kind.name(),
                    self.releases[index]
                        .operation(kind)
                        .map(|operation| operation.id.as_str())
                        .unwrap_or_default(),
                    ids.offer
                ),
            )),
            None => Ok(()),
        }
    }

    /// Publishes the draft: checks it (409 while an operation runs, 422 when
    /// it is not valid), copies it to preview and starts a release.
    pub fn publish(
        &mut self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        notification_emails: Option<String>,
    ) -> Result<OperationHandle, ApiError> {
        self.fail_if_running(ids, clock)?;
        let documents = self
            .documents
            .as_mut()
            .ok_or_else(|| ApiError::offer_not_found(ids.publisher, ids.offer))?;
        validate_for_publish(documents.draft())?;
        let draft = documents.draft().clone();
        let offer_version = documents.draft_version();
        documents.set_preview(draft.clone());
        let release = Release::start(
            self.releases.len() as u64 + 1,
            offer_version,
            self.release_steps
                .clone()
                .unwrap_or_else(default_release_steps),
            notification_emails.unwrap_or_else(|| self.notification_emails.clone()),
            draft,
            clock,
        );
        let handle = OperationHandle {
            id: release.publish.id.clone(),
            publishing_version: release.publishing_version,
            kind: SubmissionType::Publish,
        };
        self.releases.push(release);
        self.served = ServedStatus::LatestRelease;
        Ok(handle)
    }

    /// Starts the go-live of the release waiting for review (409 otherwise).
    pub fn go_live(
        &mut self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        notification_emails: Option<String>,
    ) -> Result<OperationHandle, ApiError> {
        self.documents(ids)?;
        self.fail_if_running(ids, clock)?;
        let now = clock.now();
        let release = self
            .releases
            .last_mut()
            .filter(|release| release.awaits_review(ids, clock, now))
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::CONFLICT,
                    "InvalidOfferState",
                    format!(
                        "The offer '{}' is not waiting for publisher review: publish it and wait for the review first.",
                        ids.offer
                    ),
                )
            })?;
        if let Some(emails) = notification_emails {
            release.notification_emails = emails;
        }
        let id = release.start_go_live(clock).id.clone();
        self.served = ServedStatus::LatestRelease;
        Ok(OperationHandle {
            id,
            publishing_version: release.publishing_version,
            kind: SubmissionType::GoLive,
        })
    }

    /// Cancels the running operation; `None` when nothing runs.
    pub fn cancel(
        &mut self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
    ) -> Result<Option<OperationHandle>, ApiError> {
        self.documents(ids)?;
        let Some((index, kind)) = self.running(ids, clock) else {
            return Ok(None);
        };
        let release = &mut self.releases[index];
        release.cancel(kind, clock);
        let id = release
            .operation(kind)
            .map(|operation| operation.id.clone())
            .unwrap_or_default();
        Ok(Some(OperationHandle {
            id,
            publishing_version: release.publishing_version,
            kind,
        }))
    }

    /// Every operation, oldest first, optionally only those in one state.
    pub fn operations(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        state: Option<OperationState>,
    ) -> Vec<Value> {
        let now = clock.now();
        self.releases
            .iter()
            .flat_map(|release| {
                [SubmissionType::Publish, SubmissionType::GoLive]
                    .into_iter()
                    .filter(move |kind| {
                        release.operation(*kind).is_some()
                            && state.is_none_or(|state| {
                                release.state(*kind, ids, clock, now) == Some(state)
                            })
                    })
                    .filter_map(move |kind| release.operation_json(kind, ids, clock, now))
            })
            .collect()
    }

    /// The operation with this id.
    pub fn operation(&self, ids: OfferIds<'_>, clock: &SimulationClock, id: &str) -> Option<Value> {
        self.releases.iter().find_map(|release| {
            [SubmissionType::Publish, SubmissionType::GoLive]
                .into_iter()
                .find(|kind| {
                    release
                        .operation(*kind)
                        .is_some_and(|operation| operation.id.eq_ignore_ascii_case(id))
                })
                .and_then(|kind| release.operation_json(kind, ids, clock, clock.now()))
        })
    }

    /// The operation of this type of the release with this publishing version.
    pub fn operation_of_release(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        publishing_version: u64,
        kind: SubmissionType,
    ) -> Option<Value> {
        self.releases
            .iter()
            .find(|release| release.publishing_version == publishing_version)
            .and_then(|release| release.operation_json(kind, ids, clock, clock.now()))
    }

    /// The document in a slot, settled first.
    pub fn slot(&self, slot: OfferSlot) -> Option<&Document> {
        self.documents.as_ref()?.slot(slot)
    }
}
