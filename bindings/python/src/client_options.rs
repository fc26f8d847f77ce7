//! The keyword arguments of `Client(...)` and `AsyncClient(...)`, read into a core
//! client.

use std::sync::Arc;

use cloudpartner::credential::credential_from_env;
use pyo3::prelude::*;

use crate::credential::PythonCredential;
use crate::durations::positive_seconds;
use crate::errors::{IntoPyResult, invalid_argument};

/// The arguments shared by `Client` and `AsyncClient`.
pub struct ClientOptions<'py> {
    /// A bearer token.
    pub token: Option<String>,
    /// An object with azure-identity's `get_token(*scopes)`.
    pub credential: Option<Bound<'py, PyAny>>,
    /// The API's base URL.
    pub base_url: Option<String>,
    /// The `api-version` to send.
    pub api_version: Option<String>,
    /// Whole-request timeout, seconds.
    pub timeout: Option<f64>,
    /// Connect timeout, seconds.
    pub connect_timeout: Option<f64>,
    /// Retries after the first attempt.
    pub max_retries: Option<i64>,
    /// Allow plain `http://` to hosts that are not loopback.
    pub allow_http: bool,
}

impl ClientOptions<'_> {
    /// Checks the options and builds the core client. Without a token or credential,
    /// the environment's (`CLOUDPARTNER_TOKEN`, or `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/
    /// `AZURE_CLIENT_SECRET`) is used.
    pub fn build(self, py: Python<'_>) -> PyResult<cloudpartner::Client> {
        let mut builder = cloudpartner::Client::builder()
            .user_agent_tag("python")
            .allow_http(self.allow_http);
        builder = match (self.token, self.credential) {
            (Some(_), Some(_)) => {
                return Err(invalid_argument(
                    py,
                    "give either token= or credential=, not both",
                ));
            }
            (Some(token), None) => {
                if token.trim().is_empty() {
                    return Err(invalid_argument(py, "the token is empty"));
                }
                builder.token(token)
            }
            (None, Some(credential)) => builder.credential(PythonCredential::new(&credential)?),
            (None, None) => match credential_from_env().into_py_result(py)? {
                Some(credential) => builder.credential_arc(Arc::clone(&credential)),
                None => {
                    return Err(invalid_argument(
                        py,
                        "no credential: pass token=..., or credential= (an object with \
                         get_token(*scopes), e.g. azure.identity.DefaultAzureCredential()), \
                         or set CLOUDPARTNER_TOKEN, or AZURE_TENANT_ID, AZURE_CLIENT_ID and \
                         AZURE_CLIENT_SECRET",
                    ));
                }
            },
        };
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(version) = self.api_version {
            builder = builder.api_version(version);
        }
        if let Some(timeout) = positive_seconds(py, "timeout", self.timeout)? {
            builder = builder.timeout(timeout);
        }
        if let Some(timeout) = positive_seconds(py, "connect_timeout", self.connect_timeout)? {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(retries) = self.max_retries {
            let retries = u32::try_from(retries).map_err(|_| {
                invalid_argument(py, format!("max_retries must be 0 or more, got {retries}"))
            })?;
            builder = builder.max_retries(retries);
        }
        builder.build().into_py_result(py)
    }
}
