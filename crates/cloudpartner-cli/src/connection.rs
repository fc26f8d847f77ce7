//! The API client the command talks through, built from the global flags through the
//! core's `ClientOptions` (the base URL and the credential follow the core's rules:
//! flags, then the environment, then the Azure CLI).

use std::time::Duration;

use cloudpartner::credential::CredentialSource;
use cloudpartner::{Client, ClientOptions, Environment, ErrorKind};

use crate::args::GlobalArgs;
use crate::credentials::credential_flags;
use crate::failure::Failure;
use crate::hint::{GET_TOKEN, HintContext};

/// A client, with what error reports need to know about it.
#[derive(Debug, Clone)]
pub struct Connection {
    /// The client.
    pub client: Client,
    /// The base URL in use.
    pub base_url: String,
}

impl Connection {
    /// Builds the client; `request_timeout` overrides `--timeout` (for `watch`, where
    /// `--timeout` is the watch's).
    pub fn open(
        global: &GlobalArgs,
        request_timeout: Option<Duration>,
    ) -> Result<Connection, Failure> {
        let env = Environment::process();
        let options = client_options(global, request_timeout, &env)?;
        let client = Client::new(options).map_err(|e| match e.kind() {
            ErrorKind::Authentication => Failure::error(format!(
                "{e}; on the command line: --token, or --tenant-id, --client-id and --client-secret"
            ))
            .with_hint(format!(
                "with the Azure CLI elsewhere, `{GET_TOKEN}` prints a token"
            )),
            ErrorKind::InvalidArgument => {
                let failure = Failure::usage(e.to_string());
                let base_url = global
                    .base_url
                    .clone()
                    .filter(|u| !u.trim().is_empty())
                    .or_else(|| env.var(BASE_URL_VARIABLE));
                let hint = base_url.and_then(|url| {
                    base_url_hint(&url, global.base_url.is_some(), global.allow_http)
                });
                match hint {
                    Some(hint) => failure.with_hint(hint),
                    None => failure,
                }
            }
            _ => Failure::usage(e.to_string()),
        })?;
        log::info!(
            "API: {} (api-version {}), credential: {}",
            client.base_url(),
            client.api_version(),
            client.credential_source()
        );
        Ok(Connection {
            base_url: client.base_url().trim_end_matches('/').to_owned(),
            client,
        })
    }

    /// Where the client's credential came from.
    pub fn source(&self) -> &CredentialSource {
        self.client.credential_source()
    }

    /// What hints may mention about this connection.
    pub fn hint_context(&self) -> HintContext<'_> {
        HintContext {
            credential: Some(self.source()),
            base_url: &self.base_url,
        }
    }

    /// The failure for an error of this connection, about `subject` when given.
    pub fn failure(&self, error: &cloudpartner::Error, subject: Option<&str>) -> Failure {
        Failure::from_api(error, subject, &self.hint_context())
    }
}

/// The core's options from the global flags (both APIs' base URLs and versions, the
/// credential flags, timeouts, retries); `request_timeout` overrides `--timeout`.
pub fn client_options(
    global: &GlobalArgs,
    request_timeout: Option<Duration>,
    env: &Environment,
) -> Result<ClientOptions, Failure> {
    let flags = credential_flags(global, env)?;
    Ok(ClientOptions {
        base_url: global.base_url.clone(),
        api_version: global.api_version.clone(),
        ingestion_base_url: global.ingestion_url.clone(),
        ingestion_version: global.ingestion_version.clone(),
        token: flags.token,
        client_secret: flags.client_secret,
        timeout: request_timeout.or(global.timeout),
        max_retries: global.max_retries,
        allow_http: global.allow_http,
        user_agent_tag: Some("cli".to_owned()),
        environment: Some(env.clone()),
        ..ClientOptions::default()
    })
}

/// The variable the core reads the base URL from when no `--base-url` is given.
const BASE_URL_VARIABLE: &str = "CLOUDPARTNER_BASE_URL";

/// The hint for the base URL `url` when the core refused the options as invalid: the URL
/// with its missing scheme (`--base-url http://127.0.0.1:8080`, or the variable when the
/// URL came from there), or `--allow-http` for plain http to a remote host; none when
/// the base URL is not what is wrong.
fn base_url_hint(url: &str, from_flag: bool, allow_http: bool) -> Option<String> {
    let setting = if from_flag {
        "--base-url "
    } else {
        "CLOUDPARTNER_BASE_URL="
    };
    let url = url.trim();
    if !url.contains("://") {
        return Some(format!("{setting}http://{url}"));
    }
    let parsed = url::Url::parse(url).ok()?;
    if parsed.scheme() == "http" && !allow_http && !cloudpartner::is_loopback(&parsed) {
        return Some("use https://, or allow plain http to this host with --allow-http".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_hints() {
        assert_eq!(
            base_url_hint("127.0.0.1:8080", true, false).as_deref(),
            Some("--base-url http://127.0.0.1:8080")
        );
        assert_eq!(
            base_url_hint(" a:1", false, false).as_deref(),
            Some("CLOUDPARTNER_BASE_URL=http://a:1")
        );
        assert_eq!(
            base_url_hint("http://example.com", true, false).as_deref(),
            Some("use https://, or allow plain http to this host with --allow-http")
        );
        assert_eq!(base_url_hint("http://example.com", true, true), None);
        assert_eq!(base_url_hint("http://127.0.0.1:8080", true, false), None);
        assert_eq!(base_url_hint("https://example.com", true, false), None);
    }
}
