//! `NativeWatch`: the core's [`Watch`] handle, pulled one status at a time by the
//! JavaScript `Watch`. `next()` and `close()` map straight onto it: after `close()` a
//! pending `next()` and every later one give `null`, and the polling stops.

use std::sync::Arc;

use cloudpartner::{Client, Watch, WatchOptions, positive_millis};
use napi_derive::napi;

use crate::error::to_napi;
use crate::status::{StatusHandle, handle};

/// The options of `client.watch(p, o, {...})`, the signal aside. Absent means the
/// default.
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

pub fn millis(what: &str, ms: Option<f64>) -> cloudpartner::Result<Option<std::time::Duration>> {
    ms.map(|ms| positive_millis(what, ms)).transpose()
}

/// The JavaScript watch options as the core's (checked by the core's `watch`).
pub(crate) fn watch_options(options: NativeWatchOptions) -> cloudpartner::Result<WatchOptions> {
    Ok(WatchOptions {
        until: match options.until {
            Some(until) => until.parse()?,
            None => Default::default(),
        },
        min_interval: millis("minIntervalMs", options.min_interval_ms)?,
        max_interval: millis("maxIntervalMs", options.max_interval_ms)?,
        timeout: millis("timeoutMs", options.timeout_ms)?,
    })
}

/// A running watch.
#[napi]
pub struct NativeWatch {
    inner: Arc<Watch>,
}

impl NativeWatch {
    /// Converts the options and starts the core's (lazy) watch.
    pub fn start(
        client: &Client,
        publisher_id: &str,
        offer_id: &str,
        options: NativeWatchOptions,
    ) -> cloudpartner::Result<NativeWatch> {
        let watch = client.watch(publisher_id, offer_id, watch_options(options)?)?;
        Ok(NativeWatch {
            inner: Arc::new(watch),
        })
    }
}

#[napi]
impl NativeWatch {
    /// The next status that differs from the last one; `null` when the watch is over
    /// (stopped, failed before, or closed).
    #[napi(ts_return_type = "Promise<ExternalObject<'OfferStatus'> | null>")]
    pub async fn next(&self) -> napi::Result<Option<StatusHandle>> {
        let watch = Arc::clone(&self.inner);
        match watch.next().await {
            Some(Ok(status)) => Ok(Some(handle(status))),
            Some(Err(e)) => Err(to_napi(&e)),
            None => Ok(None),
        }
    }

    /// Ends the watch: a pending `next()` gives `null` at once, and so does every later
    /// one; no more requests are sent. Idempotent.
    #[napi]
    pub fn close(&self) {
        self.inner.close();
    }
}
