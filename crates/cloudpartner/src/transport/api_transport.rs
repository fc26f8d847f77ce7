//! The transport of one API's client.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use url::Url;

use super::bearer::BearerTokens;
use super::defaults::DEFAULT_MAX_BODY_BYTES;
use super::http_client::HttpClient;
use super::profile::ApiProfile;
use super::retry::RetryPolicy;
use crate::client_options::{ClientOptions, check_time_scale};
use crate::error::{Error, Result};

/// What every request of one API's client goes through: the connection pool, the base
/// URL and version of that API, its tokens, the retry policy and the body limit.
/// Cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct Transport {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    profile: &'static ApiProfile,
    base_url: Url,
    version: String,
    tokens: Arc<dyn BearerTokens>,
    retry: RetryPolicy,
    max_body_bytes: usize,
    /// The scale's bits (an `f64`): the option's, else what an emulator announces.
    poll_time_scale: AtomicU64,
    /// The scale was given: an announced one does not replace it.
    time_scale_given: bool,
}

impl Transport {
    /// Checks the options that concern the transport and builds it for `profile`'s
    /// API, on the pool `http`, with `tokens` (asked for the profile's scope).
    pub(crate) fn new(
        options: &ClientOptions,
        profile: &'static ApiProfile,
        http: &HttpClient,
        tokens: Arc<dyn BearerTokens>,
    ) -> Result<Transport> {
        let env = options.environment.clone().unwrap_or_default();
        let base_url = profile.base_url(options, &env)?;
        let version = profile.version(options)?;
        if options.max_body_bytes == Some(0) {
            return Err(Error::invalid_argument(
                "the body limit must be greater than zero",
            ));
        }
        let poll_time_scale = check_time_scale(options.poll_time_scale)?;
        let mut retry = options.retry_policy.unwrap_or_default();
        if let Some(retries) = options.max_retries {
            retry.max_retries = retries;
        }
        Ok(Transport {
            inner: Arc::new(Inner {
                http: http.http.clone(),
                profile,
                base_url,
                version,
                tokens,
                retry,
                max_body_bytes: options.max_body_bytes.unwrap_or(DEFAULT_MAX_BODY_BYTES),
                poll_time_scale: AtomicU64::new(poll_time_scale.to_bits()),
                time_scale_given: options.poll_time_scale.is_some(),
            }),
        })
    }

    /// The base URL requests go to.
    pub(crate) fn base(&self) -> &Url {
        &self.inner.base_url
    }

    /// The version sent with every request.
    pub(crate) fn version(&self) -> &str {
        &self.inner.version
    }

    /// The API it speaks.
    pub(crate) fn profile(&self) -> &'static ApiProfile {
        self.inner.profile
    }

    /// Simulated seconds per real second of the server watched (1 for the service).
    pub(crate) fn poll_time_scale(&self) -> f64 {
        f64::from_bits(self.inner.poll_time_scale.load(Ordering::Relaxed))
    }

    /// Takes the time scale a server announced (`x-cloudpartner-time-scale`), when the
    /// client was given none and the server is on this machine: an emulator playing its
    /// publishes faster. A real service is never believed.
    pub(crate) fn adopt_time_scale(&self, url: &str, announced: &str) {
        if self.inner.time_scale_given {
            return;
        }
        let local = url::Url::parse(url).is_ok_and(|u| super::url_rules::is_loopback(&u));
        let scale = announced.trim().parse::<f64>().ok();
        if let (true, Some(scale)) = (local, scale.filter(|s| s.is_finite() && *s > 0.0)) {
            let old = self
                .inner
                .poll_time_scale
                .swap(scale.to_bits(), Ordering::Relaxed);
            if f64::from_bits(old) != scale {
                log::debug!(
                    "the server at {url} plays time {scale} times faster: polling on its clock"
                );
            }
        }
    }

    pub(crate) fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }

    pub(crate) fn max_body_bytes(&self) -> usize {
        self.inner.max_body_bytes
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub(crate) fn tokens(&self) -> &dyn BearerTokens {
        self.inner.tokens.as_ref()
    }
}
