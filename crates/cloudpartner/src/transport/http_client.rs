//! The one HTTP client configuration of a client: timeouts, User-Agent and redirect
//! rules, shared by API requests and by the token requests of a client-secret
//! credential.

use std::time::Duration;

use super::defaults::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
use super::http_error::describe;
use super::url_rules::check_url_scheme;
use crate::client_options::{ClientOptions, check_positive};
use crate::error::{Error, ErrorKind, Result};

/// A configured connection pool; cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct HttpClient {
    pub(crate) http: reqwest::Client,
}

impl HttpClient {
    /// The pool for `options`: their timeouts (checked to be above zero), the
    /// User-Agent with the binding's tag, redirects that never leave https (or
    /// loopback http) and stop after 10.
    pub(crate) fn new(options: &ClientOptions) -> Result<HttpClient> {
        check_positive("the timeout", options.timeout)?;
        check_positive("the connect timeout", options.connect_timeout)?;
        let allow_http = options.allow_http;
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 10 {
                attempt.error("too many redirects (10)")
            } else if let Err(e) = check_url_scheme(attempt.url(), allow_http, "redirect target") {
                attempt.error(e.message().to_owned())
            } else {
                attempt.follow()
            }
        });
        let tag = options
            .user_agent_tag
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or("rust");
        install_tls_provider();
        let http = reqwest::Client::builder()
            .user_agent(format!("cloudpartner/{} ({tag})", crate::VERSION))
            .timeout(options.timeout.unwrap_or(DEFAULT_TIMEOUT))
            .connect_timeout(options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
            .redirect(redirects)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| {
                Error::new(
                    ErrorKind::Internal,
                    format!("HTTP client: {}", describe(&e)),
                )
            })?;
        Ok(HttpClient { http })
    }
}

/// rustls's crypto provider: the one the program installed, if any, else ring (the only
/// one built in: reqwest's `rustls-no-provider`). Without one, building the client panics.
fn install_tls_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install one first: either way, one is installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}
