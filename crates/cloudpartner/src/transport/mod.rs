//! The HTTP side shared by every API: one configured connection pool, requests sent
//! with a bearer token and retried by the rules of their method, error bodies read
//! into [`crate::Error`]s, the URL rules, and the per-API [`ApiProfile`] (default base
//! URL, version parameter, token scope).
//!
//! A `Transport` knows no client: each API's client holds one.

mod api_transport;
mod bearer;
mod defaults;
mod http_client;
pub(crate) mod http_error;
mod profile;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod url_rules;

pub(crate) use api_transport::Transport;
pub(crate) use bearer::{BearerTokens, TokenFuture};
pub use defaults::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT};
pub(crate) use http_client::HttpClient;
pub use profile::ApiProfile;
pub use request::TIME_SCALE;
pub(crate) use request::{ApiRequest, ApiResponse};
