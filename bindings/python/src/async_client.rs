//! `AsyncClient`'s native half: the same calls as `Client`, returning awaitables that
//! run on the shared tokio runtime. `cloudpartner.AsyncClient` (Python) wraps it and
//! makes them coroutines.

use pyo3::prelude::*;

use cloudpartner::OperationState;

use crate::args;
use crate::client_options::ClientArgs;
use crate::concurrency::concurrency_limit;
use crate::errors::IntoPyResult;
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::offer_ids::offer_id_list;
use crate::outcome::{Batch, Fetched};
use crate::publishing;
use crate::release::{ReleaseArgs, ReleaseCall};
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

    /// The publisher accounts the identity may work on: a list of `Publisher`.
    fn publishers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        publishing::publishers(&self.inner).awaitable(py)
    }

    /// A publisher's offers, as summaries (no plans): a list of `Offer`.
    fn offers<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::offers(&self.inner, publisher_id).awaitable(py)
    }

    /// One offer: the draft (with its ETag), a slot (`"draft"`, `"preview"`,
    /// `"production"`) or a past version.
    #[pyo3(signature = (publisher_id, offer_id, *, slot = None, version = None))]
    fn offer<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        #[pyo3(from_py_with = args::slot)] slot: Option<String>,
        #[pyo3(from_py_with = args::version)] version: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::offer(py, &self.inner, publisher_id, offer_id, slot, version)?.awaitable(py)
    }

    /// Writes the offer as it is now (its definition's edits included) and returns it
    /// as stored, with its new ETag. `If-Match` is the offer's ETag (or `*` when it has
    /// none), `if_match` another one, `force=True` `*`; `create=True` sends
    /// `If-None-Match: *`. A 409 or 412 raises `ConflictError`.
    #[pyo3(signature = (offer, *, if_match = None, force = false, create = false))]
    fn put_offer<'py>(
        &self,
        py: Python<'py>,
        offer: &Bound<'py, PyAny>,
        #[pyo3(from_py_with = args::if_match)] if_match: Option<String>,
        #[pyo3(from_py_with = args::force)] force: bool,
        #[pyo3(from_py_with = args::create)] create: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::put_offer(py, &self.inner, offer, if_match, force, create)?.awaitable(py)
    }

    /// Publishes the draft (validation, preview, certification); the publish then waits
    /// for the publisher's review. An `OperationRef`.
    #[pyo3(signature = (publisher_id, offer_id, *, notification_emails = None))]
    fn publish<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        notification_emails: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let emails = args::notification_emails(notification_emails.as_ref())?;
        publishing::publish(&self.inner, publisher_id, offer_id, emails).awaitable(py)
    }

    /// Makes the reviewed preview live. An `OperationRef`.
    fn go_live<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::go_live(&self.inner, publisher_id, offer_id).awaitable(py)
    }

    /// Cancels the running operation: an `OperationRef` to follow, or `None` when it
    /// was done at once.
    #[pyo3(signature = (publisher_id, offer_id, *, notification_emails = None))]
    fn cancel<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        notification_emails: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let emails = args::notification_emails(notification_emails.as_ref())?;
        publishing::cancel(&self.inner, publisher_id, offer_id, emails).awaitable(py)
    }

    /// The offer's operations, only those in `state` (an `OperationState` or its
    /// value) when given: a list of `Operation`.
    #[pyo3(signature = (publisher_id, offer_id, *, state = None))]
    fn operations<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        #[pyo3(from_py_with = publishing::state_argument)] state: Option<OperationState>,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::operations(&self.inner, publisher_id, offer_id, state).awaitable(py)
    }

    /// One operation by id, with its steps and messages when the service sends them.
    fn operation<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        #[pyo3(from_py_with = args::operation_id)] operation_id: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::operation(&self.inner, publisher_id, offer_id, operation_id).awaitable(py)
    }

    /// The operation an `OperationRef` (or its URL) points at; a URL on another origin
    /// than the client's base URL raises `InvalidArgumentError` (the token is never
    /// sent elsewhere).
    fn operation_at<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = publishing::url_argument)] ref_or_url: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        publishing::operation_at(&self.inner, ref_or_url).awaitable(py)
    }

    /// An awaitable of the release of an image version (see `Client.release`);
    /// cancelling it stops the release.
    #[pyo3(
        signature = (
            publisher_id, offer_id, *, plan, version, os_vhd_url, data_disks = None,
            label = None, media_name = None, description = None, go_live = false,
            dry_run = false, notification_emails = None, on_progress = None,
            min_interval = None, max_interval = None, timeout = None
        ),
        text_signature = "($self, publisher_id, offer_id, *, plan, version, os_vhd_url, \
            data_disks=(), label=None, media_name=None, description=None, go_live=False, \
            dry_run=False, notification_emails=None, on_progress=None, min_interval=None, \
            max_interval=None, timeout=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn release<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
        #[pyo3(from_py_with = args::offer_id)] offer_id: String,
        plan: &Bound<'py, PyAny>,
        version: &Bound<'py, PyAny>,
        os_vhd_url: &Bound<'py, PyAny>,
        data_disks: Option<&Bound<'py, PyAny>>,
        label: Option<&Bound<'py, PyAny>>,
        media_name: Option<&Bound<'py, PyAny>>,
        description: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = args::go_live)] go_live: bool,
        #[pyo3(from_py_with = args::dry_run)] dry_run: bool,
        notification_emails: Option<&Bound<'py, PyAny>>,
        on_progress: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = args::min_interval)] min_interval: Option<f64>,
        #[pyo3(from_py_with = args::max_interval)] max_interval: Option<f64>,
        #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let args = ReleaseArgs {
            publisher_id,
            offer_id,
            plan,
            version,
            os_vhd_url,
            data_disks,
            label,
            media_name,
            description,
            go_live,
            dry_run,
            notification_emails,
            on_progress,
            min_interval,
            max_interval,
            timeout,
        };
        ReleaseCall::new(py, &self.inner, args)?.awaitable(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "AsyncClient(base_url={}, api_version={})",
            repr_quoted(py, self.inner.base_url()),
            repr_quoted(py, self.inner.api_version())
        )
    }
}
