//! `NativeWatch`: the core's watch stream, pulled one status at a time by the
//! JavaScript async iterator. `close()` cancels a pending `next()` at once and drops
//! the stream, which stops the polling.

use cloudpartner::{Client, ErrorKind, WatchOptions, WatchStream, WatchUntil};
use futures_util::StreamExt;
use napi_derive::napi;
use tokio::sync::{Mutex, watch};

use crate::duration::{from_millis, optional_millis};
use crate::error::{napi_error, to_napi};
use crate::status::NativeOfferStatus;

/// The options of `client.watch(p, o, {...})`, the signal aside.
#[napi(object)]
pub struct NativeWatchOptions {
    /// `"terminal"` (default) or `"review"`.
    pub until: Option<String>,
    /// The shortest wait between polls, in milliseconds.
    pub min_interval_ms: Option<f64>,
    /// The longest wait between polls, in milliseconds.
    pub max_interval_ms: Option<f64>,
    /// Give up after this long, in milliseconds.
    pub timeout_ms: Option<f64>,
}

/// A running watch.
#[napi]
pub struct NativeWatch {
    stream: Mutex<Option<WatchStream>>,
    closed: watch::Sender<bool>,
}

impl NativeWatch {
    /// Checks the options and creates the (lazy) stream.
    pub fn start(
        client: &Client,
        publisher_id: &str,
        offer_id: &str,
        options: NativeWatchOptions,
    ) -> napi::Result<NativeWatch> {
        let mut watch_options = WatchOptions::default();
        if let Some(until) = options.until {
            watch_options.until = until.parse::<WatchUntil>().map_err(|e| to_napi(&e))?;
        }
        if let Some(ms) = options.min_interval_ms {
            watch_options.min_interval = from_millis("minIntervalMs", ms)?;
        }
        if let Some(ms) = options.max_interval_ms {
            watch_options.max_interval = from_millis("maxIntervalMs", ms)?;
        }
        watch_options.timeout = optional_millis("timeoutMs", options.timeout_ms)?;
        Ok(NativeWatch {
            stream: Mutex::new(Some(client.watch(publisher_id, offer_id, watch_options))),
            closed: watch::channel(false).0,
        })
    }
}

fn canceled() -> napi::Error {
    napi_error(ErrorKind::Canceled, "the watch was canceled")
}

#[napi]
impl NativeWatch {
    /// The next status that differs from the last one; `null` when the watch is over.
    #[napi]
    pub async fn next(&self) -> napi::Result<Option<NativeOfferStatus>> {
        let mut closed = self.closed.subscribe();
        if *closed.borrow() {
            return Err(canceled());
        }
        let mut guard = self.stream.lock().await;
        let Some(stream) = guard.as_mut() else {
            return Ok(None);
        };
        let item = tokio::select! {
            biased;
            _ = closed.wait_for(|c| *c) => {
                *guard = None;
                return Err(canceled());
            }
            item = stream.next() => item,
        };
        match item {
            Some(Ok(status)) => Ok(Some(NativeOfferStatus::from(&status))),
            Some(Err(e)) => {
                *guard = None;
                Err(to_napi(&e))
            }
            None => {
                *guard = None;
                Ok(None)
            }
        }
    }

    /// Stops the watch: a pending `next()` rejects with a `canceled` error and the
    /// stream is dropped, so no more requests are sent.
    #[napi]
    pub fn close(&self) {
        self.closed.send_replace(true);
        if let Ok(mut guard) = self.stream.try_lock() {
            *guard = None;
        }
    }
}
