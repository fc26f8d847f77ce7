//! `OfferStatus`: where an offer stands in its publishing pipeline.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};

use super::link::PyLink;
use super::location::{LinkAt, MessageAt, Root};
use super::message::PyMessage;
use super::repr::quoted;
use super::step::PyStep;
use super::{pickling, python_json, wire};
use crate::enums::EnumMembers;

/// Where an offer stands in its publishing pipeline: the body of
/// `GET /api/publishers/{publisherId}/offers/{offerId}/status`.
///
/// Its lists (steps, messages, links, e-mails) are made on first use and kept, so
/// that parsing builds no more Python objects than a program reads.
#[pyclass(frozen, module = "cloudpartner", name = "OfferStatus")]
pub struct PyOfferStatus {
    pub(super) root: Root,
    /// An `OfferState` member.
    #[pyo3(get)]
    pub(super) status: Py<PyAny>,
    pub(super) raw_status: PyOnceLock<Py<PyString>>,
    pub(super) messages: PyOnceLock<Py<PyList>>,
    pub(super) steps: PyOnceLock<Py<PyList>>,
    pub(super) preview_links: PyOnceLock<Py<PyList>>,
    pub(super) live_links: PyOnceLock<Py<PyList>>,
    pub(super) notification_emails: PyOnceLock<Py<PyList>>,
    /// `estimated_remaining`, made on first use.
    pub(super) estimated_remaining: PyOnceLock<Py<PyAny>>,
}

impl PyOfferStatus {
    /// The object for `root`; nothing below it is built yet.
    pub(super) fn build(py: Python<'_>, root: Root) -> PyResult<PyOfferStatus> {
        let enums = EnumMembers::get(py)?;
        Ok(PyOfferStatus {
            status: enums.offer_state(py, &root.status),
            raw_status: PyOnceLock::new(),
            messages: PyOnceLock::new(),
            steps: PyOnceLock::new(),
            preview_links: PyOnceLock::new(),
            live_links: PyOnceLock::new(),
            notification_emails: PyOnceLock::new(),
            estimated_remaining: PyOnceLock::new(),
            root,
        })
    }

    fn steps_list(&self, py: Python<'_>) -> PyResult<&Py<PyList>> {
        self.steps.get_or_try_init(py, || {
            let enums = EnumMembers::get(py)?;
            let steps = (0..self.root.steps.len())
                .map(|i| Py::new(py, PyStep::build(py, enums, &self.root, i)))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, steps)?.unbind())
        })
    }

    fn links(
        &self,
        py: Python<'_>,
        cell: &PyOnceLock<Py<PyList>>,
        at: fn(usize) -> LinkAt,
        count: usize,
    ) -> PyResult<Py<PyList>> {
        cell.get_or_try_init(py, || {
            let links = (0..count)
                .map(|i| Py::new(py, PyLink::build(py, &self.root, at(i))))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, links)?.unbind())
        })
        .map(|list| list.clone_ref(py))
    }
}

#[pymethods]
impl PyOfferStatus {
    /// The state as the service spelled it.
    #[getter]
    fn raw_status(&self, py: Python<'_>) -> Py<PyString> {
        self.raw_status
            .get_or_init(py, || PyString::new(py, &self.root.raw_status).unbind())
            .clone_ref(py)
    }

    /// Messages about the offer as a whole (a list of `Message`).
    #[getter]
    fn messages(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        self.messages
            .get_or_try_init(py, || {
                let enums = EnumMembers::get(py)?;
                let messages = (0..self.root.messages.len())
                    .map(|i| {
                        Py::new(
                            py,
                            PyMessage::build(py, enums, &self.root, MessageAt::Offer(i))?,
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok::<_, PyErr>(PyList::new(py, messages)?.unbind())
            })
            .map(|list| list.clone_ref(py))
    }

    /// The steps of the pipeline, in order (a list of `Step`).
    #[getter]
    fn steps(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        self.steps_list(py).map(|list| list.clone_ref(py))
    }

    /// Links to the preview (a list of `Link`).
    #[getter]
    fn preview_links(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        let count = self.root.preview_links.len();
        self.links(py, &self.preview_links, LinkAt::Preview, count)
    }

    /// Links to the live offer (a list of `Link`).
    #[getter]
    fn live_links(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        let count = self.root.live_links.len();
        self.links(py, &self.live_links, LinkAt::Live, count)
    }

    /// Who is told about publishing events (a list of `str`).
    #[getter]
    fn notification_emails(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        self.notification_emails
            .get_or_try_init(py, || {
                let emails = self
                    .root
                    .notification_emails
                    .iter()
                    .map(|e| PyString::new(py, e));
                Ok::<_, PyErr>(PyList::new(py, emails)?.unbind())
            })
            .map(|list| list.clone_ref(py))
    }

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

    /// The step holding the pipeline, or `None` (terminal, or no such step): the same
    /// object as in `steps`.
    #[getter]
    fn current_step(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.root.current_step_index() {
            Some(i) => Ok(Some(self.steps_list(py)?.bind(py).get_item(i)?.unbind())),
            None => Ok(None),
        }
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
