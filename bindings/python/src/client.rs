//! `Client`: the blocking client. Each call runs on the shared runtime with the GIL
//! released, and Ctrl-C interrupts it.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::args;
use crate::client_options::ClientArgs;
use crate::concurrency::concurrency_limit;
use crate::errors::IntoPyResult;
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::model::{PyOfferStatus, offer_status_to_py};
use crate::offer_ids::offer_id_list;
use crate::outcome::Batch;
use crate::runtime::block_on;
use crate::watch::PyWatch;
use crate::watch_options::watch_options;

/// A client of the Cloud Partner Portal API whose calls block (and release the GIL).
#[pyclass(frozen, module = "cloudpartner", name = "Client")]
pub struct PyClient {
    inner: cloudpartner::Client,
}

impl PyClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::Client) -> PyClient {
        PyClient { inner }
    }
}

#[pymethods]
impl PyClient {
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
    ) -> PyResult<PyClient> {
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
        Ok(PyClient {
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

    /// The status of one offer, retried on transient failures.
    fn offer_status<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
    ) -> PyResult<Bound<'py, PyOfferStatus>> {
        refresh_levels(py);
        let client = self.inner.clone();
        let result = block_on(py, async move {
            client.offer_status(&publisher_id, &offer_id).await
        })?;
        offer_status_to_py(py, result.into_py_result(py)?)
    }

    /// The statuses of several offers of one publisher, `concurrency` at a time: a
    /// `dict` from offer id to its `OfferStatus` or its `CloudPartnerError`, in order.
    #[pyo3(signature = (publisher_id, offer_ids, *, concurrency = 8))]
    fn offer_statuses<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        offer_ids: &Bound<'py, PyAny>,
        #[pyo3(from_py_with = args::concurrency)] concurrency: i64,
    ) -> PyResult<Bound<'py, PyDict>> {
        let ids = offer_id_list(offer_ids)?;
        let concurrency = concurrency_limit(py, concurrency)?;
        refresh_levels(py);
        let client = self.inner.clone();
        let results = block_on(py, async move {
            client.offer_statuses(&publisher_id, ids, concurrency).await
        })?;
        Batch(results).into_pyobject(py)
    }

    /// Polls an offer until its publish ends (`until="terminal"`) or needs the
    /// publisher (`until="review"`), yielding each status that differs from the last.
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
    ) -> PyResult<PyWatch> {
        let options = watch_options(py, until, min_interval, max_interval, timeout)?;
        refresh_levels(py);
        let watch = self.inner.watch(&publisher_id, &offer_id, options);
        Ok(PyWatch::new(watch.into_py_result(py)?))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Client(base_url={}, api_version={})",
            repr_quoted(py, self.inner.base_url()),
            repr_quoted(py, self.inner.api_version())
        )
    }
}
