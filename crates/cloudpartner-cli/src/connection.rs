//! The API client the command talks through, built from the global flags and the
//! environment.

use std::time::Duration;

use cloudpartner::Client;

use crate::args::GlobalArgs;
use crate::credentials::{
    Credential, CredentialSource, find_on_path, lookup_env, resolve_credential,
};
use crate::failure::Failure;
use crate::hint::HintContext;

/// A client, with what error reports need to know about it.
#[derive(Debug, Clone)]
pub struct Connection {
    /// The client.
    pub client: Client,
    /// Where its credential came from.
    pub source: CredentialSource,
    /// The base URL in use.
    pub base_url: String,
}

impl Connection {
    /// Builds the client: base URL from `--base-url`, then `CLOUDPARTNER_BASE_URL`,
    /// then the service's; the credential as [`resolve_credential`] picks it;
    /// `request_timeout` overrides `--timeout` (for `watch`, where it is the watch's).
    pub fn open(
        global: &GlobalArgs,
        request_timeout: Option<Duration>,
    ) -> Result<Connection, Failure> {
        let base_url = global
            .base_url
            .clone()
            .or_else(|| lookup_env("CLOUDPARTNER_BASE_URL"))
            .unwrap_or_else(|| cloudpartner::DEFAULT_BASE_URL.to_owned());
        let resolved = resolve_credential(global, &lookup_env, &find_on_path)?;
        let mut builder = Client::builder().base_url(base_url.trim());
        builder = match resolved.credential {
            Credential::Token(token) => builder.token(token),
            Credential::Provider(provider) => builder.credential_arc(provider),
        };
        if let Some(version) = &global.api_version {
            builder = builder.api_version(version);
        }
        if let Some(timeout) = request_timeout.or(global.timeout) {
            builder = builder.timeout(timeout);
        }
        if let Some(retries) = global.max_retries {
            builder = builder.max_retries(retries);
        }
        let client = builder.build().map_err(|e| Failure::usage(e.to_string()))?;
        log::info!(
            "API: {} (api-version {})",
            client.base_url(),
            client.api_version()
        );
        Ok(Connection {
            client,
            source: resolved.source,
            base_url: base_url.trim().to_owned(),
        })
    }

    /// What hints may mention about this connection.
    pub fn hint_context(&self) -> HintContext<'_> {
        HintContext {
            credential: Some(&self.source),
            base_url: &self.base_url,
        }
    }

    /// The failure for an error of this connection, about `subject` when given.
    pub fn failure(&self, error: &cloudpartner::Error, subject: Option<&str>) -> Failure {
        Failure::from_api(error, subject, &self.hint_context())
    }
}
