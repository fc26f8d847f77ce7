//! `TimeFrame`: a step's estimated time frame, its text and its range.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use cloudpartner::TimeFrame;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};

use super::repr::quoted;

/// A step's estimated time frame (`"~2-3 days"`): the raw text and, when it could be
/// read, `min` and `max` as `timedelta`.
///
/// The two `timedelta`s are made on first use and kept: most programs never look.
#[pyclass(frozen, module = "cloudpartner", name = "TimeFrame")]
pub struct PyTimeFrame {
    inner: TimeFrame,
    /// The text as the service sent it.
    #[pyo3(get)]
    raw: Py<PyString>,
    range: PyOnceLock<Option<(Py<PyAny>, Py<PyAny>)>>,
}

impl PyTimeFrame {
    /// The Python object for a parsed time frame.
    pub fn build(py: Python<'_>, inner: TimeFrame) -> PyTimeFrame {
        PyTimeFrame {
            raw: PyString::new(py, inner.raw()).unbind(),
            inner,
            range: PyOnceLock::new(),
        }
    }

    /// `(min, max)` as `timedelta`s, made once.
    fn range(&self, py: Python<'_>) -> PyResult<&Option<(Py<PyAny>, Py<PyAny>)>> {
        self.range.get_or_try_init(py, || match self.inner.range() {
            Some((min, max)) => Ok(Some((
                min.into_pyobject(py)?.into_any().unbind(),
                max.into_pyobject(py)?.into_any().unbind(),
            ))),
            None => Ok(None),
        })
    }
}

#[pymethods]
impl PyTimeFrame {
    /// Reads a time frame such as `"< 15 min"`; text it cannot read has no range.
    #[new]
    fn new(py: Python<'_>, raw: &str) -> PyTimeFrame {
        PyTimeFrame::build(py, TimeFrame::parse(raw))
    }

    /// The lower end of the range, a `timedelta`; `None` when the text could not be read.
    #[getter]
    fn min(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        Ok(self.range(py)?.as_ref().map(|(min, _)| min.clone_ref(py)))
    }

    /// The upper end of the range, a `timedelta`; `None` when the text could not be read.
    #[getter]
    fn max(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        Ok(self.range(py)?.as_ref().map(|(_, max)| max.clone_ref(py)))
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
