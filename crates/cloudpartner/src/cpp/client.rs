//! The HTTP client of the Cloud Partner Portal API.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use url::Url;

use super::model::OfferStatus;
use super::parse::parse_offer_status;
use super::urls::status_url;
use crate::auth::{CredentialSource, TokenCredential, connect};
use crate::client_options::{ClientOptions, ClientSecretOptions};
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::retry::RetryPolicy;
use crate::transport::{ApiProfile, ApiRequest, Transport};

/// The service's base URL.
pub const DEFAULT_BASE_URL: &str = "https://cloudpartner.azure.com";
/// The API version sent by default.
pub const DEFAULT_API_VERSION: &str = "2017-10-31";

/// The Cloud Partner Portal API on the shared transport.
pub static PROFILE: ApiProfile = ApiProfile {
    name: "Cloud Partner Portal API",
    default_base_url: DEFAULT_BASE_URL,
    base_url_env: "CLOUDPARTNER_BASE_URL",
    version_parameter: "api-version",
    default_version: DEFAULT_API_VERSION,
    scope: crate::auth::SCOPE,
    unauthorized_hint: "the token is missing, expired or not for https://cloudpartner.azure.com",
    forbidden_hint: "is the service principal added to the publisher account?",
    base_url_option: |options| options.base_url.as_deref(),
    version_option: |options| options.api_version.as_deref(),
};
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
    transport: Transport,
    credential_source: CredentialSource,
}

/// Builds a [`Client`]: a fluent way to fill [`ClientOptions`].
#[derive(Clone, Debug, Default)]
pub struct ClientBuilder {
    options: ClientOptions,
}

impl ClientBuilder {
    /// The API's base URL (default: `CLOUDPARTNER_BASE_URL`, else
    /// `https://cloudpartner.azure.com`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.options.base_url = Some(url.into());
        self
    }

    /// The `api-version` sent (default `2017-10-31`).
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.options.api_version = Some(version.into());
        self
    }

    /// A bearer token obtained elsewhere.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.options.token = Some(token.into());
        self
    }

    /// Where tokens come from (see [`crate::auth`]).
    pub fn credential(self, credential: impl TokenCredential + 'static) -> Self {
        self.credential_arc(Arc::new(credential))
    }

    /// Like [`Self::credential`], for a credential already shared.
    pub fn credential_arc(mut self, credential: Arc<dyn TokenCredential>) -> Self {
        self.options.credential = Some(credential);
        self
    }

    /// A service principal's client secret, exchanged with this client's timeouts.
    pub fn client_secret(mut self, secret: ClientSecretOptions) -> Self {
        self.options.client_secret = Some(secret);
        self
    }

    /// The whole-request timeout, body included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// The connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.options.connect_timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt (default 4).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.options.max_retries = Some(retries);
        self
    }

    /// The whole retry policy (backoff base and cap, `Retry-After` cap).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry_policy = Some(policy);
        self
    }

    /// Allows plain `http://` to hosts that are not loopback (default: only loopback).
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.options.allow_http = allow;
        self
    }

    /// The largest response body accepted (default 8 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.options.max_body_bytes = Some(bytes);
        self
    }

    /// The tag in `User-Agent: cloudpartner/<version> (<tag>)`; bindings set their language.
    pub fn user_agent_tag(mut self, tag: impl Into<String>) -> Self {
        self.options.user_agent_tag = Some(tag.into());
        self
    }

    /// Simulated seconds per real second of the server watched (see
    /// [`ClientOptions::poll_time_scale`]).
    pub fn poll_time_scale(mut self, scale: f64) -> Self {
        self.options.poll_time_scale = Some(scale);
        self
    }

    /// Where unset options are read from (default: the process environment).
    pub fn environment(mut self, environment: Environment) -> Self {
        self.options.environment = Some(environment);
        self
    }

    /// The options filled so far.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// Checks the options and builds the client.
    pub fn build(self) -> Result<Client> {
        Client::new(self.options)
    }
}

impl From<ClientOptions> for ClientBuilder {
    fn from(options: ClientOptions) -> Self {
        ClientBuilder { options }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url())
            .field("api_version", &self.api_version())
            .field("credential", &self.inner.credential_source)
            .field("retry", &self.inner.transport.retry_policy())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Checks `options` and builds the client (the one place every interface builds
    /// its client).
    pub fn new(options: ClientOptions) -> Result<Client> {
        let (transport, credential_source) = connect(&options, &PROFILE)?;
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                credential_source,
            }),
        })
    }

    /// A builder with the service's defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Where the client's credential came from (see [`crate::auth::default_chain`]).
    pub fn credential_source(&self) -> &CredentialSource {
        &self.inner.credential_source
    }

    /// Simulated seconds per real second of the server watched (1 for the service).
    pub fn poll_time_scale(&self) -> f64 {
        self.inner.transport.poll_time_scale()
    }
}

pub(crate) fn check_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid_argument(format!("the {what} id is empty")));
    }
    Ok(())
}

impl Client {
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.transport.base().as_str()
    }

    /// The `api-version` sent.
    pub fn api_version(&self) -> &str {
        self.inner.transport.version()
    }

    /// The status of one offer, retried on transient failures.
    pub async fn offer_status(&self, publisher_id: &str, offer_id: &str) -> Result<OfferStatus> {
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let url = status_url(self.base(), self.api_version(), publisher_id, offer_id);
        self.transport()
            .execute(&ApiRequest::get(url))
            .await?
            .json(parse_offer_status)
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

    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    pub(crate) fn base(&self) -> &Url {
        self.inner.transport.base()
    }
}
