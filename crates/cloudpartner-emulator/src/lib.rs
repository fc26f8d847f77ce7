//! A local emulator of the Azure Marketplace publishing APIs: a real HTTP
//! server on `127.0.0.1` that answers the **Cloud Partner Portal API** like
//! the service — offer status, offers as resources with state (drafts, ETags,
//! versions, slots), publish, go-live, cancel and their operations — and the
//! **Product Ingestion API** under `/rp/product-ingestion/` (products,
//! resource trees, configure jobs, submissions; see [Product
//! Ingestion](#product-ingestion)), plus the Microsoft Entra
//! client-credentials token endpoints, so publishing scripts and clients (in
//! any language) can be tested without Azure.
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
//!
//! # Product Ingestion
//!
//! The Product Ingestion API (DESIGN §10) is served under
//! [`Emulator::ingestion_base_url`], `<base_url>/rp/product-ingestion`, by
//! the same server, faithfully enough for SUSE's azure-img-utils 2.x and Red
//! Hat's cloudpub to run unchanged. It accepts what they send: `//` in paths
//! (and a trailing `/`), query keys in any case (`externalid`), percent-encoded
//! keys (`%24version`), no `$version` at all (a `$version` that is not a date
//! such as `2022-07-01` or `2022-03-01-preview2` is 400), read-only
//! submission fields sent back. Every request needs `Authorization: Bearer
//! <token>` (401 `unauthorized` otherwise); every error is
//! `{"error": {"code", "message", "details": []}}` with codes in lower camel
//! case (`badRequest`, `notFound`, `methodNotAllowed`, `serviceUnavailable`…).
//!
//! | route | answer |
//! |---|---|
//! | `GET product[?externalId=][&type=][&$maxpagesize=N]` | 200 `{"value": [product], "@nextLink"?}`; the link is absolute, `…/product?$maxpagesize=N&continuationToken=o2` (the token plain alphanumerics) |
//! | `GET plan?product=product/{guid}[&externalId=]` | 200 `{"value": [plan]}`; 400 without `product`, 404 for an unknown product |
//! | `GET resource-tree/product/{guid}[?targetType=draft\|preview\|live]` | 200 `{"$schema", "root", "target": {"targetType"}, "resources"}`; 404 when the target holds nothing yet |
//! | `GET {durable id}`, e.g. `virtual-machine-plan-technical-configuration/{g}/{g}` | 200 the draft resource; 404 |
//! | `GET submission/{guid}[?targetType=]` | 200 `{"value": [draft entry submission/{g}/0, preview?, live?]}` |
//! | `GET submission/{guid}/{id}` | 200 one entry; 404 |
//! | `POST configure` | **202** the job's status; 400 when the body is not JSON with a `resources` list of objects |
//! | `GET configure/{jobId}/status` | 200 the job's status; 404 |
//! | `GET configure/{jobId}` | 200 `{"$schema": …/configure-detail/…, "resources"}` (what it stored) once completed; 400 before |
//! | `POST configure/{jobId}/cancel` | 200 the status with `jobResult` `cancelled`; 400 `Cannot cancel job, job has already completed.`; 404 |
//!
//! **Resources** are those of a VM product tree — `product`, `plan`,
//! `property`, `listing`, `listing-asset`, `listing-trailer`,
//! `plan-listing`, `price-and-availability-offer`,
//! `price-and-availability-plan`, `reseller`, `customer-leads`,
//! `test-drive`, `submission`, `virtual-machine-plan-technical-configuration`
//! and `core-virtual-machine-plan-technical-configuration` — each with
//! `$schema` on `https://schema.mp.microsoft.com/schema/<type>/<version>`
//! (the old host `product-ingestion.azureedge.net` is read too), a durable
//! `id` and, but for the product, `product` as a durable-id string (plans
//! also `azureRegions`, plan-level resources `plan`). Durable ids are
//! stable: a product's GUID is derived from its external id, a plan's from
//! both external ids, so `product/<guid>`, `plan/<g>/<g>`,
//! `virtual-machine-plan-technical-configuration/<g>/<g>`,
//! `property/<g>/public/main`, `listing/<g>/public/main/default/en-us`,
//! `plan-listing/<g>/public/main/<g>/en-us` are the same on every run.
//! Submission ids are big numbers (`submission/<g>/1152921505697000001`);
//! job ids are random GUIDs.
//!
//! **Configure** stores resources as sent (every field, in order) but for
//! their `id` (found by `identity.externalId`, or made, when absent) and
//! their references (`product`, `plan`: durable ids, `{"externalId"}` or
//! `{"resourceName"}`), written back as durable ids; `resourceName` and
//! `validations` are not stored. A new product or plan is created by its
//! external id. The job is `notStarted` for a simulated second, `running`
//! until 10 simulated seconds, then `completed`, and its changes show in the
//! draft only then. The service's checks fail the job (`failed`, nothing
//! stored) with one error per problem, `{code, message, resourceId,
//! details: []}`:
//!
//! | code | when |
//! |---|---|
//! | `schemaValidationError` | no `$schema`; a type not of a VM tree; no `product` / `plan` reference; no `skus`; an image type not x64Gen1/x64Gen2/arm64Gen2; a `versionNumber` not `N.N.N`; a version twice; no `vmImages`; LUNs not distinct 0–15; an unknown `sourceType` |
//! | `invalidId` | an `id` of another type than the `$schema`'s |
//! | `resourceNotFound` | an `id` or a reference that resolves to nothing |
//! | `businessValidationError` | an image type not among the plan's SKUs; an image URI not https; a published version (in preview or live) left out or `deleted` (the full-state rule); a deprecation dropped for a version deprecated before it went live (`Image version 'V' cannot be restored because it was deprecated before it was published to live.`) |
//! | `collectionLimitExceeded` | more than 100 versions |
//! | `conflict` | a submission while one runs (`An In Progress submission already exists`); a live push whose `id` is not the latest succeeded preview's (`The submission cannot be pushed to as its not the latest`) — both with an `invalidState` detail saying why |
//! | `invalidRequest` | a submission target other than preview or live; two submissions in one request |
//!
//! **Submissions** go through configure. A preview (with or without an
//! `id`) copies the draft to preview at once, its entry `running` from the
//! moment it is accepted, and certification takes the product's
//! `preview.seconds` (default one simulated day); then the entry is
//! `completed`/`succeeded`, or `failed` when the scenario says
//! `certificationFailed`: the job's errors then hold
//! `{"code": "internalServerError", "message": "Operation failed",
//! "details": [{"code": "invalidState", … "details": [{"code":
//! "invalidState", "message": "Certification: …"}]}]}`. A live push takes
//! `live.seconds` (default four simulated hours), then copies preview to
//! live; its entry keeps the preview's id. The configure job of a
//! submission runs as long as the submission. Cancelling it puts the
//! previous entry (and preview) back.
//!
//! The `ingestion` part of a scenario (mistakes name the field path, e.g.
//! `ingestion.products.vm-new.plans.standard.versions[0]: …`):
//!
//! ```json
//! {"ingestion": {"products": {
//!   "vm-release": {
//!     "alias": "VM release",                 // default: the external id
//!     "published": true,                     // preview and live hold the draft (default false)
//!     "plans": {
//!       "standard": {
//!         "skus": [{"imageType": "x64Gen1", "skuId": "standard"},
//!                  {"imageType": "x64Gen2", "skuId": "standard-gen2"}],
//!         "versions": ["1.0.0"]              // one image per SKU, no data disks
//!       },
//!       "byol": {"skus": [{"imageType": "x64Gen2", "skuId": "byol"}], "versions": ["1.0.0"]}
//!     },
//!     "preview": {"seconds": 86400, "outcome": "succeeded"},   // or "certificationFailed"
//!     "live": {"seconds": 14400}
//!   },
//!   "vm-new": {"alias": "VM new", "plans": {"standard": {"skus": [
//!     {"imageType": "x64Gen1", "skuId": "standard"}, {"imageType": "x64Gen2", "skuId": "standard-gen2"}]}}}
//! }}}
//! ```
//!
//! That is the default scenario's part. A plan without `skus` has one
//! x64Gen2 SKU named as the plan; a version's images share the URI
//! `https://emulator.blob.core.windows.net/vhds/<offer>/<plan>/<version>.vhd`.
//! Faults name the routes `ingestion.product` (the product and plan lists),
//! `ingestion.tree`, `ingestion.resource`, `ingestion.submission`,
//! `ingestion.configure`, `ingestion.job` (status and detail) and
//! `ingestion.cancel`; `offerId` matches the product's external id. The
//! token endpoints issue the same token for Microsoft Graph
//! (`resource=https://graph.microsoft.com[/]` with `expires_on` an epoch
//! string, or `scope=https://graph.microsoft.com/.default`).

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
pub use ingestion::scenario_part::{DEFAULT_LIVE_SECONDS, DEFAULT_PREVIEW_SECONDS};
pub use scenario::scenario_error::ScenarioError;
pub use scenario::{DEFAULT_TOKEN, Scenario};

/// The api-version the emulated API accepts: `2017-10-31`.
pub const API_VERSION: &str = http::request_checks::API_VERSION;
