use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::sync::Mutex;

use super::{AccessToken, TokenCredential};
use crate::error::Result;
use crate::secret::Secret;
use crate::transport::{BearerTokens, TokenFuture as BearerFuture};

/// Tokens are refreshed this long before they expire.
pub(crate) const REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// Caches a credential's token for one scope; concurrent callers share one refresh.
#[derive(Debug)]
pub(crate) struct TokenCache {
    credential: Arc<dyn TokenCredential>,
    scope: &'static str,
    fixed: bool,
    cached: Mutex<Option<AccessToken>>,
}

impl TokenCache {
    /// Tokens of `credential` for `scope`; `fixed` when there is no one to ask for
    /// another (a static token).
    pub(crate) fn new(
        credential: Arc<dyn TokenCredential>,
        scope: &'static str,
        fixed: bool,
    ) -> TokenCache {
        TokenCache {
            credential,
            scope,
            fixed,
            cached: Mutex::new(None),
        }
    }

    /// A token that is valid for at least [`REFRESH_MARGIN`], fetched only when needed.
    pub(crate) async fn token(&self) -> Result<Secret> {
        let mut cached = self.cached.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| is_fresh(t)) {
            return Ok(token.token.clone());
        }
        log::debug!("requesting a new access token");
        let token = self.credential.get_token(self.scope).await?;
        let secret = token.token.clone();
        *cached = Some(token);
        Ok(secret)
    }

    /// Forgets the cached token (after the service refused it).
    pub(crate) async fn invalidate(&self) {
        *self.cached.lock().await = None;
    }
}

impl BearerTokens for TokenCache {
    fn token(&self) -> BearerFuture<'_> {
        Box::pin(TokenCache::token(self))
    }

    fn invalidate(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>> {
        Box::pin(TokenCache::invalidate(self))
    }

    fn is_fixed(&self) -> bool {
        self.fixed
    }
}

fn is_fresh(token: &AccessToken) -> bool {
    match token.expires_at {
        None => true,
        Some(at) => SystemTime::now() + REFRESH_MARGIN < at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{SCOPE, TokenFuture};
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug)]
    struct Counting {
        calls: AtomicUsize,
        lifetime: Duration,
    }

    impl TokenCredential for Counting {
        fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
            Box::pin(async move {
                assert_eq!(scope, SCOPE);
                let n = self.calls.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok(AccessToken::new(
                    format!("t{n}"),
                    Some(SystemTime::now() + self.lifetime),
                ))
            })
        }
    }

    #[tokio::test]
    async fn fresh_tokens_are_reused_and_shared() {
        let cred = Arc::new(Counting {
            calls: AtomicUsize::new(0),
            lifetime: Duration::from_secs(3600),
        });
        let cache = Arc::new(TokenCache::new(cred.clone(), SCOPE, false));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move { cache.token().await.unwrap() })
            })
            .collect();
        for h in handles {
            assert_eq!(h.await.unwrap().expose(), "t0");
        }
        assert_eq!(cred.calls.load(Ordering::SeqCst), 1);
        cache.invalidate().await;
        assert_eq!(cache.token().await.unwrap().expose(), "t1");
    }

    #[tokio::test]
    async fn tokens_close_to_expiry_are_refreshed() {
        let cred = Arc::new(Counting {
            calls: AtomicUsize::new(0),
            lifetime: Duration::from_secs(240),
        });
        let cache = TokenCache::new(cred.clone(), SCOPE, false);
        assert_eq!(cache.token().await.unwrap().expose(), "t0");
        assert_eq!(cache.token().await.unwrap().expose(), "t1");
        assert_eq!(cred.calls.load(Ordering::SeqCst), 2);
    }
}
