//! `NativeClient`: the core [`cloudpartner::Client`] behind the JavaScript `Client`.

use std::sync::Arc;

use cloudpartner::{Client, DEFAULT_CONCURRENCY, ErrorKind};
use napi_derive::napi;

use crate::credential::{JsCredential, TokenCallback};
use crate::duration::from_millis;
use crate::error::{error_json, napi_error, to_napi};
use crate::status::NativeOfferStatus;
use crate::watch::{NativeWatch, NativeWatchOptions};

/// The options of `new Client({...})`, the credential aside (it comes as a callback).
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
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Allows plain `http://` to hosts that are not loopback.
    pub allow_http: Option<bool>,
}

/// One result of `offerStatuses`: a status or an error (as JSON, see [`crate::error`]).
#[napi(object)]
pub struct NativeBatchItem {
    /// The offer id, as given.
    pub offer_id: String,
    /// The status, when it could be fetched.
    pub status: Option<NativeOfferStatus>,
    /// The error, when it could not.
    pub error: Option<String>,
}

/// A client of the Cloud Partner Portal API.
#[napi]
pub struct NativeClient {
    inner: Client,
}

#[napi]
impl NativeClient {
    /// Builds the client; `credential` is `(scope) => Promise<{token, expiresOnTimestamp}>`.
    #[napi(constructor)]
    pub fn new(
        options: NativeClientOptions,
        #[napi(ts_arg_type = "((scope: string) => Promise<NativeAccessToken>) | undefined | null")]
        credential: Option<TokenCallback>,
    ) -> napi::Result<NativeClient> {
        if options.token.is_some() && credential.is_some() {
            return Err(napi_error(
                ErrorKind::InvalidArgument,
                "give either a token or a credential, not both",
            ));
        }
        let mut builder = Client::builder().user_agent_tag("node");
        if let Some(token) = options.token {
            builder = builder.token(token);
        }
        if let Some(callback) = credential {
            builder = builder.credential_arc(Arc::new(JsCredential::new(callback)));
        }
        if let Some(url) = options.base_url {
            builder = builder.base_url(url);
        }
        if let Some(version) = options.api_version {
            builder = builder.api_version(version);
        }
        if let Some(ms) = options.timeout_ms {
            builder = builder.timeout(from_millis("timeoutMs", ms)?);
        }
        if let Some(ms) = options.connect_timeout_ms {
            builder = builder.connect_timeout(from_millis("connectTimeoutMs", ms)?);
        }
        if let Some(retries) = options.max_retries {
            builder = builder.max_retries(retries);
        }
        if let Some(allow) = options.allow_http {
            builder = builder.allow_http(allow);
        }
        let inner = builder.build().map_err(|e| to_napi(&e))?;
        Ok(NativeClient { inner })
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

    /// The status of one offer.
    #[napi]
    pub async fn offer_status(
        &self,
        publisher_id: String,
        offer_id: String,
    ) -> napi::Result<NativeOfferStatus> {
        let client = self.inner.clone();
        client
            .offer_status(&publisher_id, &offer_id)
            .await
            .map(|s| NativeOfferStatus::from(&s))
            .map_err(|e| to_napi(&e))
    }

    /// The status of several offers, one result per id in input order.
    #[napi]
    pub async fn offer_statuses(
        &self,
        publisher_id: String,
        offer_ids: Vec<String>,
        concurrency: Option<u32>,
    ) -> Vec<NativeBatchItem> {
        let client = self.inner.clone();
        let concurrency = concurrency.map_or(DEFAULT_CONCURRENCY, |c| c as usize);
        client
            .offer_statuses(&publisher_id, offer_ids, concurrency)
            .await
            .into_iter()
            .map(|(offer_id, result)| match result {
                Ok(status) => NativeBatchItem {
                    offer_id,
                    status: Some(NativeOfferStatus::from(&status)),
                    error: None,
                },
                Err(e) => NativeBatchItem {
                    offer_id,
                    status: None,
                    error: Some(error_json(&e)),
                },
            })
            .collect()
    }

    /// Starts watching an offer; nothing is fetched before the first `next()`.
    #[napi]
    pub fn watch(
        &self,
        publisher_id: String,
        offer_id: String,
        options: NativeWatchOptions,
    ) -> napi::Result<NativeWatch> {
        NativeWatch::start(&self.inner, &publisher_id, &offer_id, options)
    }
}
