//! `release(...)` on both clients (DESIGN §8 "Release in every language"): the Python
//! arguments become the core's `ReleaseRequest`, the core's `cloudpartner::release`
//! runs the phases, and its progress events and outcome become `ReleaseEvent` and
//! `ReleaseResult`. Nothing of the workflow is written here.
//!
//! `on_progress` is called with the GIL on a thread of the runtime, while the release
//! waits for it; an exception it raises stops the release right after that event,
//! before anything more is sent, and is raised by the call. `AsyncClient` (Python) hands the events
//! to its event loop instead (see `_async.py`).

use std::future::Future;
use std::ops::ControlFlow;
use std::sync::{Arc, Mutex};

use cloudpartner::{
    Client, CppReleaseEvent, Offer, OfferStatus, OperationRef, ReleaseEvent, ReleaseOutcome,
    ReleaseRequest, VmImageVersion,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::args;
use crate::awaitable::future_into_py;
use crate::errors::to_py_err;
use crate::json_value::map_to_python;
use crate::logging::refresh_levels;
use crate::model::{PyOfferStatus, offer_status_to_py, repr_quoted};
use crate::offer::PyOffer;
use crate::operation::PyOperationRef;
use crate::runtime::{attach_from_native, block_on};
use crate::to_python::ToPython;
use crate::vm_image::image_from_parts;
use crate::watch_options::watch_options;

/// One progress event of a release: a phase started or finished, or the status changed
/// while a phase waits.
#[pyclass(frozen, subclass, module = "cloudpartner", name = "ReleaseEvent")]
pub struct PyReleaseEvent {
    kind: &'static str,
    phase: &'static str,
    summary: Option<String>,
    fields: Py<PyDict>,
    status: Option<Py<PyAny>>,
}

impl PyReleaseEvent {
    fn from_core(py: Python<'_>, event: &CppReleaseEvent) -> PyResult<PyReleaseEvent> {
        PyReleaseEvent::from_event(py, event, |py, status: &OfferStatus| {
            Ok(offer_status_to_py(py, status.clone())?.into_any().unbind())
        })
    }

    /// The event of any API's release, its status made by `status_to_py`.
    pub fn from_event<S>(
        py: Python<'_>,
        event: &ReleaseEvent<S>,
        status_to_py: impl FnOnce(Python<'_>, &S) -> PyResult<Py<PyAny>>,
    ) -> PyResult<PyReleaseEvent> {
        let (summary, fields, status) = match event {
            ReleaseEvent::PhaseFinished {
                summary, fields, ..
            } => (Some(summary.clone()), map_to_python(py, fields)?, None),
            ReleaseEvent::Status { status, .. } => {
                (None, PyDict::new(py), Some(status_to_py(py, status)?))
            }
            _ => (None, PyDict::new(py), None),
        };
        Ok(PyReleaseEvent {
            kind: event.kind(),
            phase: event.phase().label(),
            summary,
            fields: fields.unbind(),
            status,
        })
    }
}

#[pymethods]
impl PyReleaseEvent {
    /// `"phase_started"`, `"phase_finished"` or `"status"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }

    /// The phase: `"read"`, `"change"`, `"write"`, `"publish"`, `"review"`,
    /// `"go-live"`, `"live"` or `"done"`.
    #[getter]
    fn phase(&self) -> &'static str {
        self.phase
    }

    /// What a finished phase did, in one line (`sig=REDACTED`); `None` otherwise.
    #[getter]
    fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// What a finished phase did, as a dict of JSON values (empty otherwise).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> Bound<'py, PyDict> {
        self.fields.bind(py).clone()
    }

    /// The new status, for a `"status"` event; `None` otherwise.
    #[getter]
    fn status(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.status.as_ref().map(|s| s.clone_ref(py))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut text = format!(
            "ReleaseEvent(kind={}, phase={}",
            repr_quoted(py, self.kind),
            repr_quoted(py, self.phase)
        );
        if let Some(summary) = &self.summary {
            text.push_str(&format!(", summary={}", repr_quoted(py, summary)));
        }
        if let Some(status) = &self.status {
            text.push_str(&format!(", status={}", status.bind(py).repr()?));
        }
        text.push(')');
        Ok(text)
    }
}

/// How a release ended: `outcome` (a `ReleaseOutcome`), the last `status`, the `diff`
/// of a dry run, and for a failed or canceled one its `phase` and `operation`.
#[pyclass(frozen, module = "cloudpartner", name = "ReleaseResult")]
pub struct PyReleaseResult {
    outcome: Py<PyAny>,
    kind: &'static str,
    status: Option<Py<PyOfferStatus>>,
    diff: Option<String>,
    phase: Option<&'static str>,
    operation: Option<Py<PyOperationRef>>,
    offer: Option<Py<PyOffer>>,
}

static RELEASE_OUTCOME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

impl PyReleaseResult {
    fn from_core(py: Python<'_>, outcome: ReleaseOutcome) -> PyResult<PyReleaseResult> {
        let kind = outcome.kind().as_str();
        let class = RELEASE_OUTCOME.import(py, "cloudpartner._enums", "ReleaseOutcome")?;
        let status = |status: &OfferStatus| -> PyResult<Option<Py<PyOfferStatus>>> {
            Ok(Some(offer_status_to_py(py, status.clone())?.unbind()))
        };
        let offer = |offer: Offer| -> PyResult<Option<Py<PyOffer>>> {
            Ok(Some(Py::new(py, PyOffer::from_core(offer))?))
        };
        let operation = |operation: OperationRef| -> PyResult<Option<Py<PyOperationRef>>> {
            Ok(Some(Py::new(py, PyOperationRef { inner: operation })?))
        };
        let diff = outcome.diff();
        let (status, phase, operation, offer) = match outcome {
            ReleaseOutcome::Live {
                status: s,
                offer: o,
            }
            | ReleaseOutcome::AtReview {
                status: s,
                offer: o,
            } => (status(&s)?, None, None, offer(o)?),
            ReleaseOutcome::Failed {
                phase,
                status: s,
                operation: op,
            }
            | ReleaseOutcome::Canceled {
                phase,
                status: s,
                operation: op,
            } => (status(&s)?, Some(phase.label()), operation(op)?, None),
            ReleaseOutcome::DryRun { edit } => (None, None, None, offer(edit.after)?),
            _ => (None, None, None, None),
        };
        Ok(PyReleaseResult {
            outcome: class.call1((kind,))?.unbind(),
            kind,
            status,
            diff,
            phase,
            operation,
            offer,
        })
    }
}

#[pymethods]
impl PyReleaseResult {
    /// How it ended: a `ReleaseOutcome` (`LIVE`, `AT_REVIEW`, `FAILED`, `CANCELED`,
    /// `DRY_RUN`).
    #[getter]
    fn outcome(&self, py: Python<'_>) -> Py<PyAny> {
        self.outcome.clone_ref(py)
    }

    /// The last `OfferStatus` seen; `None` for a dry run.
    #[getter]
    fn status(&self, py: Python<'_>) -> Option<Py<PyOfferStatus>> {
        self.status.as_ref().map(|s| s.clone_ref(py))
    }

    /// A dry run's change: a unified diff of the definition (`sig=REDACTED`).
    #[getter]
    fn diff(&self) -> Option<&str> {
        self.diff.as_deref()
    }

    /// The phase that waited when the release failed or was canceled at the service.
    #[getter]
    fn phase(&self) -> Option<&'static str> {
        self.phase
    }

    /// The operation that failed or was canceled.
    #[getter]
    fn operation(&self, py: Python<'_>) -> Option<Py<PyOperationRef>> {
        self.operation.as_ref().map(|o| o.clone_ref(py))
    }

    /// The offer as written (live, at review), or as a dry run would write it.
    #[getter]
    fn offer(&self, py: Python<'_>) -> Option<Py<PyOffer>> {
        self.offer.as_ref().map(|o| o.clone_ref(py))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut text = format!("ReleaseResult(outcome={}", repr_quoted(py, self.kind));
        if let Some(phase) = self.phase {
            text.push_str(&format!(", phase={}", repr_quoted(py, phase)));
        }
        if let Some(status) = &self.status {
            text.push_str(&format!(", status={}", status.bind(py).repr()?));
        }
        text.push(')');
        Ok(text)
    }
}

/// The keyword arguments of `release(...)`, read when the method is called.
pub struct ReleaseArgs<'py> {
    pub publisher_id: String,
    pub offer_id: String,
    pub plan: &'py Bound<'py, PyAny>,
    pub version: &'py Bound<'py, PyAny>,
    pub os_vhd_url: &'py Bound<'py, PyAny>,
    pub data_disks: Option<&'py Bound<'py, PyAny>>,
    pub label: Option<&'py Bound<'py, PyAny>>,
    pub media_name: Option<&'py Bound<'py, PyAny>>,
    pub description: Option<&'py Bound<'py, PyAny>>,
    pub go_live: bool,
    pub dry_run: bool,
    pub notification_emails: Option<&'py Bound<'py, PyAny>>,
    pub on_progress: Option<&'py Bound<'py, PyAny>>,
    pub min_interval: Option<f64>,
    pub max_interval: Option<f64>,
    pub timeout: Option<f64>,
}

/// A release ready to run, with its progress callback.
pub struct ReleaseCall {
    client: Client,
    request: ReleaseRequest,
    on_progress: Progress,
}

impl ReleaseCall {
    /// Reads the arguments (wrong types and bad intervals raise here; the core checks
    /// the ids and the image before it sends anything).
    pub fn new(py: Python<'_>, client: &Client, args: ReleaseArgs<'_>) -> PyResult<ReleaseCall> {
        let image: VmImageVersion = image_from_parts(
            args.version,
            args.os_vhd_url,
            [
                ("label", args.label),
                ("media_name", args.media_name),
                ("description", args.description),
                ("data_disks", args.data_disks),
            ],
        )?;
        let on_progress = Progress::new(args.on_progress)?;
        let watch = watch_options(
            py,
            "terminal",
            args.min_interval,
            args.max_interval,
            args.timeout,
        )?;
        Ok(ReleaseCall {
            client: client.clone(),
            request: ReleaseRequest {
                publisher_id: args.publisher_id,
                offer_id: args.offer_id,
                plan_id: args::string("plan", args.plan)?,
                image,
                go_live: args.go_live,
                dry_run: args.dry_run,
                notification_emails: args::notification_emails(args.notification_emails)?,
                watch,
            },
            on_progress,
        })
    }

    /// The release, stopped by the first exception of `on_progress` (before anything
    /// more is sent: the callback then answers `Break`), and stopped when the returned
    /// future is dropped (Ctrl-C, a cancelled task).
    fn run(self) -> impl Future<Output = Released<ReleaseOutcome>> + Send + 'static {
        self.release()
    }

    async fn release(self) -> Released<ReleaseOutcome> {
        let progress = self.on_progress;
        let on_event = progress.handler(|py, event: &CppReleaseEvent| {
            Ok(Py::new(py, PyReleaseEvent::from_core(py, event)?)?.into_any())
        });
        let result = cloudpartner::release(&self.client, &self.request, on_event).await;
        progress.finish(result.map_err(cloudpartner::Error::from))
    }

    /// Runs it to its end: `Client.release` (Ctrl-C cancels it).
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

/// A release's `on_progress`: called with the GIL on a thread of the runtime while the
/// release waits; its first exception is kept and answers `Break` (nothing more is
/// sent), and the release then raises it.
pub struct Progress {
    callback: Option<Arc<Py<PyAny>>>,
    failure: Arc<Mutex<Option<PyErr>>>,
}

impl Progress {
    /// Checks the argument (a callable or `None`).
    pub fn new(on_progress: Option<&Bound<'_, PyAny>>) -> PyResult<Progress> {
        let callback = match on_progress {
            Some(callback) if !callback.is_none() => {
                if !callback.is_callable() {
                    return Err(args::wrong_type(
                        "on_progress",
                        "a callable or None",
                        callback,
                    ));
                }
                Some(Arc::new(callback.clone().unbind()))
            }
            _ => None,
        };
        Ok(Progress {
            callback,
            failure: Arc::default(),
        })
    }

    /// The core's progress callback: each event made into a Python object by `make`.
    pub fn handler<E>(
        &self,
        make: impl Fn(Python<'_>, &E) -> PyResult<Py<PyAny>> + Send,
    ) -> impl FnMut(&E) -> ControlFlow<()> + Send {
        let callback = self.callback.clone();
        let raised = self.failure.clone();
        move |event: &E| -> ControlFlow<()> {
            let Some(callback) = &callback else {
                return ControlFlow::Continue(());
            };
            let called = attach_from_native(|py| {
                let event = make(py, event)?;
                callback.call1(py, (event,)).map(drop)
            });
            match called {
                Some(Err(error)) => {
                    if let Ok(mut slot) = raised.lock() {
                        slot.get_or_insert(error);
                    }
                    ControlFlow::Break(())
                }
                _ => ControlFlow::Continue(()),
            }
        }
    }

    /// The release's answer: what the callback raised, else the core's result.
    pub fn finish<T>(&self, result: cloudpartner::Result<T>) -> Released<T> {
        match self.failure.lock().ok().and_then(|mut f| f.take()) {
            Some(error) => Released::Raised(error),
            None => Released::Done(result),
        }
    }
}

impl ToPython for ReleaseOutcome {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyReleaseResult::from_core(py, self)?)?.into_any())
    }
}

/// How the future ended: the core's answer, or what `on_progress` raised (made once per
/// release: its size does not matter).
#[allow(clippy::large_enum_variant)]
pub enum Released<T> {
    Done(cloudpartner::Result<T>),
    Raised(PyErr),
}

impl<'py, T: ToPython> IntoPyObject<'py> for Released<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Released::Done(Ok(outcome)) => outcome.to_python(py),
            Released::Done(Err(error)) => Err(to_py_err(py, &error)),
            Released::Raised(error) => Err(error),
        }
    }
}
