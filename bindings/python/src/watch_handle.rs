//! A watch stream shared by its Python iterator and the tasks polling it, with a
//! `close()` that ends it even while a poll is waiting.

use std::sync::Arc;

use cloudpartner::{OfferStatus, WatchStream};
use futures_util::StreamExt;
use tokio::sync::{Mutex, watch};

/// The stream of a watch and its "closed" flag.
#[derive(Clone)]
pub struct WatchHandle {
    stream: Arc<Mutex<Option<WatchStream>>>,
    closed: Arc<watch::Sender<bool>>,
}

impl WatchHandle {
    /// Wraps the core's stream.
    pub fn new(stream: WatchStream) -> WatchHandle {
        WatchHandle {
            stream: Arc::new(Mutex::new(Some(stream))),
            closed: Arc::new(watch::channel(false).0),
        }
    }

    /// The next status that differs from the last; `None` once the watch has ended or
    /// was closed.
    pub async fn next(&self) -> Option<cloudpartner::Result<OfferStatus>> {
        let mut closed = self.closed.subscribe();
        let mut stream = self.stream.lock().await;
        let item = match stream.as_mut() {
            None => None,
            Some(active) => tokio::select! {
                item = active.next() => item,
                _ = closed.wait_for(|closed| *closed) => None,
            },
        };
        if item.is_none() || *self.closed.borrow() {
            // Dropping the stream cancels whatever it was waiting for.
            *stream = None;
        }
        item
    }

    /// Ends the watch: a poll in progress returns `None`, and so does every later one.
    pub fn close(&self) {
        self.closed.send_replace(true);
        if let Ok(mut stream) = self.stream.try_lock() {
            *stream = None;
        }
    }
}
