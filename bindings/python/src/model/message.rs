//! `Message`: a message of the pipeline, about the offer or one of its steps.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};

use super::location::{MessageAt, Root};
use super::repr::{quoted, shortened};
use super::{pickling, python_json, wire};
use crate::enums::EnumMembers;

/// A message from the pipeline, in HTML and in plain text, with its level and time.
#[pyclass(frozen, module = "cloudpartner", name = "Message")]
pub struct PyMessage {
    root: Root,
    at: MessageAt,
    /// The message as HTML (the wire's `messageHtml`).
    #[pyo3(get)]
    html: Py<PyString>,
    /// The message as plain text: tags stripped, entities decoded, whitespace collapsed.
    #[pyo3(get)]
    text: Py<PyString>,
    /// `MessageLevel.INFORMATION`, `WARNING`, `ERROR` or `UNKNOWN`.
    #[pyo3(get)]
    level: Py<PyAny>,
    /// The level as the service spelled it.
    #[pyo3(get)]
    raw_level: Py<PyString>,
    /// The `datetime` of `timestamp`, made on first use and kept.
    timestamp: PyOnceLock<Option<Py<PyAny>>>,
}

impl PyMessage {
    /// The Python object for the message at `at` in `root`.
    pub fn build(
        py: Python<'_>,
        enums: &EnumMembers,
        root: &Root,
        at: MessageAt,
    ) -> PyResult<PyMessage> {
        let message = at.get(root);
        Ok(PyMessage {
            html: PyString::new(py, &message.html).unbind(),
            text: PyString::new(py, &message.text).unbind(),
            level: enums.message_level(py, &message.level),
            raw_level: PyString::new(py, &message.raw_level).unbind(),
            timestamp: PyOnceLock::new(),
            root: root.clone(),
            at,
        })
    }
}

#[pymethods]
impl PyMessage {
    /// When it was written, a timezone-aware UTC `datetime`; `None` when absent or
    /// unreadable.
    #[getter]
    fn timestamp(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let timestamp =
            self.timestamp
                .get_or_try_init(py, || match &self.at.get(&self.root).timestamp {
                    Some(t) => Ok::<_, PyErr>(Some(t.into_pyobject(py)?.into_any().unbind())),
                    None => Ok(None),
                })?;
        Ok(timestamp.as_ref().map(|t| t.clone_ref(py)))
    }

    /// The message as its canonical wire JSON object (`messageHtml`, `level`, `timestamp`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let document = self.root.to_value();
        python_json::loads(py, &wire::message(&document, self.at).to_string())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let message = self.at.get(&self.root);
        let timestamp = match &message.timestamp {
            Some(t) => quoted(py, &cloudpartner::format_timestamp(t)),
            None => "None".to_owned(),
        };
        format!(
            "Message(level={}, timestamp={timestamp}, text={})",
            quoted(py, message.level.as_wire()),
            quoted(py, &shortened(&message.text, 80))
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyMessage>) -> bool {
        let other = other.get();
        self.at.get(&self.root) == other.at.get(&other.root)
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let document = wire::with_raw_spellings(&self.root);
        pickling::reduce(py, "Message", wire::message(&document, self.at))
    }
}
