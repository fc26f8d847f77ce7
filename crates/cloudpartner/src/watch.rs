//! Polling an offer until its publish ends (or needs the publisher), yielding each change.

use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use futures_core::Stream;
use tokio::time::Instant;

use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::model::OfferStatus;

/// When a watch stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchUntil {
    /// When the offer succeeded, failed or was canceled.
    #[default]
    Terminal,
    /// Also when the offer or a step waits for the publisher's review.
    PublisherAction,
}

impl FromStr for WatchUntil {
    type Err = Error;

    /// `"terminal"`, or `"review"` (also `"publisher_action"`).
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "terminal" => Ok(WatchUntil::Terminal),
            "review" | "publisher_action" | "publisheraction" => Ok(WatchUntil::PublisherAction),
            other => Err(Error::invalid_argument(format!(
                "watch until `{other}`: expected `terminal` or `review`"
            ))),
        }
    }
}

/// How a watch polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchOptions {
    /// When to stop.
    pub until: WatchUntil,
    /// The shortest wait between polls (default 5 s).
    pub min_interval: Duration,
    /// The longest wait between polls (default 300 s).
    pub max_interval: Duration,
    /// Give up after this long (default: never); the stream then ends with a
    /// [`ErrorKind::Timeout`] error.
    pub timeout: Option<Duration>,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            until: WatchUntil::Terminal,
            min_interval: Duration::from_secs(5),
            max_interval: Duration::from_secs(300),
            timeout: None,
        }
    }
}

/// The stream returned by [`Client::watch`].
pub type WatchStream = Pin<Box<dyn Stream<Item = Result<OfferStatus>> + Send>>;

/// The wait before the next poll: about a twentieth of what the current step still
/// needs (its upper estimate), within `[min_interval, max_interval]`; the minimum when
/// nothing is known.
///
/// ```
/// use std::time::Duration;
/// use cloudpartner::{next_poll_interval, parse_offer_status, WatchOptions};
/// let s = parse_offer_status(br#"{"status":"running","steps":[
///   {"status":"inProgress","estimatedTimeFrame":"< 15 min"}]}"#).unwrap();
/// assert_eq!(next_poll_interval(&s, &WatchOptions::default()), Duration::from_secs(45));
/// ```
pub fn next_poll_interval(status: &OfferStatus, options: &WatchOptions) -> Duration {
    let min = options.min_interval;
    let max = options.max_interval.max(min);
    let remaining = status
        .current_step()
        .and_then(|s| s.remaining())
        .map(|r| r.1);
    match remaining {
        Some(left) => (left / 20).clamp(min, max),
        None => min,
    }
}

struct WatchState {
    client: Client,
    publisher: String,
    offer: String,
    options: WatchOptions,
    deadline: Option<Instant>,
    last: Option<OfferStatus>,
    wait: Option<Duration>,
    done: bool,
}

impl Client {
    /// Polls an offer until it is terminal (or, with [`WatchUntil::PublisherAction`],
    /// until it needs the publisher), yielding each status that differs from the last.
    ///
    /// Transient failures (throttling, 5xx, timeouts, transport) do not end the watch:
    /// it waits (honouring `Retry-After`) and polls again. Other errors, and the watch's
    /// own timeout, end the stream with that error. Dropping the stream cancels it.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// # async fn run(client: cloudpartner::Client) -> cloudpartner::Result<()> {
    /// let mut watch = client.watch("contoso", "my-offer", Default::default());
    /// while let Some(status) = watch.next().await {
    ///     let status = status?;
    ///     println!("{} {:.0}%", status.status, status.progress() * 100.0);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn watch(&self, publisher_id: &str, offer_id: &str, options: WatchOptions) -> WatchStream {
        let state = WatchState {
            client: self.clone(),
            publisher: publisher_id.to_owned(),
            offer: offer_id.to_owned(),
            deadline: options.timeout.map(|t| Instant::now() + t),
            options,
            last: None,
            wait: None,
            done: false,
        };
        Box::pin(futures_util::stream::unfold(
            state,
            |mut state| async move {
                let item = state.next().await?;
                Some((item, state))
            },
        ))
    }
}

impl WatchState {
    async fn next(&mut self) -> Option<Result<OfferStatus>> {
        while !self.done {
            if let Some(wait) = self.wait.take() {
                let wake = Instant::now() + wait;
                if self.deadline.is_some_and(|d| d <= wake) {
                    if let Some(d) = self.deadline {
                        tokio::time::sleep_until(d).await;
                    }
                    return Some(Err(self.timed_out()));
                }
                tokio::time::sleep_until(wake).await;
            }
            let fetch = self.client.offer_status(&self.publisher, &self.offer);
            let result = match self.deadline {
                Some(d) => match tokio::time::timeout_at(d, fetch).await {
                    Ok(r) => r,
                    Err(_) => return Some(Err(self.timed_out())),
                },
                None => fetch.await,
            };
            match result {
                Ok(status) => {
                    let stop = status.is_terminal()
                        || (self.options.until == WatchUntil::PublisherAction
                            && status.needs_publisher_action());
                    self.wait = Some(next_poll_interval(&status, &self.options));
                    if stop {
                        self.done = true;
                    }
                    if stop || self.last.as_ref() != Some(&status) {
                        self.last = Some(status.clone());
                        return Some(Ok(status));
                    }
                }
                Err(e) if e.is_transient() => {
                    let wait = self
                        .options
                        .min_interval
                        .max(e.retry_after().unwrap_or_default());
                    log::warn!(
                        "watch {}/{}: {e}; polling again in {:.1} s",
                        self.publisher,
                        self.offer,
                        wait.as_secs_f64()
                    );
                    self.wait = Some(wait);
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }

    fn timed_out(&mut self) -> Error {
        self.done = true;
        let after = self.options.timeout.unwrap_or_default();
        Error::new(
            ErrorKind::Timeout,
            format!(
                "watch of {}/{} timed out after {:.1} s",
                self.publisher,
                self.offer,
                after.as_secs_f64()
            ),
        )
    }
}
