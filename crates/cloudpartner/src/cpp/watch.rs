//! Watching an offer's status until its publish ends (or needs the publisher): the
//! shared poll machinery with the offer status as its target and a pace that follows
//! the current step's time frame.

use std::time::Duration;

use super::client::{Client, check_id};
use super::model::OfferStatus;
use crate::error::Result;
use crate::poll::{PollFuture, PollTarget, WatchOptions, WatchUntil};

/// A running watch of an offer's status (see [`Client::watch`]): pull statuses with
/// [`crate::poll::Watch::next`], end it with [`crate::poll::Watch::close`].
pub type Watch = crate::poll::Watch<OfferStatus>;

/// A watch of offer statuses as a stream (see [`crate::poll::Watch::into_stream`]).
pub type WatchStream = crate::poll::WatchStream<OfferStatus>;

/// The wait before the next poll: about a twentieth of what the current step still
/// needs (its upper estimate), divided by the server's time scale, within the bounds of
/// [`WatchOptions::interval_bounds`]; the minimum when nothing is known.
///
/// ```
/// use std::time::Duration;
/// use cloudpartner::{next_poll_interval, parse_offer_status, WatchOptions};
/// let s = parse_offer_status(br#"{"status":"running","steps":[
///   {"status":"inProgress","estimatedTimeFrame":"< 15 min"}]}"#).unwrap();
/// assert_eq!(next_poll_interval(&s, &WatchOptions::default(), 1.0), Duration::from_secs(45));
/// // The same publish played 10 times faster by an emulator.
/// assert_eq!(next_poll_interval(&s, &WatchOptions::default(), 10.0), Duration::from_millis(4500));
/// ```
pub fn next_poll_interval(
    status: &OfferStatus,
    options: &WatchOptions,
    time_scale: f64,
) -> Duration {
    let (min, max) = options.interval_bounds(time_scale);
    let remaining = status
        .current_step()
        .and_then(|s| s.remaining())
        .map(|r| r.1);
    match remaining {
        Some(left) => (left / 20).div_f64(time_scale).clamp(min, max),
        None => min,
    }
}

/// One offer's status, polled.
struct OfferStatusTarget {
    client: Client,
    publisher: String,
    offer: String,
}

impl PollTarget for OfferStatusTarget {
    type Item = OfferStatus;

    fn fetch(&self) -> PollFuture<'_, OfferStatus> {
        Box::pin(self.client.offer_status(&self.publisher, &self.offer))
    }

    fn is_done(&self, status: &OfferStatus, until: WatchUntil) -> bool {
        status.is_terminal()
            || (until == WatchUntil::PublisherAction && status.needs_publisher_action())
    }

    fn next_interval(
        &self,
        status: &OfferStatus,
        options: &WatchOptions,
        time_scale: f64,
    ) -> Duration {
        next_poll_interval(status, options, time_scale)
    }

    fn describe(&self) -> String {
        format!("{}/{}", self.publisher, self.offer)
    }

    fn time_scale(&self) -> f64 {
        self.client.poll_time_scale()
    }
}

impl Client {
    /// Polls an offer until it is terminal (or, with [`WatchUntil::PublisherAction`],
    /// until it needs the publisher), yielding each status that differs from the last.
    ///
    /// Transient failures ([`Error::is_transient`](crate::Error::is_transient)) do not end the watch: it waits
    /// (honouring `Retry-After`) and polls again. Other errors, and the watch's own
    /// timeout, end it with that error. The options are checked first
    /// ([`WatchOptions::validate`]), and so are the ids; nothing is fetched before the
    /// first [`crate::poll::Watch::next`].
    ///
    /// ```no_run
    /// # async fn run(client: cloudpartner::Client) -> cloudpartner::Result<()> {
    /// let watch = client.watch("contoso", "my-offer", Default::default())?;
    /// while let Some(status) = watch.next().await {
    ///     let status = status?;
    ///     println!("{} {:.0}%", status.status, status.progress() * 100.0);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn watch(
        &self,
        publisher_id: &str,
        offer_id: &str,
        options: WatchOptions,
    ) -> Result<Watch> {
        options.validate()?;
        check_id("publisher", publisher_id)?;
        check_id("offer", offer_id)?;
        let target = OfferStatusTarget {
            client: self.clone(),
            publisher: publisher_id.to_owned(),
            offer: offer_id.to_owned(),
        };
        Watch::new(target, options)
    }
}
