//! The emulator in-process, on the extension's runtime; `cloudpartner.testing.Emulator`
//! wraps it with the Python conveniences.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use cloudpartner_emulator::{Emulator, Fault, LocationForm, OfferSlot, Scenario};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::Value;

use crate::async_client::PyAsyncClient;
use crate::client::PyClient;
use crate::client_options::{build_client, build_ingestion_client};
use crate::errors::invalid_argument;
use crate::ingestion::client::{PyAsyncIngestionClient, PyIngestionClient};
use crate::json_value::{map_from_python, to_python};
use crate::runtime::block_on;

/// One recorded request: method, path, query, headers (names in lowercase; the
/// `authorization` value without its token), for writes to the API the body, and
/// whether it carried the emulator's token.
type RequestTuple<'py> = (
    String,
    String,
    Option<String>,
    Vec<(String, String)>,
    Option<Bound<'py, PyBytes>>,
    bool,
);

/// What replaces a token in the recorded headers.
const REDACTED: &str = "REDACTED";

/// A running emulator of the Cloud Partner Portal API on `127.0.0.1`.
#[pyclass(frozen, module = "cloudpartner._native", name = "Emulator")]
pub struct PyEmulator {
    emulator: Arc<Emulator>,
    stopped: AtomicBool,
}

#[pymethods]
impl PyEmulator {
    /// Starts an emulator serving the scenario given as JSON text or as a file (the
    /// default scenario when neither), on `port` (0: a free one).
    #[new]
    #[pyo3(signature = (
        scenario_json = None, *, scenario_path = None, time_scale = None, port = 0,
        request_log_capacity = None, location_form = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        scenario_json: Option<&str>,
        scenario_path: Option<PathBuf>,
        time_scale: Option<f64>,
        port: u16,
        request_log_capacity: Option<usize>,
        location_form: Option<&str>,
    ) -> PyResult<PyEmulator> {
        let scenario = match (scenario_json, scenario_path) {
            (Some(_), Some(_)) => {
                return Err(invalid_argument(
                    py,
                    "give the scenario as JSON or as a path, not both",
                ));
            }
            (Some(json), None) => Some(Scenario::from_json_str(json)),
            (None, Some(path)) => Some(Scenario::from_file(path)),
            (None, None) => None,
        };
        let mut builder = Emulator::builder().port(port);
        if let Some(scenario) = scenario {
            builder = builder.scenario(scenario.map_err(|e| invalid_argument(py, e.to_string()))?);
        }
        if let Some(scale) = time_scale {
            // The emulator checks it: a positive, finite number.
            builder = builder.time_scale(scale);
        }
        if let Some(capacity) = request_log_capacity {
            builder = builder.request_log_capacity(capacity);
        }
        if let Some(form) = location_form {
            let form: LocationForm = serde_json::from_value(form.into()).map_err(|_| {
                invalid_argument(
                    py,
                    format!("location_form `{form}`: expected operations, legacy or absolute"),
                )
            })?;
            builder = builder.location_form(form);
        }
        let emulator = block_on(py, builder.start())?.map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidInput => invalid_argument(py, e.to_string()),
            _ => PyOSError::new_err(format!("the emulator could not start: {e}")),
        })?;
        Ok(PyEmulator {
            emulator: Arc::new(emulator),
            stopped: AtomicBool::new(false),
        })
    }

    /// The URL to give clients, e.g. `http://127.0.0.1:41234`.
    #[getter]
    fn base_url(&self) -> &str {
        self.emulator.base_url()
    }

    /// The bearer token the emulator accepts.
    #[getter]
    fn token(&self) -> &str {
        self.emulator.token()
    }

    /// Simulated seconds per real second of its clock.
    #[getter]
    fn time_scale(&self) -> f64 {
        self.emulator.time_scale()
    }

    /// True until `stop()`.
    #[getter]
    fn running(&self) -> bool {
        !self.stopped.load(Ordering::Acquire)
    }

    /// Every request received (the last `request_log_capacity` ones), in order; still
    /// readable after `stop()`.
    fn requests<'py>(&self, py: Python<'py>) -> Vec<RequestTuple<'py>> {
        let token = self.emulator.token();
        self.emulator
            .requests()
            .into_iter()
            .map(|r| {
                let body = r.body.map(|body| PyBytes::new(py, &body));
                let mut authorized = false;
                let headers = r
                    .headers
                    .into_iter()
                    .map(|(name, value)| {
                        if name != "authorization" {
                            return (name, value);
                        }
                        let (scheme, credentials) =
                            value.trim().split_once(' ').unwrap_or((value.trim(), ""));
                        authorized =
                            scheme.eq_ignore_ascii_case("bearer") && credentials.trim() == token;
                        (name, format!("{scheme} {REDACTED}"))
                    })
                    .collect();
                (r.method, r.path, r.query, headers, body, authorized)
            })
            .collect()
    }

    /// The offer document stored in a slot (`"draft"`, `"preview"`, `"production"`),
    /// as a `dict` in its key order; `None` when the offer or the slot has none.
    #[pyo3(signature = (publisher_id, offer_id, slot = "draft"))]
    fn offer_document<'py>(
        &self,
        py: Python<'py>,
        publisher_id: &str,
        offer_id: &str,
        slot: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let slot = OfferSlot::from_name(slot).ok_or_else(|| {
            invalid_argument(
                py,
                format!("slot `{slot}`: expected draft, preview or production"),
            )
        })?;
        self.emulator
            .offer_document(publisher_id, offer_id, slot)
            .map(|document| to_python(py, &document))
            .transpose()
    }

    /// Writes an offer's draft as a second writer would (next version, fresh ETag) and
    /// returns the stored document.
    fn set_offer_document<'py>(
        &self,
        py: Python<'py>,
        publisher_id: &str,
        offer_id: &str,
        document: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let document = Value::Object(map_from_python("document", document)?);
        let stored = self
            .running_emulator(py)?
            .set_offer_document(publisher_id, offer_id, document)
            .map_err(|e| invalid_argument(py, e.to_string()))?;
        to_python(py, &stored)
    }

    /// The current ETag of the offer's draft (also when the scenario leaves ETag headers
    /// out), or `None`.
    fn offer_etag(&self, publisher_id: &str, offer_id: &str) -> Option<String> {
        self.emulator.offer_etag(publisher_id, offer_id)
    }

    /// Serves `document_json` for the offer from the next request on.
    fn set_offer_status(
        &self,
        py: Python<'_>,
        publisher_id: &str,
        offer_id: &str,
        document_json: &str,
    ) -> PyResult<()> {
        let document: serde_json::Value = serde_json::from_str(document_json)
            .map_err(|e| invalid_argument(py, format!("the status document: {e}")))?;
        self.running_emulator(py)?
            .set_offer_status(publisher_id, offer_id, document);
        Ok(())
    }

    /// Adds a fault given as JSON (`{"kind": "status", "status": 503, "times": 2}`).
    fn add_fault(&self, py: Python<'_>, fault_json: &str) -> PyResult<()> {
        let fault =
            Fault::from_json_str(fault_json).map_err(|e| invalid_argument(py, e.to_string()))?;
        self.running_emulator(py)?.add_fault(fault);
        Ok(())
    }

    /// A `cloudpartner.Client` of this emulator: its base URL and token, polling on
    /// its clock (a watch waits `time_scale` times less than against the service).
    fn client(&self, py: Python<'_>) -> PyResult<PyClient> {
        let options = self.running_emulator(py)?.client_options();
        Ok(PyClient::from_core(build_client(py, options)?))
    }

    /// The URL to give Product Ingestion clients: `<base_url>/rp/product-ingestion`.
    #[getter]
    fn ingestion_base_url(&self) -> String {
        self.emulator.ingestion_base_url()
    }

    /// An `IngestionClient` of this emulator: its URL and token, polling on its clock.
    fn ingestion_client(&self, py: Python<'_>) -> PyResult<PyIngestionClient> {
        let options = self.running_emulator(py)?.client_options();
        Ok(PyIngestionClient::from_core(build_ingestion_client(
            py, options,
        )?))
    }

    /// The native half of an `AsyncIngestionClient` of this emulator.
    fn ingestion_async_client(&self, py: Python<'_>) -> PyResult<PyAsyncIngestionClient> {
        let options = self.running_emulator(py)?.client_options();
        Ok(PyAsyncIngestionClient::from_core(build_ingestion_client(
            py, options,
        )?))
    }

    /// The native half of a `cloudpartner.AsyncClient` of this emulator (see `client`).
    fn async_client(&self, py: Python<'_>) -> PyResult<PyAsyncClient> {
        let options = self.running_emulator(py)?.client_options();
        Ok(PyAsyncClient::from_core(build_client(py, options)?))
    }

    /// Stops the server and waits for it; does nothing when already stopped.
    fn stop(&self, py: Python<'_>) -> PyResult<()> {
        self.stopped.store(true, Ordering::Release);
        let emulator = Arc::clone(&self.emulator);
        block_on(py, async move { emulator.stop().await })
    }
}

impl PyEmulator {
    /// The emulator, or an `InvalidArgumentError` once it was stopped.
    fn running_emulator(&self, py: Python<'_>) -> PyResult<&Emulator> {
        if self.running() {
            Ok(&self.emulator)
        } else {
            Err(invalid_argument(py, "the emulator was stopped"))
        }
    }
}
