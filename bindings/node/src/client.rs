//! `NativeClient`: the core [`cloudpartner::Client`] behind the JavaScript `Client`.
//! The options of `new Client({...})` become a [`ClientOptions`]; the core checks them
//! and picks the credential ([`cloudpartner::credential::default_chain`]).

use std::sync::Arc;

use cloudpartner::credential::TokenCredential;
use cloudpartner::{Client, ClientOptions, whole_number};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

use crate::cancel::{NativeCancel, spawn_call};
use crate::credential::{JsCredential, TokenCallback};
use crate::error::{error_json, to_napi};
use crate::status::{StatusHandle, handle};
use crate::watch::{NativeWatch, NativeWatchOptions, millis};

/// The User-Agent tag of this binding (`cloudpartner/<version> (node)`).
const USER_AGENT_TAG: &str = "node";

/// The options of `new Client({...})`, the credential aside (it comes as a callback).
/// Absent means the default; the JavaScript layer has checked the types.
#[napi(object)]
pub struct NativeClientOptions {
    /// A bearer token obtained elsewhere.
    pub token: Option<String>,
    /// The API's base URL.
    pub base_url: Option<String>,
    /// The `api-version` sent.
    pub api_version: Option<String>,
    /// The whole-request timeout, in milliseconds.
    pub timeout_ms: Option<f64>,
    /// The connect timeout, in milliseconds.
    pub connect_timeout_ms: Option<f64>,
    /// Retries after the first attempt (a whole number).
    pub max_retries: Option<f64>,
    /// Allows plain `http://` to hosts that are not loopback.
    pub allow_http: Option<bool>,
}

/// The JavaScript options laid over `base` (the defaults, or an emulator's options), in
/// one expression: what is given replaces what `base` has, the values checked by the
/// core's rules (`positive_millis`, `whole_number`). A credential replaces `base`'s
/// token (a token given with it is kept, and the core refuses the two together).
pub fn client_options(
    base: ClientOptions,
    options: NativeClientOptions,
    credential: Option<TokenCallback>,
) -> cloudpartner::Result<ClientOptions> {
    let replaces_token = credential.is_some();
    Ok(ClientOptions {
        token: options
            .token
            .map(Into::into)
            .or(if replaces_token { None } else { base.token }),
        credential: credential
            .map(|callback| Arc::new(JsCredential::new(callback)) as Arc<dyn TokenCredential>)
            .or(base.credential),
        base_url: options.base_url.or(base.base_url),
        api_version: options.api_version.or(base.api_version),
        timeout: millis("timeoutMs", options.timeout_ms)?.or(base.timeout),
        connect_timeout: millis("connectTimeoutMs", options.connect_timeout_ms)?
            .or(base.connect_timeout),
        max_retries: options
            .max_retries
            .map(|retries| whole_number("maxRetries", retries, 0))
            .transpose()?
            .or(base.max_retries),
        allow_http: options.allow_http.unwrap_or(base.allow_http),
        user_agent_tag: Some(USER_AGENT_TAG.to_owned()),
        ..base
    })
}

/// One result of `offerStatuses`: a status or an error (as JSON, see [`crate::error`]).
#[napi(object, object_from_js = false)]
pub struct NativeBatchItem {
    /// The offer id, as given.
    pub offer_id: String,
    /// The status, when it could be fetched.
    #[napi(ts_type = "ExternalObject<'OfferStatus'>")]
    pub status: Option<StatusHandle>,
    /// The error, when it could not.
    pub error: Option<String>,
}

/// A client of the Cloud Partner Portal API.
#[napi]
pub struct NativeClient {
    pub(crate) inner: Client,
}

impl NativeClient {
    /// Builds the client from core options (checked by the core).
    pub fn build(options: ClientOptions) -> napi::Result<NativeClient> {
        let inner = Client::new(options).map_err(|e| to_napi(&e))?;
        Ok(NativeClient { inner })
    }
}

#[napi]
impl NativeClient {
    /// Builds the client; `credential` is `(scope) => Promise<{token, expiresOnTimestamp}>`.
    /// Without a token or a credential, the core's chain picks one (the environment,
    /// then the Azure CLI).
    #[napi(constructor)]
    pub fn new(
        options: NativeClientOptions,
        #[napi(ts_arg_type = "((scope: string) => Promise<NativeAccessToken>) | undefined | null")]
        credential: Option<TokenCallback>,
    ) -> napi::Result<NativeClient> {
        let options = client_options(ClientOptions::default(), options, credential)
            .map_err(|e| to_napi(&e))?;
        NativeClient::build(options)
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// The `api-version` sent.
    #[napi(getter)]
    pub fn api_version(&self) -> String {
        self.inner.api_version().to_owned()
    }

    /// Where the credential came from, in words (`a token from CLOUDPARTNER_TOKEN`).
    #[napi(getter)]
    pub fn credential_source(&self) -> String {
        self.inner.credential_source().to_string()
    }

    /// Simulated seconds per real second of the server watched (1 but for an emulator's
    /// client).
    #[napi(getter)]
    pub fn poll_time_scale(&self) -> f64 {
        self.inner.poll_time_scale()
    }

    /// The status of one offer.
    #[napi(ts_return_type = "Promise<ExternalObject<'OfferStatus'>>")]
    pub fn offer_status<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, StatusHandle>> {
        let client = self.inner.clone();
        let call = async move { client.offer_status(&publisher_id, &offer_id).await };
        spawn_call(env, abort, call, |status| Ok(handle(status)))
    }

    /// The status of several offers, one result per id in input order; `concurrency`
    /// is a whole number of at least 1 (default 8).
    #[napi(ts_return_type = "Promise<Array<NativeBatchItem>>")]
    pub fn offer_statuses<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_ids: Vec<String>,
        concurrency: Option<f64>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeBatchItem>>> {
        let concurrency = match concurrency {
            Some(c) => whole_number("concurrency", c, 1).map(|c| c as usize),
            None => Ok(cloudpartner::DEFAULT_CONCURRENCY),
        };
        let client = self.inner.clone();
        let call = async move {
            let concurrency = concurrency?;
            Ok(client
                .offer_statuses(&publisher_id, offer_ids, concurrency)
                .await)
        };
        spawn_call(env, abort, call, |results| {
            Ok(results
                .into_iter()
                .map(|(offer_id, result)| match result {
                    Ok(status) => NativeBatchItem {
                        offer_id,
                        status: Some(handle(status)),
                        error: None,
                    },
                    Err(e) => NativeBatchItem {
                        offer_id,
                        status: None,
                        error: Some(error_json(&e)),
                    },
                })
                .collect())
        })
    }

    /// Starts watching an offer (the options are checked by the core); nothing is
    /// fetched before the first `next()`.
    #[napi]
    pub fn watch(
        &self,
        publisher_id: String,
        offer_id: String,
        options: NativeWatchOptions,
    ) -> napi::Result<NativeWatch> {
        NativeWatch::start(&self.inner, &publisher_id, &offer_id, options).map_err(|e| to_napi(&e))
    }
}
