//! `release(...)` of the ingestion clients (DESIGN §10 "Release"): the Python
//! arguments become the core's `ingestion::ReleaseRequest`, `ingestion::release` runs
//! the phases, and its events and outcome become `ingestion.ReleaseEvent` and
//! `ingestion.ReleaseResult`. The progress callback is the CPP release's
//! (`crate::release::Progress`).

use std::future::Future;

use cloudpartner::ingestion::{
    Client, IngestionReleaseEvent, ProductStatus, ReleaseOutcome, ReleaseRequest,
};
use cloudpartner::redact_sas;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::args;
use crate::awaitable::future_into_py;
use crate::ingestion::images::data_disks_argument;
use crate::ingestion::job::{PyJob, PyProductStatus};
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::release::{Progress, PyReleaseEvent, Released};
use crate::runtime::block_on;
use crate::to_python::ToPython;
use crate::watch_options::watch_options;

/// A progress event of a Product Ingestion release: its `status` is a `ProductStatus`.
#[pyclass(frozen, extends = PyReleaseEvent, module = "cloudpartner.ingestion", name = "ReleaseEvent")]
pub struct PyIngestionReleaseEvent {}

fn event_to_py(py: Python<'_>, event: &IngestionReleaseEvent) -> PyResult<Py<PyAny>> {
    let base = PyReleaseEvent::from_event(py, event, |py, status: &ProductStatus| {
        Ok(Py::new(
            py,
            PyProductStatus {
                inner: status.clone(),
            },
        )?
        .into_any())
    })?;
    let init = PyClassInitializer::from(base).add_subclass(PyIngestionReleaseEvent {});
    Ok(Py::new(py, init)?.into_any())
}

/// How a Product Ingestion release ended: `outcome` (a `ReleaseOutcome`), the last
/// `status`, the `diff` of a dry run, and for a failed or canceled one its `phase`
/// and `job`.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "ReleaseResult")]
pub struct PyIngestionReleaseResult {
    outcome: Py<PyAny>,
    kind: &'static str,
    status: Option<Py<PyProductStatus>>,
    diff: Option<String>,
    phase: Option<&'static str>,
    job: Option<Py<PyJob>>,
}

static RELEASE_OUTCOME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

impl ToPython for ReleaseOutcome {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let kind = self.kind().as_str();
        let class = RELEASE_OUTCOME.import(py, "cloudpartner._enums", "ReleaseOutcome")?;
        let status = self
            .status()
            .map(|s| Py::new(py, PyProductStatus { inner: s.clone() }))
            .transpose()?;
        let job = self
            .job()
            .map(|j| Py::new(py, PyJob { inner: j.clone() }))
            .transpose()?;
        let phase = match &self {
            ReleaseOutcome::Failed { phase, .. } | ReleaseOutcome::Canceled { phase, .. } => {
                Some(phase.label())
            }
            _ => None,
        };
        let result = PyIngestionReleaseResult {
            outcome: class.call1((kind,))?.unbind(),
            kind,
            status,
            diff: self.diff().map(str::to_owned),
            phase,
            job,
        };
        Ok(Bound::new(py, result)?.into_any())
    }
}

#[pymethods]
impl PyIngestionReleaseResult {
    /// How it ended: a `ReleaseOutcome`.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> Py<PyAny> {
        self.outcome.clone_ref(py)
    }

    /// The last `ProductStatus` read, or `None`.
    #[getter]
    fn status(&self, py: Python<'_>) -> Option<Py<PyProductStatus>> {
        self.status.as_ref().map(|s| s.clone_ref(py))
    }

    /// A dry run's change: a unified diff of the technical configuration
    /// (`sig=REDACTED`); empty when the draft already holds it.
    #[getter]
    fn diff(&self) -> Option<&str> {
        self.diff.as_deref()
    }

    /// The phase where a failed or canceled release stopped.
    #[getter]
    fn phase(&self) -> Option<&'static str> {
        self.phase
    }

    /// The failed or canceled `Job` (its errors, nested), when known.
    #[getter]
    fn job(&self, py: Python<'_>) -> Option<Py<PyJob>> {
        self.job.as_ref().map(|j| j.clone_ref(py))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut text = format!("ReleaseResult(outcome={}", repr_quoted(py, self.kind));
        if let Some(phase) = self.phase {
            text.push_str(&format!(", phase={}", repr_quoted(py, phase)));
        }
        if let Some(status) = &self.status {
            text.push_str(&format!(", status={}", status.bind(py).repr()?));
        }
        if let Some(job) = &self.job {
            text.push_str(&format!(", job={}", job.bind(py).repr()?));
        }
        text.push(')');
        Ok(redact_sas(&text).into_owned())
    }
}

/// The arguments of `release(...)`, read when the method is called.
pub struct IngestionReleaseArgs<'py> {
    pub offer_id: String,
    pub plan: &'py Bound<'py, PyAny>,
    pub version: &'py Bound<'py, PyAny>,
    pub os_disk_uri: &'py Bound<'py, PyAny>,
    pub gen2_os_disk_uri: Option<&'py Bound<'py, PyAny>>,
    pub data_disks: Option<&'py Bound<'py, PyAny>>,
    pub go_live: bool,
    pub dry_run: bool,
    pub on_progress: Option<&'py Bound<'py, PyAny>>,
    pub min_interval: Option<f64>,
    pub max_interval: Option<f64>,
    pub timeout: Option<f64>,
}

/// A release ready to run, with its progress callback.
pub struct IngestionReleaseCall {
    client: Client,
    request: ReleaseRequest,
    progress: Progress,
}

impl IngestionReleaseCall {
    /// Reads the arguments (the core checks the rest before it sends anything).
    pub fn new(
        py: Python<'_>,
        client: &Client,
        a: IngestionReleaseArgs<'_>,
    ) -> PyResult<IngestionReleaseCall> {
        let gen2_os_disk_uri = match a.gen2_os_disk_uri.filter(|v| !v.is_none()) {
            Some(uri) => Some(args::string("gen2_os_disk_uri", uri)?),
            None => None,
        };
        let request = ReleaseRequest {
            offer_id: a.offer_id,
            plan_id: args::string("plan", a.plan)?,
            version: args::string("version", a.version)?,
            os_disk_uri: args::string("os_disk_uri", a.os_disk_uri)?,
            gen2_os_disk_uri,
            data_disks: data_disks_argument(a.data_disks)?,
            go_live: a.go_live,
            dry_run: a.dry_run,
            watch: watch_options(py, "terminal", a.min_interval, a.max_interval, a.timeout)?,
        };
        Ok(IngestionReleaseCall {
            client: client.clone(),
            request,
            progress: Progress::new(a.on_progress)?,
        })
    }

    /// The release, stopped by the first exception of `on_progress` and when the
    /// returned future is dropped (Ctrl-C, a cancelled task).
    fn run(self) -> impl Future<Output = Released<ReleaseOutcome>> + Send + 'static {
        self.release()
    }

    async fn release(self) -> Released<ReleaseOutcome> {
        let on_event = self.progress.handler(event_to_py);
        let result = cloudpartner::ingestion::release(&self.client, &self.request, on_event).await;
        self.progress
            .finish(result.map_err(cloudpartner::Error::from))
    }

    /// Runs it to its end (Ctrl-C cancels it).
    pub fn blocking(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        refresh_levels(py);
        let released = block_on(py, self.run())?;
        released.into_pyobject(py)
    }

    /// An asyncio awaitable of it (cancelling it cancels the release).
    pub fn awaitable(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        refresh_levels(py);
        let future = self.run();
        future_into_py(py, async move { Ok(future.await) })
    }
}
