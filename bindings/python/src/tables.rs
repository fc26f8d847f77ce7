//! The core's lists of names (DESIGN §9), as tuples of `str` in the native module:
//! `ERROR_KINDS`, `OFFER_STATES`, `STEP_STATES`, `OPERATION_STATES`, `MESSAGE_LEVELS`, `RELEASE_PHASES`,
//! `RELEASE_OUTCOMES`, `RELEASE_EVENT_KINDS`, and the Product Ingestion API's
//! `JOB_STATUSES`, `JOB_RESULTS`, `SUBMISSION_STATUSES`, `SUBMISSION_RESULTS`, `TARGETS`,
//! `PRODUCT_STAGES`, `LIFECYCLE_STATES`.
//! The package's tests check that its exception classes and enums cover exactly these.

use cloudpartner::tables;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

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
        ("JOB_STATUSES", tables::job_statuses()),
        ("JOB_RESULTS", tables::job_results()),
        ("SUBMISSION_STATUSES", tables::submission_statuses()),
        ("SUBMISSION_RESULTS", tables::submission_results()),
        ("TARGETS", tables::targets()),
        ("PRODUCT_STAGES", tables::product_stages()),
        ("LIFECYCLE_STATES", tables::lifecycle_states()),
    ];
    for (name, names) in lists {
        module.add(name, PyTuple::new(py, names)?)?;
    }
    Ok(())
}
