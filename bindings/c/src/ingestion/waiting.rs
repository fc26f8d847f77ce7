//! Waiting, on the core's watches: `cloudpartner_ingestion_client_wait_for_job()` (a
//! configure job until it is done) and `cloudpartner_ingestion_client_watch()` (a
//! product's stage until it is terminal, or waits for the publisher), each with a
//! callback whose non-zero return stops it.

use std::ffi::{c_char, c_int, c_void};

use cloudpartner::poll::Watch;
use cloudpartner::{Error, ErrorKind, Result};

use super::client::cloudpartner_ingestion_client;
use super::job::cloudpartner_job;
use super::submission::cloudpartner_product_status;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{self, cloudpartner_watch_options, cloudpartner_watch_options_default};
use crate::runtime;

/// Called by `cloudpartner_ingestion_client_wait_for_job()` with each change of the job,
/// and its `user_data`; `job` is borrowed for the call only (`cloudpartner_job_clone()`
/// keeps it). Return 0 to go on, non-zero to stop waiting. It runs on the calling thread
/// and may call any function of this library.
pub type cloudpartner_job_fn =
    Option<unsafe extern "C" fn(job: *const cloudpartner_job, user_data: *mut c_void) -> c_int>;

/// Called by `cloudpartner_ingestion_client_watch()` with each change of the product's
/// status, and its `user_data`; `status` is borrowed for the call only
/// (`cloudpartner_product_status_clone()` keeps it). Return 0 to go on, non-zero to stop.
/// It runs on the calling thread and may call any function of this library.
pub type cloudpartner_product_status_fn = Option<
    unsafe extern "C" fn(
        status: *const cloudpartner_product_status,
        user_data: *mut c_void,
    ) -> c_int,
>;

/// Pulls `watch` until it ends, an error ends it, or `on_item` returns true (stop:
/// `canceled`, with `stopped` as the message); closes it on the library's runtime.
fn pull<T: Clone + PartialEq + Send + Sync + 'static>(
    watch: Watch<T>,
    stopped: String,
    mut on_item: impl FnMut(T) -> bool,
) -> Result<()> {
    let ended = loop {
        match runtime::block_on(watch.next()) {
            Err(error) | Ok(Some(Err(error))) => break Err(error),
            Ok(None) => break Ok(()),
            Ok(Some(Ok(item))) => {
                if on_item(item) {
                    break Err(Error::new(ErrorKind::Canceled, stopped));
                }
            }
        }
    };
    watch.close();
    let runtime = runtime::existing();
    let _context = runtime.as_ref().map(|r| r.enter());
    drop(watch);
    ended
}

/// The core's watch options of NULL-able C ones.
fn watch_options(opts: *const cloudpartner_watch_options) -> cloudpartner::WatchOptions {
    // SAFETY: the caller passes NULL or live options (the documented contract).
    let opts = unsafe { opts.as_ref() }
        .copied()
        .unwrap_or_else(|| cloudpartner_watch_options_default());
    options::watch_options(&opts)
}

/// Hands `last` to the caller through a non-NULL `out`.
fn hand_over<T>(out: *mut *mut T, last: Option<Box<T>>) {
    if let (Some(last), false) = (last, out.is_null()) {
        // SAFETY: a non-NULL `out` is writable (the documented contract).
        unsafe { *out = Box::into_raw(last) };
    }
}

/// Waits until a configure job is done, blocking, polling at the pace of configure jobs
/// within `[min_interval_ms, max_interval_ms]` of `opts` (NULL: the defaults;
/// `until_publisher_action` is ignored); transient failures are survived.
///
/// `on_change` (may be NULL) gets each status of the job that differs from the previous
/// one, and `user_data`; a non-zero return stops the wait.
///
/// Returns `CLOUDPARTNER_OK` when the job is done — succeeded or failed: a failed job is
/// a result (`cloudpartner_job_succeeded()`, its errors), not an error;
/// `CLOUDPARTNER_ERROR_CANCELED` when the callback stopped it; `CLOUDPARTNER_ERROR_TIMEOUT`
/// after `opts->timeout_ms`; another kind for the error that ended it;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument or bad
/// options. Whatever the result, when `out` is not NULL, `*out` gets the last status seen
/// (NULL when none was): free it with `cloudpartner_job_free()`. `err` may be NULL.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_wait_for_job(
    client: *const cloudpartner_ingestion_client,
    job_id: *const c_char,
    opts: *const cloudpartner_watch_options,
    on_change: cloudpartner_job_fn,
    user_data: *mut c_void,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    if !out.is_null() {
        // SAFETY: a non-NULL `out` is writable (the documented contract).
        unsafe { *out = std::ptr::null_mut() };
    }
    ffi::entry!("cloudpartner_ingestion_client_wait_for_job", err, [
        client: ref_arg,
        job_id: str_arg,
    ] => {
        let options = watch_options(opts);
        let watch = {
            // The deadline is read from tokio's clock: be where tokio is reachable.
            let runtime = runtime::runtime()?;
            let _context = runtime.enter();
            client.client().watch_job(job_id, options)?
        };
        let mut last: Option<Box<cloudpartner_job>> = None;
        let stopped = format!("the wait for job {job_id} was stopped by the callback");
        let ended = pull(watch, stopped, |job| {
            let job = last.insert(Box::new(cloudpartner_job::new(job)));
            match on_change {
                // SAFETY: the caller's callback, given a job that lives for the call.
                Some(callback) => unsafe { callback(&**job, user_data) != 0 },
                None => false,
            }
        });
        hand_over(out, last);
        ended
    })
}

/// Watches a product's stage, blocking: each change, until it is terminal (never
/// published, a failed preview or push, live) or, with `opts->until_publisher_action`,
/// until a preview waits for the publisher's go-live. It polls at about a twentieth of
/// the stage's typical duration within `[min_interval_ms, max_interval_ms]` (NULL `opts`:
/// the defaults).
///
/// `on_change` (may be NULL) gets each status that differs from the previous one, and
/// `user_data`; a non-zero return stops the watch. Returns as
/// `cloudpartner_ingestion_client_wait_for_job()` (`CLOUDPARTNER_OK` when the stage asked
/// for is reached); whatever the result, when `out` is not NULL, `*out` gets the last
/// status seen (NULL when none was): free it with `cloudpartner_product_status_free()`.
/// `err` may be NULL.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_watch(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    opts: *const cloudpartner_watch_options,
    on_change: cloudpartner_product_status_fn,
    user_data: *mut c_void,
    out: *mut *mut cloudpartner_product_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    if !out.is_null() {
        // SAFETY: a non-NULL `out` is writable (the documented contract).
        unsafe { *out = std::ptr::null_mut() };
    }
    ffi::entry!("cloudpartner_ingestion_client_watch", err, [
        client: ref_arg,
        product: str_arg,
    ] => {
        let options = watch_options(opts);
        let watch = {
            let runtime = runtime::runtime()?;
            let _context = runtime.enter();
            client.client().watch_product(product, options)?
        };
        let mut last: Option<Box<cloudpartner_product_status>> = None;
        let stopped = format!("the watch of product {product} was stopped by the callback");
        let ended = pull(watch, stopped, |status| {
            let status = last.insert(Box::new(cloudpartner_product_status::new(status)));
            match on_change {
                // SAFETY: the caller's callback, given a status that lives for the call.
                Some(callback) => unsafe { callback(&**status, user_data) != 0 },
                None => false,
            }
        });
        hand_over(out, last);
        ended
    })
}
