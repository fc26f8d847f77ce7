//! `ClientOptions`: every setting of a client as one plain struct, the shape every
//! binding converts its own arguments into. The core checks it once, in
//! [`crate::Client::new`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::token_credential::TokenCredential;
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::retry::RetryPolicy;

/// How to build a [`crate::Client`]. Every field is optional: `None` (or `false`) means
/// the default of DESIGN §3, and the credential follows
/// [`crate::auth::default_chain`].
///
/// ```
/// use std::time::Duration;
/// let options = cloudpartner::ClientOptions {
///     base_url: Some("http://127.0.0.1:8080".into()),
///     token: Some("my-token".into()),
///     timeout: Some(Duration::from_secs(5)),
///     ..Default::default()
/// };
/// let client = cloudpartner::Client::new(options).unwrap();
/// assert_eq!(client.base_url(), "http://127.0.0.1:8080/");
/// ```
#[derive(Clone, Default)]
pub struct ClientOptions {
    /// The API's base URL; `None`: `CLOUDPARTNER_BASE_URL` from the environment, else
    /// `https://cloudpartner.azure.com`.
    pub base_url: Option<String>,
    /// The `api-version` sent; `None`: `2017-10-31`.
    pub api_version: Option<String>,
    /// The Product Ingestion API's base URL; `None`: `CLOUDPARTNER_INGESTION_URL` from
    /// the environment, else `https://graph.microsoft.com/rp/product-ingestion`.
    pub ingestion_base_url: Option<String>,
    /// The Product Ingestion API's `$version`; `None`: `2022-07-01`.
    pub ingestion_version: Option<String>,
    /// A bearer token obtained elsewhere. Blank is an error; with `credential` or
    /// `client_secret` too, an error.
    pub token: Option<Secret>,
    /// Any source of tokens (a binding's callback, an identity library).
    pub credential: Option<Arc<dyn TokenCredential>>,
    /// A service principal's client secret, exchanged at Entra ID with this client's
    /// timeouts and User-Agent.
    pub client_secret: Option<ClientSecretOptions>,
    /// The whole-request timeout, body included; `None`: 30 s. Must be above zero.
    pub timeout: Option<Duration>,
    /// The connect timeout; `None`: 10 s. Must be above zero.
    pub connect_timeout: Option<Duration>,
    /// Retries after the first attempt; `None`: the retry policy's (4).
    pub max_retries: Option<u32>,
    /// Backoff base and cap, `Retry-After` cap; `None`: [`RetryPolicy::default`].
    pub retry_policy: Option<RetryPolicy>,
    /// Allows plain `http://` to hosts that are not loopback.
    pub allow_http: bool,
    /// The largest response body accepted; `None`: 8 MiB. Must be above zero.
    pub max_body_bytes: Option<usize>,
    /// The tag in `User-Agent: cloudpartner/<version> (<tag>)`; `None`: `rust`. Bindings
    /// set their language.
    pub user_agent_tag: Option<String>,
    /// Simulated seconds per real second of the server being watched (an emulator
    /// playing a publish faster); `None`: 1. A watch divides its adaptive interval
    /// and its default bounds by it. Must be a positive number.
    pub poll_time_scale: Option<f64>,
    /// Where unset options and the credential chain read variables; `None`: the
    /// process environment.
    pub environment: Option<Environment>,
}

/// A service principal's client secret (`AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
/// `AZURE_CLIENT_SECRET`, `AZURE_AUTHORITY_HOST` from the environment).
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecretOptions {
    /// The Microsoft Entra tenant (id or domain).
    pub tenant_id: String,
    /// The application (client) id.
    pub client_id: String,
    /// The client secret.
    pub client_secret: Secret,
    /// The Entra authority host; `None`: `https://login.microsoftonline.com`.
    pub authority_host: Option<String>,
}

impl fmt::Debug for ClientSecretOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSecretOptions")
            .field("tenant_id", &self.tenant_id)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("authority_host", &self.authority_host)
            .finish()
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("api_version", &self.api_version)
            .field("ingestion_base_url", &self.ingestion_base_url)
            .field("ingestion_version", &self.ingestion_version)
            .field("token", &self.token)
            .field("credential", &self.credential)
            .field("client_secret", &self.client_secret)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field("allow_http", &self.allow_http)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("poll_time_scale", &self.poll_time_scale)
            .finish_non_exhaustive()
    }
}

/// A duration given as a number of seconds by a binding: positive and finite, else
/// an [`crate::ErrorKind::InvalidArgument`] error naming `what`.
///
/// ```
/// use std::time::Duration;
/// assert_eq!(cloudpartner::positive_seconds("timeout", 1.5).unwrap(), Duration::from_millis(1500));
/// assert!(cloudpartner::positive_seconds("timeout", 0.0).is_err());
/// assert!(cloudpartner::positive_seconds("timeout", f64::NAN).is_err());
/// ```
pub fn positive_seconds(what: &str, seconds: f64) -> Result<Duration> {
    if !(seconds.is_finite() && seconds > 0.0) {
        return Err(Error::invalid_argument(format!(
            "{what} must be a positive number of seconds, got {seconds}"
        )));
    }
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            Error::invalid_argument(format!("{what} is out of range: {seconds} seconds"))
        })
}

/// Like [`positive_seconds`], for milliseconds (the Node and C spelling).
pub fn positive_millis(what: &str, millis: f64) -> Result<Duration> {
    if !(millis.is_finite() && millis > 0.0) {
        return Err(Error::invalid_argument(format!(
            "{what} must be a positive number of milliseconds, got {millis}"
        )));
    }
    positive_seconds(what, millis / 1000.0)
}

/// Checks a duration option that is set: above zero.
pub(crate) fn check_positive(what: &str, value: Option<Duration>) -> Result<()> {
    match value {
        Some(d) if d.is_zero() => Err(Error::invalid_argument(format!(
            "{what} must be greater than zero"
        ))),
        _ => Ok(()),
    }
}

/// Checks the poll time scale: a positive, finite number.
pub(crate) fn check_time_scale(scale: Option<f64>) -> Result<f64> {
    match scale {
        None => Ok(1.0),
        Some(s) if s.is_finite() && s > 0.0 => Ok(s),
        Some(s) => Err(Error::invalid_argument(format!(
            "poll_time_scale must be a positive number, got {s}"
        ))),
    }
}

/// A count given by a binding as a number (JavaScript has no integers): a whole number
/// from `min` to `u32::MAX`, else an [`crate::ErrorKind::InvalidArgument`] error naming
/// `what`.
///
/// ```
/// assert_eq!(cloudpartner::whole_number("concurrency", 8.0, 1).unwrap(), 8);
/// assert!(cloudpartner::whole_number("concurrency", 0.0, 1).is_err());
/// assert!(cloudpartner::whole_number("concurrency", 1.5, 1).is_err());
/// ```
pub fn whole_number(what: &str, value: f64, min: u32) -> Result<u32> {
    if value.fract() == 0.0 && value >= f64::from(min) && value <= f64::from(u32::MAX) {
        // In range and whole: the cast is exact.
        return Ok(value as u32);
    }
    Err(Error::invalid_argument(format!(
        "{what} must be a whole number from {min} to {}, got {value}",
        u32::MAX
    )))
}

impl ClientSecretOptions {
    /// A client secret from parts given one by one (C fields, command-line flags):
    /// `None` when none of tenant, client id and secret is given (an authority host
    /// alone is an error too), the options when all three are, else an
    /// [`crate::ErrorKind::InvalidArgument`] error naming what is missing with the
    /// caller's own spelling (`names`: tenant, client id, secret, authority host).
    ///
    /// ```
    /// use cloudpartner::ClientSecretOptions;
    /// let names = ["--tenant-id", "--client-id", "--client-secret", "--authority-host"];
    /// assert!(ClientSecretOptions::from_parts(None, None, None, None, names).unwrap().is_none());
    /// let err = ClientSecretOptions::from_parts(Some("t".into()), None, None, None, names).unwrap_err();
    /// assert_eq!(err.message(), "a service principal needs a tenant, a client id and a secret: missing --client-id, --client-secret");
    /// ```
    pub fn from_parts(
        tenant_id: Option<String>,
        client_id: Option<String>,
        client_secret: Option<Secret>,
        authority_host: Option<String>,
        names: [&str; 4],
    ) -> Result<Option<ClientSecretOptions>> {
        match (tenant_id, client_id, client_secret) {
            (Some(tenant_id), Some(client_id), Some(client_secret)) => {
                Ok(Some(ClientSecretOptions {
                    tenant_id,
                    client_id,
                    client_secret,
                    authority_host,
                }))
            }
            (None, None, None) if authority_host.is_none() => Ok(None),
            (None, None, None) => Err(Error::invalid_argument(format!(
                "{} is only used with a client secret: give {}, {} and {} too",
                names[3], names[0], names[1], names[2]
            ))),
            (tenant, client, secret) => {
                let missing: Vec<&str> = [
                    (tenant.is_none(), names[0]),
                    (client.is_none(), names[1]),
                    (secret.is_none(), names[2]),
                ]
                .into_iter()
                .filter_map(|(absent, name)| absent.then_some(name))
                .collect();
                Err(Error::invalid_argument(format!(
                    "a service principal needs a tenant, a client id and a secret: missing {}",
                    missing.join(", ")
                )))
            }
        }
    }
}
