//! The calls of the ingestion clients' method table (`ingestion::client_methods`),
//! once for both: each turns the Python arguments into a call of the core, which
//! `IngestionClient` runs blocking and `AsyncIngestionClient` as an awaitable (the
//! `Call` of `crate::publishing`).

use cloudpartner::WatchOptions;
use cloudpartner::ingestion::{
    Client, Job, Product, ProductStatus, Resource, ResourceTree, Submission, Target,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::args;
use crate::ingestion::enums::enum_text;
use crate::ingestion::job::{PyJob, PyProductStatus, PySubmission};
use crate::ingestion::resource::{ProductArg, product_list, resource_list, resource_to_py};
use crate::ingestion::tree::PyResourceTree;
use crate::publishing::Call;
use crate::to_python::ToPython;

impl ToPython for Vec<Product> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(product_list(py, self)?.into_any())
    }
}

impl ToPython for Product {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(resource_to_py(py, self.resource().clone())?.into_bound(py))
    }
}

impl ToPython for Vec<Resource> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(resource_list(py, self)?.into_any())
    }
}

impl ToPython for Resource {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(resource_to_py(py, self)?.into_bound(py))
    }
}

impl ToPython for ResourceTree {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyResourceTree { inner: self })?.into_any())
    }
}

impl ToPython for Job {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyJob { inner: self })?.into_any())
    }
}

impl ToPython for Vec<Submission> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let items = self
            .into_iter()
            .map(|inner| Py::new(py, PySubmission { inner }))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl ToPython for ProductStatus {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyProductStatus { inner: self })?.into_any())
    }
}

/// A call on a product argument.
macro_rules! product_call {
    ($client:expr, $product:expr, $method:ident $(, $extra:expr)*) => {{
        let client = $client.clone();
        let product = $product;
        Call::new(async move { client.$method(product.as_ref() $(, $extra)*).await })
    }};
}

/// Every product; with a page size, asking for pages of at most that many (every page
/// is followed either way). A page size below 1 is the core's `invalid_argument`.
pub fn products(client: &Client, page_size: Option<i64>) -> Call<Vec<Product>> {
    let client = client.clone();
    Call::new(async move {
        match page_size {
            None => client.products().await,
            Some(size) => {
                let size = u32::try_from(size.max(0)).unwrap_or(u32::MAX);
                client.products_paged(size).await
            }
        }
    })
}

pub fn product(client: &Client, product: ProductArg) -> Call<Product> {
    product_call!(client, product, product)
}

pub fn plans(client: &Client, product: ProductArg) -> Call<Vec<Resource>> {
    product_call!(client, product, plans)
}

pub fn resource_tree(client: &Client, product: ProductArg, target: Target) -> Call<ResourceTree> {
    product_call!(client, product, resource_tree, target)
}

pub fn resource(client: &Client, durable_id: String) -> Call<Resource> {
    let client = client.clone();
    Call::new(async move { client.resource(&durable_id).await })
}

pub fn configure(client: &Client, resources: Vec<Resource>) -> Call<Job> {
    let client = client.clone();
    Call::new(async move { client.configure(&resources).await })
}

pub fn job(client: &Client, job_id: String) -> Call<Job> {
    let client = client.clone();
    Call::new(async move { client.job(&job_id).await })
}

pub fn job_detail(client: &Client, job_id: String) -> Call<Vec<Resource>> {
    let client = client.clone();
    Call::new(async move { client.job_detail(&job_id).await })
}

pub fn cancel_job(client: &Client, job_id: String) -> Call<Job> {
    let client = client.clone();
    Call::new(async move { client.cancel_job(&job_id).await })
}

pub fn wait_for_job(client: &Client, job_id: String, options: WatchOptions) -> Call<Job> {
    let client = client.clone();
    Call::new(async move { client.wait_for_job(&job_id, options).await })
}

pub fn submissions(client: &Client, product: ProductArg) -> Call<Vec<Submission>> {
    product_call!(client, product, submissions)
}

pub fn product_status(client: &Client, product: ProductArg) -> Call<ProductStatus> {
    product_call!(client, product, product_status)
}

pub fn publish(client: &Client, product: ProductArg) -> Call<Job> {
    product_call!(client, product, publish)
}

pub fn go_live(client: &Client, product: ProductArg) -> Call<Job> {
    product_call!(client, product, go_live)
}

/// The `target` argument: a `Target` or its value (`"draft"`, `"preview"`, `"live"`).
pub fn target_argument(value: &Bound<'_, PyAny>) -> PyResult<Target> {
    let text = enum_text("target", value)?;
    let target = Target::from_wire(&text);
    if target.is_unknown() {
        return Err(crate::errors::invalid_argument(
            value.py(),
            format!("target must be draft, preview or live, got {text:?}"),
        ));
    }
    Ok(target)
}

/// A job argument: a `Job` or its id.
pub fn job_id_argument(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(job) = value.cast::<PyJob>() {
        return Ok(job.get().inner.id.clone());
    }
    if value.is_instance_of::<PyString>() {
        return args::string("job", value);
    }
    Err(args::wrong_type("job", "a Job or a job id (str)", value))
}
