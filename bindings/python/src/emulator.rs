//! The emulator in-process, on the extension's runtime; `cloudpartner.testing.Emulator`
//! wraps it with the Python conveniences.

use std::path::PathBuf;
use std::sync::Mutex;

use cloudpartner_emulator::{Emulator, Fault, RecordedRequest, Scenario};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::errors::invalid_argument;
use crate::runtime::block_on;

/// One recorded request: method, path, query and headers (names in lowercase).
type RequestTuple = (String, String, Option<String>, Vec<(String, String)>);

/// A running emulator of the Cloud Partner Portal API on `127.0.0.1`.
#[pyclass(frozen, module = "cloudpartner._native", name = "Emulator")]
pub struct PyEmulator {
    base_url: String,
    token: String,
    running: Mutex<Option<Emulator>>,
    requests_at_stop: Mutex<Vec<RecordedRequest>>,
}

#[pymethods]
impl PyEmulator {
    /// Starts an emulator serving the scenario given as JSON text or as a file (the
    /// default scenario when neither), on `port` (0: a free one).
    #[new]
    #[pyo3(signature = (scenario_json = None, *, scenario_path = None, time_scale = None, port = 0))]
    fn new(
        py: Python<'_>,
        scenario_json: Option<&str>,
        scenario_path: Option<PathBuf>,
        time_scale: Option<f64>,
        port: u16,
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
        let emulator = block_on(py, builder.start())?.map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidInput => invalid_argument(py, e.to_string()),
            _ => PyOSError::new_err(format!("the emulator could not start: {e}")),
        })?;
        Ok(PyEmulator {
            base_url: emulator.base_url().to_owned(),
            token: emulator.token().to_owned(),
            running: Mutex::new(Some(emulator)),
            requests_at_stop: Mutex::new(Vec::new()),
        })
    }

    /// The URL to give clients, e.g. `http://127.0.0.1:41234`.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The bearer token the emulator accepts.
    #[getter]
    fn token(&self) -> &str {
        &self.token
    }

    /// True until `stop()`.
    #[getter]
    fn running(&self) -> bool {
        self.lock_running().is_some()
    }

    /// Every request received so far, in order.
    fn requests(&self) -> Vec<RequestTuple> {
        let requests = match self.lock_running().as_ref() {
            Some(emulator) => emulator.requests(),
            None => self
                .requests_at_stop
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
        };
        requests
            .into_iter()
            .map(|r| (r.method, r.path, r.query, r.headers))
            .collect()
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
        self.with_running(py, |emulator| {
            emulator.set_offer_status(publisher_id, offer_id, document)
        })
    }

    /// Adds a fault given as JSON (`{"kind": "status", "status": 503, "times": 2}`).
    fn add_fault(&self, py: Python<'_>, fault_json: &str) -> PyResult<()> {
        let fault =
            Fault::from_json_str(fault_json).map_err(|e| invalid_argument(py, e.to_string()))?;
        self.with_running(py, |emulator| emulator.add_fault(fault))
    }

    /// Stops the server and waits for it; does nothing when already stopped.
    fn stop(&self, py: Python<'_>) -> PyResult<()> {
        let Some(emulator) = self.lock_running().take() else {
            return Ok(());
        };
        *self
            .requests_at_stop
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = emulator.requests();
        block_on(py, emulator.shutdown())
    }
}

impl PyEmulator {
    fn lock_running(&self) -> std::sync::MutexGuard<'_, Option<Emulator>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn with_running(&self, py: Python<'_>, action: impl FnOnce(&Emulator)) -> PyResult<()> {
        match self.lock_running().as_ref() {
            Some(emulator) => {
                action(emulator);
                Ok(())
            }
            None => Err(invalid_argument(py, "the emulator was stopped")),
        }
    }
}
