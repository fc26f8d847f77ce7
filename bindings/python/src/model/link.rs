//! `Link`: a link to the preview or to the live offer.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use super::location::{LinkAt, Root};
use super::repr::quoted;
use super::{pickling, python_json, wire};

/// A link to the preview or to the live offer.
#[pyclass(frozen, module = "cloudpartner", name = "Link")]
pub struct PyLink {
    root: Root,
    at: LinkAt,
    /// The link's label; empty when the service sent a bare URI.
    #[pyo3(get)]
    display_text: Py<PyString>,
    /// The URI.
    #[pyo3(get)]
    uri: Py<PyString>,
}

impl PyLink {
    /// The Python object for the link at `at` in `root`.
    pub fn build(py: Python<'_>, root: &Root, at: LinkAt) -> PyLink {
        let link = at.get(root);
        PyLink {
            display_text: PyString::new(py, &link.display_text).unbind(),
            uri: PyString::new(py, &link.uri).unbind(),
            root: root.clone(),
            at,
        }
    }
}

#[pymethods]
impl PyLink {
    /// The link as its canonical wire JSON object (`displayText`, `uri`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let document = self.root.to_value();
        python_json::loads(py, &wire::link(&document, self.at).to_string())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let link = self.at.get(&self.root);
        format!(
            "Link(display_text={}, uri={})",
            quoted(py, &link.display_text),
            quoted(py, &link.uri)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyLink>) -> bool {
        let other = other.get();
        self.at.get(&self.root) == other.at.get(&other.root)
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.at.get(&self.root).hash(&mut hasher);
        hasher.finish()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let document = wire::with_raw_spellings(&self.root);
        pickling::reduce(py, "Link", wire::link(&document, self.at))
    }
}
