//! A local emulator of the Azure Marketplace **Cloud Partner Portal API**: a
//! real HTTP server on `127.0.0.1` that answers the publishing API like the
//! service — offer status, offers as resources with state (drafts, ETags,
//! versions, slots), publish, go-live, cancel and their operations — plus
//! the Microsoft Entra client-credentials token endpoints, so publishing
//! scripts and clients (in any language) can be tested without Azure.
//!
//! What it serves comes from a [`Scenario`]: status documents (fixed, or
//! publishes simulated on a scalable clock), offer documents, the clients
//! the token endpoint knows, and [`Fault`]s (error statuses, latency, broken
//! bodies, dropped connections, redirects…). Without one it serves
//! [`Scenario::default_scenario`]: publisher `contoso` with an offer in every
//! state, `vm-offer` (a publish that starts with the emulator) and
//! `vm-release` (a VM offer never published, for whole releases).
//!
//! ```
//! use cloudpartner_emulator::Emulator;
//!
//! #[tokio::main]
//! async fn main() -> std::io::Result<()> {
//!     let emulator = Emulator::builder().time_scale(10_000.0).start().await?;
//!     println!("{}/api/publishers/contoso/offers/vm-offer/status?api-version=2017-10-31", emulator.base_url());
//!     println!("Authorization: Bearer {}", emulator.token());
//!     emulator.stop().await;
//!     Ok(())
//! }
//! ```
//!
//! # Routes
//!
//! Every route under `/api/` needs `Authorization: Bearer <token>` (401
//! otherwise) and `?api-version=2017-10-31` (400 `InvalidAPIVersion`
//! otherwise); errors are `{"error": {"code", "message"}}`; every response
//! carries a fresh `x-ms-request-id` and echoes `x-ms-client-request-id`.
//!
//! | route | answer |
//! |---|---|
//! | `GET /api/publishers` | `[{id, version, definition: {displayText, offerTypeCategories, sellerId}}]` |
//! | `GET /api/publishers/{p}/offers` | the offer documents as summaries (`definition` reduced to `displayText`), by offer id |
//! | `GET /api/publishers/{p}/offers/{o}` | the draft, with `ETag` |
//! | `GET …/offers/{o}/versions/{n}` | the draft at version `n`; 404 when unknown |
//! | `GET …/offers/{o}/slot/{Draft\|Preview\|Production}` | case-insensitive; 404 when the slot is empty |
//! | `PUT /api/publishers/{p}/offers/{o}` | 201 new / 200 replaced, the stored document and its `ETag` |
//! | `GET …/offers/{o}/status` | the offer status document |
//! | `POST …/offers/{o}/publish` | 202 with `Location` and `Operation-Location` |
//! | `POST …/offers/{o}/golive` | 202 likewise |
//! | `POST …/offers/{o}/cancel` | 202 naming the canceled operation, or 200 (empty body) when nothing runs |
//! | `GET …/offers/{o}/submissions[?status=S \| ?submissionState=S]` | `[operation]`, oldest first |
//! | `GET …/offers/{o}/operations/{id}` | one operation |
//! | `GET /api/operations/{p}${o}${n}${slot}` | one operation, legacy form (`$` may be `%24`) |
//!
//! An offer that only has a status (no offer document) is 404
//! `OfferNotFound` on every route but `/status`.
//!
//! ## Writes
//!
//! A `PUT` body must be a JSON object whose `id` and `publisherId`, when
//! present, are the path's (400 otherwise). Preconditions: on a new offer,
//! none or `If-None-Match: *` creates it (201) and `If-Match` is 412; on an
//! existing offer, `If-Match: *` or its current ETag replaces it (200),
//! another ETag is 412 `PreconditionFailed`, `If-None-Match: *` is 412, and
//! no precondition is 409 `InvalidResourceId`. The document is stored as
//! sent — every field, in order — with `version` bumped and `changedTime`
//! set (ISO 8601 UTC, 7 fractional digits) in place; each write gets a fresh
//! weak ETag, `W/"datetime'2026-12-01T20%3A59%3A26.1234567Z'"`. Past
//! versions stay readable under `/versions/{n}`. A `PUT` cannot create a
//! publisher (404).
//!
//! ## Releases
//!
//! `publish` (body optional: `{"metadata": {"notification-emails": "a@x.com,b@y.com"}}`)
//! is 409 `OperationInProgress` while an operation runs, and 422
//! `InvalidOffer` when a plan (or a disk generation) of a VM offer
//! (`microsoft-azure-virtualmachines`, `microsoft-azure-corevm`) has no image
//! version, or an `osVhdUrl` / `lunVhdUrl` is not https — the message names
//! the plan and version. Otherwise it copies the draft to preview and plays
//! the offer's steps on the emulator's clock (the scenario's `publish.steps`
//! next to `offer`, else the six steps of a VM offer). The publish plays
//! the steps up to the first `waitingForPublisherReview` step (a default
//! *Publisher signoff* is added when there is none) and parks there: its
//! operation is then `completed` and the offer status
//! `waitingForPublisherReview`. A rejected step fails the offer and the
//! operation (`failed`, `error` holding the step's message as text).
//!
//! `golive` is accepted only while the last publish waits for review (409
//! `InvalidOfferState` otherwise, `OperationInProgress` while one runs); it
//! plays the remaining steps (the default *Live* when there are none); when
//! they complete the offer status is `succeeded`, the go-live operation
//! `completed` and preview is copied to production.
//!
//! `cancel` cancels the running operation at once: it becomes `canceled`
//! (`cancellationRequestState` `canceled`), the offer status `canceled` with
//! the running step `canceled`; the 202's locations name that operation.
//! An offer can be published again after a cancel or a failure.
//!
//! Before its first publish through the API an offer's status is what the
//! scenario gives (its `status` or simulated `publish`, else
//! `neverPublished`); from then on it is the latest release's, live.
//! [`Emulator::set_offer_status`] overrides it until the next publish. A
//! go-live on an offer whose *scenario* status waits for review (such as the
//! default `review-offer`) is 409: only a publish through the API can be
//! taken live.
//!
//! ## Operations
//!
//! ```json
//! {
//!   "id": "0f6c1c1e-…", "offerId": "vm-release", "publisherId": "contoso",
//!   "offerTypeId": "microsoft-azure-virtualmachines",
//!   "offerVersion": 2, "publishingVersion": 1,
//!   "submissionType": "publish",            // or "goLive"
//!   "submissionState": "running",           // notStarted, running, completed, failed, canceled
//!   "slot": "preview",                      // "production" for goLive
//!   "createdDateTime": "2026-12-01T20:59:26.1234567Z",
//!   "lastActionDateTime": "2026-12-01T20:59:27.0000000Z",
//!   "cancellationRequestState": "canCancel", // cannotCancel once ended, canceled after a cancel
//!   "error": null,                          // the rejected step's message (text) when failed
//!   "status": "running",                    // the same as submissionState
//!   "messages": [], "steps": [ … ], "previewLinks": [ … ], "liveLinks": [ … ],
//!   "notificationEmails": "a@x.com,b@y.com"
//! }
//! ```
//!
//! `steps`, `messages` and links are the offer-status shape as this
//! operation sees it (a publish does not see its go-live). Submission filters
//! are read leniently (`running`, `Running`, `in progress`, `completed`,
//! `complete`, `succeeded`, `cancelled`…); an unknown one is 400.
//!
//! ## Location forms
//!
//! [`LocationForm`], scenario field `locationForm` or
//! [`EmulatorBuilder::location_form`]; `Location` and `Operation-Location`
//! always carry the same value:
//!
//! - `operations` (default): `/api/publishers/{p}/offers/{o}/operations/{guid}?api-version=2017-10-31`
//! - `legacy`: `/api/operations/{p}${o}${n}${slot}?api-version=2017-10-31`,
//!   `n` the publishing version, `slot` `preview` (publish) or `production` (go-live)
//! - `absolute`: the operations form as `http://127.0.0.1:PORT/api/publishers/…`
//!
//! # Scenarios
//!
//! ```json
//! {
//!   "token": "emulator-token",
//!   "timeScale": 1.0,
//!   "locationForm": "operations",
//!   "omitEtag": false,
//!   "clients": [{"tenant": "t1", "clientId": "c1", "clientSecret": "s1"}],
//!   "publishers": {"contoso": {"offers": {
//!     "fixed-offer": {"status": {"status": "succeeded", "steps": []}},
//!     "vm-offer": {"publish": {"startedSecondsAgo": 0, "steps": [
//!       {"id": "displaycertify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days",
//!        "durationSeconds": 172800, "outcome": "rejected", "message": "<p>…</p>"}]}},
//!     "my-vm": {"offer": {"offerTypeId": "microsoft-azure-virtualmachines", "id": "my-vm", "…": "…"},
//!               "omitEtag": true,
//!               "notificationEmails": "team@contoso.com",
//!               "publish": {"steps": [ … ]}}
//!   }}},
//!   "faults": [{"kind": "status", "status": 503, "route": "publish", "method": "POST", "times": 1}]
//! }
//! ```
//!
//! - An offer without `offer` has exactly one of `status` (a fixed document
//!   served verbatim) and `publish` (a simulated publish from the
//!   emulator's start; `outcome` `complete`, `rejected` or
//!   `waitingForPublisherReview`).
//! - `offer` is the offer's draft document, stored and served losslessly; its
//!   `id` / `publisherId`, when present, must match its keys, its `version`
//!   (1 when absent) must be a whole number. Next to it, `status` is the
//!   status served until the first publish (default `neverPublished`),
//!   `publish.steps` are the steps a publish plays (`startedSecondsAgo` does
//!   not apply), `notificationEmails` the default for publishes whose
//!   request names none, and `omitEtag` overrides the top-level one.
//! - `omitEtag` (top level, or per offer with an `offer`): leave `ETag`
//!   headers out, as the service sometimes does.
//! - `locationForm`: see above.
//! - Unknown fields are errors that name the field's path.
//!
//! # Faults
//!
//! Faults apply to every API route after its request and not-found checks
//! (not to the token endpoints). See [`Fault`] for the filters (`route`,
//! `method`, `offerId`, `publisherId`, `times`) and for whether a faulted
//! write acted: `status`, `html`, `reset` and `redirect` answer *instead of*
//! the route (a 500 or 503 publish did not publish), `malformed`,
//! `slowBody` and `oversize` break the response of a route that did act.
//!
//! # Inspecting
//!
//! [`Emulator::requests`] gives the last requests received (a ring of
//! [`EmulatorBuilder::request_log_capacity`], default 1000): method, path,
//! query, headers (`Authorization` redacted unless it carries the
//! emulator's token) and the body of API writes.
//! [`Emulator::offer_document`] shows what the service stored;
//! [`Emulator::set_offer_document`] writes as a second writer would. Both,
//! and the request log, stay readable after [`Emulator::stop`].

#![warn(missing_docs)]

mod api;
mod apis;
mod auth;
mod clock;
mod cpp;
mod emulator;
mod emulator_client;
mod faults;
mod http;
mod ingestion;
mod lock;
mod scenario;

pub use cpp::default_scenario::DEFAULT_PUBLISH_SECONDS;
pub use cpp::location::LocationForm;
pub use cpp::offer_document::OfferSlot;
pub use emulator::{Emulator, EmulatorBuilder, NotAnObject};
pub use faults::fault::Fault;
pub use faults::fault_kind::FaultKind;
pub use faults::fault_route::FaultRoute;
pub use http::recorded_request::{REDACTED, RecordedRequest};
pub use http::request_log::DEFAULT_REQUEST_LOG_CAPACITY;
pub use scenario::scenario_error::ScenarioError;
pub use scenario::{DEFAULT_TOKEN, Scenario};

/// The api-version the emulated API accepts: `2017-10-31`.
pub const API_VERSION: &str = http::request_checks::API_VERSION;
