//! The methods of `IngestionClient` and `AsyncIngestionClient`, written once (DESIGN
//! §9, §11): `ingestion_client_methods!` expands this table into the `#[pymethods]` of
//! a client class; each method reads its arguments into a call of the core
//! (`ingestion::calls`, `ingestion::release`), run `blocking` or as an `awaitable`.

/// `ingestion_client_methods!(Class, "Name", blocking | awaitable, WatchType)`.
macro_rules! ingestion_client_methods {
    ($class:ident, $name:literal, $run:ident, $watch:ty) => {
        #[pymethods]
        impl $class {
            #[new]
            #[pyo3(signature = (
                token = None, *, credential = None, base_url = None, version = None,
                timeout = None, connect_timeout = None, max_retries = None, allow_http = false
            ))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                py: Python<'_>,
                #[pyo3(from_py_with = args::token)] token: Option<String>,
                credential: Option<Bound<'_, PyAny>>,
                #[pyo3(from_py_with = args::base_url)] base_url: Option<String>,
                #[pyo3(from_py_with = args::ingestion_version)] version: Option<String>,
                #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
                #[pyo3(from_py_with = args::connect_timeout)] connect_timeout: Option<f64>,
                #[pyo3(from_py_with = args::max_retries)] max_retries: Option<i64>,
                #[pyo3(from_py_with = args::allow_http)] allow_http: bool,
            ) -> PyResult<$class> {
                let args = ClientArgs {
                    token,
                    credential,
                    base_url,
                    api_version: version,
                    timeout,
                    connect_timeout,
                    max_retries,
                    allow_http,
                };
                Ok($class {
                    inner: args.build_ingestion(py)?,
                })
            }

            /// The base URL requests go to.
            #[getter]
            fn base_url(&self) -> &str {
                self.inner.base_url()
            }

            /// The `$version` sent.
            #[getter]
            fn version(&self) -> &str {
                self.inner.version()
            }

            /// Every product (offer) the identity may work on: a list of `Product`.
            /// Every page is followed; `page_size` asks for pages of at most that many
            /// (`$maxpagesize`), else the service's size.
            #[pyo3(signature = (*, page_size = None))]
            fn products<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::page_size)] page_size: Option<i64>,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::products(&self.inner, page_size).$run(py)
            }

            /// One product, by offer id, durable id (`product/<guid>`) or `Product`.
            fn product<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::product(&self.inner, product).$run(py)
            }

            /// The product's plans: a list of `Resource`.
            fn plans<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::plans(&self.inner, product).$run(py)
            }

            /// The product's `ResourceTree` of a target (`"draft"`, `"preview"`,
            /// `"live"` or a `Target`); a draft tree knows what preview and live hold.
            #[pyo3(signature = (product, *, target = None))]
            fn resource_tree<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
                target: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let target = match target.filter(|t| !t.is_none()) {
                    Some(t) => calls::target_argument(t)?,
                    None => Target::Draft,
                };
                calls::resource_tree(&self.inner, product, target).$run(py)
            }

            /// One resource by durable id.
            fn resource<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::durable_id)] durable_id: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::resource(&self.inner, durable_id).$run(py)
            }

            /// Sends resources as they are now (edits included): a `Job`. A 5xx answer
            /// is not sent again (a write).
            fn configure<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = resources_argument)] resources: Vec<Resource>,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::configure(&self.inner, resources).$run(py)
            }

            /// A configure job's status: a `Job`.
            fn job<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = calls::job_id_argument)] job: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::job(&self.inner, job).$run(py)
            }

            /// The resources a job configured.
            fn job_detail<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = calls::job_id_argument)] job: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::job_detail(&self.inner, job).$run(py)
            }

            /// Cancels a running job: the `Job`.
            fn cancel_job<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = calls::job_id_argument)] job: String,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::cancel_job(&self.inner, job).$run(py)
            }

            /// Waits until a job is done and returns it (a failed job is a result); a
            /// job still running at `timeout` raises `RequestTimeoutError` naming it.
            #[pyo3(signature = (job, *, min_interval = None, max_interval = None, timeout = None))]
            fn wait_for_job<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = calls::job_id_argument)] job: String,
                #[pyo3(from_py_with = args::min_interval)] min_interval: Option<f64>,
                #[pyo3(from_py_with = args::max_interval)] max_interval: Option<f64>,
                #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let options = watch_options(py, "terminal", min_interval, max_interval, timeout)?;
                calls::wait_for_job(&self.inner, job, options).$run(py)
            }

            /// The product's submissions: a list of `Submission`.
            fn submissions<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::submissions(&self.inner, product).$run(py)
            }

            /// Where the product stands: a `ProductStatus`.
            fn product_status<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::product_status(&self.inner, product).$run(py)
            }

            /// Follows the product's stage until it is terminal (`until="terminal"`) or
            /// a preview waits for go-live (`until="review"`), yielding each change.
            #[pyo3(signature = (
                product, *, until = "terminal", min_interval = None, max_interval = None,
                timeout = None
            ))]
            fn watch(
                &self,
                py: Python<'_>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
                until: &str,
                #[pyo3(from_py_with = args::min_interval)] min_interval: Option<f64>,
                #[pyo3(from_py_with = args::max_interval)] max_interval: Option<f64>,
                #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
            ) -> PyResult<$watch> {
                let options = watch_options(py, until, min_interval, max_interval, timeout)?;
                refresh_levels(py);
                let watch = self.inner.watch_product(product.as_ref(), options);
                Ok(<$watch>::new(watch.into_py_result(py)?))
            }

            /// Publishes the draft to preview (certification): the submission's `Job`.
            /// While a submission runs, `ConflictError` names it.
            fn publish<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::publish(&self.inner, product).$run(py)
            }

            /// Pushes the latest succeeded preview live: the submission's `Job`.
            fn go_live<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = product_argument)] product: ProductArg,
            ) -> PyResult<Bound<'py, PyAny>> {
                calls::go_live(&self.inner, product).$run(py)
            }

            /// Releases an image version: reads the draft, adds the version to `plan`'s
            /// technical configuration, configures, publishes, waits for
            /// certification and, with `go_live=True`, goes live and waits (`timeout`
            /// bounds it all). Resumable: what is already there is not sent again.
            /// Each phase goes to `on_progress(event)`; an exception it raises stops the
            /// release before anything more is sent, and is raised here.
            #[pyo3(
                signature = (
                    offer_id, *, plan, version, os_disk_uri, gen2_os_disk_uri = None,
                    data_disks = None, go_live = false, dry_run = false, on_progress = None,
                    min_interval = None, max_interval = None, timeout = None
                ),
                text_signature = "($self, offer_id, *, plan, version, os_disk_uri, \
                    gen2_os_disk_uri=None, data_disks=(), go_live=False, dry_run=False, \
                    on_progress=None, min_interval=None, max_interval=None, timeout=None)"
            )]
            #[allow(clippy::too_many_arguments)]
            fn release<'py>(
                &self,
                py: Python<'py>,
                #[pyo3(from_py_with = args::offer_id)] offer_id: String,
                plan: &Bound<'py, PyAny>,
                version: &Bound<'py, PyAny>,
                os_disk_uri: &Bound<'py, PyAny>,
                gen2_os_disk_uri: Option<&Bound<'py, PyAny>>,
                data_disks: Option<&Bound<'py, PyAny>>,
                #[pyo3(from_py_with = args::go_live)] go_live: bool,
                #[pyo3(from_py_with = args::dry_run)] dry_run: bool,
                on_progress: Option<&Bound<'py, PyAny>>,
                #[pyo3(from_py_with = args::min_interval)] min_interval: Option<f64>,
                #[pyo3(from_py_with = args::max_interval)] max_interval: Option<f64>,
                #[pyo3(from_py_with = args::timeout)] timeout: Option<f64>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let args = IngestionReleaseArgs {
                    offer_id,
                    plan,
                    version,
                    os_disk_uri,
                    gen2_os_disk_uri,
                    data_disks,
                    go_live,
                    dry_run,
                    on_progress,
                    min_interval,
                    max_interval,
                    timeout,
                };
                IngestionReleaseCall::new(py, &self.inner, args)?.$run(py)
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                format!(
                    concat!($name, "(base_url={}, version={})"),
                    repr_quoted(py, self.inner.base_url()),
                    repr_quoted(py, self.inner.version())
                )
            }
        }
    };
}

pub(crate) use ingestion_client_methods;
