//! Watching an offer until its publish ends, on the core's `Watch`: as a handle
//! (`cloudpartner_watch`: start, next, close, free) or in one blocking call with a
//! callback (`cloudpartner_client_watch`).

use std::ffi::{c_char, c_int, c_void};
use std::sync::Arc;

use cloudpartner::{Error, ErrorKind, Result, Watch};

use crate::client::cloudpartner_client;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{self, cloudpartner_watch_options, cloudpartner_watch_options_default};
use crate::runtime;
use crate::status::cloudpartner_offer_status;

/// Called by `cloudpartner_client_watch()` with each status that differs from the last
/// one, and the `user_data` given to it. `status` is borrowed for the call only (copy it
/// with `cloudpartner_offer_status_clone()` to keep it). Return 0 to go on, non-zero to
/// stop the watch. It runs on the thread that called `cloudpartner_client_watch()` and may
/// call any function of this library.
pub type cloudpartner_watch_callback = Option<
    unsafe extern "C" fn(status: *const cloudpartner_offer_status, user_data: *mut c_void) -> c_int,
>;

/// A running watch of one offer (see `cloudpartner_client_watch_start()`): pull each new
/// status with `cloudpartner_watch_next()`, end it early with `cloudpartner_watch_close()`,
/// free it with `cloudpartner_watch_free()`. Opaque.
///
/// Thread safety: `cloudpartner_watch_close()` may be called from any thread at any time,
/// also while another thread is blocked in `cloudpartner_watch_next()` (which then
/// returns at once). Free it only once no call on it is running.
pub struct cloudpartner_watch {
    watch: Arc<Watch>,
}

/// The core's watch of `publisher`/`offer` with the C options (NULL: the defaults).
fn start(
    client: &cloudpartner_client,
    publisher: &str,
    offer: &str,
    opts: Option<&cloudpartner_watch_options>,
) -> Result<Arc<Watch>> {
    let opts = opts
        .copied()
        .unwrap_or_else(|| cloudpartner_watch_options_default());
    // The deadline is read from tokio's clock: be where tokio is reachable.
    let runtime = runtime::runtime()?;
    let _context = runtime.enter();
    let watch = client
        .client()
        .watch(publisher, offer, options::watch_options(&opts))?;
    Ok(Arc::new(watch))
}

/// Blocks for the watch's next item. The callbacks and the caller run outside the
/// runtime, so that they may call into the library.
fn next(watch: &Watch) -> Result<Option<Result<cloudpartner::OfferStatus>>> {
    runtime::block_on(watch.next())
}

/// Ends a watch and drops it where tokio is reachable (a poll in flight is canceled).
fn finish(watch: Arc<Watch>) {
    watch.close();
    let runtime = runtime::existing();
    let _context = runtime.as_ref().map(|r| r.enter());
    drop(watch);
}

/// Starts watching one offer: until its publish succeeded, failed or was canceled (or,
/// with `until_publisher_action`, until it waits for the publisher). The poll interval
/// adapts to the current step's time frame within `[min_interval_ms, max_interval_ms]`
/// (on the client's clock, see `poll_time_scale`); transient failures are retried.
/// Nothing is fetched before the first `cloudpartner_watch_next()`.
///
/// `opts` may be NULL for the defaults. On success `*out` gets the watch: free it with
/// `cloudpartner_watch_free()`. On failure `*out` is NULL:
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument, or
/// `max_interval_ms` below `min_interval_ms`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_watch_start(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    opts: *const cloudpartner_watch_options,
    out: *mut *mut cloudpartner_watch,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_client_watch_start";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, client, publisher, offer, opts) = unsafe {
            (
                ffi::out_arg(FUNCTION, "out", out)?,
                ffi::ref_arg(FUNCTION, "client", client)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
                opts.as_ref(),
            )
        };
        let watch = start(client, publisher, offer, opts)?;
        out.set(cloudpartner_watch { watch });
        Ok(())
    })
}

/// Blocks until the watch's next status: one that differs from the last one seen.
///
/// - `CLOUDPARTNER_OK` with `*out` not NULL: a new status; free it with
///   `cloudpartner_offer_status_free()`. When the offer got where it was asked to
///   (terminal, or waiting for the publisher with `until_publisher_action`), this status
///   is the last one.
/// - `CLOUDPARTNER_OK` with `*out` NULL: the watch is over: it ended with its last
///   status or its error, or it was closed (`cloudpartner_watch_close()`, also while this
///   call was waiting). Every later call gives the same.
/// - another kind: the error that ended the watch, once (`CLOUDPARTNER_ERROR_TIMEOUT`
///   after `timeout_ms`, `CLOUDPARTNER_ERROR_NOT_FOUND`, ...); or
///   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL `watch` or `out`.
///
/// `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_watch_next(
    watch: *const cloudpartner_watch,
    out: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_watch_next", err, [out: out_arg, watch: ref_arg] => {
        // A clone, so that a close from another thread never waits for this call.
        let watch = watch.watch.clone();
        match next(&watch)? {
            None => Ok(()),
            Some(Err(error)) => Err(error),
            Some(Ok(status)) => {
                out.set(cloudpartner_offer_status::new(status));
                Ok(())
            }
        }
    })
}

/// Ends the watch: a `cloudpartner_watch_next()` waiting in another thread returns at
/// once, and every later one, with `CLOUDPARTNER_OK` and no status. Idempotent (twice is
/// fine), from any thread. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_watch_close(watch: *const cloudpartner_watch) {
    ffi::accessor!(watch, (), |w| w.watch.close())
}

/// True once `cloudpartner_watch_close()` was called on `watch`; false for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_watch_is_closed(watch: *const cloudpartner_watch) -> bool {
    ffi::accessor!(watch, false, |w| w.watch.is_closed())
}

/// Closes (when still open) and frees a watch. NULL is fine. No call on it may be running:
/// close it, wait for the thread in `cloudpartner_watch_next()`, then free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_watch_free(watch: *mut cloudpartner_watch) {
    if watch.is_null() {
        return;
    }
    // SAFETY: the caller passes a watch from `cloudpartner_client_watch_start()`, once.
    let handle = unsafe { Box::from_raw(watch) };
    ffi::free_box_with(|| finish(handle.watch));
}

/// Watches one offer until its publish succeeded, failed or was canceled (or, with
/// `until_publisher_action`, until it waits for the publisher), blocking the calling
/// thread: `cloudpartner_client_watch_start()` and `cloudpartner_watch_next()` in one
/// call, with a callback. The poll interval adapts to the current step's time frame within
/// `[min_interval_ms, max_interval_ms]` (on the client's clock); transient failures are
/// retried.
///
/// `opts` may be NULL for the defaults. `callback` (may be NULL) is called with each status
/// that differs from the previous one, and `user_data`; a non-zero return stops the watch.
///
/// Returns how the watch ended:
/// - `CLOUDPARTNER_OK`: the offer reached the state asked for;
/// - `CLOUDPARTNER_ERROR_CANCELED`: the callback returned non-zero;
/// - `CLOUDPARTNER_ERROR_TIMEOUT`: `opts->timeout_ms` ran out;
/// - another kind: the error that ended it (`CLOUDPARTNER_ERROR_NOT_FOUND`, ...), or
///   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument or
///   options the watch refuses.
///
/// Whatever the result, when `final_status` is not NULL, `*final_status` gets the last
/// status seen (the one passed to the callback last), or NULL when none was: free it with
/// `cloudpartner_offer_status_free()`. `err` may be NULL.
#[allow(clippy::too_many_arguments)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_watch(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    opts: *const cloudpartner_watch_options,
    callback: cloudpartner_watch_callback,
    user_data: *mut c_void,
    final_status: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_client_watch";
    if !final_status.is_null() {
        // SAFETY: a non-NULL `final_status` is writable (the documented contract).
        unsafe { *final_status = std::ptr::null_mut() };
    }
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (client, publisher, offer, opts) = unsafe {
            (
                ffi::ref_arg(FUNCTION, "client", client)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
                opts.as_ref(),
            )
        };
        let mut last: Option<Box<cloudpartner_offer_status>> = None;
        let ended = run_watch(client, publisher, offer, opts, |status| {
            let status = last.insert(Box::new(cloudpartner_offer_status::new(status)));
            match callback {
                // SAFETY: the caller's callback, given a status that lives for the call.
                Some(callback) => unsafe { callback(&**status, user_data) != 0 },
                None => false,
            }
        });
        if let (Some(status), false) = (last, final_status.is_null()) {
            // SAFETY: checked for NULL; writable (the documented contract).
            unsafe { *final_status = Box::into_raw(status) };
        }
        ended
    })
}

/// Pulls the watch's items until it is over, an error ends it, or `on_status` returns
/// true (stop: `canceled`).
fn run_watch(
    client: &cloudpartner_client,
    publisher: &str,
    offer: &str,
    opts: Option<&cloudpartner_watch_options>,
    mut on_status: impl FnMut(cloudpartner::OfferStatus) -> bool,
) -> Result<()> {
    let watch = start(client, publisher, offer, opts)?;
    let ended = loop {
        match next(&watch) {
            Err(error) | Ok(Some(Err(error))) => break Err(error),
            Ok(None) => break Ok(()),
            Ok(Some(Ok(status))) => {
                if on_status(status) {
                    break Err(Error::new(
                        ErrorKind::Canceled,
                        format!("watch of {publisher}/{offer} stopped by the callback"),
                    ));
                }
            }
        }
    };
    finish(watch);
    ended
}
