//! The methods of `Client` and `AsyncClient`, written once (DESIGN §9: a new endpoint
//! costs one method here): `client_methods!` expands this table into the `#[pymethods]`
//! of a client class. Each method reads its arguments into a call of the core
//! (`crate::publishing`, `crate::release`), which `Client` runs blocking (`blocking`:
//! GIL released, Ctrl-C heard) and `AsyncClient` as an awaitable (`awaitable`);
//! `watch` makes the class's watch type (`Watch` or `AsyncWatch`).

/// `client_methods!(Class, "Name", blocking | awaitable, WatchType)`.
macro_rules! client_methods {
    ($class:ident, $name:literal, $run:ident, $watch:ty) => {
        #[pymethods]
        impl $class {
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
            ) -> PyResult<$class> {
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
                Ok($class {
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
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::offer_status(&self.inner, publisher_id, offer_id).$run(py)
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
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::offer_statuses(py, &self.inner, publisher_id, offer_ids, concurrency)?
                    .$run(py)
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
            ) -> PyResult<$watch> {
                let options = watch_options(py, until, min_interval, max_interval, timeout)?;
                refresh_levels(py);
                let watch = self.inner.watch(&publisher_id, &offer_id, options);
                Ok(<$watch>::new(watch.into_py_result(py)?))
            }

            /// The publisher accounts the identity may work on: a list of `Publisher`.
            fn publishers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                publishing::publishers(&self.inner).$run(py)
            }

            /// A publisher's offers, as summaries (no plans): a list of `Offer`.
            fn offers<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::offers(&self.inner, publisher_id).$run(py)
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
                publishing::offer(py, &self.inner, publisher_id, offer_id, slot, version)?.$run(py)
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
                publishing::put_offer(py, &self.inner, offer, if_match, force, create)?.$run(py)
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
                publishing::publish(&self.inner, publisher_id, offer_id, emails).$run(py)
            }

            /// Makes the reviewed preview live. An `OperationRef`.
            fn go_live<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
                #[pyo3(from_py_with = args::offer_id)] offer_id: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::go_live(&self.inner, publisher_id, offer_id).$run(py)
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
                publishing::cancel(&self.inner, publisher_id, offer_id, emails).$run(py)
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
                publishing::operations(&self.inner, publisher_id, offer_id, state).$run(py)
            }

            /// One operation by id, with its steps and messages when the service sends them.
            fn operation<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::publisher_id)] publisher_id: String,
                #[pyo3(from_py_with = args::offer_id)] offer_id: String,
                #[pyo3(from_py_with = args::operation_id)] operation_id: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::operation(&self.inner, publisher_id, offer_id, operation_id).$run(py)
            }

            /// The operation an `OperationRef` (or its URL) points at; a URL on another origin
            /// than the client's base URL raises `InvalidArgumentError` (the token is never
            /// sent elsewhere).
            fn operation_at<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = publishing::url_argument)] ref_or_url: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                publishing::operation_at(&self.inner, ref_or_url).$run(py)
            }

            /// Releases an image version: reads the draft, adds the image to `plan`, writes it
            /// back (with the ETag read), publishes, waits for the review and, with
            /// `go_live=True`, goes live and waits until live (`timeout` bounds it all). Each
            /// phase is reported to `on_progress(event)`; an exception it raises stops the
            /// release and is raised here; Ctrl-C stops it too. A `ReleaseResult`.
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
                ReleaseCall::new(py, &self.inner, args)?.$run(py)
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                format!(
                    concat!($name, "(base_url={}, api_version={})"),
                    repr_quoted(py, self.inner.base_url()),
                    repr_quoted(py, self.inner.api_version())
                )
            }
        }
    };
}

pub(crate) use client_methods;
