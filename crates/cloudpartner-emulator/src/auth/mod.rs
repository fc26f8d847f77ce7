//! The Microsoft Entra token endpoints and the clients they know.

pub(crate) mod client_credentials;
pub(crate) mod token_endpoint;
