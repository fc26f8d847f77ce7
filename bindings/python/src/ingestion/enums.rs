//! The Product Ingestion enumerations as members of the Python enums `JobStatus`,
//! `JobResult`, `SubmissionStatus`, `SubmissionResult`, `Target`, `ProductStage` and
//! `LifecycleState` (defined in `cloudpartner/_enums.py`), looked up once.

use cloudpartner::ingestion::{
    JobResult, JobStatus, LifecycleState, ProductStage, SubmissionResult, SubmissionStatus, Target,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::enums::Members;

/// The members of the Product Ingestion enums.
pub struct IngestionMembers {
    job_status: Members,
    job_result: Members,
    submission_status: Members,
    submission_result: Members,
    target: Members,
    product_stage: Members,
    lifecycle_state: Members,
}

static MEMBERS: PyOnceLock<IngestionMembers> = PyOnceLock::new();

macro_rules! load {
    ($module:expr, $class:ty, $name:literal) => {
        Members::load(
            $module,
            $name,
            <$class>::KNOWN.iter().map(<$class>::as_wire),
        )?
    };
}

impl IngestionMembers {
    /// The members, imported from `cloudpartner._enums` on first use.
    pub fn get(py: Python<'_>) -> PyResult<&IngestionMembers> {
        MEMBERS.get_or_try_init(py, || {
            let module = py.import("cloudpartner._enums")?;
            Ok(IngestionMembers {
                job_status: load!(&module, JobStatus, "JobStatus"),
                job_result: load!(&module, JobResult, "JobResult"),
                submission_status: load!(&module, SubmissionStatus, "SubmissionStatus"),
                submission_result: load!(&module, SubmissionResult, "SubmissionResult"),
                target: load!(&module, Target, "Target"),
                product_stage: load!(&module, ProductStage, "ProductStage"),
                lifecycle_state: load!(&module, LifecycleState, "LifecycleState"),
            })
        })
    }

    pub fn job_status(&self, py: Python<'_>, v: &JobStatus) -> Py<PyAny> {
        self.job_status.member(py, JobStatus::KNOWN, v)
    }

    pub fn job_result(&self, py: Python<'_>, v: &JobResult) -> Py<PyAny> {
        self.job_result.member(py, JobResult::KNOWN, v)
    }

    pub fn submission_status(&self, py: Python<'_>, v: &SubmissionStatus) -> Py<PyAny> {
        self.submission_status
            .member(py, SubmissionStatus::KNOWN, v)
    }

    pub fn submission_result(&self, py: Python<'_>, v: &SubmissionResult) -> Py<PyAny> {
        self.submission_result
            .member(py, SubmissionResult::KNOWN, v)
    }

    pub fn target(&self, py: Python<'_>, v: &Target) -> Py<PyAny> {
        self.target.member(py, Target::KNOWN, v)
    }

    pub fn product_stage(&self, py: Python<'_>, v: &ProductStage) -> Py<PyAny> {
        self.product_stage.member(py, ProductStage::KNOWN, v)
    }

    pub fn lifecycle_state(&self, py: Python<'_>, v: &LifecycleState) -> Py<PyAny> {
        self.lifecycle_state.member(py, LifecycleState::KNOWN, v)
    }
}

/// An enum argument (a member of one of these enums, or its value as a `str`) as its
/// wire text.
pub fn enum_text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.cast::<pyo3::types::PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    match value.getattr("value") {
        Ok(inner) => crate::args::string(name, &inner),
        Err(_) => Err(crate::args::wrong_type(
            name,
            "an enum member or str",
            value,
        )),
    }
}
