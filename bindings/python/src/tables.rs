//! The core's lists of names (DESIGN §9), as tuples of `str` in the native module:
//! `ERROR_KINDS`, `OFFER_STATES`, `STEP_STATES`, `OPERATION_STATES`, `MESSAGE_LEVELS`, `RELEASE_PHASES`,
//! `RELEASE_OUTCOMES`, `RELEASE_EVENT_KINDS`, and the Product Ingestion API's
//! `JOB_STATUSES`, `JOB_RESULTS`, `SUBMISSION_STATUSES`, `SUBMISSION_RESULTS`, `TARGETS`,
//! `PRODUCT_STAGES`, `LIFECYCLE_STATES`.
//! The package's tests check that its exception classes and enums cover exactly these.

use cloudpartner::ingestion::{
    JobResult, JobStatus, LifecycleState, ProductStage, SubmissionResult, SubmissionStatus, Target,
};
use cloudpartner::tables;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The canonical wire spellings of an enum's known values.
macro_rules! known {
    ($enum:ty) => {
        <$enum>::KNOWN.iter().map(<$enum>::as_wire).collect()
    };
}

/// Adds the lists to `module`.
pub fn add(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let lists: [(&str, Vec<&str>); 15] = [
        ("ERROR_KINDS", tables::error_kinds()),
        ("OFFER_STATES", tables::offer_states()),
        ("STEP_STATES", tables::step_states()),
        ("OPERATION_STATES", tables::operation_states()),
        ("MESSAGE_LEVELS", tables::message_levels()),
        ("RELEASE_PHASES", tables::release_phases()),
        ("RELEASE_OUTCOMES", tables::release_outcomes()),
        ("RELEASE_EVENT_KINDS", tables::release_event_kinds()),
        // Built here from the core's `KNOWN` lists until `cloudpartner::tables` has them.
        ("JOB_STATUSES", known!(JobStatus)),
        ("JOB_RESULTS", known!(JobResult)),
        ("SUBMISSION_STATUSES", known!(SubmissionStatus)),
        ("SUBMISSION_RESULTS", known!(SubmissionResult)),
        ("TARGETS", known!(Target)),
        ("PRODUCT_STAGES", known!(ProductStage)),
        ("LIFECYCLE_STATES", known!(LifecycleState)),
    ];
    for (name, names) in lists {
        module.add(name, PyTuple::new(py, names)?)?;
    }
    Ok(())
}
