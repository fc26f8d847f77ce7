//! `Job`, `JobError`, `Submission` and `ProductStatus`: values read from the core's,
//! with their states as the package's enums; and the parsers of the vectors.

use chrono::{DateTime, Utc};
use cloudpartner::ingestion::{Job, JobError, ProductStatus, Submission};
use cloudpartner::redact_sas;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::errors::IntoPyResult;
use crate::ingestion::enums::IngestionMembers;
use crate::ingestion::pickling;
use crate::ingestion::resource::resource_list;
use crate::model::repr_quoted;
use crate::offer::json_bytes;

/// A configure job: its status, result, times and errors (nested).
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "Job")]
pub struct PyJob {
    pub inner: Job,
}

/// An error of a job, with its nested details.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "JobError")]
pub struct PyJobError {
    inner: JobError,
}

impl PyJobError {
    /// The Python object of a core error.
    pub fn from_core(inner: JobError) -> Self {
        PyJobError { inner }
    }
}

fn errors(list: &[JobError]) -> Vec<PyJobError> {
    list.iter()
        .map(|e| PyJobError { inner: e.clone() })
        .collect()
}

#[pymethods]
impl PyJob {
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// A `JobStatus`.
    #[getter]
    fn status(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(IngestionMembers::get(py)?.job_status(py, &self.inner.status))
    }

    /// The status as sent.
    #[getter]
    fn raw_status(&self) -> &str {
        self.inner.status.as_wire()
    }

    /// A `JobResult`.
    #[getter]
    fn result(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(IngestionMembers::get(py)?.job_result(py, &self.inner.result))
    }

    /// The result as sent.
    #[getter]
    fn raw_result(&self) -> &str {
        self.inner.result.as_wire()
    }

    /// When it started (UTC), or `None`.
    #[getter]
    fn start(&self) -> Option<DateTime<Utc>> {
        self.inner.start
    }

    /// When it ended (UTC), or `None`.
    #[getter]
    fn end(&self) -> Option<DateTime<Utc>> {
        self.inner.end
    }

    /// Its errors, each with its nested details.
    #[getter]
    fn errors(&self) -> Vec<PyJobError> {
        errors(&self.inner.errors)
    }

    /// True once it completed.
    #[getter]
    fn is_done(&self) -> bool {
        self.inner.is_done()
    }

    /// True when it completed and succeeded.
    #[getter]
    fn succeeded(&self) -> bool {
        self.inner.succeeded()
    }

    /// True when certification failed (an `invalidState` error at any depth).
    #[getter]
    fn is_certification_failure(&self) -> bool {
        self.inner.is_certification_failure()
    }

    /// Each error and its details, two spaces a level: `code: message (resourceId)`.
    fn error_lines(&self) -> Vec<String> {
        self.inner.errors.iter().flat_map(JobError::lines).collect()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let shown = format!(
            "Job(id={}, status={}, result={}, errors={})",
            repr_quoted(py, &self.inner.id),
            repr_quoted(py, self.inner.status.as_wire()),
            repr_quoted(py, self.inner.result.as_wire()),
            self.inner.errors.len()
        );
        redact_sas(&shown).into_owned()
    }

    /// Equal when every field is (the raw states included).
    fn __eq__(&self, other: &Bound<'_, PyJob>) -> bool {
        self.inner == other.get().inner
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_job(py, &self.inner)
    }
}

#[pymethods]
impl PyJobError {
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The resource it is about, or `None`.
    #[getter]
    fn resource_id(&self) -> Option<&str> {
        self.inner.resource_id.as_deref()
    }

    #[getter]
    fn details(&self) -> Vec<PyJobError> {
        errors(&self.inner.details)
    }

    /// True for a certification error (`invalidState`).
    #[getter]
    fn is_certification(&self) -> bool {
        self.inner.is_certification()
    }

    /// This error and its details, two spaces a level.
    fn lines(&self) -> Vec<String> {
        self.inner.lines()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let shown = format!(
            "JobError(code={}, message={}, details={})",
            repr_quoted(py, &self.inner.code),
            repr_quoted(py, &self.inner.message),
            self.inner.details.len()
        );
        redact_sas(&shown).into_owned()
    }

    /// Equal when every field is, the details included.
    fn __eq__(&self, other: &Bound<'_, PyJobError>) -> bool {
        self.inner == other.get().inner
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_job_error(py, &self.inner)
    }
}

/// A submission: a publish to preview or live, with its status and result.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "Submission")]
pub struct PySubmission {
    pub inner: Submission,
}

#[pymethods]
impl PySubmission {
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    #[getter]
    fn product(&self) -> &str {
        &self.inner.product
    }

    /// A `Target`.
    #[getter]
    fn target(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(IngestionMembers::get(py)?.target(py, &self.inner.target))
    }

    /// A `SubmissionStatus`, or `None` when not sent.
    #[getter]
    fn status(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let members = IngestionMembers::get(py)?;
        Ok(self
            .inner
            .status
            .as_ref()
            .map(|s| members.submission_status(py, s)))
    }

    /// A `SubmissionResult`, or `None` when not sent.
    #[getter]
    fn result(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let members = IngestionMembers::get(py)?;
        Ok(self
            .inner
            .result
            .as_ref()
            .map(|s| members.submission_result(py, s)))
    }

    /// When it was made (UTC), or `None`.
    #[getter]
    fn created(&self) -> Option<DateTime<Utc>> {
        self.inner.created
    }

    #[getter]
    fn in_progress(&self) -> bool {
        self.inner.in_progress()
    }

    #[getter]
    fn succeeded(&self) -> bool {
        self.inner.succeeded()
    }

    #[getter]
    fn failed(&self) -> bool {
        self.inner.failed()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let text = |v: Option<&str>| v.map_or("None".to_owned(), |v| repr_quoted(py, v));
        format!(
            "Submission(id={}, target={}, status={}, result={})",
            repr_quoted(py, &self.inner.id),
            repr_quoted(py, self.inner.target.as_wire()),
            text(self.inner.status.as_ref().map(|s| s.as_wire())),
            text(self.inner.result.as_ref().map(|s| s.as_wire())),
        )
    }

    /// Equal when every field is.
    fn __eq__(&self, other: &Bound<'_, PySubmission>) -> bool {
        self.inner == other.get().inner
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_submission(py, &self.inner)
    }
}

/// Where a product stands: its latest preview and live submissions and its stage.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "ProductStatus")]
pub struct PyProductStatus {
    pub inner: ProductStatus,
}

#[pymethods]
impl PyProductStatus {
    /// The product (its offer id, or its durable id).
    #[getter]
    fn product(&self) -> &str {
        &self.inner.product
    }

    /// The latest submission to preview, or `None`.
    #[getter]
    fn preview(&self) -> Option<PySubmission> {
        self.inner
            .preview
            .clone()
            .map(|inner| PySubmission { inner })
    }

    /// The latest submission to live, or `None`.
    #[getter]
    fn live(&self) -> Option<PySubmission> {
        self.inner.live.clone().map(|inner| PySubmission { inner })
    }

    /// A `ProductStage`.
    #[getter]
    fn stage(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(IngestionMembers::get(py)?.product_stage(py, &self.inner.stage))
    }

    /// True when nothing runs and nothing waits for the publisher.
    #[getter]
    fn is_terminal(&self) -> bool {
        self.inner.is_terminal()
    }

    /// True when a preview waits for go-live.
    #[getter]
    fn needs_publisher_action(&self) -> bool {
        self.inner.needs_publisher_action()
    }

    /// True while a submission runs.
    #[getter]
    fn in_progress(&self) -> bool {
        self.inner.in_progress()
    }

    fn __eq__(&self, other: &Bound<'_, PyProductStatus>) -> bool {
        self.inner == other.get().inner
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let id = |s: &Option<Submission>| {
            s.as_ref()
                .map_or("None".to_owned(), |s| repr_quoted(py, &s.id))
        };
        format!(
            "ProductStatus(product={}, stage={}, preview={}, live={})",
            repr_quoted(py, &self.inner.product),
            repr_quoted(py, self.inner.stage.as_wire()),
            id(&self.inner.preview),
            id(&self.inner.live)
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_product_status(py, &self.inner)
    }
}

/// Parses a configure job's status.
#[pyfunction]
pub fn parse_job(data: &Bound<'_, PyAny>) -> PyResult<PyJob> {
    let py = data.py();
    let bytes = json_bytes("parse_job", data)?;
    let inner = cloudpartner::ingestion::parse_job(&bytes).into_py_result(py)?;
    Ok(PyJob { inner })
}

/// Parses a product's submissions (`GET submission/<guid>`): a list of `Submission`.
#[pyfunction]
pub fn parse_submissions(data: &Bound<'_, PyAny>) -> PyResult<Vec<PySubmission>> {
    let py = data.py();
    let bytes = json_bytes("parse_submissions", data)?;
    let list = cloudpartner::ingestion::parse_submissions(&bytes).into_py_result(py)?;
    Ok(list
        .into_iter()
        .map(|inner| PySubmission { inner })
        .collect())
}

/// The `ProductStatus` of `product` from its submissions (a list of `Submission`).
#[pyfunction]
pub fn product_status_of(
    product: &str,
    submissions: Vec<PyRef<'_, PySubmission>>,
) -> PyProductStatus {
    let list = submissions.iter().map(|s| s.inner.clone()).collect();
    PyProductStatus {
        inner: ProductStatus::from_submissions(product, list),
    }
}

/// Parses a page of products (`GET product`): `(resources, next_link)`.
#[pyfunction]
pub fn parse_page<'py>(data: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyList>, Option<String>)> {
    let py = data.py();
    let bytes = json_bytes("parse_page", data)?;
    let page = cloudpartner::ingestion::parse_page(&bytes).into_py_result(py)?;
    Ok((resource_list(py, page.resources)?, page.next_link))
}
