//! `cloudpartner_client_watch`: polling an offer until its publish ends, calling back with
//! each new status.

use std::ffi::{c_char, c_int, c_void};
use std::time::Duration;

use cloudpartner::{Error, ErrorKind, Result, WatchOptions, WatchUntil};
use futures_util::StreamExt;

use crate::client::cloudpartner_client;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{cloudpartner_watch_options, cloudpartner_watch_options_default};
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

fn watch_options(opts: &cloudpartner_watch_options) -> WatchOptions {
    let defaults = WatchOptions::default();
    let ms = |value: u64, default: Duration| match value {
        0 => default,
        n => Duration::from_millis(n),
    };
    WatchOptions {
        until: if opts.until_publisher_action {
            WatchUntil::PublisherAction
        } else {
            WatchUntil::Terminal
        },
        min_interval: ms(opts.min_interval_ms, defaults.min_interval),
        max_interval: ms(opts.max_interval_ms, defaults.max_interval),
        timeout: (opts.timeout_ms > 0).then(|| Duration::from_millis(opts.timeout_ms)),
    }
}

/// Watches one offer until its publish succeeded, failed or was canceled (or, with
/// `until_publisher_action`, until it waits for the publisher), blocking the calling
/// thread. The poll interval adapts to the current step's time frame within
/// `[min_interval_ms, max_interval_ms]`; transient failures are retried.
///
/// `opts` may be NULL for the defaults. `callback` (may be NULL) is called with each status
/// that differs from the previous one, and `user_data`; a non-zero return stops the watch.
///
/// Returns how the watch ended:
/// - `CLOUDPARTNER_OK`: the offer reached the state asked for;
/// - `CLOUDPARTNER_ERROR_CANCELED`: the callback returned non-zero;
/// - `CLOUDPARTNER_ERROR_TIMEOUT`: `opts->timeout_ms` ran out;
/// - another kind: the error that ended it (`CLOUDPARTNER_ERROR_NOT_FOUND`, ...), or
///   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument.
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
                opts.as_ref()
                    .copied()
                    .unwrap_or_else(|| cloudpartner_watch_options_default()),
            )
        };
        let mut last: Option<Box<cloudpartner_offer_status>> = None;
        let ended = run_watch(client, publisher, offer, &opts, |status| {
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

/// Polls until the stream ends, an error ends it, or `on_status` returns true (stop).
fn run_watch(
    client: &cloudpartner_client,
    publisher: &str,
    offer: &str,
    opts: &cloudpartner_watch_options,
    mut on_status: impl FnMut(cloudpartner::OfferStatus) -> bool,
) -> Result<()> {
    let runtime = runtime::runtime()?;
    let mut stream = client.client().watch(publisher, offer, watch_options(opts));
    let ended = loop {
        // The callback runs outside the runtime, so that it may call into the library.
        match runtime.block_on(stream.next()) {
            None => break Ok(()),
            Some(Err(error)) => break Err(error),
            Some(Ok(status)) => {
                if on_status(status) {
                    break Err(Error::new(
                        ErrorKind::Canceled,
                        format!("watch of {publisher}/{offer} stopped by the callback"),
                    ));
                }
            }
        }
    };
    // Dropping the stream cancels a poll in flight; do it where tokio is reachable.
    let _context = runtime.enter();
    drop(stream);
    ended
}
