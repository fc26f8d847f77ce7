//! The HTTP client of the Cloud Partner Portal API.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use url::Url;

use crate::credential::{StaticTokenCredential, TokenCache, TokenCredential};
use crate::endpoint::{check_url_scheme, status_url};
use crate::error::{Error, ErrorKind, Result};
use crate::http_error::{describe, excerpt, status_error, transport_kind};
use crate::model::OfferStatus;
use crate::parse::parse_offer_status;
use crate::retry::{RetryPolicy, is_retryable_status, parse_retry_after};
use crate::secret::Secret;

/// The service's base URL.
pub const DEFAULT_BASE_URL: &str = "https://cloudpartner.azure.com";
/// The API version sent by default.
pub const DEFAULT_API_VERSION: &str = "2017-10-31";
/// The default limit on a response body: 8 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// The default whole-request timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default number of offers fetched at once by [`Client::offer_statuses`].
pub const DEFAULT_CONCURRENCY: usize = 8;

/// A client of the Cloud Partner Portal API. Cheap to clone: clones share one
/// connection pool and one token cache.
///
/// ```no_run
/// # async fn run() -> cloudpartner::Result<()> {
/// let client = cloudpartner::Client::builder()
///     .token(std::env::var("CLOUDPARTNER_TOKEN").unwrap_or_default())
///     .build()?;
/// let status = client.offer_status("contoso", "my-vm-offer").await?;
/// println!("{} — {:.0}% done", status.status, status.progress() * 100.0);
/// if let Some(step) = status.current_step() {
///     println!("now: {}", step.name);
/// }
/// # Ok(()) }
/// ```
///
/// Against the emulator (see the `cloudpartner-emulator` crate), for tests:
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> cloudpartner::Result<()> {
/// let emulator = cloudpartner_emulator::Emulator::builder().start().await.unwrap();
/// let client = cloudpartner::Client::builder()
///     .base_url(emulator.base_url())
///     .token(emulator.token())
///     .build()?;
/// let status = client.offer_status("contoso", "live-offer").await?;
/// assert!(status.is_terminal());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    api_version: String,
    tokens: TokenCache,
    static_token: bool,
    retry: RetryPolicy,
    max_body_bytes: usize,
}

/// Builds a [`Client`]; every option has the default of the service.
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: String,
    api_version: String,
    credential: Option<Arc<dyn TokenCredential>>,
    static_token: bool,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    allow_http: bool,
    max_body_bytes: usize,
    binding: String,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            api_version: DEFAULT_API_VERSION.to_owned(),
            credential: None,
            static_token: false,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            allow_http: false,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            binding: "rust".to_owned(),
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("api_version", &self.api_version)
            .field("credential", &self.credential)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("allow_http", &self.allow_http)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API's base URL (default `https://cloudpartner.azure.com`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `api-version` sent (default `2017-10-31`).
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.api_version = version.into();
        self
    }

    /// A bearer token obtained elsewhere.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.credential = Some(Arc::new(StaticTokenCredential::new(token)));
        self.static_token = true;
        self
    }

    /// Where tokens come from (see [`crate::credential`]).
    pub fn credential(self, credential: impl TokenCredential + 'static) -> Self {
        self.credential_arc(Arc::new(credential))
    }

    /// Like [`Self::credential`], for a credential already shared.
    pub fn credential_arc(mut self, credential: Arc<dyn TokenCredential>) -> Self {
        self.credential = Some(credential);
        self.static_token = false;
        self
    }

    /// The whole-request timeout, body included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Retries after the first attempt (default 4).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// The whole retry policy (backoff base and cap, `Retry-After` cap).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Allows plain `http://` to hosts that are not loopback (default: only loopback).
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// The largest response body accepted (default 8 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// The tag in `User-Agent: cloudpartner/<version> (<tag>)`; bindings set their language.
    pub fn user_agent_tag(mut self, tag: impl Into<String>) -> Self {
        self.binding = tag.into();
        self
    }

    /// Checks the options and builds the client.
    pub fn build(self) -> Result<Client> {
        let base_text = self.base_url.trim();
        let base_url = Url::parse(base_text)
            .map_err(|e| Error::invalid_argument(format!("base URL `{base_text}`: {e}")))?;
        check_url_scheme(&base_url, self.allow_http, "base URL")?;
        if base_url.query().is_some() || base_url.fragment().is_some() {
            return Err(Error::invalid_argument(format!(
                "base URL `{base_text}` must not have a query or fragment"
            )));
        }
        if self.api_version.trim().is_empty() {
            return Err(Error::invalid_argument("the api-version is empty"));
        }
        let credential = self.credential.ok_or_else(|| {
            Error::invalid_argument("no credential: give a token or a credential (client secret, Azure CLI, environment)")
        })?;
        if self.timeout.is_zero() || self.connect_timeout.is_zero() {
            return Err(Error::invalid_argument(
                "timeouts must be greater than zero",
            ));
        }
        let allow_http = self.allow_http;
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 10 {
                attempt.error("too many redirects (10)")
            } else if let Err(e) = check_url_scheme(attempt.url(), allow_http, "redirect target") {
                attempt.error(e.message().to_owned())
            } else {
                attempt.follow()
            }
        });
        let http = reqwest::Client::builder()
            .user_agent(format!(
                "cloudpartner/{} ({})",
                crate::VERSION,
                self.binding
            ))
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .redirect(redirects)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| {
                Error::new(
                    ErrorKind::Internal,
                    format!("HTTP client: {}", describe(&e)),
                )
            })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                api_version: self.api_version.trim().to_owned(),
                tokens: TokenCache::new(credential),
                static_token: self.static_token,
                retry: self.retry,
                max_body_bytes: self.max_body_bytes,
            }),
        })
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("api_version", &self.inner.api_version)
            .field("credential", &self.inner.tokens)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

fn check_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid_argument(format!("the {what} id is empty")));
    }
    Ok(())
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

impl Client {
    /// A builder with the service's defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// The `api-version` sent.
    pub fn api_version(&self) -> &str {
        &self.inner.api_version
    }

    /// The status of one offer, retried on transient failures.
    pub async fn offer_status(&self, publisher_id: &str, offer_id: &str) -> Result<OfferStatus> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let url = status_url(
            &self.inner.base_url,
            &self.inner.api_version,
            publisher_id,
            offer_id,
        );
        let policy = self.inner.retry;
        let mut retry = 0;
        let mut refreshed_token = false;
        loop {
            let token = self.inner.tokens.token().await?;
            let error = match self.attempt(&url, &token).await {
                Ok(status) => return Ok(status),
                Err(e) => e,
            };
            if error.status_code() == Some(401) && !refreshed_token && !self.inner.static_token {
                log::info!("GET {url}: token refused, asking the credential for a new one");
                refreshed_token = true;
                self.inner.tokens.invalidate().await;
                continue;
            }
            let transient = match error.status_code() {
                Some(code) => is_retryable_status(code),
                None => matches!(error.kind(), ErrorKind::Timeout | ErrorKind::Transport),
            };
            if !transient || retry >= policy.max_retries {
                return Err(error);
            }
            let delay = policy.delay(retry, error.retry_after());
            log::warn!(
                "GET {url}: {error}; retry {} of {} in {:.1} s",
                retry + 1,
                policy.max_retries,
                delay.as_secs_f64()
            );
            tokio::time::sleep(delay).await;
            retry += 1;
        }
    }

    /// The status of several offers of one publisher, at most `concurrency` at a time,
    /// over one connection pool. One result per id, in the order given.
    ///
    /// ```no_run
    /// # async fn run(client: cloudpartner::Client) {
    /// for (offer, result) in client.offer_statuses("contoso", ["a", "b"], 8).await {
    ///     match result {
    ///         Ok(status) => println!("{offer}: {}", status.status),
    ///         Err(e) => println!("{offer}: {e}"),
    ///     }
    /// }
    /// # }
    /// ```
    pub async fn offer_statuses<I, S>(
        &self,
        publisher_id: &str,
        offer_ids: I,
        concurrency: usize,
    ) -> Vec<(String, Result<OfferStatus>)>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let ids: Vec<String> = offer_ids.into_iter().map(Into::into).collect();
        futures_util::stream::iter(ids)
            .map(|id| async move {
                let result = self.offer_status(publisher_id, &id).await;
                (id, result)
            })
            .buffered(concurrency.max(1))
            .collect()
            .await
    }

    /// One GET: the status, or the error with its kind, status, code and request id.
    async fn attempt(&self, url: &str, token: &Secret) -> Result<OfferStatus> {
        let client_request_id = uuid::Uuid::new_v4().to_string();
        log::debug!("GET {url} (client request id {client_request_id})");
        let response = self
            .inner
            .http
            .get(url)
            .bearer_auth(token.expose())
            .header(ACCEPT, "application/json")
            .header("x-ms-client-request-id", &client_request_id)
            .send()
            .await
            .map_err(|e| {
                Error::new(transport_kind(&e), format!("GET {url}: {}", describe(&e)))
                    .with_request_id(Some(client_request_id.clone()))
            })?;
        let status = response.status();
        let headers = response.headers();
        let request_id = header(headers, "x-ms-request-id")
            .or_else(|| header(headers, "x-ms-correlation-request-id"))
            .unwrap_or(&client_request_id)
            .to_owned();
        let retry_after = header(headers, RETRY_AFTER.as_str()).and_then(parse_retry_after);
        let content_type = header(headers, CONTENT_TYPE.as_str())
            .unwrap_or("")
            .to_owned();
        log::debug!(
            "GET {url}: HTTP {} (request id {request_id})",
            status.as_u16()
        );
        let body = self.read_body(response, url).await.map_err(|e| {
            e.with_status(status.as_u16())
                .with_request_id(Some(request_id.clone()))
        })?;
        if !status.is_success() {
            return Err(status_error(status, &content_type, &body)
                .with_request_id(Some(request_id))
                .with_retry_after(retry_after));
        }
        let looks_like_json = content_type.to_ascii_lowercase().contains("json")
            || body
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'{' || *b == b'[');
        let code = status.as_u16();
        let reason = status.canonical_reason().unwrap_or("");
        if !looks_like_json {
            let shown = if content_type.is_empty() {
                "no content type"
            } else {
                &content_type
            };
            return Err(Error::parse(format!(
                "HTTP {code} {reason} returned {shown}, not JSON: {}",
                excerpt(&body, &content_type)
            ))
            .with_status(code)
            .with_request_id(Some(request_id)));
        }
        parse_offer_status(&body).map_err(|e| {
            e.context(format!("HTTP {code} {reason} body"))
                .with_status(code)
                .with_request_id(Some(request_id))
        })
    }

    /// Reads the body, refusing more than the limit.
    async fn read_body(&self, mut response: reqwest::Response, url: &str) -> Result<Vec<u8>> {
        let limit = self.inner.max_body_bytes;
        let too_large = || {
            Error::new(
                ErrorKind::TooLarge,
                format!("GET {url}: the response body is larger than the limit of {limit} bytes"),
            )
        };
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        loop {
            let chunk = response.chunk().await.map_err(|e| {
                Error::new(
                    transport_kind(&e),
                    format!("GET {url}: reading the body: {}", describe(&e)),
                )
            })?;
            let Some(chunk) = chunk else { break };
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}
