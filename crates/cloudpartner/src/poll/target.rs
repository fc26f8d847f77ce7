//! What a watch polls: anything that can be fetched again and again, knows when to
//! stop, and knows how long to wait before the next look.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use super::options::{WatchOptions, WatchUntil};
use crate::error::Result;

/// A future of one poll.
pub type PollFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

/// One thing watched: an offer's status, a configure job, a product's submissions.
/// The [`super::Watch`] machinery (deadline, close, Retry-After, surviving transient
/// errors, the server's time scale) is the same for all of them.
pub trait PollTarget: Send + Sync + 'static {
    /// What each poll returns.
    type Item: Clone + PartialEq + Send + Sync + 'static;

    /// Fetches the current item once (the transport retries as it always does).
    fn fetch(&self) -> PollFuture<'_, Self::Item>;

    /// True when the watch stops at `item`.
    fn is_done(&self, item: &Self::Item, until: WatchUntil) -> bool;

    /// How long to wait before looking again after `item`, for a server running
    /// `time_scale` times faster than real time; within
    /// [`WatchOptions::interval_bounds`].
    fn next_interval(&self, item: &Self::Item, options: &WatchOptions, time_scale: f64)
    -> Duration;

    /// What is watched, in messages (`contoso/vm-offer`, `job 9d1f…`).
    fn describe(&self) -> String;

    /// Simulated seconds per real second of the server watched (1 for the service; an
    /// emulator's announced scale, read again before every wait).
    fn time_scale(&self) -> f64 {
        1.0
    }
}
