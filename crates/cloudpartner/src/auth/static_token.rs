use super::{AccessToken, TokenCredential, TokenFuture};
use crate::secret::Secret;

/// A token obtained elsewhere (`az account get-access-token`, a pipeline variable).
///
/// ```
/// let cred = cloudpartner::credential::StaticTokenCredential::new("eyJ0eXAi...");
/// assert_eq!(format!("{cred:?}"), "StaticTokenCredential { token: Secret(***) }");
/// ```
#[derive(Clone, Debug)]
pub struct StaticTokenCredential {
    token: Secret,
}

impl StaticTokenCredential {
    /// Uses `token` for every request.
    pub fn new(token: impl Into<Secret>) -> StaticTokenCredential {
        StaticTokenCredential {
            token: token.into(),
        }
    }
}

impl TokenCredential for StaticTokenCredential {
    fn get_token<'a>(&'a self, _scope: &'a str) -> TokenFuture<'a> {
        let token = AccessToken::new(self.token.clone(), None);
        Box::pin(async move { Ok(token) })
    }
}
