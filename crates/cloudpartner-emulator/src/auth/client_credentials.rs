//! The clients the token endpoint knows (scenario field `clients`).

use serde::Deserialize;

/// A client the token endpoint knows.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ClientCredentials {
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
}
