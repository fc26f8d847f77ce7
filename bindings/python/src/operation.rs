//! `Operation`, `OperationRef` and `Publisher`: what the publishing endpoints answer,
//! as read-only Python objects over the core's values.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use cloudpartner::{Operation, OperationRef, Publisher};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};

use crate::enums::EnumMembers;
use crate::errors::IntoPyResult;
use crate::model::{PyOfferStatus, offer_status_to_py, repr_quoted, wire_with_raw_spellings};
use crate::offer::json_bytes;

/// An operation on an offer (a publish, a go-live, a cancel): what it is, where it
/// stands, when it ran and, when the service sent them, its steps and messages.
#[pyclass(frozen, module = "cloudpartner", name = "Operation")]
pub struct PyOperation {
    inner: Operation,
    detail: PyOnceLock<Option<Py<PyOfferStatus>>>,
}

impl PyOperation {
    /// The Python object of a core operation.
    pub fn from_core(inner: Operation) -> PyOperation {
        PyOperation {
            inner,
            detail: PyOnceLock::new(),
        }
    }

    /// The operation's JSON with the service's own spellings of the states, so that
    /// `raw_state` survives pickling.
    fn wire_json(&self) -> String {
        let mut value = self.inner.to_value();
        if !self.inner.raw_state.is_empty() {
            value["status"] = self.inner.raw_state.clone().into();
        }
        if let Some(detail) = &self.inner.detail {
            let wire = wire_with_raw_spellings(detail);
            for key in ["messages", "steps"] {
                value[key] = wire[key].clone();
            }
        }
        value.to_string()
    }
}

/// A `list` of `Operation`s.
pub fn operation_list(py: Python<'_>, operations: Vec<Operation>) -> PyResult<Bound<'_, PyList>> {
    let objects = operations
        .into_iter()
        .map(|op| Py::new(py, PyOperation::from_core(op)))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// Parses one operation (JSON text or bytes): an object, or an array of exactly one.
#[pyfunction]
pub fn parse_operation(data: &Bound<'_, PyAny>) -> PyResult<PyOperation> {
    let bytes = json_bytes("parse_operation", data)?;
    let operation = cloudpartner::parse_operation(&bytes).into_py_result(data.py())?;
    Ok(PyOperation::from_core(operation))
}

/// Parses a list of operations (`GET .../submissions`).
#[pyfunction]
pub fn parse_operations<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = data.py();
    let bytes = json_bytes("parse_operations", data)?;
    let operations = cloudpartner::parse_operations(&bytes).into_py_result(py)?;
    operation_list(py, operations)
}

#[pymethods]
impl PyOperation {
    /// The operation's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// What it does (`"publish"`, `"goLive"`, ...), as sent.
    #[getter]
    fn submission_type(&self) -> &str {
        &self.inner.submission_type
    }

    /// An `OperationState` member (`UNKNOWN` for a state this version does not know).
    #[getter]
    fn state(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(EnumMembers::get(py)?.operation_state(py, &self.inner.state))
    }

    /// The state as the service spelled it.
    #[getter]
    fn raw_state(&self) -> &str {
        &self.inner.raw_state
    }

    /// Completed, failed or canceled: it will not change any more.
    #[getter]
    fn is_terminal(&self) -> bool {
        self.inner.state.is_terminal()
    }

    /// When it was created, an aware UTC `datetime`, or `None`.
    #[getter]
    fn created<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .created
            .map(|t| t.into_pyobject(py).map(Bound::into_any))
            .transpose()
    }

    /// When it last changed, an aware UTC `datetime`, or `None`.
    #[getter]
    fn last_action<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .last_action
            .map(|t| t.into_pyobject(py).map(Bound::into_any))
            .transpose()
    }

    /// The publishing version, or `None`.
    #[getter]
    fn publishing_version(&self) -> Option<i64> {
        self.inner.publishing_version
    }

    /// The version of the offer it works on, or `None`.
    #[getter]
    fn offer_version(&self) -> Option<i64> {
        self.inner.offer_version
    }

    /// The slot (`"Preview"`, `"Production"`, ...), or `None`.
    #[getter]
    fn slot(&self) -> Option<&str> {
        self.inner.slot.as_deref()
    }

    /// Whether a cancel was asked for and where it stands, or `None`.
    #[getter]
    fn cancellation_request_state(&self) -> Option<&str> {
        self.inner.cancellation_request_state.as_deref()
    }

    /// What went wrong, or `None`.
    #[getter]
    fn error(&self) -> Option<&str> {
        self.inner.error.as_deref()
    }

    /// Its steps, messages and links as an `OfferStatus`, when the service sent them;
    /// else `None`. Built on first use.
    #[getter]
    fn detail(&self, py: Python<'_>) -> PyResult<Option<Py<PyOfferStatus>>> {
        let detail = self
            .detail
            .get_or_try_init(py, || match &self.inner.detail {
                Some(status) => {
                    Ok::<_, PyErr>(Some(offer_status_to_py(py, status.clone())?.unbind()))
                }
                None => Ok(None),
            })?;
        Ok(detail.as_ref().map(|d| d.clone_ref(py)))
    }

    /// The canonical JSON of the operation, on one line.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The canonical JSON as a `dict`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json_value::to_python(py, &self.inner.to_value())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Operation(id={}, submission_type={}, state={}, offer_version={})",
            repr_quoted(py, &self.inner.id),
            repr_quoted(py, &self.inner.submission_type),
            repr_quoted(py, self.inner.state.as_wire()),
            self.inner
                .offer_version
                .map_or_else(|| "None".to_owned(), |v| v.to_string())
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyOperation>) -> bool {
        self.inner == other.get().inner
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let parse = py
            .import("cloudpartner._native")?
            .getattr("parse_operation")?;
        (parse, (self.wire_json(),)).into_pyobject(py)
    }
}

/// Where to follow an operation that publish, go-live or cancel started: its absolute
/// `url` and its `id` (the last segment of the URL's path).
#[pyclass(frozen, module = "cloudpartner", name = "OperationRef")]
pub struct PyOperationRef {
    pub inner: OperationRef,
}

#[pymethods]
impl PyOperationRef {
    #[new]
    fn new(url: String, id: String) -> PyOperationRef {
        PyOperationRef {
            inner: OperationRef { url, id },
        }
    }

    /// The operation's absolute URL.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// The operation's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    fn __str__(&self) -> &str {
        &self.inner.url
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "OperationRef(url={}, id={})",
            repr_quoted(py, &self.inner.url),
            repr_quoted(py, &self.inner.id)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyOperationRef>) -> bool {
        self.inner == other.get().inner
    }

    fn __hash__(&self) -> u64 {
        hash_of(&self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let inner = &slf.get().inner;
        (slf.get_type(), (inner.url.as_str(), inner.id.as_str())).into_pyobject(slf.py())
    }
}

/// A publisher account the identity may work on.
#[pyclass(frozen, module = "cloudpartner", name = "Publisher")]
pub struct PyPublisher {
    pub inner: Publisher,
}

#[pymethods]
impl PyPublisher {
    #[new]
    #[pyo3(
        signature = (id, display_text = String::new(), seller_id = String::new()),
        text_signature = "(id, display_text='', seller_id='')"
    )]
    fn new(id: String, display_text: String, seller_id: String) -> PyPublisher {
        PyPublisher {
            inner: Publisher {
                id,
                display_text,
                seller_id,
            },
        }
    }

    /// The publisher's id (`"contoso"`).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Its display name.
    #[getter]
    fn display_text(&self) -> &str {
        &self.inner.display_text
    }

    /// Its seller id.
    #[getter]
    fn seller_id(&self) -> &str {
        &self.inner.seller_id
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Publisher(id={}, display_text={}, seller_id={})",
            repr_quoted(py, &self.inner.id),
            repr_quoted(py, &self.inner.display_text),
            repr_quoted(py, &self.inner.seller_id)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyPublisher>) -> bool {
        self.inner == other.get().inner
    }

    fn __hash__(&self) -> u64 {
        hash_of(&self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let p = &slf.get().inner;
        (
            slf.get_type(),
            (p.id.as_str(), p.display_text.as_str(), p.seller_id.as_str()),
        )
            .into_pyobject(slf.py())
    }
}

/// A `list` of `Publisher`s.
pub fn publisher_list(py: Python<'_>, publishers: Vec<Publisher>) -> PyResult<Bound<'_, PyList>> {
    let objects = publishers
        .into_iter()
        .map(|inner| Py::new(py, PyPublisher { inner }))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
