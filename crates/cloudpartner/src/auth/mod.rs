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
pub(crate) mod token_credential;

pub use azure_cli::AzureCliCredential;
pub(crate) use chain::choose;
pub use chain::{ChosenCredential, CredentialSource, NO_CREDENTIAL, default_chain};
pub use client_secret::ClientSecretCredential;
pub(crate) use connect::connect;
pub use expiry::expiry_from_unix_seconds;
pub use static_token::StaticTokenCredential;
pub(crate) use token_cache::TokenCache;
pub use token_credential::{AccessToken, TokenCredential, TokenFuture};

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
