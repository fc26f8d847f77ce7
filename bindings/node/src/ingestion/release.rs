//! `ingestionClient.release(...)`: the core's Product Ingestion release
//! ([`cloudpartner::ingestion::release`]), its progress events handed to JavaScript
//! through a channel drained by the JavaScript layer, as for the CPP release
//! ([`crate::release`]).

use std::sync::Mutex;

use cloudpartner::ingestion::{IngestionReleaseEvent, ReleaseOutcome, ReleaseRequest};
use cloudpartner::{Error, WatchOptions};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use super::client::NativeIngestionClient;
use super::technical_configuration::{NativeIngestionDataDisk, data_disks};
use super::values::{NativeJob, NativeProductStatus};
use crate::cancel::{NativeCancel, spawn_call};
use crate::watch::millis;

/// What `ingestionClient.release(request, options)` asks.
#[napi(object)]
pub struct NativeIngestionReleaseRequest {
    /// The offer id (or `product/<guid>`).
    pub offer_id: String,
    /// The plan id.
    pub plan: String,
    /// `N.N.N`.
    pub version: String,
    /// The OS disk's URL.
    pub os_disk_uri: String,
    /// Another OS disk URL for the `x64Gen2` SKU.
    pub gen2_os_disk_uri: Option<String>,
    /// Data disks.
    pub data_disks: Option<Vec<NativeIngestionDataDisk>>,
    /// Go live after the preview.
    pub go_live: Option<bool>,
    /// Send nothing; give the diff.
    pub dry_run: Option<bool>,
    /// The shortest wait between polls, in milliseconds.
    pub min_interval_ms: Option<f64>,
    /// The longest wait between polls, in milliseconds.
    pub max_interval_ms: Option<f64>,
    /// Bounds the whole release, in milliseconds.
    pub timeout_ms: Option<f64>,
}

impl TryFrom<NativeIngestionReleaseRequest> for ReleaseRequest {
    type Error = Error;

    fn try_from(r: NativeIngestionReleaseRequest) -> cloudpartner::Result<Self> {
        Ok(ReleaseRequest {
            offer_id: r.offer_id,
            plan_id: r.plan,
            version: r.version,
            os_disk_uri: r.os_disk_uri,
            gen2_os_disk_uri: r.gen2_os_disk_uri,
            data_disks: data_disks(r.data_disks, "request.dataDisks")?,
            go_live: r.go_live.unwrap_or(false),
            dry_run: r.dry_run.unwrap_or(false),
            watch: WatchOptions {
                min_interval: millis("minIntervalMs", r.min_interval_ms)?,
                max_interval: millis("maxIntervalMs", r.max_interval_ms)?,
                timeout: millis("timeoutMs", r.timeout_ms)?,
                ..WatchOptions::default()
            },
        })
    }
}

/// A progress event: `kind` and `phase`; `summary`, `fields` (JSON) when a phase
/// finished; `status` while waiting.
#[napi(object, object_from_js = false)]
pub struct NativeIngestionReleaseEvent {
    /// `phase_started`, `phase_finished`, `status`.
    pub kind: String,
    /// The phase's label.
    pub phase: String,
    /// One line, `sig=` hidden.
    pub summary: Option<String>,
    /// The same facts as a JSON object.
    pub fields: Option<String>,
    /// The status seen while waiting.
    pub status: Option<NativeProductStatus>,
}

impl From<IngestionReleaseEvent> for NativeIngestionReleaseEvent {
    fn from(event: IngestionReleaseEvent) -> Self {
        NativeIngestionReleaseEvent {
            kind: event.kind().to_owned(),
            phase: event.phase().label().to_owned(),
            summary: event.summary().map(str::to_owned),
            fields: event.fields_json(),
            status: event.status().map(|status| status.clone().into()),
        }
    }
}

/// How the release ended.
#[napi(object, object_from_js = false)]
pub struct NativeIngestionReleaseResult {
    /// `live`, `at_review`, `failed`, `canceled`, `dry_run`.
    pub outcome: String,
    /// The last status.
    pub status: Option<NativeProductStatus>,
    /// The dry run's diff.
    pub diff: Option<String>,
    /// The phase that failed or was canceled.
    pub phase: Option<String>,
    /// The failed or canceled job.
    pub job: Option<NativeJob>,
}

impl From<ReleaseOutcome> for NativeIngestionReleaseResult {
    fn from(outcome: ReleaseOutcome) -> Self {
        let phase = match &outcome {
            ReleaseOutcome::Failed { phase, .. } | ReleaseOutcome::Canceled { phase, .. } => {
                Some(phase.label().to_owned())
            }
            _ => None,
        };
        NativeIngestionReleaseResult {
            outcome: outcome.kind().as_str().to_owned(),
            status: outcome.status().cloned().map(Into::into),
            diff: outcome.diff().map(str::to_owned),
            job: outcome.job().cloned().map(Into::into),
            phase,
        }
    }
}

/// The progress events of one release, drained by JavaScript.
#[napi]
pub struct NativeIngestionReleaseEvents {
    sender: Mutex<Option<UnboundedSender<IngestionReleaseEvent>>>,
    receiver: tokio::sync::Mutex<UnboundedReceiver<IngestionReleaseEvent>>,
}

#[napi]
impl NativeIngestionReleaseEvents {
    /// An open channel, for one release.
    #[napi(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> NativeIngestionReleaseEvents {
        let (sender, receiver) = unbounded_channel();
        NativeIngestionReleaseEvents {
            sender: Mutex::new(Some(sender)),
            receiver: tokio::sync::Mutex::new(receiver),
        }
    }

    /// The next event; `null` once the release has ended.
    #[napi]
    pub async fn next(&self) -> Option<NativeIngestionReleaseEvent> {
        self.receiver.lock().await.recv().await.map(Into::into)
    }

    /// Closes the channel if no release took it. Idempotent.
    #[napi]
    pub fn close(&self) {
        drop(self.sender.lock().unwrap_or_else(|e| e.into_inner()).take());
    }
}

impl NativeIngestionReleaseEvents {
    fn take_sender(&self) -> cloudpartner::Result<UnboundedSender<IngestionReleaseEvent>> {
        self.sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .ok_or_else(|| Error::invalid_argument("these release events are used already"))
    }
}

#[napi]
impl NativeIngestionClient {
    /// Releases an image version; its progress goes to `events`.
    #[napi(ts_return_type = "Promise<NativeIngestionReleaseResult>")]
    pub fn release<'env>(
        &self,
        env: &'env Env,
        request: NativeIngestionReleaseRequest,
        events: &NativeIngestionReleaseEvents,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeIngestionReleaseResult>> {
        let request = ReleaseRequest::try_from(request);
        let sender = events.take_sender();
        let client = self.inner.clone();
        let call = async move {
            let (request, sender) = (request?, sender?);
            let on_progress = move |event: &IngestionReleaseEvent| {
                let _ = sender.send(event.clone());
            };
            cloudpartner::ingestion::release(&client, &request, on_progress)
                .await
                .map_err(Error::from)
        };
        spawn_call(env, abort, call, |outcome| Ok(outcome.into()))
    }
}
