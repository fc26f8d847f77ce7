//! A JavaScript token source (`@azure/identity`'s `TokenCredential` shape) as the
//! core's [`TokenCredential`]: a thread-safe function calls back into JavaScript and
//! the returned promise is awaited on the Rust side. The core caches the token.

use std::fmt;

use cloudpartner::ErrorKind;
use cloudpartner::credential::{
    AccessToken, TokenCredential, TokenFuture, expiry_from_unix_seconds,
};
use napi::Status;
use napi::bindgen_prelude::Promise;
use napi::threadsafe_function::ThreadsafeFunction;
use napi_derive::napi;

/// What the JavaScript side resolves with (already checked and normalised there).
#[napi(object)]
pub struct NativeAccessToken {
    /// The bearer token.
    pub token: String,
    /// When it expires, in milliseconds since the epoch; absent when unknown.
    pub expires_on_timestamp: Option<f64>,
}

/// `(scope: string) => Promise<NativeAccessToken>`, called from any thread. Weak: it
/// does not keep the Node.js event loop alive (an in-flight request does).
pub type TokenCallback =
    ThreadsafeFunction<String, Promise<NativeAccessToken>, String, Status, false, true>;

/// The core credential backed by a JavaScript callback.
pub struct JsCredential {
    callback: TokenCallback,
}

impl JsCredential {
    /// Wraps the callback the JavaScript layer built around `credential.getToken`.
    pub fn new(callback: TokenCallback) -> JsCredential {
        JsCredential { callback }
    }
}

impl fmt::Debug for JsCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JsCredential(credential.getToken)")
    }
}

fn failed(reason: &str) -> cloudpartner::Error {
    cloudpartner::Error::new(
        ErrorKind::Authentication,
        format!("credential.getToken failed: {reason}"),
    )
}

impl TokenCredential for JsCredential {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(async move {
            let promise = self
                .callback
                .call_async(scope.to_owned())
                .await
                .map_err(|e| failed(&e.reason))?;
            let token = promise.await.map_err(|e| failed(&e.reason))?;
            if token.token.is_empty() {
                return Err(failed("it returned an empty token"));
            }
            // Milliseconds since the epoch, as `@azure/identity` gives them.
            let expires_at = token
                .expires_on_timestamp
                .and_then(|ms| expiry_from_unix_seconds(ms / 1000.0));
            Ok(AccessToken::new(token.token, expires_at))
        })
    }
}
