//! `TimeFrame`: a step's estimated time frame, its text and its range.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use cloudpartner::TimeFrame;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use super::repr::quoted;

/// A step's estimated time frame (`"~2-3 days"`): the raw text and, when it could be
/// read, `min` and `max` as `timedelta`.
#[pyclass(frozen, module = "cloudpartner", name = "TimeFrame")]
pub struct PyTimeFrame {
    inner: TimeFrame,
    /// The text as the service sent it.
    #[pyo3(get)]
    raw: Py<PyString>,
    /// The lower end of the range, or `None` when the text could not be read.
    #[pyo3(get)]
    min: Option<Py<PyAny>>,
    /// The upper end of the range, or `None` when the text could not be read.
    #[pyo3(get)]
    max: Option<Py<PyAny>>,
}

impl PyTimeFrame {
    /// The Python object for a parsed time frame.
    pub fn build(py: Python<'_>, inner: TimeFrame) -> PyResult<PyTimeFrame> {
        let (min, max) = match inner.range() {
            Some((min, max)) => (
                Some(min.into_pyobject(py)?.into_any().unbind()),
                Some(max.into_pyobject(py)?.into_any().unbind()),
            ),
            None => (None, None),
        };
        Ok(PyTimeFrame {
            raw: PyString::new(py, inner.raw()).unbind(),
            inner,
            min,
            max,
        })
    }
}

#[pymethods]
impl PyTimeFrame {
    /// Reads a time frame such as `"< 15 min"`; text it cannot read has no range.
    #[new]
    fn new(py: Python<'_>, raw: &str) -> PyResult<PyTimeFrame> {
        PyTimeFrame::build(py, TimeFrame::parse(raw))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("TimeFrame({})", quoted(py, self.inner.raw()))
    }

    fn __eq__(&self, other: &Bound<'_, PyTimeFrame>) -> bool {
        self.inner == other.get().inner
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.inner.hash(&mut hasher);
        hasher.finish()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                PyTuple::new(py, [slf.get().raw.bind(py)])?.into_any(),
            ],
        )
    }
}
