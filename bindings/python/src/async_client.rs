//! `AsyncClient`'s native half: the same calls as `Client`, returning awaitables that
//! run on the shared tokio runtime. `cloudpartner.AsyncClient` (Python) wraps it and
//! makes them coroutines.

use pyo3::prelude::*;

use crate::args;
use crate::client_options::ClientArgs;
use crate::concurrency::concurrency_limit;
use crate::errors::IntoPyResult;
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::offer_ids::offer_id_list;
use crate::outcome::{Batch, Fetched};
use crate::watch::PyAsyncWatch;
use crate::watch_options::watch_options;

/// A client of the Cloud Partner Portal API for asyncio.
#[pyclass(frozen, module = "cloudpartner._native", name = "AsyncClient")]
pub struct PyAsyncClient {
    inner: cloudpartner::Client,
}

impl PyAsyncClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::Client) -> PyAsyncClient {
        PyAsyncClient { inner }
    }
}

#[pymethods]
impl PyAsyncClient {
    #[new]
    #[pyo3(signature = (
        token = None, *, credential = None, base_url = None, api_version = None,
        timeout = None, connect_timeout = None, max_retries = None, allow_http = false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        #[pyo3(from_py_with = args::token)] token: Option<String>,
        credential: Option<Bound<'_, PyAny>>,
        #[pyo3(from_py_with = args::base_url)] base_url: Option<String>,
        #[pyo3(from_py_with = args::api_version)] api_version: Option<String>,
        #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
        #[pyo3(from_py_with = args::connect_timeout)] connect_timeout: Option<f64>,
        #[pyo3(from_py_with = args::max_retries)] max_retries: Option<i64>,
        #[pyo3(from_py_with = args::allow_http)] allow_http: bool,
    ) -> PyResult<PyAsyncClient> {
        let args = ClientArgs {
            token,
            credential,
            base_url,
            api_version,
            timeout,
            connect_timeout,
            max_retries,
            allow_http,
        };
        Ok(PyAsyncClient {
            inner: args.build(py)?,
        })
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    /// The `api-version` sent.
    #[getter]
    fn api_version(&self) -> &str {
        self.inner.api_version()
    }

    /// An awaitable of the status of one offer.
    fn offer_status<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        refresh_levels(py);
        let client = self.inner.clone();
        crate::awaitable::future_into_py(py, async move {
            Ok(Fetched(client.offer_status(&publisher_id, &offer_id).await))
        })
    }

    /// An awaitable of the statuses of several offers (see `Client.offer_statuses`).
    #[pyo3(signature = (publisher_id, offer_ids, *, concurrency = 8))]
    fn offer_statuses<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        offer_ids: &Bound<'py, PyAny>,
        #[pyo3(from_py_with = args::concurrency)] concurrency: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ids = offer_id_list(offer_ids)?;
        let concurrency = concurrency_limit(py, concurrency)?;
        refresh_levels(py);
        let client = self.inner.clone();
        crate::awaitable::future_into_py(py, async move {
            Ok(Batch(
                client.offer_statuses(&publisher_id, ids, concurrency).await,
            ))
        })
    }

    /// An async iterator over the statuses of an offer (see `Client.watch`).
    #[pyo3(signature = (
        publisher_id, offer_id, *, until = "terminal", min_interval = None,
        max_interval = None, timeout = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn watch(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        until: &str,
        #[pyo3(from_py_with = args::min_interval)] min_interval: Option<f64>,
        #[pyo3(from_py_with = args::max_interval)] max_interval: Option<f64>,
        #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
    ) -> PyResult<PyAsyncWatch> {
        let options = watch_options(py, until, min_interval, max_interval, timeout)?;
        refresh_levels(py);
        let watch = self.inner.watch(&publisher_id, &offer_id, options);
        Ok(PyAsyncWatch::new(watch.into_py_result(py)?))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "AsyncClient(base_url={}, api_version={})",
            repr_quoted(py, self.inner.base_url()),
            repr_quoted(py, self.inner.api_version())
        )
    }
}
