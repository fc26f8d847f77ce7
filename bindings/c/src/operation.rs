//! `cloudpartner_operation` (a publish, go-live or cancel, as the service reports it),
//! `cloudpartner_operation_list`, and `cloudpartner_operation_ref` (the operation a
//! publish, go-live or cancel points at).

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::{Operation, OperationRef, parse_operation, parse_operations};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::states::cloudpartner_operation_state;
use crate::status::cloudpartner_offer_status;
use crate::strings::into_raw_string;

/// An operation on an offer: what it is, where it stands, when it ran, and (when the
/// service sent them) its steps and messages. Opaque; free it with
/// `cloudpartner_operation_free()`.
pub struct cloudpartner_operation {
    operation: Operation,
    id: CString,
    submission_type: CString,
    state: cloudpartner_operation_state,
    raw_state: CString,
    created: Option<i64>,
    last_action: Option<i64>,
    slot: Option<CString>,
    cancellation_request_state: Option<CString>,
    error: Option<CString>,
    detail: Option<cloudpartner_offer_status>,
}

impl cloudpartner_operation {
    /// The C view of a core operation.
    pub(crate) fn new(operation: Operation) -> cloudpartner_operation {
        cloudpartner_operation {
            id: c_string(&operation.id),
            submission_type: c_string(&operation.submission_type),
            state: cloudpartner_operation_state::of(&operation.state),
            raw_state: c_string(&operation.raw_state),
            created: operation.created.and_then(|t| t.timestamp_nanos_opt()),
            last_action: operation.last_action.and_then(|t| t.timestamp_nanos_opt()),
            slot: operation.slot.as_deref().map(c_string),
            cancellation_request_state: operation
                .cancellation_request_state
                .as_deref()
                .map(c_string),
            error: operation.error.as_deref().map(c_string),
            detail: operation.detail.clone().map(cloudpartner_offer_status::new),
            operation,
        }
    }
}

/// A list of operations (`cloudpartner_client_operations()`,
/// `cloudpartner_parse_operations()`). Opaque; owns its operations. Free it with
/// `cloudpartner_operation_list_free()`.
pub struct cloudpartner_operation_list {
    operations: Vec<cloudpartner_operation>,
}

impl cloudpartner_operation_list {
    /// The C view of a list of core operations.
    pub(crate) fn new(operations: Vec<Operation>) -> cloudpartner_operation_list {
        cloudpartner_operation_list {
            operations: operations
                .into_iter()
                .map(cloudpartner_operation::new)
                .collect(),
        }
    }
}

/// The operation a publish, go-live or cancel started: its absolute URL (for
/// `cloudpartner_client_operation_at()`) and its id (for `cloudpartner_client_operation()`).
/// Opaque; free it with `cloudpartner_operation_ref_free()`.
pub struct cloudpartner_operation_ref {
    url: CString,
    id: CString,
}

impl cloudpartner_operation_ref {
    /// The C view of a core operation reference.
    pub(crate) fn new(reference: &OperationRef) -> cloudpartner_operation_ref {
        cloudpartner_operation_ref {
            url: c_string(&reference.url),
            id: c_string(&reference.id),
        }
    }
}

fn parse_into<T>(
    function: &str,
    json: *const c_char,
    len: usize,
    out: *mut *mut T,
    err: *mut *mut cloudpartner_error,
    parse: impl FnOnce(&[u8]) -> cloudpartner::Result<T>,
) -> cloudpartner_error_kind {
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, bytes) = unsafe {
            (
                ffi::out_arg(function, "out", out)?,
                ffi::bytes_arg(function, json, len)?,
            )
        };
        out.set(parse(bytes)?);
        Ok(())
    })
}

/// Parses one operation (the body of `GET .../operations/{id}`): the `len` bytes at `json`
/// (UTF-8 JSON; they need not end with a NUL), a JSON object or an array of exactly one.
/// Lenient: states are read case-insensitively (`"Succeeded"` is completed), unknown ones
/// kept as `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` with their spelling, missing fields
/// empty or absent.
///
/// On success `*out` gets the operation (free it with `cloudpartner_operation_free()`); on
/// failure `*out` is NULL: `CLOUDPARTNER_ERROR_PARSE` for input that is not one operation
/// (`cloudpartner_error_line()` / `_column()` say where, when there is a position),
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_operation(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_operation,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    parse_into("cloudpartner_parse_operation", json, len, out, err, |b| {
        parse_operation(b).map(cloudpartner_operation::new)
    })
}

/// Parses a list of operations (the body of `GET .../submissions`): a JSON array of
/// objects. As `cloudpartner_parse_operation()`, with a `cloudpartner_operation_list` in
/// `*out` (free it with `cloudpartner_operation_list_free()`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_operations(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_operation_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    parse_into("cloudpartner_parse_operations", json, len, out, err, |b| {
        parse_operations(b).map(cloudpartner_operation_list::new)
    })
}

/// Frees an operation and everything borrowed from it (its detail, strings). NULL is
/// fine. Never pass one borrowed from a `cloudpartner_operation_list`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_free(operation: *mut cloudpartner_operation) {
    ffi::free_box(operation)
}

/// The operation's id (`id`); empty when absent. Valid while `operation` lives; NULL only
/// when `operation` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_id(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| o.id.as_ptr())
}

/// What the operation does (`submissionType`: `"publish"`, `"goLive"`, ...), as sent;
/// empty when absent. Valid while `operation` lives; NULL only when `operation` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_submission_type(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| o.submission_type.as_ptr())
}

/// The operation's state (from `status`, else `submissionState`);
/// `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` for a state this version does not know (see
/// `cloudpartner_operation_raw_state()`), or when `operation` is NULL. (Named `_get_state`
/// because `cloudpartner_operation_state` is the enum's type name.)
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_get_state(
    operation: *const cloudpartner_operation,
) -> cloudpartner_operation_state {
    let unknown = cloudpartner_operation_state::CLOUDPARTNER_OPERATION_STATE_UNKNOWN;
    ffi::accessor!(operation, unknown, |o| o.state)
}

/// The state as the service spelled it (`"Succeeded"`); empty when absent. Valid while
/// `operation` lives; NULL only when `operation` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_raw_state(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| o.raw_state.as_ptr())
}

/// True when the operation completed, failed or was canceled (false when `operation` is
/// NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_is_terminal(
    operation: *const cloudpartner_operation,
) -> bool {
    ffi::accessor!(operation, false, |o| o.operation.state.is_terminal())
}

/// When the operation was created (`createdDateTime`), as nanoseconds since
/// 1970-01-01T00:00:00Z, in `*nanos`. Returns false (and leaves `*nanos` alone) when there
/// is no readable time, when it lies outside what an `int64_t` of nanoseconds holds, or
/// when `operation` is NULL. `nanos` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_created_unix_nanos(
    operation: *const cloudpartner_operation,
    nanos: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live operation, and NULL or a writable `nanos`.
    unsafe { ffi::write_opt(ffi::read(operation, None, |o| o.created), nanos) }
}

/// When the operation last changed (`lastActionDateTime`, else `changedTime`), as
/// `cloudpartner_operation_created_unix_nanos()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_last_action_unix_nanos(
    operation: *const cloudpartner_operation,
    nanos: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live operation, and NULL or a writable `nanos`.
    unsafe { ffi::write_opt(ffi::read(operation, None, |o| o.last_action), nanos) }
}

/// The publishing version (`publishingVersion`) in `*version`. Returns false (and leaves
/// `*version` alone) when there is none, or when `operation` is NULL. `version` may be
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_publishing_version(
    operation: *const cloudpartner_operation,
    version: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live operation, and NULL or a writable `version`.
    unsafe {
        ffi::write_opt(
            ffi::read(operation, None, |o| o.operation.publishing_version),
            version,
        )
    }
}

/// The version of the offer the operation works on (`offerVersion`), as
/// `cloudpartner_operation_publishing_version()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_offer_version(
    operation: *const cloudpartner_operation,
    version: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live operation, and NULL or a writable `version`.
    unsafe {
        ffi::write_opt(
            ffi::read(operation, None, |o| o.operation.offer_version),
            version,
        )
    }
}

/// The slot (`slot`: `"Preview"`, `"Production"`, ...); NULL when absent or empty (or
/// `operation` is NULL). Valid while `operation` lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_slot(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| {
        ffi::borrowed_str(o.slot.as_ref())
    })
}

/// Whether a cancel was asked for and where it stands (`cancellationRequestState`); NULL
/// when absent (or `operation` is NULL). Valid while `operation` lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_cancellation_request_state(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| {
        ffi::borrowed_str(o.cancellation_request_state.as_ref())
    })
}

/// What went wrong (`error`): its text, or `"code: message"` for an error object; NULL
/// when nothing did (or `operation` is NULL). Valid while `operation` lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_error(
    operation: *const cloudpartner_operation,
) -> *const c_char {
    ffi::accessor!(operation, ptr::null(), |o| {
        ffi::borrowed_str(o.error.as_ref())
    })
}

/// The operation's steps, messages and links, when the service sent them (it does for
/// `cloudpartner_client_operation()`), as a status whose state follows the operation's
/// (completed reads as `CLOUDPARTNER_OFFER_STATE_SUCCEEDED`). Borrowed: valid while
/// `operation` lives, never freed by itself (`cloudpartner_offer_status_clone()` keeps a
/// copy). NULL when the operation has none, or `operation` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_detail(
    operation: *const cloudpartner_operation,
) -> *const cloudpartner_offer_status {
    ffi::accessor!(operation, ptr::null(), |o| {
        o.detail
            .as_ref()
            .map_or(ptr::null(), |d| d as *const cloudpartner_offer_status)
    })
}

/// The canonical JSON of the operation, on one line: `id`, `submissionType`, `status`
/// (canonical spelling; an unknown one verbatim), `createdDateTime`, `lastActionDateTime`
/// (UTC), `publishingVersion`, `offerVersion`, `slot`, `cancellationRequestState`,
/// `error` (`null` when absent), then with a detail its `messages`, `steps`,
/// `previewLinks`, `liveLinks` and `notificationEmails`. Parsing it gives back the same
/// operation.
///
/// Returns a new string: free it with `cloudpartner_string_free()`. NULL when `operation`
/// is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_to_json(
    operation: *const cloudpartner_operation,
) -> *mut c_char {
    ffi::accessor!(operation, ptr::null_mut(), |o| {
        into_raw_string(&o.operation.to_json())
    })
}

/// How many operations the list holds (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_list_count(
    list: *const cloudpartner_operation_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.operations.len())
}

/// Operation `index` of the list, in the service's order: borrowed, valid while `list`
/// lives. NULL when `index` is out of range or `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_list_get(
    list: *const cloudpartner_operation_list,
    index: usize,
) -> *const cloudpartner_operation {
    ffi::accessor!(list, ptr::null(), |l| ffi::item(&l.operations, index))
}

/// Frees a list and its operations. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_list_free(list: *mut cloudpartner_operation_list) {
    ffi::free_box(list)
}

/// The operation's absolute URL, e.g.
/// `"https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/56615b67...?api-version=2017-10-31"`.
/// Valid while `reference` lives; NULL only when `reference` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_ref_url(
    reference: *const cloudpartner_operation_ref,
) -> *const c_char {
    ffi::accessor!(reference, ptr::null(), |r| r.url.as_ptr())
}

/// The operation's id: the last segment of its URL's path, decoded. Valid while
/// `reference` lives; NULL only when `reference` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_ref_id(
    reference: *const cloudpartner_operation_ref,
) -> *const c_char {
    ffi::accessor!(reference, ptr::null(), |r| r.id.as_ptr())
}

/// Frees an operation reference. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_operation_ref_free(
    reference: *mut cloudpartner_operation_ref,
) {
    ffi::free_box(reference)
}
