//! What every waiting command shares: its watch options from `--min-interval`,
//! `--max-interval` and `--timeout`, and the request timeout that goes with them.

use std::time::Duration;

use cloudpartner::{WatchOptions, WatchUntil};

use crate::args::{GlobalArgs, IntervalArgs};
use crate::failure::Failure;

/// The request timeout of a command whose `--timeout` bounds a whole wait: never more
/// than the default per request.
pub fn request_timeout(global: &GlobalArgs) -> Option<Duration> {
    global.timeout.map(|t| t.min(cloudpartner::DEFAULT_TIMEOUT))
}

/// The options of a watch until `until`, bounded by `timeout`, checked by the core
/// (`WatchOptions::validate`); a usage error when they cannot work, in the flags' words
/// when the max interval is below the min interval.
pub fn watch_options(
    intervals: &IntervalArgs,
    until: WatchUntil,
    timeout: Option<Duration>,
) -> Result<WatchOptions, Failure> {
    let options = WatchOptions {
        until,
        min_interval: intervals.min_interval,
        max_interval: intervals.max_interval,
        timeout,
    };
    options
        .validate()
        .map_err(|e| match (options.min_interval, options.max_interval) {
            (Some(min), Some(max)) if max < min => Failure::usage(format!(
                "--max-interval ({} s) is shorter than --min-interval ({} s)",
                max.as_secs_f64(),
                min.as_secs_f64()
            )),
            _ => Failure::usage(e.to_string()),
        })?;
    Ok(options)
}
