//! What the handlers of one API get as their router state.

use std::sync::Arc;

use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;

/// The router state of one API's routes: the shared state and the API's own.
#[derive(Debug)]
pub(crate) struct ApiContext<S> {
    /// What every API shares.
    pub shared: Arc<SharedState>,
    /// The API's own state.
    pub api: Arc<S>,
    /// The API's request checks and error shape.
    pub rules: &'static RequestRules,
}

impl<S> Clone for ApiContext<S> {
    fn clone(&self) -> Self {
        ApiContext {
            shared: self.shared.clone(),
            api: self.api.clone(),
            rules: self.rules,
        }
    }
}
