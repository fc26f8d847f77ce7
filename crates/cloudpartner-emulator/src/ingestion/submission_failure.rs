//! The errors of a preview that fails certification: nested, with
//! `invalidState` and "certification" in the messages, as the service and
//! cloudpub's certification check have them.

use serde_json::Value;

use crate::ingestion::wire_error::job_error;

/// The job errors of a failed certification of submission `id` of product `guid`.
pub(crate) fn certification_errors(guid: &str, id: u64) -> Vec<Value> {
    let submission = format!("submission/{guid}/{id}");
    vec![job_error(
        "internalServerError",
        "Operation failed",
        Some(&submission),
        vec![job_error(
            "invalidState",
            "The submission failed certification.",
            Some(&submission),
            vec![job_error(
                "invalidState",
                "Certification: the VM image did not pass the certification tests (emulated failure).",
                None,
                Vec::new(),
            )],
        )],
    )]
}
