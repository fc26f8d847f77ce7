//! The Product Ingestion API's states as C enumerators: job status, job result, product
//! stage, each with its `_name()` function; the values follow the core's `KNOWN` lists
//! (held by the tests of this module and by `tests/test_tables.c`).

use std::ffi::{CStr, c_char, c_int};

use cloudpartner::ingestion::{JobResult, JobStatus, ProductStage};

use crate::ffi;
use crate::release::{by_name, name_of};

/// Where a configure job is (`cloudpartner_job_status_name()` gives `"notStarted"` for
/// `CLOUDPARTNER_JOB_STATUS_NOT_STARTED`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_job_status {
    /// A status this version does not know (`cloudpartner_job_status_name_of()` gives it
    /// verbatim), and what a NULL job gives.
    CLOUDPARTNER_JOB_STATUS_UNKNOWN = 0,
    /// `notStarted`: accepted, not started.
    CLOUDPARTNER_JOB_STATUS_NOT_STARTED = 1,
    /// `running`.
    CLOUDPARTNER_JOB_STATUS_RUNNING = 2,
    /// `completed`: see its result.
    CLOUDPARTNER_JOB_STATUS_COMPLETED = 3,
}

/// How a configure job ended (`cloudpartner_job_result_name()` gives `"succeeded"` for
/// `CLOUDPARTNER_JOB_RESULT_SUCCEEDED`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_job_result {
    /// A result this version does not know, and what a NULL job gives.
    CLOUDPARTNER_JOB_RESULT_UNKNOWN = 0,
    /// `pending`: not done yet.
    CLOUDPARTNER_JOB_RESULT_PENDING = 1,
    /// `succeeded`: every resource was applied.
    CLOUDPARTNER_JOB_RESULT_SUCCEEDED = 2,
    /// `failed`: see its errors.
    CLOUDPARTNER_JOB_RESULT_FAILED = 3,
    /// `cancelled`: it was canceled.
    CLOUDPARTNER_JOB_RESULT_CANCELLED = 4,
}

/// Where a product stands, derived from its preview and live submissions
/// (`cloudpartner_product_stage_name()` gives `"waiting_for_go_live"` for
/// `CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_product_stage {
    /// A stage this version does not know, and what a NULL status gives.
    CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN = 0,
    /// `never_published`: nothing was ever published (terminal).
    CLOUDPARTNER_PRODUCT_STAGE_NEVER_PUBLISHED = 1,
    /// `preview_in_progress`: a publish to preview (certification) runs.
    CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_IN_PROGRESS = 2,
    /// `preview_failed`: the latest publish to preview failed (terminal).
    CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_FAILED = 3,
    /// `waiting_for_go_live`: a preview succeeded and waits for the publisher's go-live.
    CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE = 4,
    /// `live_in_progress`: a push to live runs.
    CLOUDPARTNER_PRODUCT_STAGE_LIVE_IN_PROGRESS = 5,
    /// `live_failed`: the latest push to live failed (terminal).
    CLOUDPARTNER_PRODUCT_STAGE_LIVE_FAILED = 6,
    /// `live`: live, nothing newer in preview (terminal).
    CLOUDPARTNER_PRODUCT_STAGE_LIVE = 7,
}

use cloudpartner_job_result as JR;
use cloudpartner_job_status as JS;
use cloudpartner_product_stage as PS;

pub(crate) const JOB_STATUSES: [(JS, &CStr); 4] = [
    (JS::CLOUDPARTNER_JOB_STATUS_UNKNOWN, c"unknown"),
    (JS::CLOUDPARTNER_JOB_STATUS_NOT_STARTED, c"notStarted"),
    (JS::CLOUDPARTNER_JOB_STATUS_RUNNING, c"running"),
    (JS::CLOUDPARTNER_JOB_STATUS_COMPLETED, c"completed"),
];

pub(crate) const JOB_RESULTS: [(JR, &CStr); 5] = [
    (JR::CLOUDPARTNER_JOB_RESULT_UNKNOWN, c"unknown"),
    (JR::CLOUDPARTNER_JOB_RESULT_PENDING, c"pending"),
    (JR::CLOUDPARTNER_JOB_RESULT_SUCCEEDED, c"succeeded"),
    (JR::CLOUDPARTNER_JOB_RESULT_FAILED, c"failed"),
    (JR::CLOUDPARTNER_JOB_RESULT_CANCELLED, c"cancelled"),
];

pub(crate) const PRODUCT_STAGES: [(PS, &CStr); 8] = [
    (PS::CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN, c"unknown"),
    (
        PS::CLOUDPARTNER_PRODUCT_STAGE_NEVER_PUBLISHED,
        c"never_published",
    ),
    (
        PS::CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_IN_PROGRESS,
        c"preview_in_progress",
    ),
    (
        PS::CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_FAILED,
        c"preview_failed",
    ),
    (
        PS::CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE,
        c"waiting_for_go_live",
    ),
    (
        PS::CLOUDPARTNER_PRODUCT_STAGE_LIVE_IN_PROGRESS,
        c"live_in_progress",
    ),
    (PS::CLOUDPARTNER_PRODUCT_STAGE_LIVE_FAILED, c"live_failed"),
    (PS::CLOUDPARTNER_PRODUCT_STAGE_LIVE, c"live"),
];

pub(crate) fn job_status_of(status: &JobStatus) -> JS {
    by_name(&JOB_STATUSES, status.as_wire())
}

pub(crate) fn job_result_of(result: &JobResult) -> JR {
    by_name(&JOB_RESULTS, result.as_wire())
}

pub(crate) fn stage_of(stage: &ProductStage) -> PS {
    by_name(&PRODUCT_STAGES, stage.as_wire())
}

/// The spelling of a job status (`"notStarted"`); `"unknown"` for
/// `CLOUDPARTNER_JOB_STATUS_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_job_status_name(status: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&JOB_STATUSES, status))
}

/// The spelling of a job result (`"cancelled"`); `"unknown"` for
/// `CLOUDPARTNER_JOB_RESULT_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_job_result_name(result: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&JOB_RESULTS, result))
}

/// The spelling of a product stage (`"waiting_for_go_live"`); `"unknown"` for
/// `CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_product_stage_name(stage: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&PRODUCT_STAGES, stage))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<T>(table: &[(T, &CStr)]) -> Vec<String> {
        table[1..]
            .iter()
            .map(|(_, n)| n.to_str().unwrap().to_owned())
            .collect()
    }

    fn known<T>(list: &[T], wire: impl Fn(&T) -> &str) -> Vec<String> {
        list.iter().map(|v| wire(v).to_owned()).collect()
    }

    #[test]
    fn enumerators_follow_the_cores_known_lists() {
        assert_eq!(
            names(&JOB_STATUSES),
            known(JobStatus::KNOWN, JobStatus::as_wire)
        );
        assert_eq!(
            names(&JOB_RESULTS),
            known(JobResult::KNOWN, JobResult::as_wire)
        );
        assert_eq!(
            names(&PRODUCT_STAGES),
            known(ProductStage::KNOWN, ProductStage::as_wire)
        );
        for (i, (v, _)) in JOB_STATUSES.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, (v, _)) in JOB_RESULTS.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        for (i, (v, _)) in PRODUCT_STAGES.iter().enumerate() {
            assert_eq!(*v as usize, i);
        }
        assert_eq!(
            job_result_of(&JobResult::from_wire("canceled")),
            JR::CLOUDPARTNER_JOB_RESULT_CANCELLED
        );
        assert_eq!(
            job_status_of(&JobStatus::from_wire("paused")),
            JS::CLOUDPARTNER_JOB_STATUS_UNKNOWN
        );
    }
}
