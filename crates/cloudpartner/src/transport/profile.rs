//! What tells one API from another on the shared transport: where it lives, how its
//! version is sent, and which token scope it needs.

use url::Url;

use super::url_rules::check_url_scheme;
use crate::client_options::ClientOptions;
use crate::environment::Environment;
use crate::error::{Error, Result};

/// One API as the transport sees it. Each API module declares one as a `static`.
#[derive(Debug)]
pub struct ApiProfile {
    /// The API's name in messages (`"Cloud Partner Portal API"`).
    pub name: &'static str,
    /// The service's base URL.
    pub default_base_url: &'static str,
    /// The environment variable read when no base URL is given.
    pub base_url_env: &'static str,
    /// The query parameter that carries the version (`api-version`, `$version`).
    pub version_parameter: &'static str,
    /// The version sent when none is given.
    pub default_version: &'static str,
    /// The OAuth scope tokens are asked for (`<resource>/.default`).
    pub scope: &'static str,
    /// What a 401 adds to its message.
    pub unauthorized_hint: &'static str,
    /// What a 403 adds to its message.
    pub forbidden_hint: &'static str,
    /// The option that sets the base URL.
    pub base_url_option: fn(&ClientOptions) -> Option<&str>,
    /// The option that sets the version.
    pub version_option: fn(&ClientOptions) -> Option<&str>,
}

impl ApiProfile {
    /// The base URL of the options: given, else the profile's environment variable,
    /// else the service's. Only `https` (or `http` to loopback, or when allowed), with
    /// no query or fragment.
    pub(crate) fn base_url(&self, options: &ClientOptions, env: &Environment) -> Result<Url> {
        let text = (self.base_url_option)(options)
            .filter(|u| !u.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| env.var(self.base_url_env))
            .unwrap_or_else(|| self.default_base_url.to_owned());
        let text = text.trim();
        if !text.contains("://") {
            // `127.0.0.1:8080` does not parse, and `localhost:8080` parses as scheme `localhost`.
            return Err(Error::invalid_argument(format!(
                "base URL `{text}`: the scheme is missing (did you mean `http://{text}`?)"
            )));
        }
        let url = Url::parse(text)
            .map_err(|e| Error::invalid_argument(format!("base URL `{text}`: {e}")))?;
        check_url_scheme(&url, options.allow_http, "base URL")?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::invalid_argument(format!(
                "base URL `{text}` must not have a query or fragment"
            )));
        }
        Ok(url)
    }

    /// The version of the options, else the default; blank is an error.
    pub(crate) fn version(&self, options: &ClientOptions) -> Result<String> {
        let version = (self.version_option)(options)
            .unwrap_or(self.default_version)
            .trim()
            .to_owned();
        if version.is_empty() {
            return Err(Error::invalid_argument(format!(
                "the {} is empty",
                self.version_parameter
            )));
        }
        Ok(version)
    }
}
