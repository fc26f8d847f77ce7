//! `cloudpartner_client`: building a client from `cloudpartner_client_options`, and
//! fetching one offer's status.

use std::ffi::c_char;

use cloudpartner::Client;

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{self, cloudpartner_client_options, cloudpartner_client_options_default};
use crate::runtime;
use crate::status::cloudpartner_offer_status;

/// A client of the Cloud Partner Portal API: one connection pool and one token cache.
/// Opaque; free it with `cloudpartner_client_free()`.
///
/// Thread safety: any number of threads may make blocking calls on one client at the
/// same time; free it only once no call on it is running.
pub struct cloudpartner_client {
    client: Client,
}

impl cloudpartner_client {
    /// The core client.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }
}

/// Creates a client. `opts` may be NULL for every default (the base URL and the
/// credential then come from the environment, or the Azure CLI).
///
/// The options are checked here, once, by the same rules as every other cloudpartner
/// interface, and the credential is chosen (see `cloudpartner_client_options`). On
/// success `*out` gets the client: free it with `cloudpartner_client_free()`. On failure
/// `*out` is NULL and the kind says why: `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a bad
/// option (an unreadable URL, `http://` to a remote host, a blank token, a token with
/// another credential, a count below -1, a negative `poll_time_scale`, a string that is
/// not UTF-8) or a NULL `out`; `CLOUDPARTNER_ERROR_AUTHENTICATION` when no credential is
/// found anywhere (the message lists where it looked). `err` may be NULL. No request to
/// the API is made here.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_new(
    opts: *const cloudpartner_client_options,
    out: *mut *mut cloudpartner_client,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_client_new";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or a writable pointer.
        let out = unsafe { ffi::out_arg(FUNCTION, "out", out) }?;
        // SAFETY: the caller passes NULL or live options.
        let opts = unsafe { opts.as_ref() }
            .copied()
            .unwrap_or_else(|| cloudpartner_client_options_default());
        // SAFETY: the option strings are NULL or NUL-terminated (the documented contract).
        let options = unsafe { options::client_options(FUNCTION, &opts) }?;
        // Building starts nothing, but reqwest may look for a runtime: give it ours.
        let runtime = runtime::runtime()?;
        let _context = runtime.enter();
        out.set(cloudpartner_client {
            client: Client::new(options)?,
        });
        Ok(())
    })
}

/// Frees a client. NULL is fine. No call on it may be running. (A watch started from it
/// keeps what it needs: it may outlive the client.)
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_free(client: *mut cloudpartner_client) {
    ffi::free_box(client)
}

/// Fetches the status of one offer, blocking until it arrives; transient failures
/// (connection errors, timeouts, 408, 429, 5xx) are retried with backoff.
///
/// `publisher` and `offer` are the ids (UTF-8; percent-encoded by the library). On success
/// `*out` gets the status: free it with `cloudpartner_offer_status_free()`. On failure
/// `*out` is NULL and the kind says why: `CLOUDPARTNER_ERROR_NOT_FOUND`,
/// `CLOUDPARTNER_ERROR_AUTHENTICATION`, `CLOUDPARTNER_ERROR_PARSE`, ...;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
/// may be NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_offer_status(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    out: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_offer_status", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
    ] => {
        let status = runtime::block_on(client.client.offer_status(publisher, offer))??;
        out.set(cloudpartner_offer_status::new(status));
        Ok(())
    })
}
