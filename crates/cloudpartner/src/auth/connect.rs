//! Builds the transport of one API's client: the connection pool, the credential the
//! chain picks, and a token cache asking it for the API's scope.

use std::sync::Arc;

use super::{CredentialSource, TokenCache, choose};
use crate::client_options::ClientOptions;
use crate::error::Result;
use crate::transport::{ApiProfile, HttpClient, Transport};

/// The transport for `profile`'s API with the options' credential, and where that
/// credential came from. Every API's client is built through this one function.
pub(crate) fn connect(
    options: &ClientOptions,
    profile: &'static ApiProfile,
) -> Result<(Transport, CredentialSource)> {
    let http = HttpClient::new(options)?;
    let chosen = choose(options, &http)?;
    let fixed = chosen.source.is_static_token();
    let tokens = Arc::new(TokenCache::new(chosen.credential, profile.scope, fixed));
    let transport = Transport::new(options, profile, &http, tokens)?;
    Ok((transport, chosen.source))
}
