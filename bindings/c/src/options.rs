//! The option structs a C caller fills, `cloudpartner_client_options` and
//! `cloudpartner_watch_options`, each with a `_default()` function; and their conversion
//! into the core's `ClientOptions` and `WatchOptions`, which the core checks. C has no
//! "absent": NULL, 0 and -1 become `None`, everything else is passed on as given.

use std::ffi::{c_char, c_void};
use std::ptr;
use std::sync::Arc;
use std::time::Duration;

use cloudpartner::{ClientOptions, ClientSecretOptions, Result, WatchOptions, WatchUntil};

use crate::ffi;
use crate::token_callback::{CallbackCredential, cloudpartner_token_callback};

/// The `User-Agent` tag of this binding: `cloudpartner/<version> (c)`.
pub(crate) const USER_AGENT_TAG: &str = "c";

/// How to build a client. Start from `cloudpartner_client_options_default()` (or
/// `cloudpartner_emulator_client_options()`) and set what you need; C has no "absent", so
/// NULL strings, 0 durations, sizes and scales, and -1 retries mean the default. The
/// strings are only read during `cloudpartner_client_new()`. New fields are only ever
/// appended, and the `_default()` function fills every one.
///
/// Credentials, the chain shared by every cloudpartner interface: `token`; else
/// `token_callback`, or `tenant_id` + `client_id` + `client_secret` (a client-secret
/// credential against `authority_host`); else the environment (`CLOUDPARTNER_TOKEN` or
/// `AZURE_TOKEN`; else `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`, with
/// `AZURE_AUTHORITY_HOST`); else the Azure CLI when `az` is on `PATH` (`az account
/// get-access-token`); else `cloudpartner_client_new()` fails with
/// `CLOUDPARTNER_ERROR_AUTHENTICATION`, its message listing these. A blank `token`, a
/// `token` with a `token_callback` or a client secret, a `token_callback` with a client
/// secret, or only some of `tenant_id`, `client_id`, `client_secret` (or `authority_host`
/// without them) are `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_client_options {
    /// The API's base URL; NULL: `CLOUDPARTNER_BASE_URL` from the environment, else
    /// `https://cloudpartner.azure.com`. Plain `http://` only to loopback hosts unless
    /// `allow_http`.
    pub base_url: *const c_char,
    /// The `api-version` sent; NULL: `2017-10-31`.
    pub api_version: *const c_char,
    /// A bearer token obtained elsewhere; NULL: see the credential order above. Blank
    /// (empty or only spaces): `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
    pub token: *const c_char,
    /// The Microsoft Entra tenant, for a client-secret credential; NULL: none.
    pub tenant_id: *const c_char,
    /// The application (client) id, for a client-secret credential; NULL: none.
    pub client_id: *const c_char,
    /// The client secret, for a client-secret credential; NULL: none.
    pub client_secret: *const c_char,
    /// The Entra authority host; NULL: `https://login.microsoftonline.com`.
    pub authority_host: *const c_char,
    /// The whole-request timeout in milliseconds, body included; 0: 30000.
    pub timeout_ms: u64,
    /// The connect timeout in milliseconds; 0: 10000.
    pub connect_timeout_ms: u64,
    /// Retries after the first attempt on transient failures; -1: 4.
    pub max_retries: i32,
    /// The largest response body accepted, in bytes (`CLOUDPARTNER_ERROR_TOO_LARGE`
    /// beyond); 0: 8 MiB.
    pub max_body_bytes: u64,
    /// Allow plain `http://` to hosts that are not loopback; default false.
    pub allow_http: bool,
    /// Your own source of tokens (see `cloudpartner_token_callback`); NULL: none.
    pub token_callback: cloudpartner_token_callback,
    /// Passed as is to `token_callback`; must stay valid while the client lives.
    pub token_callback_user_data: *mut c_void,
    /// Simulated seconds per real second of the server watched (an emulator playing a
    /// publish faster): a watch divides its adaptive interval and its default bounds by
    /// it. 0: 1 (the service); a negative or non-finite value:
    /// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`. `cloudpartner_emulator_client_options()`
    /// sets the emulator's time scale.
    pub poll_time_scale: f64,
    /// The Product Ingestion API's base URL (for `cloudpartner_ingestion_client_new()`);
    /// NULL: `CLOUDPARTNER_INGESTION_URL` from the environment, else
    /// `https://graph.microsoft.com/rp/product-ingestion`. The same `http://` rule as
    /// `base_url`.
    pub ingestion_base_url: *const c_char,
    /// The Product Ingestion API's `$version`; NULL: `2022-07-01`.
    pub ingestion_version: *const c_char,
}

/// Options with every default: NULL strings, 0 timeouts, body limit and poll time scale,
/// -1 retries, `allow_http` false, no token callback.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_client_options_default() -> cloudpartner_client_options {
    cloudpartner_client_options {
        base_url: ptr::null(),
        api_version: ptr::null(),
        token: ptr::null(),
        tenant_id: ptr::null(),
        client_id: ptr::null(),
        client_secret: ptr::null(),
        authority_host: ptr::null(),
        timeout_ms: 0,
        connect_timeout_ms: 0,
        max_retries: -1,
        max_body_bytes: 0,
        allow_http: false,
        token_callback: None,
        token_callback_user_data: ptr::null_mut(),
        poll_time_scale: 0.0,
        ingestion_base_url: ptr::null(),
        ingestion_version: ptr::null(),
    }
}

/// How `cloudpartner_client_watch()` polls. Start from
/// `cloudpartner_watch_options_default()`; 0 means the default.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_watch_options {
    /// Also stop when the offer or a step waits for the publisher's review; default false
    /// (stop only when the offer succeeded, failed or was canceled).
    pub until_publisher_action: bool,
    /// The shortest wait between polls, in milliseconds; 0: 5000 divided by the client's
    /// `poll_time_scale` (at least 50).
    pub min_interval_ms: u64,
    /// The longest wait between polls, in milliseconds; 0: 300000 divided by the client's
    /// `poll_time_scale` (at least 50). Below `min_interval_ms`:
    /// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
    pub max_interval_ms: u64,
    /// Give up after this many milliseconds (`CLOUDPARTNER_ERROR_TIMEOUT`, after one last
    /// poll at the deadline); 0: never.
    pub timeout_ms: u64,
}

/// Watch options with every default: until terminal, polls every 5 s to 300 s (on the
/// client's clock, see `poll_time_scale`), no timeout.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_watch_options_default() -> cloudpartner_watch_options {
    cloudpartner_watch_options {
        until_publisher_action: false,
        min_interval_ms: 0,
        max_interval_ms: 0,
        timeout_ms: 0,
    }
}

/// A C count of milliseconds: 0 is the default (`None`).
fn millis(value: u64) -> Option<Duration> {
    (value != 0).then(|| Duration::from_millis(value))
}

/// The core's options for `opts`; the core checks them in `Client::new`.
///
/// # Safety
/// The option strings are NULL or NUL-terminated, and outlive the call.
pub(crate) unsafe fn client_options(
    function: &str,
    opts: &cloudpartner_client_options,
) -> Result<ClientOptions> {
    // SAFETY: forwarded contract.
    let text = |name: &str, s: *const c_char| unsafe { ffi::opt_str_arg(function, name, s) };
    let owned = |name: &str, s: *const c_char| text(name, s).map(|s| s.map(str::to_owned));
    let max_retries = match opts.max_retries {
        -1 => None,
        n => Some(u32::try_from(n).map_err(|_| {
            ffi::bad_argument(
                function,
                "opts->max_retries",
                &format!("is {n}: give a count >= 0, or -1 for the default"),
            )
        })?),
    };
    let (tenant_id, client_id, secret, authority_host) = (
        owned("opts->tenant_id", opts.tenant_id)?,
        owned("opts->client_id", opts.client_id)?,
        text("opts->client_secret", opts.client_secret)?,
        owned("opts->authority_host", opts.authority_host)?,
    );
    // The rule (all three, or none and no authority host) is the core's; the words are C's.
    let missing: Vec<&str> = [
        ("tenant_id", tenant_id.is_none()),
        ("client_id", client_id.is_none()),
        ("client_secret", secret.is_none()),
    ]
    .into_iter()
    .filter_map(|(name, missing)| missing.then_some(name))
    .collect();
    let client_secret = ClientSecretOptions::from_parts(
        tenant_id,
        client_id,
        secret.map(Into::into),
        authority_host,
        ["tenant_id", "client_id", "client_secret", "authority_host"],
    )
    .map_err(|_| {
        ffi::bad_argument(
            function,
            "opts",
            &format!(
                "has a partial client secret: set tenant_id, client_id and \
                 client_secret together (missing: {})",
                missing.join(", ")
            ),
        )
    })?;
    Ok(ClientOptions {
        base_url: owned("opts->base_url", opts.base_url)?,
        api_version: owned("opts->api_version", opts.api_version)?,
        ingestion_base_url: owned("opts->ingestion_base_url", opts.ingestion_base_url)?,
        ingestion_version: owned("opts->ingestion_version", opts.ingestion_version)?,
        token: text("opts->token", opts.token)?.map(Into::into),
        credential: opts.token_callback.map(|callback| {
            Arc::new(CallbackCredential::new(
                callback,
                opts.token_callback_user_data,
            )) as _
        }),
        client_secret,
        timeout: millis(opts.timeout_ms),
        connect_timeout: millis(opts.connect_timeout_ms),
        max_retries,
        retry_policy: None,
        allow_http: opts.allow_http,
        max_body_bytes: (opts.max_body_bytes != 0)
            .then(|| usize::try_from(opts.max_body_bytes).unwrap_or(usize::MAX)),
        user_agent_tag: Some(USER_AGENT_TAG.to_owned()),
        poll_time_scale: (opts.poll_time_scale != 0.0).then_some(opts.poll_time_scale),
        environment: None,
    })
}

/// The core's watch options for `opts`; the core checks them in `Client::watch`.
pub(crate) fn watch_options(opts: &cloudpartner_watch_options) -> WatchOptions {
    WatchOptions {
        until: if opts.until_publisher_action {
            WatchUntil::PublisherAction
        } else {
            WatchUntil::Terminal
        },
        min_interval: millis(opts.min_interval_ms),
        max_interval: millis(opts.max_interval_ms),
        timeout: millis(opts.timeout_ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_cores_defaults() {
        let options =
            unsafe { client_options("f", &cloudpartner_client_options_default()) }.unwrap();
        assert!(options.base_url.is_none() && options.api_version.is_none());
        assert!(options.token.is_none() && options.credential.is_none());
        assert!(options.client_secret.is_none() && options.environment.is_none());
        assert!(options.timeout.is_none() && options.connect_timeout.is_none());
        assert!(options.max_retries.is_none() && options.max_body_bytes.is_none());
        assert!(options.poll_time_scale.is_none() && !options.allow_http);
        assert!(options.ingestion_base_url.is_none() && options.ingestion_version.is_none());
        assert_eq!(options.user_agent_tag.as_deref(), Some("c"));
        assert_eq!(
            watch_options(&cloudpartner_watch_options_default()),
            WatchOptions::default()
        );
    }

    #[test]
    fn values_are_passed_on_as_given() {
        let mut opts = cloudpartner_client_options_default();
        opts.base_url = c"http://127.0.0.1:1".as_ptr();
        opts.token = c"  ".as_ptr();
        opts.timeout_ms = 1500;
        opts.max_retries = 0;
        opts.max_body_bytes = 10;
        opts.poll_time_scale = -2.0;
        opts.ingestion_base_url = c"http://127.0.0.1:2/rp/product-ingestion".as_ptr();
        opts.ingestion_version = c"2022-07-01".as_ptr();
        let options = unsafe { client_options("f", &opts) }.unwrap();
        assert_eq!(options.base_url.as_deref(), Some("http://127.0.0.1:1"));
        assert_eq!(
            options.ingestion_base_url.as_deref(),
            Some("http://127.0.0.1:2/rp/product-ingestion")
        );
        assert_eq!(options.ingestion_version.as_deref(), Some("2022-07-01"));
        // Blank, negative: the core refuses them, in every interface alike.
        assert_eq!(options.token.as_ref().map(|t| t.expose()), Some("  "));
        assert_eq!(options.poll_time_scale, Some(-2.0));
        assert_eq!(options.timeout, Some(Duration::from_millis(1500)));
        assert_eq!(
            (options.max_retries, options.max_body_bytes),
            (Some(0), Some(10))
        );
        let mut watch = cloudpartner_watch_options_default();
        watch.min_interval_ms = 100;
        watch.until_publisher_action = true;
        let watch = watch_options(&watch);
        assert_eq!(watch.min_interval, Some(Duration::from_millis(100)));
        assert_eq!(
            (watch.until, watch.max_interval),
            (WatchUntil::PublisherAction, None)
        );
    }

    #[test]
    fn c_only_values_are_refused_here() {
        let mut opts = cloudpartner_client_options_default();
        opts.max_retries = -2;
        let e = unsafe { client_options("f", &opts) }.unwrap_err();
        assert!(e.message().contains("opts->max_retries"), "{e}");
        opts.max_retries = -1;
        opts.tenant_id = c"t".as_ptr();
        opts.client_secret = c"s".as_ptr();
        let e = unsafe { client_options("f", &opts) }.unwrap_err();
        assert!(e.message().contains("missing: client_id"), "{e}");
        let mut opts = cloudpartner_client_options_default();
        opts.authority_host = c"http://127.0.0.1:1".as_ptr();
        let e = unsafe { client_options("f", &opts) }.unwrap_err();
        assert!(
            e.message().contains("tenant_id, client_id, client_secret"),
            "{e}"
        );
    }
}
