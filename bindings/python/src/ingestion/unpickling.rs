//! `_unpickle_ingestion(kind, state)`: a pickled Product Ingestion value rebuilt as its
//! class from the state form of `pickling.rs`.

use std::collections::{BTreeMap, BTreeSet};

use cloudpartner::ingestion::{
    Job, JobResult, JobStatus, ProductStage, ProductStatus, Resource, TechnicalConfiguration,
};
use pyo3::prelude::*;

use crate::errors::{IntoPyResult, invalid_argument};
use crate::ingestion::images::{PyIngestionVmImageVersion, PyVmImage};
use crate::ingestion::job::{PyJob, PyJobError, PyProductStatus, PySubmission};
use crate::ingestion::pickling::{
    SubmissionState, Time, image_of, job_error_of, submission_of, time_of, version_of,
};
use crate::ingestion::technical_configuration::PyTechnicalConfiguration;
use crate::ingestion::tree::PyResourceTree;

/// Rebuilds a pickled Product Ingestion value from its `state` (see the `reduce_*`).
#[pyfunction]
#[pyo3(name = "_unpickle_ingestion")]
pub fn unpickle_ingestion(
    py: Python<'_>,
    kind: &str,
    state: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let object = match kind {
        "Job" => {
            type State = (String, String, String, Time, Time, Vec<Py<PyAny>>);
            let (id, status, result, start, end, errors): State = state.extract()?;
            let inner = Job {
                id,
                status: JobStatus::from_wire(&status),
                result: JobResult::from_wire(&result),
                start: time_of(py, start)?,
                end: time_of(py, end)?,
                errors: errors
                    .iter()
                    .map(|e| job_error_of(e.bind(py)))
                    .collect::<PyResult<_>>()?,
            };
            Py::new(py, PyJob { inner })?.into_any()
        }
        "JobError" => Py::new(py, PyJobError::from_core(job_error_of(state)?))?.into_any(),
        "Submission" => {
            let inner = submission_of(py, state.extract()?)?;
            Py::new(py, PySubmission { inner })?.into_any()
        }
        "ProductStatus" => {
            type State = (
                String,
                Option<SubmissionState>,
                Option<SubmissionState>,
                String,
            );
            let (product, preview, live, stage): State = state.extract()?;
            let inner = ProductStatus {
                product,
                preview: preview.map(|s| submission_of(py, s)).transpose()?,
                live: live.map(|s| submission_of(py, s)).transpose()?,
                stage: ProductStage::from_wire(&stage),
            };
            Py::new(py, PyProductStatus { inner })?.into_any()
        }
        "VmImage" => {
            let inner = image_of(state.extract()?);
            Py::new(py, PyVmImage { inner })?.into_any()
        }
        "VmImageVersion" => {
            let inner = version_of(state.extract()?);
            Py::new(py, PyIngestionVmImageVersion::from_core(inner))?.into_any()
        }
        "TechnicalConfiguration" => {
            let (json, plan, published): (String, String, Option<Vec<String>>) = state.extract()?;
            let resource = Resource::parse(json.as_bytes()).into_py_result(py)?;
            let published = published.map(|p| p.into_iter().collect());
            let inner = TechnicalConfiguration::new(resource, plan, published);
            Py::new(py, PyTechnicalConfiguration::from_core(inner))?.into_any()
        }
        "ResourceTree" => {
            type State = (String, Option<BTreeMap<String, BTreeSet<String>>>);
            let (json, published): State = state.extract()?;
            let mut inner =
                cloudpartner::ingestion::parse_resource_tree(json.as_bytes()).into_py_result(py)?;
            if let Some(published) = published {
                inner = inner.with_published(published);
            }
            Py::new(py, PyResourceTree { inner })?.into_any()
        }
        other => {
            return Err(invalid_argument(
                py,
                format!("unpickling: unknown kind `{other}`"),
            ));
        }
    };
    Ok(object)
}
