//! A running watch: pull items with [`Watch::next`], end it with [`Watch::close`].

use std::fmt;
use std::pin::Pin;

use futures_core::Stream;
use tokio::sync::{Mutex, watch};

use super::options::WatchOptions;
use super::poller::Poller;
use super::target::PollTarget;
use crate::error::Result;

/// A watch's items as a [`Stream`] (see [`Watch::into_stream`]).
pub type WatchStream<T> = Pin<Box<dyn Stream<Item = Result<T>> + Send>>;

/// A running watch of items of type `T`. Shareable across tasks and threads;
/// dropping it stops the polling.
pub struct Watch<T> {
    state: Mutex<Option<Poller<T>>>,
    closed: watch::Sender<bool>,
}

impl<T> fmt::Debug for Watch<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("closed", &*self.closed.borrow())
            .finish_non_exhaustive()
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Watch<T> {
    /// A watch of `target` with checked `options`, on a server running
    /// [`PollTarget::time_scale`] times faster than real time. Nothing is fetched before
    /// the first [`Watch::next`].
    pub fn new(target: impl PollTarget<Item = T>, options: WatchOptions) -> Result<Watch<T>> {
        options.validate()?;
        Ok(Watch {
            state: Mutex::new(Some(Poller::new(Box::new(target), options))),
            closed: watch::channel(false).0,
        })
    }

    /// The next item that differs from the last one seen; `None` once the watch is
    /// over: it stopped (the last item is the one it stopped at), it failed (the error
    /// was the last item), or it was closed.
    pub async fn next(&self) -> Option<Result<T>> {
        let mut closed = self.closed.subscribe();
        if *closed.borrow() {
            return None;
        }
        let mut guard = self.state.lock().await;
        let state = guard.as_mut()?;
        let item = tokio::select! {
            biased;
            _ = closed.wait_for(|closed| *closed) => None,
            item = state.next() => item,
        };
        if item.is_none() || state.is_done() || *self.closed.borrow() {
            // Dropping the state cancels whatever it was waiting for.
            *guard = None;
        }
        if *self.closed.borrow() {
            return None;
        }
        item
    }

    /// Ends the watch: a `next()` in progress returns `None` at once, and so does every
    /// later one. Idempotent.
    pub fn close(&self) {
        self.closed.send_replace(true);
        if let Ok(mut guard) = self.state.try_lock() {
            *guard = None;
        }
    }

    /// True once [`Watch::close`] was called.
    pub fn is_closed(&self) -> bool {
        *self.closed.borrow()
    }

    /// The watch as a stream of its items.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// # async fn run(client: cloudpartner::Client) -> cloudpartner::Result<()> {
    /// let mut statuses = client.watch("contoso", "my-offer", Default::default())?.into_stream();
    /// while let Some(status) = statuses.next().await {
    ///     println!("{}", status?.status);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn into_stream(self) -> WatchStream<T> {
        Box::pin(futures_util::stream::unfold(self, |watch| async move {
            let item = watch.next().await?;
            Some((item, watch))
        }))
    }
}
