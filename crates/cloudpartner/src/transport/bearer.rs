//! Where a transport gets its bearer tokens: a source it can ask again after a 401
//! (the auth layer's token cache implements it).

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use crate::error::Result;
use crate::secret::Secret;

/// A future of a bearer token.
pub(crate) type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<Secret>> + Send + 'a>>;

/// The tokens of one transport.
pub(crate) trait BearerTokens: Send + Sync + fmt::Debug {
    /// A token valid for a while yet.
    fn token(&self) -> TokenFuture<'_>;
    /// Forgets the token the service refused.
    fn invalidate(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
    /// True when there is no one to ask for another token (a 401 is final).
    fn is_fixed(&self) -> bool;
}
