//! The one credential chain of every interface (DESIGN §9): an explicit token, else an
//! explicit credential, else the environment, else the Azure CLI, else an error that
//! lists these.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use super::{
    AzureCliCredential, ClientSecretCredential, DEFAULT_AUTHORITY_HOST, StaticTokenCredential,
    TokenCredential, TokenFuture,
};
use crate::client_options::{ClientOptions, ClientSecretOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::transport::HttpClient;

/// What the error says when no credential is found, so every interface lists the same
/// options.
pub const NO_CREDENTIAL: &str = "no credential found: give a token or a credential \
(a client secret, or your own); or set CLOUDPARTNER_TOKEN (or AZURE_TOKEN); or set \
AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (and AZURE_AUTHORITY_HOST for \
another cloud); or install the Azure CLI and run `az login`";

/// Where the credential a client uses came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialSource {
    /// The `token` option.
    Token,
    /// The `credential` option (the caller's own source of tokens).
    Credential,
    /// The `client_secret` option.
    ClientSecret,
    /// A token from this environment variable (`CLOUDPARTNER_TOKEN` or `AZURE_TOKEN`).
    EnvironmentToken(&'static str),
    /// A client secret from `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`.
    EnvironmentClientSecret,
    /// The Azure CLI found at this path.
    AzureCli(PathBuf),
}

impl CredentialSource {
    /// True for a fixed token: a 401 is final, there is no one to ask for another.
    pub fn is_static_token(&self) -> bool {
        matches!(
            self,
            CredentialSource::Token | CredentialSource::EnvironmentToken(_)
        )
    }

    /// What prefixes the errors the credential itself raises (`client secret
    /// credential: …`), so that a failed token request is told from the API's 401.
    pub fn label(&self) -> &'static str {
        match self {
            CredentialSource::Token | CredentialSource::EnvironmentToken(_) => "token",
            CredentialSource::Credential => "credential",
            CredentialSource::ClientSecret | CredentialSource::EnvironmentClientSecret => {
                "client secret credential"
            }
            CredentialSource::AzureCli(_) => "Azure CLI credential",
        }
    }
}

impl fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Token => f.write_str("the token given"),
            CredentialSource::Credential => f.write_str("the credential given"),
            CredentialSource::ClientSecret => f.write_str("the client secret given"),
            CredentialSource::EnvironmentToken(name) => write!(f, "a token from {name}"),
            CredentialSource::EnvironmentClientSecret => f.write_str(
                "a client secret from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET",
            ),
            CredentialSource::AzureCli(path) => write!(f, "the Azure CLI ({})", path.display()),
        }
    }
}

/// The credential the chain picked, and where it came from.
#[derive(Debug, Clone)]
pub struct ChosenCredential {
    /// The credential.
    pub credential: Arc<dyn TokenCredential>,
    /// Where it came from.
    pub source: CredentialSource,
}

/// Picks the credential of `options`, in this order:
///
/// 1. `token` (blank: `invalid_argument`; with `credential` or `client_secret` as well:
///    `invalid_argument`);
/// 2. `credential`, or `client_secret` (both: `invalid_argument`);
/// 3. the environment: `CLOUDPARTNER_TOKEN` (or `AZURE_TOKEN`), then `AZURE_TENANT_ID` +
///    `AZURE_CLIENT_ID` + `AZURE_CLIENT_SECRET` with `AZURE_AUTHORITY_HOST`;
/// 4. the Azure CLI, when `az` is on `PATH`;
/// 5. otherwise an [`ErrorKind::Authentication`] error that lists these.
///
/// ```
/// use cloudpartner::{ClientOptions, Environment, credential::{default_chain, CredentialSource}};
/// let options = ClientOptions {
///     environment: Some(Environment::from_vars([("AZURE_TOKEN", "t")])),
///     ..Default::default()
/// };
/// let chosen = default_chain(&options).unwrap();
/// assert_eq!(chosen.source, CredentialSource::EnvironmentToken("AZURE_TOKEN"));
///
/// let nothing = ClientOptions { environment: Some(Environment::from_vars([("X", "")])), ..Default::default() };
/// assert_eq!(default_chain(&nothing).unwrap_err().kind(), cloudpartner::ErrorKind::Authentication);
/// ```
pub fn default_chain(options: &ClientOptions) -> Result<ChosenCredential> {
    let transport = HttpClient::new(options)?;
    choose(options, &transport)
}

/// [`default_chain`] with the HTTP transport of the client being built, so that a
/// client-secret credential's token requests share its timeouts and User-Agent.
pub(crate) fn choose(options: &ClientOptions, transport: &HttpClient) -> Result<ChosenCredential> {
    let env = options.environment.clone().unwrap_or_default();
    let explicit_credentials =
        usize::from(options.credential.is_some()) + usize::from(options.client_secret.is_some());
    if let Some(token) = &options.token {
        if explicit_credentials > 0 {
            return Err(Error::invalid_argument(
                "give either a token or a credential, not both",
            ));
        }
        if token.expose().trim().is_empty() {
            return Err(Error::invalid_argument("the token is empty"));
        }
        return Ok(chosen(
            Arc::new(StaticTokenCredential::new(token.expose().trim())),
            CredentialSource::Token,
        ));
    }
    if explicit_credentials > 1 {
        return Err(Error::invalid_argument(
            "give either a credential or a client secret, not both",
        ));
    }
    if let Some(credential) = &options.credential {
        return Ok(chosen(credential.clone(), CredentialSource::Credential));
    }
    if let Some(secret) = &options.client_secret {
        let credential = client_secret(secret, options.allow_http, transport)?;
        return Ok(labeled(credential, CredentialSource::ClientSecret));
    }
    for name in ["CLOUDPARTNER_TOKEN", "AZURE_TOKEN"] {
        if let Some(token) = env.var(name) {
            return Ok(chosen(
                Arc::new(StaticTokenCredential::new(token.trim())),
                CredentialSource::EnvironmentToken(name),
            ));
        }
    }
    if let (Some(tenant_id), Some(client_id), Some(secret)) = (
        env.var("AZURE_TENANT_ID"),
        env.var("AZURE_CLIENT_ID"),
        env.var("AZURE_CLIENT_SECRET"),
    ) {
        let secret = ClientSecretOptions {
            tenant_id,
            client_id,
            client_secret: secret.into(),
            authority_host: env.var("AZURE_AUTHORITY_HOST"),
        };
        let credential = client_secret(&secret, options.allow_http, transport)?;
        return Ok(labeled(
            credential,
            CredentialSource::EnvironmentClientSecret,
        ));
    }
    let program = if cfg!(windows) { "az.cmd" } else { "az" };
    if let Some(az) = env.find_program(program) {
        let credential = Arc::new(AzureCliCredential::new().with_program(az.clone()));
        return Ok(labeled(credential, CredentialSource::AzureCli(az)));
    }
    Err(Error::new(ErrorKind::Authentication, NO_CREDENTIAL))
}

fn chosen(credential: Arc<dyn TokenCredential>, source: CredentialSource) -> ChosenCredential {
    log::info!("credential: {source}");
    ChosenCredential { credential, source }
}

/// A credential whose errors say which credential failed.
fn labeled(inner: Arc<dyn TokenCredential>, source: CredentialSource) -> ChosenCredential {
    let label = source.label();
    chosen(Arc::new(Labeled { inner, label }), source)
}

fn client_secret(
    secret: &ClientSecretOptions,
    allow_http: bool,
    transport: &HttpClient,
) -> Result<Arc<dyn TokenCredential>> {
    let authority = secret
        .authority_host
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .unwrap_or(DEFAULT_AUTHORITY_HOST);
    let credential = ClientSecretCredential::with_authority(
        secret.tenant_id.trim(),
        secret.client_id.trim(),
        secret.client_secret.clone(),
        authority,
        allow_http,
    )
    .map_err(|e| e.context("client secret credential"))?
    .with_transport(transport);
    Ok(Arc::new(credential))
}

#[derive(Debug)]
struct Labeled {
    inner: Arc<dyn TokenCredential>,
    label: &'static str,
}

impl TokenCredential for Labeled {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(async move {
            self.inner
                .get_token(scope)
                .await
                .map_err(|e| e.context(self.label))
        })
    }
}
