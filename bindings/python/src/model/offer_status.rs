//! `OfferStatus`: where an offer stands in its publishing pipeline.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};

use super::location::Root;
use super::repr::quoted;
use super::step::PyStep;
use super::{pickling, python_json, wire};

/// Where an offer stands in its publishing pipeline: the body of
/// `GET /api/publishers/{publisherId}/offers/{offerId}/status`.
#[pyclass(frozen, module = "cloudpartner", name = "OfferStatus")]
pub struct PyOfferStatus {
    pub(super) root: Root,
    /// An `OfferState` member.
    #[pyo3(get)]
    pub(super) status: Py<PyAny>,
    /// The state as the service spelled it.
    #[pyo3(get)]
    pub(super) raw_status: Py<PyString>,
    /// Messages about the offer as a whole (a list of `Message`).
    #[pyo3(get)]
    pub(super) messages: Py<PyList>,
    /// The steps of the pipeline, in order (a list of `Step`).
    #[pyo3(get)]
    pub(super) steps: Py<PyList>,
    /// Links to the preview (a list of `Link`).
    #[pyo3(get)]
    pub(super) preview_links: Py<PyList>,
    /// Links to the live offer (a list of `Link`).
    #[pyo3(get)]
    pub(super) live_links: Py<PyList>,
    /// Who is told about publishing events (a list of `str`).
    #[pyo3(get)]
    pub(super) notification_emails: Py<PyList>,
    /// The same `Step` objects as `steps`, for `current_step`.
    pub(super) step_objects: Vec<Py<PyStep>>,
    /// `estimated_remaining`, made on first use.
    pub(super) estimated_remaining: PyOnceLock<Py<PyAny>>,
}

#[pymethods]
impl PyOfferStatus {
    /// Succeeded, failed or canceled: nothing more happens without a new publish.
    #[getter]
    fn is_terminal(&self) -> bool {
        self.root.is_terminal()
    }

    /// The offer, or one of its steps, waits for the publisher's review.
    #[getter]
    fn needs_publisher_action(&self) -> bool {
        self.root.needs_publisher_action()
    }

    /// The step holding the pipeline, or `None` (terminal, or no such step).
    #[getter]
    fn current_step(&self, py: Python<'_>) -> Option<Py<PyStep>> {
        self.root
            .current_step_index()
            .and_then(|i| self.step_objects.get(i))
            .map(|step| step.clone_ref(py))
    }

    /// How far the publish is, from 0.0 to 1.0.
    #[getter]
    fn progress(&self) -> f64 {
        self.root.progress()
    }

    /// How long the publish may still take, `(min, max)` as `timedelta`; `None` when
    /// terminal or when no remaining step has a readable time frame.
    #[getter]
    fn estimated_remaining(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.estimated_remaining
            .get_or_try_init(py, || match self.root.estimated_remaining() {
                Some(range) => Ok(range.into_pyobject(py)?.into_any().unbind()),
                None => Ok(py.None()),
            })
            .map(|value| value.clone_ref(py))
    }

    /// The canonical wire JSON, on one line: camelCase keys, canonical spellings.
    fn to_json(&self) -> String {
        self.root.to_json()
    }

    /// The canonical wire JSON as a `dict`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        python_json::loads(py, &self.root.to_json())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let current = match self.root.current_step() {
            Some(step) => quoted(py, &step.id),
            None => "None".to_owned(),
        };
        format!(
            "OfferStatus(status={}, current_step={current}, progress={:?}, steps={})",
            quoted(py, self.root.status.as_wire()),
            self.root.progress(),
            self.root.steps.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyOfferStatus>) -> bool {
        *self.root == *other.get().root
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce(py, "OfferStatus", &wire::with_raw_spellings(&self.root))
    }
}
