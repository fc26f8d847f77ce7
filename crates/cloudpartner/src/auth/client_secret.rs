use std::time::{Duration, SystemTime};

use serde::Deserialize;

use super::{AccessToken, DEFAULT_AUTHORITY_HOST, TokenCredential, TokenFuture, resource_of};
use crate::client_options::ClientOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::transport::HttpClient;
use crate::transport::url_rules::check_url_scheme;

/// A service principal's client secret, exchanged for tokens at Entra ID
/// (`{authority}/{tenant}/oauth2/token`, the v1 endpoint with `resource`).
///
/// ```
/// use cloudpartner::credential::ClientSecretCredential;
/// let cred = ClientSecretCredential::new("my-tenant", "my-app-id", "my-secret").unwrap();
/// assert!(!format!("{cred:?}").contains("my-secret"));
/// ```
#[derive(Clone, Debug)]
pub struct ClientSecretCredential {
    tenant_id: String,
    client_id: String,
    client_secret: Secret,
    authority_host: url::Url,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
    #[serde(default)]
    expires_on: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct TokenError {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
}

impl ClientSecretCredential {
    /// A credential for the default authority host (`https://login.microsoftonline.com`).
    pub fn new(
        tenant_id: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Result<ClientSecretCredential> {
        ClientSecretCredential::with_authority(
            tenant_id,
            client_id,
            client_secret,
            DEFAULT_AUTHORITY_HOST,
            false,
        )
    }

    /// A credential for another authority host (a sovereign cloud, or the emulator).
    /// Plain `http://` is accepted for loopback hosts, or anywhere when `allow_http`.
    pub fn with_authority(
        tenant_id: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        authority_host: &str,
        allow_http: bool,
    ) -> Result<ClientSecretCredential> {
        let tenant_id = tenant_id.into();
        let client_id = client_id.into();
        let client_secret = client_secret.into();
        for (name, value) in [("tenant id", &tenant_id), ("client id", &client_id)] {
            if value.trim().is_empty() {
                return Err(Error::invalid_argument(format!("the {name} is empty")));
            }
        }
        if client_secret.is_empty() {
            return Err(Error::invalid_argument("the client secret is empty"));
        }
        let authority_host =
            url::Url::parse(authority_host.trim_end_matches('/')).map_err(|e| {
                Error::invalid_argument(format!("authority host `{authority_host}`: {e}"))
            })?;
        check_url_scheme(&authority_host, allow_http, "authority host")?;
        let http = HttpClient::new(&ClientOptions {
            allow_http,
            ..ClientOptions::default()
        })?
        .http;
        Ok(ClientSecretCredential {
            tenant_id,
            client_id,
            client_secret,
            authority_host,
            http,
        })
    }

    /// Sends the token requests through a client's transport (its timeouts,
    /// User-Agent and redirect rules).
    pub(crate) fn with_transport(mut self, transport: &HttpClient) -> ClientSecretCredential {
        self.http = transport.http.clone();
        self
    }

    fn token_url(&self) -> String {
        let tenant = percent_encoding::utf8_percent_encode(
            &self.tenant_id,
            crate::transport::url_rules::SEGMENT,
        );
        format!(
            "{}/{tenant}/oauth2/token",
            self.authority_host.as_str().trim_end_matches('/')
        )
    }

    async fn request(&self, scope: &str) -> Result<AccessToken> {
        let url = self.token_url();
        log::debug!("POST {url} (client credentials for {})", self.client_id);
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
            ("resource", resource_of(scope)),
        ];
        let response = self.http.post(&url).form(&form).send().await.map_err(|e| {
            let kind = if e.is_timeout() {
                ErrorKind::Timeout
            } else {
                ErrorKind::Transport
            };
            Error::new(
                kind,
                format!(
                    "token request to {url} failed: {}",
                    crate::transport::http_error::describe(&e)
                ),
            )
        })?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| {
            Error::new(
                ErrorKind::Transport,
                format!(
                    "token response from {url}: {}",
                    crate::transport::http_error::describe(&e)
                ),
            )
        })?;
        if !status.is_success() {
            let detail = serde_json::from_slice::<TokenError>(&body)
                .ok()
                .map(|e| {
                    let code = e.error.unwrap_or_default();
                    let description = e.error_description.unwrap_or_default();
                    let description = description.lines().next().unwrap_or_default().to_owned();
                    format!("{code}: {description}")
                })
                .unwrap_or_else(|| "no error description".to_owned());
            let kind = match status.as_u16() {
                400 | 401 | 403 => ErrorKind::Authentication,
                s => ErrorKind::from_http_status(s),
            };
            return Err(Error::new(
                kind,
                format!(
                    "Entra ID refused the client secret of {} (HTTP {}): {detail}",
                    self.client_id,
                    status.as_u16()
                ),
            )
            .with_status(status.as_u16()));
        }
        let parsed: TokenResponse = serde_json::from_slice(&body).map_err(|e| {
            Error::new(
                ErrorKind::Authentication,
                format!("unreadable token response from {url}: {e}"),
            )
        })?;
        Ok(AccessToken::new(
            parsed.access_token,
            expiry(&parsed.expires_in, &parsed.expires_on),
        ))
    }
}

/// `expires_on` (unix seconds) if given, else now + `expires_in`; both may be strings.
fn expiry(
    expires_in: &Option<serde_json::Value>,
    expires_on: &Option<serde_json::Value>,
) -> Option<SystemTime> {
    if let Some(at) = super::expiry::unix_expiry(expires_on.as_ref()) {
        return Some(at);
    }
    // Without any expiry, assume the usual hour so the token is refreshed in time.
    let seconds = super::expiry::seconds(expires_in.as_ref()).unwrap_or(3_600);
    Some(SystemTime::now() + Duration::from_secs(seconds))
}

impl TokenCredential for ClientSecretCredential {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(self.request(scope))
    }
}
