//! The core's errors as Python exceptions: `cloudpartner.CloudPartnerError` and its
//! subclasses, defined in `cloudpartner/_errors.py` and chosen there by kind.

use cloudpartner::{Error, ErrorKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// `cloudpartner._errors._from_native`, looked up once.
static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The exception instance (not raised) for a core error, with its kind, message,
/// status code, API code, request id and, for parse errors, line and column.
pub fn exception<'py>(py: Python<'py>, error: &Error) -> PyResult<Bound<'py, PyAny>> {
    let from_native = FROM_NATIVE.get_or_try_init(py, || {
        py.import("cloudpartner._errors")?
            .getattr("_from_native")
            .map(Bound::unbind)
    })?;
    from_native.bind(py).call1((
        error.kind().as_str(),
        error.message(),
        error.status_code(),
        error.api_code(),
        error.request_id(),
        error.line(),
        error.column(),
        error.request_id_is_client(),
    ))
}

/// The error to raise for a core error.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    match exception(py, error) {
        Ok(instance) => PyErr::from_value(instance),
        Err(failure) => {
            let err = PyRuntimeError::new_err(format!("cloudpartner: {error}"));
            err.set_cause(py, Some(failure));
            err
        }
    }
}

/// An `InvalidArgumentError` (also a `ValueError`) with `message`.
pub fn invalid_argument(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py_err(py, &Error::invalid_argument(message))
}

/// An `InternalError`: a bug or an unexpected state inside the library.
pub fn internal_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py_err(py, &Error::new(ErrorKind::Internal, message))
}

/// `result.map_err(|e| to_py_err(py, &e))`, shorter.
pub trait IntoPyResult<T> {
    /// Converts the core's error into the Python exception to raise.
    fn into_py_result(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for cloudpartner::Result<T> {
    fn into_py_result(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, &e))
    }
}
