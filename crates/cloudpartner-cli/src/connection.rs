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
        let flags = credential_flags(global, &env)?;
        let options = ClientOptions {
            base_url: global.base_url.clone(),
            api_version: global.api_version.clone(),
            token: flags.token,
            client_secret: flags.client_secret,
            timeout: request_timeout.or(global.timeout),
            max_retries: global.max_retries,
            allow_http: global.allow_http,
            user_agent_tag: Some("cli".to_owned()),
            environment: Some(env),
            ..ClientOptions::default()
        };
        let client = Client::new(options).map_err(|e| match e.kind() {
            ErrorKind::Authentication => Failure::error(format!(
                "{e}; on the command line: --token, or --tenant-id, --client-id and --client-secret"
            ))
            .with_hint(format!(
                "with the Azure CLI elsewhere, `{GET_TOKEN}` prints a token"
            )),
            _ => {
                let failure = Failure::usage(e.to_string());
                match base_url_hint(e.message(), global.base_url.is_some()) {
                    Some(hint) => failure.with_hint(hint),
                    None => failure,
                }
            }
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

/// The hint for a base URL the core refused: the URL it suggests (`--base-url
/// http://127.0.0.1:8080`, or the variable when the URL came from there), or
/// `--allow-http` for plain http to a remote host.
fn base_url_hint(message: &str, from_flag: bool) -> Option<String> {
    let setting = if from_flag {
        "--base-url "
    } else {
        "CLOUDPARTNER_BASE_URL="
    };
    if let Some((_, rest)) = message.split_once("did you mean `") {
        let url = rest.split('`').next()?;
        return Some(format!("{setting}{url}"));
    }
    if message.contains("http://") && message.contains("base URL") {
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
            base_url_hint(
                "base URL `127.0.0.1:8080`: the scheme is missing (did you mean `http://127.0.0.1:8080`?)",
                true
            )
            .as_deref(),
            Some("--base-url http://127.0.0.1:8080")
        );
        assert_eq!(
            base_url_hint(
                "base URL `a:1`: the scheme is missing (did you mean `http://a:1`?)",
                false
            )
            .as_deref(),
            Some("CLOUDPARTNER_BASE_URL=http://a:1")
        );
        assert_eq!(base_url_hint("token is blank", true), None);
    }
}
