//! `cloudpartner_job` (a configure job: status, result, times, errors) and
//! `cloudpartner_job_error` (code, message, resource, nested details).

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::ingestion::{Job, JobError, parse_job};

use super::states::{
    cloudpartner_job_result, cloudpartner_job_status, job_result_of, job_status_of,
};
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};

/// An error of a job: code, message, the resource it names, nested details. Borrowed from
/// its job (or its parent error); never freed on its own.
pub struct cloudpartner_job_error {
    code: CString,
    message: CString,
    resource_id: Option<CString>,
    certification: bool,
    details: Vec<cloudpartner_job_error>,
}

impl cloudpartner_job_error {
    fn new(error: &JobError) -> cloudpartner_job_error {
        cloudpartner_job_error {
            code: c_string(&error.code),
            message: c_string(&error.message),
            resource_id: error.resource_id.as_deref().map(c_string),
            certification: error.is_certification(),
            details: error
                .details
                .iter()
                .map(cloudpartner_job_error::new)
                .collect(),
        }
    }
}

/// A configure job (`POST configure`, `GET configure/<id>/status`). A job that completed
/// `failed` is a result, not an error: read its errors. Opaque; free it with
/// `cloudpartner_job_free()` (unless borrowed: a release result's, a callback's).
pub struct cloudpartner_job {
    job: Job,
    id: CString,
    status_name: CString,
    result_name: CString,
    errors: Vec<cloudpartner_job_error>,
}

impl cloudpartner_job {
    pub(crate) fn new(job: Job) -> cloudpartner_job {
        cloudpartner_job {
            id: c_string(&job.id),
            status_name: c_string(job.status.as_wire()),
            result_name: c_string(job.result.as_wire()),
            errors: job.errors.iter().map(cloudpartner_job_error::new).collect(),
            job,
        }
    }
}

/// Parses a configure status document: the `len` bytes at `json`. On success `*out` gets
/// the job (free it with `cloudpartner_job_free()`); `CLOUDPARTNER_ERROR_PARSE` for a
/// document that is not one (no object, no job id), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
/// for a NULL argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_job(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_parse_job", err, [out: out_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        out.set(cloudpartner_job::new(parse_job(bytes)?));
        Ok(())
    })
}

/// The job id; borrowed from the job. NULL when `job` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_id(job: *const cloudpartner_job) -> *const c_char {
    ffi::accessor!(job, ptr::null(), |j| j.id.as_ptr())
}

/// Where the job is; `CLOUDPARTNER_JOB_STATUS_UNKNOWN` for a status this version does not
/// know (`cloudpartner_job_status_text()` has it) or a NULL `job`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_status(
    job: *const cloudpartner_job,
) -> cloudpartner_job_status {
    ffi::accessor!(
        job,
        cloudpartner_job_status::CLOUDPARTNER_JOB_STATUS_UNKNOWN,
        |j| { job_status_of(&j.job.status) }
    )
}

/// The job's status as the service spelled it when unknown, else its canonical spelling
/// (`"running"`); borrowed from the job.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_status_text(
    job: *const cloudpartner_job,
) -> *const c_char {
    ffi::accessor!(job, ptr::null(), |j| j.status_name.as_ptr())
}

/// How the job ended (`CLOUDPARTNER_JOB_RESULT_PENDING` until it is done);
/// `CLOUDPARTNER_JOB_RESULT_UNKNOWN` for a result this version does not know or a NULL
/// `job`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_result(
    job: *const cloudpartner_job,
) -> cloudpartner_job_result {
    ffi::accessor!(
        job,
        cloudpartner_job_result::CLOUDPARTNER_JOB_RESULT_UNKNOWN,
        |j| { job_result_of(&j.job.result) }
    )
}

/// The job's result as the service spelled it when unknown, else its canonical spelling
/// (`"failed"`); borrowed from the job.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_result_text(
    job: *const cloudpartner_job,
) -> *const c_char {
    ffi::accessor!(job, ptr::null(), |j| j.result_name.as_ptr())
}

/// True when the job is done (completed, or with a final result); false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_is_done(job: *const cloudpartner_job) -> bool {
    ffi::accessor!(job, false, |j| j.job.is_done())
}

/// True when the job completed and succeeded; false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_succeeded(job: *const cloudpartner_job) -> bool {
    ffi::accessor!(job, false, |j| j.job.succeeded())
}

/// True when one of its errors, at any depth, is a certification failure (`invalidState`
/// with "certification" in its message); false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_is_certification_failure(
    job: *const cloudpartner_job,
) -> bool {
    ffi::accessor!(job, false, |j| j.job.is_certification_failure())
}

/// When the job started, in nanoseconds since the Unix epoch (UTC), into `*nanos` when not
/// NULL; returns false (and writes nothing) when it has no start.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_start(
    job: *const cloudpartner_job,
    nanos: *mut i64,
) -> bool {
    ffi::accessor!(job, false, |j| {
        // SAFETY: `nanos` is NULL or writable (the documented contract).
        unsafe { ffi::write_opt(j.job.start.and_then(|t| t.timestamp_nanos_opt()), nanos) }
    })
}

/// When the job ended, as `cloudpartner_job_start()`; false until it did (the service
/// sends `0001-01-01` meanwhile).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_end(
    job: *const cloudpartner_job,
    nanos: *mut i64,
) -> bool {
    ffi::accessor!(job, false, |j| {
        // SAFETY: as above.
        unsafe { ffi::write_opt(j.job.end.and_then(|t| t.timestamp_nanos_opt()), nanos) }
    })
}

/// How many top-level errors the job has; 0 when `job` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_count(job: *const cloudpartner_job) -> usize {
    ffi::accessor!(job, 0, |j| j.errors.len())
}

/// Top-level error `index`, borrowed from the job; NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error(
    job: *const cloudpartner_job,
    index: usize,
) -> *const cloudpartner_job_error {
    ffi::accessor!(job, ptr::null(), |j| ffi::item(&j.errors, index))
}

/// A copy of a job (say, one a callback lends): free it with `cloudpartner_job_free()`.
/// NULL when `job` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_clone(
    job: *const cloudpartner_job,
) -> *mut cloudpartner_job {
    ffi::accessor!(job, ptr::null_mut(), |j| Box::into_raw(Box::new(
        cloudpartner_job::new(j.job.clone())
    )))
}

/// Frees a job and its errors. NULL is fine. Never free a borrowed one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_free(job: *mut cloudpartner_job) {
    ffi::free_box(job)
}

/// The error's code (`"invalidState"`); borrowed. NULL when `error` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_code(
    error: *const cloudpartner_job_error,
) -> *const c_char {
    ffi::accessor!(error, ptr::null(), |e| e.code.as_ptr())
}

/// The error's message; borrowed. NULL when `error` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_message(
    error: *const cloudpartner_job_error,
) -> *const c_char {
    ffi::accessor!(error, ptr::null(), |e| e.message.as_ptr())
}

/// The durable id of the resource the error is about; borrowed. NULL when it names none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_resource_id(
    error: *const cloudpartner_job_error,
) -> *const c_char {
    ffi::accessor!(error, ptr::null(), |e| ffi::borrowed_str(
        e.resource_id.as_ref()
    ))
}

/// True when this error or one of its details, at any depth, is a certification failure.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_is_certification(
    error: *const cloudpartner_job_error,
) -> bool {
    ffi::accessor!(error, false, |e| e.certification)
}

/// How many nested details the error has; 0 when `error` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_detail_count(
    error: *const cloudpartner_job_error,
) -> usize {
    ffi::accessor!(error, 0, |e| e.details.len())
}

/// Nested detail `index`, borrowed from the error; NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_job_error_detail(
    error: *const cloudpartner_job_error,
    index: usize,
) -> *const cloudpartner_job_error {
    ffi::accessor!(error, ptr::null(), |e| ffi::item(&e.details, index))
}
