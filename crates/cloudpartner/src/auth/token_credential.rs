//! The interface every source of tokens implements, and the token it returns.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::SystemTime;

use crate::error::Result;
use crate::secret::Secret;

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
    /// A token for `scope`: the `/.default` scope of the API a client speaks ([`super::SCOPE`]
    /// for the Cloud Partner Portal API).
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a>;
}
