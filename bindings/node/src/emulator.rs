//! `Emulator.start()` for Node tests: the core's [`Emulator`] handle, running on the
//! addon's tokio runtime, on `127.0.0.1`. `stop()` is the core's (idempotent, the
//! recorded requests stay readable) and `client()` builds a client from the
//! emulator's own options (its base URL, token and clock).

use std::collections::HashMap;
use std::sync::Arc;

use cloudpartner::ErrorKind;
use cloudpartner_emulator::{Emulator, Fault, OfferSlot, Scenario};
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

use crate::client::{NativeClient, NativeClientOptions, client_options};
use crate::credential::TokenCallback;
use crate::error::{napi_error, to_napi};
use crate::ingestion::{NativeIngestionClient, NativeIngestionClientOptions, ingestion_options};

/// A request the emulator received.
#[napi(object, use_nullable = true)]
pub struct NativeRecordedRequest {
    /// The HTTP method (`GET`).
    pub method: String,
    /// The path as sent, still percent-encoded.
    pub path: String,
    /// The query string without `?`.
    pub query: Option<String>,
    /// The headers, names in lower case (the first value of each).
    pub headers: HashMap<String, String>,
    /// The body of a write to the API (possibly empty); null for reads.
    pub body: Option<Buffer>,
}

/// A running (or stopped) emulator.
#[napi]
pub struct NativeEmulator {
    inner: Arc<Emulator>,
}

/// Starts an emulator serving a scenario given as JSON text or as a file path (the
/// default scenario when neither), with an optional time scale.
#[napi]
pub async fn start_emulator(
    scenario_json: Option<String>,
    scenario_path: Option<String>,
    time_scale: Option<f64>,
) -> napi::Result<NativeEmulator> {
    let scenario = match (scenario_json, scenario_path) {
        (Some(json), _) => Some(Scenario::from_json_str(&json)),
        (None, Some(path)) => Some(Scenario::from_file(path)),
        (None, None) => None,
    }
    .transpose()
    .map_err(|e| napi_error(ErrorKind::InvalidArgument, e.to_string()))?;
    let mut builder = Emulator::builder();
    if let Some(scenario) = scenario {
        builder = builder.scenario(scenario);
    }
    if let Some(scale) = time_scale {
        builder = builder.time_scale(scale);
    }
    let emulator = builder.start().await.map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::InvalidInput {
            ErrorKind::InvalidArgument
        } else {
            ErrorKind::Transport
        };
        napi_error(kind, format!("emulator: {e}"))
    })?;
    Ok(NativeEmulator {
        inner: Arc::new(emulator),
    })
}

#[napi]
impl NativeEmulator {
    /// The URL to point clients at (`http://127.0.0.1:PORT`).
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// The bearer token the emulator accepts.
    #[napi(getter)]
    pub fn token(&self) -> String {
        self.inner.token().to_owned()
    }

    /// Simulated seconds per real second of its clock.
    #[napi(getter)]
    pub fn time_scale(&self) -> f64 {
        self.inner.time_scale()
    }

    /// A client of this emulator: its base URL, its token and a poll time scale of its
    /// clock, with `options` (and `credential`) laid over them.
    #[napi]
    pub fn client(
        &self,
        options: NativeClientOptions,
        #[napi(ts_arg_type = "((scope: string) => Promise<NativeAccessToken>) | undefined | null")]
        credential: Option<TokenCallback>,
    ) -> napi::Result<NativeClient> {
        let options = client_options(self.inner.client_options(), options, credential)
            .map_err(|e| to_napi(&e))?;
        NativeClient::build(options)
    }

    /// The Product Ingestion API's base URL (`<base>/rp/product-ingestion`).
    #[napi(getter)]
    pub fn ingestion_base_url(&self) -> String {
        self.inner.ingestion_base_url()
    }

    /// A Product Ingestion client of this emulator, with `options` laid over its own.
    #[napi]
    pub fn ingestion_client(
        &self,
        options: NativeIngestionClientOptions,
        #[napi(ts_arg_type = "((scope: string) => Promise<NativeAccessToken>) | undefined | null")]
        credential: Option<TokenCallback>,
    ) -> napi::Result<NativeIngestionClient> {
        let options = ingestion_options(self.inner.client_options(), options, credential)
            .map_err(|e| to_napi(&e))?;
        NativeIngestionClient::build(options)
    }

    /// Adds a fault given as its scenario JSON (`{"kind":"latency","ms":20}`).
    #[napi]
    pub fn add_fault(&self, fault_json: String) -> napi::Result<()> {
        let fault = Fault::from_json_str(&fault_json)
            .map_err(|e| napi_error(ErrorKind::InvalidArgument, e.to_string()))?;
        self.inner.add_fault(fault);
        Ok(())
    }

    /// Serves `document_json` verbatim for this publisher's offer from now on.
    #[napi]
    pub fn set_offer_status(
        &self,
        publisher_id: String,
        offer_id: String,
        document_json: String,
    ) -> napi::Result<()> {
        let document: serde_json::Value = serde_json::from_str(&document_json)
            .map_err(|e| napi_error(ErrorKind::InvalidArgument, format!("document: {e}")))?;
        self.inner
            .set_offer_status(&publisher_id, &offer_id, document);
        Ok(())
    }

    /// The offer document stored in a slot (`draft` when absent), as JSON; null when
    /// the offer or the slot has none.
    #[napi]
    pub fn offer_document(
        &self,
        publisher_id: String,
        offer_id: String,
        slot: Option<String>,
    ) -> napi::Result<Option<String>> {
        let slot = match slot {
            None => OfferSlot::Draft,
            Some(name) => OfferSlot::from_name(&name).ok_or_else(|| {
                napi_error(
                    ErrorKind::InvalidArgument,
                    format!("slot `{name}`: expected draft, preview or production"),
                )
            })?,
        };
        Ok(self
            .inner
            .offer_document(&publisher_id, &offer_id, slot)
            .map(|document| document.to_string()))
    }

    /// Writes an offer's draft as a second writer would (a new version and ETag); gives
    /// the stored document as JSON.
    #[napi]
    pub fn set_offer_document(
        &self,
        publisher_id: String,
        offer_id: String,
        document_json: String,
    ) -> napi::Result<String> {
        let document: serde_json::Value = serde_json::from_str(&document_json)
            .map_err(|e| napi_error(ErrorKind::InvalidArgument, format!("document: {e}")))?;
        self.inner
            .set_offer_document(&publisher_id, &offer_id, document)
            .map(|stored| stored.to_string())
            .map_err(|_| napi_error(ErrorKind::InvalidArgument, "document: not a JSON object"))
    }

    /// The current ETag of an offer's draft; null when it has no document.
    #[napi]
    pub fn offer_etag(&self, publisher_id: String, offer_id: String) -> Option<String> {
        self.inner.offer_etag(&publisher_id, &offer_id)
    }

    /// Every request received so far, in order; still readable after `stop()`.
    #[napi]
    pub fn requests(&self) -> Vec<NativeRecordedRequest> {
        self.inner
            .requests()
            .into_iter()
            .map(|r| {
                let mut headers = HashMap::new();
                for (name, value) in r.headers {
                    headers.entry(name).or_insert(value);
                }
                NativeRecordedRequest {
                    method: r.method,
                    path: r.path,
                    query: r.query,
                    headers,
                    body: r.body.map(Buffer::from),
                }
            })
            .collect()
    }

    /// Stops the server and waits for it; stopping twice is fine.
    #[napi]
    pub async fn stop(&self) {
        let emulator = Arc::clone(&self.inner);
        emulator.stop().await;
    }
}
