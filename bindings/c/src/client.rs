//! `cloudpartner_client`: building a client from `cloudpartner_client_options`, and
//! fetching one offer's status.

use std::ffi::c_char;
use std::sync::Arc;
use std::time::Duration;

use cloudpartner::credential::{
    AzureCliCredential, ClientSecretCredential, DEFAULT_AUTHORITY_HOST, TokenCredential,
    credential_from_env,
};
use cloudpartner::{Client, ClientBuilder, Result};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{cloudpartner_client_options, cloudpartner_client_options_default};
use crate::runtime;
use crate::status::cloudpartner_offer_status;
use crate::token_callback::CallbackCredential;

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

/// Reads the options into a client builder.
///
/// # Safety
/// The option strings are NULL or NUL-terminated.
unsafe fn builder(function: &str, opts: &cloudpartner_client_options) -> Result<ClientBuilder> {
    // SAFETY: forwarded contract.
    let text = |name: &str, s: *const c_char| unsafe { ffi::opt_str_arg(function, name, s) };
    let mut builder = Client::builder().user_agent_tag("c");
    if let Some(url) = text("opts->base_url", opts.base_url)? {
        builder = builder.base_url(url);
    }
    if let Some(version) = text("opts->api_version", opts.api_version)? {
        builder = builder.api_version(version);
    }
    if opts.timeout_ms > 0 {
        builder = builder.timeout(Duration::from_millis(opts.timeout_ms));
    }
    if opts.connect_timeout_ms > 0 {
        builder = builder.connect_timeout(Duration::from_millis(opts.connect_timeout_ms));
    }
    match opts.max_retries {
        -1 => {}
        n if n >= 0 => builder = builder.max_retries(n.unsigned_abs()),
        n => {
            return Err(ffi::bad_argument(
                function,
                "opts->max_retries",
                &format!("is {n}: give a count >= 0, or -1 for the default"),
            ));
        }
    }
    if opts.max_body_bytes > 0 {
        let bytes = usize::try_from(opts.max_body_bytes).unwrap_or(usize::MAX);
        builder = builder.max_body_bytes(bytes);
    }
    builder = builder.allow_http(opts.allow_http);
    let token = text("opts->token", opts.token)?;
    let secret = (
        text("opts->tenant_id", opts.tenant_id)?,
        text("opts->client_id", opts.client_id)?,
        text("opts->client_secret", opts.client_secret)?,
    );
    let authority = text("opts->authority_host", opts.authority_host)?;
    if let Some(token) = token {
        return Ok(builder.token(token));
    }
    let credential: Arc<dyn TokenCredential> = if let Some(callback) = opts.token_callback {
        Arc::new(CallbackCredential::new(
            callback,
            opts.token_callback_user_data,
        ))
    } else if let (Some(tenant), Some(client), Some(secret)) = secret {
        Arc::new(ClientSecretCredential::with_authority(
            tenant,
            client,
            secret,
            authority.unwrap_or(DEFAULT_AUTHORITY_HOST),
            opts.allow_http,
        )?)
    } else if let Some(from_env) = credential_from_env()? {
        from_env
    } else {
        Arc::new(AzureCliCredential::new())
    };
    Ok(builder.credential_arc(credential))
}

/// Creates a client. `opts` may be NULL for every default (credentials then come from the
/// environment or the Azure CLI).
///
/// On success `*out` gets the client: free it with `cloudpartner_client_free()`. On
/// failure `*out` is NULL and `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` is returned for a bad
/// option (an unreadable URL, `http://` to a remote host, a negative retry count, a string
/// that is not UTF-8) or a NULL `out`. `err` may be NULL. No request is made here.
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
        let builder = unsafe { builder(FUNCTION, &opts) }?;
        // Building starts nothing, but reqwest may look for a runtime: give it ours.
        let runtime = runtime::runtime()?;
        let _context = runtime.enter();
        out.set(cloudpartner_client {
            client: builder.build()?,
        });
        Ok(())
    })
}

/// Frees a client. NULL is fine. No call on it may be running.
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
    const FUNCTION: &str = "cloudpartner_client_offer_status";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, client, publisher, offer) = unsafe {
            (
                ffi::out_arg(FUNCTION, "out", out)?,
                ffi::ref_arg(FUNCTION, "client", client)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
            )
        };
        let status = runtime::block_on(client.client.offer_status(publisher, offer))??;
        out.set(cloudpartner_offer_status::new(status));
        Ok(())
    })
}
