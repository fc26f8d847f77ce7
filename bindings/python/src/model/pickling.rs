//! Pickling, the reducing half: every object reduces to `_unpickle(kind, wire_json)`
//! (see [`super::unpickling`]), the wire JSON keeping the service's own spellings.
//!
//! This module only names `_unpickle` by its import path, so the classes that use it
//! do not depend on the code that builds them again.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;
use serde_json::Value;

static UNPICKLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `(cloudpartner._native._unpickle, (kind, json))`: what `__reduce__` returns.
pub fn reduce<'py>(py: Python<'py>, kind: &str, wire: &Value) -> PyResult<Bound<'py, PyTuple>> {
    let unpickle = UNPICKLE.import(py, "cloudpartner._native", "_unpickle")?;
    let args = (kind, wire.to_string()).into_pyobject(py)?;
    PyTuple::new(py, [unpickle.clone(), args.into_any()])
}
