//! `client.release(...)`: the core's release workflow ([`cloudpartner::release`]), its
//! progress events handed to JavaScript through a channel. The JavaScript layer makes a
//! [`NativeReleaseEvents`] and drains it (`next()` until `null`) while the release runs;
//! the release sends each event into it and closes it when it ends (or is aborted:
//! dropping the release future drops the sender). Every event is therefore delivered
//! before the release's promise settles, in order.

use std::sync::Mutex;

use cloudpartner::{CppReleaseEvent, Error, ReleaseOutcome, ReleaseRequest, WatchOptions};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::cancel::{NativeCancel, spawn_call};
use crate::client::NativeClient;
use crate::offer::{NativeVmImage, vm_image_version};
use crate::operation::NativeOperationRef;
use crate::status::{StatusHandle, handle};
use crate::watch::millis;

/// What `client.release(request, options)` asks, the callback and the signal aside.
#[napi(object)]
pub struct NativeReleaseRequest {
    /// The publisher.
    pub publisher_id: String,
    /// The offer.
    pub offer_id: String,
    /// The plan (or disk generation) that gets the image.
    pub plan: String,
    /// The image version to add (or replace).
    pub image: NativeVmImage,
    /// Go live after the review.
    pub go_live: Option<bool>,
    /// Read and change only; give the diff.
    pub dry_run: Option<bool>,
    /// Who the service notifies.
    pub notification_emails: Option<Vec<String>>,
    /// The shortest wait between polls, in milliseconds.
    pub min_interval_ms: Option<f64>,
    /// The longest wait between polls, in milliseconds.
    pub max_interval_ms: Option<f64>,
    /// Bounds the whole release, in milliseconds.
    pub timeout_ms: Option<f64>,
}

impl TryFrom<NativeReleaseRequest> for ReleaseRequest {
    type Error = Error;

    fn try_from(r: NativeReleaseRequest) -> cloudpartner::Result<Self> {
        Ok(ReleaseRequest {
            publisher_id: r.publisher_id,
            offer_id: r.offer_id,
            plan_id: r.plan,
            image: vm_image_version(r.image, "request")?,
            go_live: r.go_live.unwrap_or(false),
            dry_run: r.dry_run.unwrap_or(false),
            notification_emails: r.notification_emails.unwrap_or_default(),
            watch: WatchOptions {
                min_interval: millis("minIntervalMs", r.min_interval_ms)?,
                max_interval: millis("maxIntervalMs", r.max_interval_ms)?,
                timeout: millis("timeoutMs", r.timeout_ms)?,
                ..WatchOptions::default()
            },
        })
    }
}

/// A progress event: `kind` and `phase` always; `summary` and `fields` (JSON) when a
/// phase finished; `status` while waiting.
#[napi(object, object_from_js = false)]
pub struct NativeReleaseEvent {
    /// `phase_started`, `phase_finished` or `status`.
    pub kind: String,
    /// The phase's label (`read`, …, `go-live`, `live`).
    pub phase: String,
    /// One line, `sig=` hidden.
    pub summary: Option<String>,
    /// The same facts as a JSON object.
    pub fields: Option<String>,
    /// The status seen while waiting.
    #[napi(ts_type = "ExternalObject<'OfferStatus'>")]
    pub status: Option<StatusHandle>,
}

impl From<CppReleaseEvent> for NativeReleaseEvent {
    fn from(event: CppReleaseEvent) -> Self {
        NativeReleaseEvent {
            kind: event.kind().to_owned(),
            phase: event.phase().label().to_owned(),
            summary: event.summary().map(str::to_owned),
            fields: event.fields_json(),
            status: event.status().map(|status| handle(status.clone())),
        }
    }
}

/// How the release ended: `outcome` (`live`, `at_review`, `failed`, `canceled`,
/// `dry_run`), the last status (none for a dry run), the diff (a dry run's), and for
/// `failed`/`canceled` the phase and the operation.
#[napi(object, object_from_js = false)]
pub struct NativeReleaseResult {
    /// The outcome's name.
    pub outcome: String,
    /// The last status seen.
    #[napi(ts_type = "ExternalObject<'OfferStatus'>")]
    pub status: Option<StatusHandle>,
    /// The diff of the definition (dry run), `sig=` hidden.
    pub diff: Option<String>,
    /// The phase that waited when the service failed or canceled it.
    pub phase: Option<String>,
    /// The operation that failed or was canceled.
    pub operation: Option<NativeOperationRef>,
}

impl From<ReleaseOutcome> for NativeReleaseResult {
    fn from(outcome: ReleaseOutcome) -> Self {
        let (phase, operation) = match &outcome {
            ReleaseOutcome::Failed {
                phase, operation, ..
            }
            | ReleaseOutcome::Canceled {
                phase, operation, ..
            } => (
                Some(phase.label().to_owned()),
                Some(NativeOperationRef::from(operation.clone())),
            ),
            _ => (None, None),
        };
        NativeReleaseResult {
            outcome: outcome.kind().as_str().to_owned(),
            status: outcome.status().cloned().map(handle),
            diff: outcome.diff(),
            phase,
            operation,
        }
    }
}

/// The progress events of one release, drained by JavaScript.
#[napi]
pub struct NativeReleaseEvents {
    sender: Mutex<Option<UnboundedSender<CppReleaseEvent>>>,
    receiver: tokio::sync::Mutex<UnboundedReceiver<CppReleaseEvent>>,
}

#[napi]
impl NativeReleaseEvents {
    /// An open channel, for one release.
    #[napi(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> NativeReleaseEvents {
        let (sender, receiver) = unbounded_channel();
        NativeReleaseEvents {
            sender: Mutex::new(Some(sender)),
            receiver: tokio::sync::Mutex::new(receiver),
        }
    }

    /// The next event; `null` once the release has ended (or was aborted).
    #[napi]
    pub async fn next(&self) -> Option<NativeReleaseEvent> {
        self.receiver
            .lock()
            .await
            .recv()
            .await
            .map(NativeReleaseEvent::from)
    }

    /// Closes the channel if no release took it (a call that failed before it started):
    /// `next()` then gives `null` once the events sent are read. Idempotent.
    #[napi]
    pub fn close(&self) {
        drop(self.sender.lock().unwrap_or_else(|e| e.into_inner()).take());
    }
}

impl NativeReleaseEvents {
    /// The sending end, for the one release that uses these events.
    fn take_sender(&self) -> cloudpartner::Result<UnboundedSender<CppReleaseEvent>> {
        self.sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| Error::invalid_argument("these release events are used already"))
    }
}

#[napi]
impl NativeClient {
    /// Releases an image version; its progress goes to `events`.
    #[napi(ts_return_type = "Promise<NativeReleaseResult>")]
    pub fn release<'env>(
        &self,
        env: &'env Env,
        request: NativeReleaseRequest,
        events: &NativeReleaseEvents,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeReleaseResult>> {
        let request = ReleaseRequest::try_from(request);
        let sender = events.take_sender();
        let client = self.inner.clone();
        let call = async move {
            let (request, sender) = (request?, sender?);
            let on_progress = move |event: &CppReleaseEvent| {
                // The receiver is gone only when JavaScript stopped listening.
                let _ = sender.send(event.clone());
            };
            cloudpartner::release(&client, &request, on_progress)
                .await
                .map_err(Error::from)
        };
        spawn_call(env, abort, call, |outcome| {
            Ok(NativeReleaseResult::from(outcome))
        })
    }
}
