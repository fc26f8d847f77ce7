//! The polling loop behind a [`super::Watch`]: waits, the deadline with one last
//! look, Retry-After, surviving transient errors, and yielding only changes.

use std::time::Duration;

use tokio::time::Instant;

use super::options::WatchOptions;
use super::target::PollTarget;
use crate::error::{Error, ErrorKind, Result};

/// The state of one watch.
pub(crate) struct Poller<T> {
    target: Box<dyn PollTarget<Item = T>>,
    options: WatchOptions,
    deadline: Option<Instant>,
    last: Option<T>,
    wait: Option<Duration>,
    /// The deadline came before the next poll: one last poll was made, and the watch
    /// times out after what it returned.
    timed_out_after_this: bool,
    done: bool,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Poller<T> {
    pub(crate) fn new(target: Box<dyn PollTarget<Item = T>>, options: WatchOptions) -> Poller<T> {
        Poller {
            target,
            deadline: options.timeout.map(|t| Instant::now() + t),
            options,
            last: None,
            wait: None,
            timed_out_after_this: false,
            done: false,
        }
    }

    /// True once the watch stopped, failed or timed out.
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// The next item that differs from the last one, the error that ends the watch,
    /// or `None` when it is over.
    pub(crate) async fn next(&mut self) -> Option<Result<T>> {
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
            let fetch = self.target.fetch();
            let result = match self.deadline {
                Some(d) if !last_poll => match tokio::time::timeout_at(d, fetch).await {
                    Ok(r) => r,
                    Err(_) => return Some(Err(self.timed_out())),
                },
                _ => fetch.await,
            };
            self.timed_out_after_this = last_poll;
            // Read after the poll: an emulator announces its scale in its answers.
            let scale = self.target.time_scale();
            match result {
                Ok(item) => {
                    let stop = self.target.is_done(&item, self.options.until);
                    self.wait = Some(self.target.next_interval(&item, &self.options, scale));
                    if stop {
                        self.done = true;
                    }
                    if stop || self.last.as_ref() != Some(&item) {
                        self.last = Some(item.clone());
                        return Some(Ok(item));
                    }
                }
                Err(e) if e.is_transient() => {
                    let (min, _) = self.options.interval_bounds(scale);
                    let wait = min.max(e.retry_after().unwrap_or_default());
                    log::info!(
                        "watch {}: {e}; polling again in {:.1} s",
                        self.target.describe(),
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
                "watch of {} timed out after {:.1} s",
                self.target.describe(),
                after.as_secs_f64()
            ),
        )
    }
}
