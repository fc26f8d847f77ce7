//! `cloudpartner_submission` (a publish to preview or live), `cloudpartner_submission_list`
//! and `cloudpartner_product_status` (where a product stands: its latest preview and live
//! submissions and the stage derived from them).

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::ingestion::{ProductStatus, Submission, parse_submissions};

use super::states::{cloudpartner_product_stage, stage_of};
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};

/// A submission: the draft entry (`submission/<guid>/0`), or a publish to preview or live
/// with its status and result. Borrowed from its list or status; never freed on its own.
pub struct cloudpartner_submission {
    id: CString,
    product: CString,
    target: CString,
    status: Option<CString>,
    result: Option<CString>,
    created: Option<i64>,
}

impl cloudpartner_submission {
    fn new(submission: &Submission) -> cloudpartner_submission {
        cloudpartner_submission {
            id: c_string(&submission.id),
            product: c_string(&submission.product),
            target: c_string(submission.target.as_wire()),
            status: submission.status.as_ref().map(|s| c_string(s.as_wire())),
            result: submission.result.as_ref().map(|r| c_string(r.as_wire())),
            created: submission.created.and_then(|t| t.timestamp_nanos_opt()),
        }
    }
}

/// The submission's id (`submission/<guid>/<n>`); borrowed. NULL when `submission` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_id(
    submission: *const cloudpartner_submission,
) -> *const c_char {
    ffi::accessor!(submission, ptr::null(), |s| s.id.as_ptr())
}

/// Its product's durable id (`product/<guid>`); borrowed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_product(
    submission: *const cloudpartner_submission,
) -> *const c_char {
    ffi::accessor!(submission, ptr::null(), |s| s.product.as_ptr())
}

/// Its target as on the wire (`"draft"`, `"preview"`, `"live"`); borrowed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_target(
    submission: *const cloudpartner_submission,
) -> *const c_char {
    ffi::accessor!(submission, ptr::null(), |s| s.target.as_ptr())
}

/// Its status (`"notStarted"`, `"running"`, `"completed"`); borrowed. NULL for the draft
/// entry.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_status(
    submission: *const cloudpartner_submission,
) -> *const c_char {
    ffi::accessor!(submission, ptr::null(), |s| ffi::borrowed_str(
        s.status.as_ref()
    ))
}

/// Its result (`"pending"`, `"succeeded"`, `"failed"`); borrowed. NULL for the draft entry.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_result(
    submission: *const cloudpartner_submission,
) -> *const c_char {
    ffi::accessor!(submission, ptr::null(), |s| ffi::borrowed_str(
        s.result.as_ref()
    ))
}

/// When it was created, in nanoseconds since the Unix epoch (UTC), into `*nanos` when not
/// NULL; false (nothing written) when it has no time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_created(
    submission: *const cloudpartner_submission,
    nanos: *mut i64,
) -> bool {
    ffi::accessor!(submission, false, |s| {
        // SAFETY: `nanos` is NULL or writable (the documented contract).
        unsafe { ffi::write_opt(s.created, nanos) }
    })
}

/// A product's submissions (`cloudpartner_ingestion_client_submissions()`,
/// `cloudpartner_parse_submissions()`). Opaque; free it with
/// `cloudpartner_submission_list_free()`.
pub struct cloudpartner_submission_list {
    core: Vec<Submission>,
    submissions: Vec<cloudpartner_submission>,
}

impl cloudpartner_submission_list {
    pub(crate) fn new(core: Vec<Submission>) -> cloudpartner_submission_list {
        cloudpartner_submission_list {
            submissions: core.iter().map(cloudpartner_submission::new).collect(),
            core,
        }
    }
}

/// Parses `GET submission/<guid>` (`{"value": [...]}`): the `len` bytes at `json`. On
/// success `*out` gets the list (free it with `cloudpartner_submission_list_free()`);
/// `CLOUDPARTNER_ERROR_PARSE` for anything else. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_submissions(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_submission_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_parse_submissions", err, [out: out_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        out.set(cloudpartner_submission_list::new(parse_submissions(bytes)?));
        Ok(())
    })
}

/// How many submissions the list holds; 0 when `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_list_count(
    list: *const cloudpartner_submission_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.submissions.len())
}

/// Submission `index`, borrowed from the list; NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_list_get(
    list: *const cloudpartner_submission_list,
    index: usize,
) -> *const cloudpartner_submission {
    ffi::accessor!(list, ptr::null(), |l| ffi::item(&l.submissions, index))
}

/// Where product `product` (the name the status carries) stands by these submissions: a
/// new `cloudpartner_product_status` in `*out` (free it with
/// `cloudpartner_product_status_free()`). `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a
/// NULL or non-UTF-8 argument; `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_list_product_status(
    list: *const cloudpartner_submission_list,
    product: *const c_char,
    out: *mut *mut cloudpartner_product_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_submission_list_product_status", err, [
        out: out_arg,
        list: ref_arg,
        product: str_arg,
    ] => {
        let status = ProductStatus::from_submissions(product, list.core.clone());
        out.set(cloudpartner_product_status::new(status));
        Ok(())
    })
}

/// Frees a list and its submissions. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_submission_list_free(
    list: *mut cloudpartner_submission_list,
) {
    ffi::free_box(list)
}

/// Where a product stands: its latest preview and live submissions and the stage derived
/// from them. Opaque; free it with `cloudpartner_product_status_free()` (unless borrowed:
/// a callback's, a release result's).
pub struct cloudpartner_product_status {
    status: ProductStatus,
    product: CString,
    preview: Option<cloudpartner_submission>,
    live: Option<cloudpartner_submission>,
}

impl cloudpartner_product_status {
    pub(crate) fn new(status: ProductStatus) -> cloudpartner_product_status {
        cloudpartner_product_status {
            product: c_string(&status.product),
            preview: status.preview.as_ref().map(cloudpartner_submission::new),
            live: status.live.as_ref().map(cloudpartner_submission::new),
            status,
        }
    }
}

fn borrowed(s: Option<&cloudpartner_submission>) -> *const cloudpartner_submission {
    s.map_or(ptr::null(), |s| s as *const cloudpartner_submission)
}

/// The product, as it was named (offer id or durable id); borrowed. NULL when `status` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_product(
    status: *const cloudpartner_product_status,
) -> *const c_char {
    ffi::accessor!(status, ptr::null(), |s| s.product.as_ptr())
}

/// The product's stage; `CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN` when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_stage(
    status: *const cloudpartner_product_status,
) -> cloudpartner_product_stage {
    ffi::accessor!(
        status,
        cloudpartner_product_stage::CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN,
        |s| stage_of(&s.status.stage)
    )
}

/// The latest submission to preview, borrowed from the status; NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_preview(
    status: *const cloudpartner_product_status,
) -> *const cloudpartner_submission {
    ffi::accessor!(status, ptr::null(), |s| borrowed(s.preview.as_ref()))
}

/// The latest submission to live, borrowed from the status; NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_live(
    status: *const cloudpartner_product_status,
) -> *const cloudpartner_submission {
    ffi::accessor!(status, ptr::null(), |s| borrowed(s.live.as_ref()))
}

/// True when nothing runs and nothing waits for the publisher (never published, a failed
/// preview or push, live); false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_is_terminal(
    status: *const cloudpartner_product_status,
) -> bool {
    ffi::accessor!(status, false, |s| s.status.is_terminal())
}

/// True when a preview waits for the publisher's go-live; false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_needs_publisher_action(
    status: *const cloudpartner_product_status,
) -> bool {
    ffi::accessor!(status, false, |s| s.status.needs_publisher_action())
}

/// True while a submission runs; false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_in_progress(
    status: *const cloudpartner_product_status,
) -> bool {
    ffi::accessor!(status, false, |s| s.status.in_progress())
}

/// A copy of a status (say, one a callback lends): free it with
/// `cloudpartner_product_status_free()`. NULL when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_clone(
    status: *const cloudpartner_product_status,
) -> *mut cloudpartner_product_status {
    ffi::accessor!(status, ptr::null_mut(), |s| Box::into_raw(Box::new(
        cloudpartner_product_status::new(s.status.clone())
    )))
}

/// Frees a status. NULL is fine. Never free a borrowed one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_status_free(
    status: *mut cloudpartner_product_status,
) {
    ffi::free_box(status)
}
