//! `Watch` and `AsyncWatch`: the core's watch handle as a Python iterator and async
//! iterator. `close()` is the core's: idempotent, and the iteration then ends cleanly.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::to_py_err;
use crate::model::{PyOfferStatus, offer_status_to_py};
use crate::outcome::AsyncWatchStep;
use crate::runtime::block_on;

/// Iterates over the statuses of an offer until its publish ends (or needs the
/// publisher): each status that differs from the last. Closing it (or leaving a
/// `with` block) stops the polling.
#[pyclass(frozen, module = "cloudpartner", name = "Watch")]
pub struct PyWatch {
    watch: Arc<cloudpartner::Watch>,
}

impl PyWatch {
    /// The iterator over the core's `watch`.
    pub fn new(watch: cloudpartner::Watch) -> PyWatch {
        PyWatch {
            watch: Arc::new(watch),
        }
    }
}

#[pymethods]
impl PyWatch {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyOfferStatus>>> {
        let watch = Arc::clone(&self.watch);
        match block_on(py, async move { watch.next().await })? {
            None => Ok(None),
            Some(Ok(status)) => Ok(Some(offer_status_to_py(py, status)?)),
            Some(Err(error)) => Err(to_py_err(py, &error)),
        }
    }

    /// Stops the watch; iterating further ends at once. Closing again does nothing.
    fn close(&self) {
        self.watch.close();
    }

    /// True once `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.watch.is_closed()
    }

    fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, PyTuple>) {
        self.watch.close();
    }
}

/// The async iterator of `AsyncClient.watch`: `async for status in watch: ...`.
#[pyclass(frozen, module = "cloudpartner", name = "AsyncWatch")]
pub struct PyAsyncWatch {
    watch: Arc<cloudpartner::Watch>,
}

impl PyAsyncWatch {
    /// The async iterator over the core's `watch`.
    pub fn new(watch: cloudpartner::Watch) -> PyAsyncWatch {
        PyAsyncWatch {
            watch: Arc::new(watch),
        }
    }
}

#[pymethods]
impl PyAsyncWatch {
    fn __aiter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let watch = Arc::clone(&self.watch);
        crate::awaitable::future_into_py(py, async move { Ok(AsyncWatchStep(watch.next().await)) })
    }

    /// Stops the watch; iterating further ends at once. Closing again does nothing.
    fn close(&self) {
        self.watch.close();
    }

    /// True once `close()` (or `aclose()`) was called.
    #[getter]
    fn closed(&self) -> bool {
        self.watch.is_closed()
    }

    /// Stops the watch (the async form, for `contextlib.aclosing`).
    fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.watch.close();
        crate::awaitable::future_into_py(py, async { Ok(()) })
    }

    fn __aenter__<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let this = slf.unbind();
        crate::awaitable::future_into_py(py, async move { Ok(this) })
    }

    #[pyo3(signature = (*_args))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _args: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.aclose(py)
    }
}
