//! The option structs a C caller fills: `cloudpartner_client_options` and
//! `cloudpartner_watch_options`, each with a `_default()` function.

use std::ffi::{c_char, c_void};
use std::ptr;

use crate::token_callback::cloudpartner_token_callback;

/// How to build a client. Start from `cloudpartner_client_options_default()` and set
/// what you need; NULL strings, 0 durations and -1 retries mean the default. The strings
/// are only read during `cloudpartner_client_new()`.
///
/// Credentials, first match wins: `token`; else `token_callback`; else `tenant_id` + `client_id` +
/// `client_secret` (a client-secret credential against `authority_host`); else the
/// environment (`CLOUDPARTNER_TOKEN` or `AZURE_TOKEN`; else `AZURE_TENANT_ID`,
/// `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`, `AZURE_AUTHORITY_HOST`); else the Azure CLI
/// (`az account get-access-token`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_client_options {
    /// The API's base URL; NULL: `https://cloudpartner.azure.com`. Plain `http://` only to
    /// loopback hosts unless `allow_http`.
    pub base_url: *const c_char,
    /// The `api-version` sent; NULL: `2017-10-31`.
    pub api_version: *const c_char,
    /// A bearer token obtained elsewhere; NULL: see the credential order above.
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
}

/// Options with every default: NULL strings, 0 timeouts and body limit, -1 retries,
/// `allow_http` false, no token callback.
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
    /// The shortest wait between polls, in milliseconds; 0: 5000.
    pub min_interval_ms: u64,
    /// The longest wait between polls, in milliseconds; 0: 300000.
    pub max_interval_ms: u64,
    /// Give up after this many milliseconds (`CLOUDPARTNER_ERROR_TIMEOUT`); 0: never.
    pub timeout_ms: u64,
}

/// Watch options with every default: until terminal, polls every 5 s to 300 s, no timeout.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_watch_options_default() -> cloudpartner_watch_options {
    cloudpartner_watch_options {
        until_publisher_action: false,
        min_interval_ms: 0,
        max_interval_ms: 0,
        timeout_ms: 0,
    }
}
