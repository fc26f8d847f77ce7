//! `Emulator.start()` for Node tests: the Cloud Partner Portal emulator running on the
//! addon's tokio runtime, on `127.0.0.1`.

use std::collections::HashMap;
use std::sync::Mutex;

use cloudpartner::ErrorKind;
use cloudpartner_emulator::{Emulator, Fault, Scenario};
use napi_derive::napi;

use crate::error::napi_error;

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
}

/// A running emulator.
#[napi]
pub struct NativeEmulator {
    running: Mutex<Option<Emulator>>,
    base_url: String,
    token: String,
}

fn stopped() -> napi::Error {
    napi_error(ErrorKind::InvalidArgument, "the emulator is stopped")
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
        base_url: emulator.base_url().to_owned(),
        token: emulator.token().to_owned(),
        running: Mutex::new(Some(emulator)),
    })
}

impl NativeEmulator {
    fn with_running<T>(&self, f: impl FnOnce(&Emulator) -> T) -> napi::Result<T> {
        let running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        running.as_ref().map(f).ok_or_else(stopped)
    }
}

#[napi]
impl NativeEmulator {
    /// The URL to point clients at (`http://127.0.0.1:PORT`).
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The bearer token the emulator accepts.
    #[napi(getter)]
    pub fn token(&self) -> String {
        self.token.clone()
    }

    /// Adds a fault given as its scenario JSON (`{"kind":"latency","ms":20}`).
    #[napi]
    pub fn add_fault(&self, fault_json: String) -> napi::Result<()> {
        let fault = Fault::from_json_str(&fault_json)
            .map_err(|e| napi_error(ErrorKind::InvalidArgument, e.to_string()))?;
        self.with_running(|e| e.add_fault(fault))
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
        self.with_running(|e| e.set_offer_status(&publisher_id, &offer_id, document))
    }

    /// Every request received so far, in order.
    #[napi]
    pub fn requests(&self) -> napi::Result<Vec<NativeRecordedRequest>> {
        self.with_running(|e| {
            e.requests()
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
                    }
                })
                .collect()
        })
    }

    /// Stops the server and waits for it; stopping twice is fine.
    #[napi]
    pub async fn stop(&self) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(emulator) = running {
            emulator.shutdown().await;
        }
    }
}
