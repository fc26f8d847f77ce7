//! Dropping the connection a request came on, without a response.

use std::sync::Arc;

use tokio::sync::Notify;

/// Lets a handler drop the connection its request came on, without sending
/// a response (the `reset` fault). Handlers find it in the request extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct ConnectionControl {
    reset: Arc<Notify>,
}

impl ConnectionControl {
    /// Asks the connection's task to drop the connection.
    pub fn reset(&self) {
        self.reset.notify_one();
    }

    /// What the connection's task waits on to drop the connection.
    pub fn reset_signal(&self) -> Arc<Notify> {
        self.reset.clone()
    }
}
