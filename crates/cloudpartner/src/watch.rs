//! Polling an offer until its publish ends (or needs the publisher), yielding each change.

use std::fmt;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use futures_core::Stream;
use tokio::sync::{Mutex, watch};
use tokio::time::Instant;

use crate::client::{Client, check_id};
use crate::client_options::check_positive;
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

/// The shortest wait between polls when none is given (divided by the client's
/// poll time scale).
pub const DEFAULT_MIN_INTERVAL: Duration = Duration::from_secs(5);
/// The longest wait between polls when none is given (divided by the client's poll
/// time scale).
pub const DEFAULT_MAX_INTERVAL: Duration = Duration::from_secs(300);
/// A scaled default bound never goes below this: a fast emulator is polled often,
/// never without pause.
pub const MIN_SCALED_INTERVAL: Duration = Duration::from_millis(50);

/// How a watch polls. `None` means the default; the core checks the rest
/// ([`WatchOptions::validate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WatchOptions {
    /// When to stop.
    pub until: WatchUntil,
    /// The shortest wait between polls (default 5 s, divided by the client's poll time
    /// scale). Must be above zero.
    pub min_interval: Option<Duration>,
    /// The longest wait between polls (default 300 s, divided by the client's poll
    /// time scale). Must be above zero, and not below `min_interval`.
    pub max_interval: Option<Duration>,
    /// Give up after this long (default: never); the watch then ends with a
    /// [`ErrorKind::Timeout`] error, after one last poll at the deadline. Must be above
    /// zero.
    pub timeout: Option<Duration>,
}

impl WatchOptions {
    /// Checks the options: durations above zero, `min_interval <= max_interval`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloudpartner::WatchOptions;
    /// let zero = WatchOptions { min_interval: Some(Duration::ZERO), ..Default::default() };
    /// assert!(zero.validate().is_err());
    /// let upside_down = WatchOptions {
    ///     min_interval: Some(Duration::from_secs(10)),
    ///     max_interval: Some(Duration::from_secs(1)),
    ///     ..Default::default()
    /// };
    /// assert!(upside_down.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_positive("the watch's min interval", self.min_interval)?;
        check_positive("the watch's max interval", self.max_interval)?;
        check_positive("the watch's timeout", self.timeout)?;
        if let (Some(min), Some(max)) = (self.min_interval, self.max_interval) {
            if min > max {
                return Err(Error::invalid_argument(format!(
                    "the watch's min interval ({:.3} s) is above its max interval ({:.3} s)",
                    min.as_secs_f64(),
                    max.as_secs_f64()
                )));
            }
        }
        Ok(())
    }

    /// The bounds in effect for a server running `time_scale` times faster than real
    /// time: the given ones, else the defaults divided by the scale (never below
    /// [`MIN_SCALED_INTERVAL`]).
    pub fn interval_bounds(&self, time_scale: f64) -> (Duration, Duration) {
        let scaled = |d: Duration| {
            if time_scale == 1.0 {
                d
            } else {
                d.div_f64(time_scale.max(f64::MIN_POSITIVE))
                    .max(MIN_SCALED_INTERVAL)
            }
        };
        let min = self
            .min_interval
            .unwrap_or_else(|| scaled(DEFAULT_MIN_INTERVAL));
        let max = self
            .max_interval
            .unwrap_or_else(|| scaled(DEFAULT_MAX_INTERVAL));
        (min, max.max(min))
    }
}

/// A watch's items as a [`Stream`] (see [`Watch::into_stream`]).
pub type WatchStream = Pin<Box<dyn Stream<Item = Result<OfferStatus>> + Send>>;

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

/// A running watch (see [`Client::watch`]): pull statuses with [`Watch::next`], end it
/// with [`Watch::close`]. Shareable across tasks and threads; dropping it stops the
/// polling.
pub struct Watch {
    state: Mutex<Option<WatchState>>,
    closed: watch::Sender<bool>,
}

impl fmt::Debug for Watch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("closed", &self.is_closed())
            .finish_non_exhaustive()
    }
}

impl Watch {
    /// The next status that differs from the last one seen; `None` once the watch is
    /// over: it stopped (the last status is the terminal one), it failed (the error was
    /// the last item), or it was closed.
    pub async fn next(&self) -> Option<Result<OfferStatus>> {
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
        if item.is_none() || state.done || *self.closed.borrow() {
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
    pub fn into_stream(self) -> WatchStream {
        Box::pin(futures_util::stream::unfold(self, |watch| async move {
            let item = watch.next().await?;
            Some((item, watch))
        }))
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
    /// The deadline came before the next poll: one last poll was made, and the watch
    /// times out after what it returned.
    timed_out_after_this: bool,
    done: bool,
}

impl Client {
    /// Polls an offer until it is terminal (or, with [`WatchUntil::PublisherAction`],
    /// until it needs the publisher), yielding each status that differs from the last.
    ///
    /// Transient failures ([`Error::is_transient`]) do not end the watch: it waits
    /// (honouring `Retry-After`) and polls again. Other errors, and the watch's own
    /// timeout, end it with that error. The options are checked first
    /// ([`WatchOptions::validate`]), and so are the ids; nothing is fetched before the
    /// first [`Watch::next`].
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
        let state = WatchState {
            client: self.clone(),
            publisher: publisher_id.to_owned(),
            offer: offer_id.to_owned(),
            deadline: options.timeout.map(|t| Instant::now() + t),
            options,
            last: None,
            wait: None,
            timed_out_after_this: false,
            done: false,
        };
        Ok(Watch {
            state: Mutex::new(Some(state)),
            closed: watch::channel(false).0,
        })
    }
}

impl WatchState {
    async fn next(&mut self) -> Option<Result<OfferStatus>> {
        let scale = self.client.poll_time_scale();
        while !self.done {
            if self.timed_out_after_this {
                return Some(Err(self.timed_out()));
            }
            let mut last_poll = false;
            if let Some(wait) = self.wait.take() {
                let wake = Instant::now() + wait;
                match self.deadline {
                    Some(deadline) if deadline <= wake => {
                        tokio::time::sleep_until(deadline).await;
                        last_poll = true;
                    }
                    _ => tokio::time::sleep_until(wake).await,
                }
            }
            let fetch = self.client.offer_status(&self.publisher, &self.offer);
            let result = match self.deadline {
                Some(d) if !last_poll => match tokio::time::timeout_at(d, fetch).await {
                    Ok(r) => r,
                    Err(_) => return Some(Err(self.timed_out())),
                },
                _ => fetch.await,
            };
            self.timed_out_after_this = last_poll;
            match result {
                Ok(status) => {
                    let stop = status.is_terminal()
                        || (self.options.until == WatchUntil::PublisherAction
                            && status.needs_publisher_action());
                    self.wait = Some(next_poll_interval(&status, &self.options, scale));
                    if stop {
                        self.done = true;
                    }
                    if stop || self.last.as_ref() != Some(&status) {
                        self.last = Some(status.clone());
                        return Some(Ok(status));
                    }
                }
                Err(e) if e.is_transient() => {
                    let (min, _) = self.options.interval_bounds(scale);
                    let wait = min.max(e.retry_after().unwrap_or_default());
                    log::info!(
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
