//! `Watch` and `AsyncWatch`: a watch as a Python iterator and async iterator.

use pyo3::prelude::*;

use crate::errors::to_py_err;
use crate::model::{PyOfferStatus, offer_status_to_py};
use crate::outcome::AsyncWatchStep;
use crate::runtime::block_on;
use crate::watch_handle::WatchHandle;

/// Iterates over the statuses of an offer until its publish ends (or needs the
/// publisher): each status that differs from the last. Closing it (or leaving a
/// `with` block) stops the polling.
#[pyclass(frozen, module = "cloudpartner", name = "Watch")]
pub struct PyWatch {
    handle: WatchHandle,
}

impl PyWatch {
    /// The iterator over `handle`.
    pub fn new(handle: WatchHandle) -> PyWatch {
        PyWatch { handle }
    }
}

#[pymethods]
impl PyWatch {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyOfferStatus>>> {
        let handle = self.handle.clone();
        match block_on(py, async move { handle.next().await })? {
            None => Ok(None),
            Some(Ok(status)) => Ok(Some(offer_status_to_py(py, status)?)),
            Some(Err(error)) => Err(to_py_err(py, &error)),
        }
    }

    /// Stops the watch; iterating further ends at once.
    fn close(&self) {
        self.handle.close();
    }

    fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) {
        self.handle.close();
    }
}

/// The async iterator of `AsyncClient.watch`: `async for status in watch: ...`.
#[pyclass(frozen, module = "cloudpartner", name = "AsyncWatch")]
pub struct PyAsyncWatch {
    handle: WatchHandle,
}

impl PyAsyncWatch {
    /// The async iterator over `handle`.
    pub fn new(handle: WatchHandle) -> PyAsyncWatch {
        PyAsyncWatch { handle }
    }
}

#[pymethods]
impl PyAsyncWatch {
    fn __aiter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let handle = self.handle.clone();
        crate::awaitable::future_into_py(py, async move { Ok(AsyncWatchStep(handle.next().await)) })
    }

    /// Stops the watch; iterating further ends at once.
    fn close(&self) {
        self.handle.close();
    }

    /// Stops the watch (the async form, for `contextlib.aclosing`).
    fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.handle.close();
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
        _args: &Bound<'py, pyo3::types::PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.aclose(py)
    }
}
