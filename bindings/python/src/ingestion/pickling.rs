//! Pickling of the Product Ingestion values: each reduces to
//! `_unpickle_ingestion(kind, state)`, `state` a tuple of the core value's fields as
//! plain Python values (states as their wire text, times as `(seconds, nanoseconds)`
//! so that nothing is rounded to Python's microseconds), and is rebuilt from them.
//! Resources and products pickle as their lossless JSON (`_unpickle_resource`). The
//! state form of each value, both ways, is here; `unpickling.rs` builds the classes.

use chrono::{DateTime, Utc};
use cloudpartner::ingestion::{
    DataDisk, DeprecationSchedule, Job, JobError, LifecycleState, ProductStatus, ResourceTree,
    Submission, SubmissionResult, SubmissionStatus, Target, TechnicalConfiguration, VmImage,
    VmImageVersion,
};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

use crate::errors::invalid_argument;

static UNPICKLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `(cloudpartner._native._unpickle_ingestion, (kind, state))`.
fn reduce<'py>(
    py: Python<'py>,
    kind: &str,
    state: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    let unpickle = UNPICKLE.import(py, "cloudpartner._native", "_unpickle_ingestion")?;
    let state = state.into_bound_py_any(py)?;
    let args = PyTuple::new(py, [kind.into_pyobject(py)?.into_any(), state])?;
    PyTuple::new(py, [unpickle.clone(), args.into_any()])
}

pub(crate) type Time = Option<(i64, u32)>;

fn time_state(time: Option<DateTime<Utc>>) -> Time {
    time.map(|t| (t.timestamp(), t.timestamp_subsec_nanos()))
}

pub(crate) fn time_of(py: Python<'_>, state: Time) -> PyResult<Option<DateTime<Utc>>> {
    state
        .map(|(seconds, nanos)| {
            DateTime::from_timestamp(seconds, nanos)
                .ok_or_else(|| invalid_argument(py, "unpickling: a time out of range"))
        })
        .transpose()
}

pub(crate) type JobErrorState = (String, String, Option<String>, Vec<Py<PyAny>>);

fn job_error_state(py: Python<'_>, error: &JobError) -> PyResult<Py<PyAny>> {
    let details = error
        .details
        .iter()
        .map(|d| job_error_state(py, d))
        .collect::<PyResult<Vec<_>>>()?;
    let state = (&error.code, &error.message, &error.resource_id, details);
    Ok(state.into_pyobject(py)?.into_any().unbind())
}

pub(crate) fn job_error_of(state: &Bound<'_, PyAny>) -> PyResult<JobError> {
    let (code, message, resource_id, details): JobErrorState = state.extract()?;
    let details = details
        .iter()
        .map(|d| job_error_of(d.bind(state.py())))
        .collect::<PyResult<_>>()?;
    Ok(JobError {
        code,
        message,
        resource_id,
        details,
    })
}

pub(crate) type SubmissionState = (String, String, String, Option<String>, Option<String>, Time);

fn submission_state(s: &Submission) -> SubmissionState {
    (
        s.id.clone(),
        s.product.clone(),
        s.target.as_wire().to_owned(),
        s.status.as_ref().map(|v| v.as_wire().to_owned()),
        s.result.as_ref().map(|v| v.as_wire().to_owned()),
        time_state(s.created),
    )
}

pub(crate) fn submission_of(py: Python<'_>, state: SubmissionState) -> PyResult<Submission> {
    let (id, product, target, status, result, created) = state;
    Ok(Submission {
        id,
        product,
        target: Target::from_wire(&target),
        status: status.as_deref().map(SubmissionStatus::from_wire),
        result: result.as_deref().map(SubmissionResult::from_wire),
        created: time_of(py, created)?,
    })
}

pub(crate) type ImageState = (String, String, String, Vec<(u32, String)>, String, String);

fn image_state(image: &VmImage) -> ImageState {
    (
        image.image_type.clone(),
        image.source_type.clone(),
        image.os_disk_uri.clone(),
        image
            .data_disks
            .iter()
            .map(|d| (d.lun, d.uri.clone()))
            .collect(),
        image.shared_image_tenant_id.clone(),
        image.shared_image_resource_id.clone(),
    )
}

pub(crate) fn image_of(state: ImageState) -> VmImage {
    let (image_type, source_type, os_disk_uri, disks, tenant, resource) = state;
    VmImage {
        image_type,
        source_type,
        os_disk_uri,
        data_disks: disks
            .into_iter()
            .map(|(lun, uri)| DataDisk::new(lun, uri))
            .collect(),
        shared_image_tenant_id: tenant,
        shared_image_resource_id: resource,
    }
}

pub(crate) type VersionState = (
    String,
    Option<String>,
    Vec<ImageState>,
    Option<(String, String, String)>,
);

fn version_state(version: &VmImageVersion) -> VersionState {
    (
        version.version_number.clone(),
        version
            .lifecycle_state
            .as_ref()
            .map(|s| s.as_wire().to_owned()),
        version.images.iter().map(image_state).collect(),
        version
            .deprecation_schedule
            .as_ref()
            .map(|s| (s.date.clone(), s.date_offset.clone(), s.reason.clone())),
    )
}

pub(crate) fn version_of(state: VersionState) -> VmImageVersion {
    let (version_number, lifecycle, images, schedule) = state;
    VmImageVersion {
        version_number,
        lifecycle_state: lifecycle.as_deref().map(LifecycleState::from_wire),
        images: images.into_iter().map(image_of).collect(),
        deprecation_schedule: schedule.map(|(date, date_offset, reason)| DeprecationSchedule {
            date,
            date_offset,
            reason,
        }),
    }
}

/// `__reduce__` of a `Job`.
pub fn reduce_job<'py>(py: Python<'py>, job: &Job) -> PyResult<Bound<'py, PyTuple>> {
    let errors = job
        .errors
        .iter()
        .map(|e| job_error_state(py, e))
        .collect::<PyResult<Vec<_>>>()?;
    let state = (
        &job.id,
        job.status.as_wire(),
        job.result.as_wire(),
        time_state(job.start),
        time_state(job.end),
        errors,
    );
    reduce(py, "Job", state)
}

/// `__reduce__` of a `JobError`.
pub fn reduce_job_error<'py>(py: Python<'py>, error: &JobError) -> PyResult<Bound<'py, PyTuple>> {
    reduce(py, "JobError", job_error_state(py, error)?)
}

/// `__reduce__` of a `Submission`.
pub fn reduce_submission<'py>(
    py: Python<'py>,
    submission: &Submission,
) -> PyResult<Bound<'py, PyTuple>> {
    reduce(py, "Submission", submission_state(submission))
}

/// `__reduce__` of a `ProductStatus`.
pub fn reduce_product_status<'py>(
    py: Python<'py>,
    status: &ProductStatus,
) -> PyResult<Bound<'py, PyTuple>> {
    let state = (
        &status.product,
        status.preview.as_ref().map(submission_state),
        status.live.as_ref().map(submission_state),
        status.stage.as_wire(),
    );
    reduce(py, "ProductStatus", state)
}

/// `__reduce__` of a `VmImage`.
pub fn reduce_image<'py>(py: Python<'py>, image: &VmImage) -> PyResult<Bound<'py, PyTuple>> {
    reduce(py, "VmImage", image_state(image))
}

/// `__reduce__` of an `ingestion.VmImageVersion`.
pub fn reduce_version<'py>(
    py: Python<'py>,
    version: &VmImageVersion,
) -> PyResult<Bound<'py, PyTuple>> {
    reduce(py, "VmImageVersion", version_state(version))
}

/// `__reduce__` of a `TechnicalConfiguration`: its resource's lossless JSON, its plan
/// and the published versions known.
pub fn reduce_technical_configuration<'py>(
    py: Python<'py>,
    config: &TechnicalConfiguration,
) -> PyResult<Bound<'py, PyTuple>> {
    let published: Option<Vec<String>> = config
        .published_versions()
        .map(|p| p.iter().cloned().collect());
    let state = (config.resource().to_json(), config.plan_id(), published);
    reduce(py, "TechnicalConfiguration", state)
}

/// `__reduce__` of a `ResourceTree`: its lossless JSON and what it knows the preview
/// and live trees hold.
pub fn reduce_tree<'py>(py: Python<'py>, tree: &ResourceTree) -> PyResult<Bound<'py, PyTuple>> {
    let published = tree.published_versions().cloned();
    reduce(py, "ResourceTree", (tree.to_json(), published))
}
