//! The keyword arguments of `Client(...)` and `AsyncClient(...)`, translated into the
//! core's `ClientOptions`. The core checks them and picks the credential
//! (`cloudpartner::credential::default_chain`): the token, else the credential, else
//! the environment, else the Azure CLI, else an `AuthenticationError` listing these.

use std::sync::Arc;

use cloudpartner::credential::TokenCredential;
use pyo3::prelude::*;

use crate::credential::PythonCredential;
use crate::durations::positive_seconds;
use crate::errors::{IntoPyResult, invalid_argument};

/// The `User-Agent` tag of this binding: `cloudpartner/<version> (python)`.
const USER_AGENT_TAG: &str = "python";

/// The arguments shared by `Client` and `AsyncClient`; `None` means the default.
pub struct ClientArgs<'py> {
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

impl ClientArgs<'_> {
    /// The core's options for these arguments; the checks that need Python (types,
    /// numbers out of range) happen here, the others in the core.
    pub fn into_options(self, py: Python<'_>) -> PyResult<cloudpartner::ClientOptions> {
        let credential: Option<Arc<dyn TokenCredential>> = match &self.credential {
            None => None,
            // With a token as well the core refuses the pair (`invalid_argument`), before
            // the object's type matters.
            Some(object) if self.token.is_some() => {
                Some(Arc::new(PythonCredential::unchecked(object)?))
            }
            Some(object) => Some(Arc::new(PythonCredential::new(object)?)),
        };
        let max_retries = self
            .max_retries
            .map(|retries| {
                u32::try_from(retries).map_err(|_| {
                    invalid_argument(py, format!("max_retries must be 0 or more, got {retries}"))
                })
            })
            .transpose()?;
        Ok(cloudpartner::ClientOptions {
            token: self.token.map(Into::into),
            credential,
            base_url: self.base_url,
            api_version: self.api_version,
            timeout: positive_seconds(py, "timeout", self.timeout)?,
            connect_timeout: positive_seconds(py, "connect_timeout", self.connect_timeout)?,
            max_retries,
            allow_http: self.allow_http,
            ..cloudpartner::ClientOptions::default()
        })
    }

    /// Checks the arguments and builds the core client.
    pub fn build(self, py: Python<'_>) -> PyResult<cloudpartner::Client> {
        let options = self.into_options(py)?;
        build_client(py, options)
    }
}

impl ClientArgs<'_> {
    /// Checks the arguments and builds the Product Ingestion client: `base_url` and
    /// `api_version` are its base URL and `$version`.
    pub fn build_ingestion(self, py: Python<'_>) -> PyResult<cloudpartner::ingestion::Client> {
        let mut options = self.into_options(py)?;
        options.ingestion_base_url = options.base_url.take();
        options.ingestion_version = options.api_version.take();
        build_ingestion_client(py, options)
    }
}

/// The Product Ingestion client of `options`, with this binding's `User-Agent` tag.
pub fn build_ingestion_client(
    py: Python<'_>,
    mut options: cloudpartner::ClientOptions,
) -> PyResult<cloudpartner::ingestion::Client> {
    options.user_agent_tag = Some(USER_AGENT_TAG.to_owned());
    cloudpartner::ingestion::Client::new(options).into_py_result(py)
}

/// The core client of `options`, with this binding's `User-Agent` tag.
pub fn build_client(
    py: Python<'_>,
    mut options: cloudpartner::ClientOptions,
) -> PyResult<cloudpartner::Client> {
    options.user_agent_tag = Some(USER_AGENT_TAG.to_owned());
    cloudpartner::Client::new(options).into_py_result(py)
}
