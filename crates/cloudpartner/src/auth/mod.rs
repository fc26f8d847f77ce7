//! Where access tokens come from: a static token, a client secret, the Azure CLI, the
//! environment, or anything that implements [`TokenCredential`]; and the one chain
//! that picks among them, [`default_chain`].

mod azure_cli;
mod chain;
mod client_secret;
mod connect;
mod expiry;
mod static_token;
mod token_cache;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::SystemTime;

pub use azure_cli::AzureCliCredential;
pub(crate) use chain::choose;
pub use chain::{ChosenCredential, CredentialSource, NO_CREDENTIAL, default_chain};
pub use client_secret::ClientSecretCredential;
pub(crate) use connect::connect;
pub use expiry::expiry_from_unix_seconds;
pub use static_token::StaticTokenCredential;
pub(crate) use token_cache::TokenCache;

use crate::error::Result;
use crate::secret::Secret;

/// The Entra ID resource of the Cloud Partner Portal API.
pub const RESOURCE: &str = "https://cloudpartner.azure.com";

/// The OAuth scope of the Cloud Partner Portal API (the resource with `/.default`).
pub const SCOPE: &str = "https://cloudpartner.azure.com/.default";

/// The Entra ID resource of an OAuth scope: the scope without its `/.default`
/// (what v1 token endpoints and `az account get-access-token --resource` take).
///
/// ```
/// use cloudpartner::credential::resource_of;
/// assert_eq!(resource_of("https://graph.microsoft.com/.default"), "https://graph.microsoft.com");
/// assert_eq!(resource_of("https://cloudpartner.azure.com"), "https://cloudpartner.azure.com");
/// ```
pub fn resource_of(scope: &str) -> &str {
    scope.strip_suffix("/.default").unwrap_or(scope)
}

/// The default Entra ID authority host.
pub const DEFAULT_AUTHORITY_HOST: &str = "https://login.microsoftonline.com";

/// A future returned by [`TokenCredential::get_token`].
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<AccessToken>> + Send + 'a>>;

/// An access token and when it expires.
#[derive(Clone, Debug)]
pub struct AccessToken {
    /// The bearer token.
    pub token: Secret,
    /// When it stops being valid; `None` for a token that is used as long as it is given.
    pub expires_at: Option<SystemTime>,
}

impl AccessToken {
    /// A token valid until `expires_at` (`None`: no known expiry).
    pub fn new(token: impl Into<Secret>, expires_at: Option<SystemTime>) -> AccessToken {
        AccessToken {
            token: token.into(),
            expires_at,
        }
    }
}

/// A source of access tokens, asked for the scope of the API a client speaks.
///
/// The client caches what it returns and asks again five minutes before `expires_at`,
/// so an implementation need not cache. Implement it to plug in any identity library:
///
/// ```
/// use cloudpartner::credential::{AccessToken, TokenCredential, TokenFuture};
///
/// #[derive(Debug)]
/// struct Vault;
///
/// impl TokenCredential for Vault {
///     fn get_token<'a>(&'a self, _scope: &'a str) -> TokenFuture<'a> {
///         Box::pin(async { Ok(AccessToken::new("token-from-my-vault", None)) })
///     }
/// }
///
/// let client = cloudpartner::Client::builder().credential(Vault).build().unwrap();
/// # drop(client);
/// ```
pub trait TokenCredential: Send + Sync + fmt::Debug {
    /// A token for `scope`: the `/.default` scope of the API a client speaks ([`SCOPE`]
    /// for the Cloud Partner Portal API).
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a>;
}
