//! `cloudpartner_client_offer_statuses`: several offers at once, one result per id in a
//! `cloudpartner_batch`.

use std::ffi::{CString, c_char};
use std::ptr;

use crate::client::cloudpartner_client;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::runtime;
use crate::status::cloudpartner_offer_status;

/// The results of `cloudpartner_client_offer_statuses()`: for each requested offer id, in
/// the order given, either a status or an error. Opaque; owns its statuses, errors and
/// strings. Free it with `cloudpartner_batch_free()`.
pub struct cloudpartner_batch {
    results: Vec<BatchResult>,
}

/// One offer's result.
struct BatchResult {
    offer_id: CString,
    outcome: Result<cloudpartner_offer_status, cloudpartner_error>,
}

/// Fetches the status of `count` offers of one publisher, at most `concurrency` at a time
/// (0: 8) over one connection pool, blocking until all are done.
///
/// `offer_ids` points to `count` UTF-8 strings (it may be NULL when `count` is 0). One
/// offer failing does not fail the call: on success `*out` gets a batch with one result
/// per id, in input order — read each with `cloudpartner_batch_result()` — and the caller
/// frees it with `cloudpartner_batch_free()`. The call itself fails (`*out` NULL) only for
/// bad arguments: NULL `client`, `publisher`, `out`, `offer_ids` (with `count` > 0) or
/// element, or a string that is not UTF-8 (`CLOUDPARTNER_ERROR_INVALID_ARGUMENT`; the
/// message names the index). `err` may be NULL. Safe to call from several threads on one
/// client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_offer_statuses(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer_ids: *const *const c_char,
    count: usize,
    concurrency: usize,
    out: *mut *mut cloudpartner_batch,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_offer_statuses", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
    ] => {
        let ids: &[*const c_char] = match (offer_ids.is_null(), count) {
            (_, 0) => &[],
            (true, _) => return Err(ffi::bad_argument(FUNCTION, "offer_ids", "is NULL")),
            // SAFETY: `offer_ids` points to `count` pointers (the documented contract).
            (false, n) => unsafe { std::slice::from_raw_parts(offer_ids, n) },
        };
        let ids = ids
            .iter()
            .enumerate()
            // SAFETY: each element is NULL or NUL-terminated (the documented contract).
            .map(|(i, &id)| unsafe { ffi::str_arg(FUNCTION, &format!("offer_ids[{i}]"), id) })
            .collect::<Result<Vec<&str>, _>>()?;
        let concurrency = if concurrency == 0 {
            cloudpartner::DEFAULT_CONCURRENCY
        } else {
            concurrency
        };
        let results =
            runtime::block_on(client.client().offer_statuses(publisher, ids, concurrency))?;
        out.set(cloudpartner_batch {
            results: results
                .into_iter()
                .map(|(id, result)| BatchResult {
                    offer_id: c_string(&id),
                    outcome: result
                        .map(cloudpartner_offer_status::new)
                        .map_err(|e| cloudpartner_error::new(&e)),
                })
                .collect(),
        });
        Ok(())
    })
}

/// The number of results, which is the number of ids asked for (0 when `batch` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_batch_count(batch: *const cloudpartner_batch) -> usize {
    ffi::accessor!(batch, 0, |b| b.results.len())
}

/// The offer id of result `index`, valid while `batch` lives. NULL when `index` is out of
/// range or `batch` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_batch_offer_id(
    batch: *const cloudpartner_batch,
    index: usize,
) -> *const c_char {
    ffi::accessor!(batch, ptr::null(), |b| {
        b.results
            .get(index)
            .map_or(ptr::null(), |r| r.offer_id.as_ptr())
    })
}

/// Result `index` of the batch: returns `CLOUDPARTNER_OK` and sets `*status` to that
/// offer's status, or returns the error's kind and sets `*error` to it. The other
/// out-pointer is set to NULL. Both are borrowed, valid while `batch` lives: do not free
/// them (`cloudpartner_offer_status_clone()` makes a status of your own). `status` and
/// `error` may be NULL. Returns `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` (both NULL) when
/// `index` is out of range or `batch` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_batch_result(
    batch: *const cloudpartner_batch,
    index: usize,
    status: *mut *const cloudpartner_offer_status,
    error: *mut *const cloudpartner_error,
) -> cloudpartner_error_kind {
    let invalid = (
        cloudpartner_error_kind::CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
        ptr::null(),
        ptr::null(),
    );
    // SAFETY: the caller passes NULL or a live batch.
    let (kind, s, e) = unsafe {
        ffi::read(batch, invalid, |b| {
            match b.results.get(index).map(|r| &r.outcome) {
                Some(Ok(s)) => (
                    cloudpartner_error_kind::CLOUDPARTNER_OK,
                    s as *const _,
                    ptr::null(),
                ),
                Some(Err(e)) => (e.kind(), ptr::null(), e as *const _),
                None => invalid,
            }
        })
    };
    // SAFETY: each non-NULL out-pointer is writable (the documented contract).
    unsafe {
        if !status.is_null() {
            *status = s;
        }
        if !error.is_null() {
            *error = e;
        }
    }
    kind
}

/// Frees a batch with every status and error in it. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_batch_free(batch: *mut cloudpartner_batch) {
    ffi::free_box(batch)
}
