//! `cloudpartner watch PUBLISHER OFFER [--until terminal|review] ...`, and the loop that
//! `demo` shares.

use std::io::IsTerminal;

use cloudpartner::{ErrorKind, OfferStatus, WatchOptions, WatchUntil};
use tokio::time::Instant;

use crate::args::{GlobalArgs, Until, WatchArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{eprint_line, print};
use crate::render::offer_report::render_offer_report;
use crate::render::style::Style;
use crate::watch_view::WatchView;

/// Watches one offer; `--timeout` bounds the whole watch (and each request to at most
/// the default request timeout).
pub async fn watch(global: &GlobalArgs, args: &WatchArgs) -> Result<Exit, Failure> {
    let request_timeout = global.timeout.map(|t| t.min(cloudpartner::DEFAULT_TIMEOUT));
    let connection = Connection::open(global, request_timeout)?;
    if let (Some(min), Some(max)) = (args.min_interval, args.max_interval) {
        if max < min {
            return Err(Failure::usage(format!(
                "--max-interval ({} s) is shorter than --min-interval ({} s)",
                max.as_secs_f64(),
                min.as_secs_f64()
            )));
        }
    }
    let options = WatchOptions {
        until: match args.until {
            Until::Terminal => WatchUntil::Terminal,
            Until::Review => WatchUntil::PublisherAction,
        },
        min_interval: args.min_interval,
        max_interval: args.max_interval,
        timeout: global.timeout,
    };
    let watched = Watched {
        publisher: &args.publisher,
        offer: &args.offer,
        options,
        json: args.json,
    };
    follow(&connection, &watched, Style::for_stdout(global.color)).await
}

/// What to watch and how.
#[derive(Debug, Clone, Copy)]
pub struct Watched<'a> {
    /// The publisher id.
    pub publisher: &'a str,
    /// The offer id.
    pub offer: &'a str,
    /// When to stop, how often to poll.
    pub options: WatchOptions,
    /// JSON lines instead of the human display.
    pub json: bool,
}

/// Follows the offer until the watch ends, showing each change; then prints the final
/// report (not with `--json`). Ctrl-C stops it (exit code 130).
pub async fn follow(
    connection: &Connection,
    watched: &Watched<'_>,
    style: Style,
) -> Result<Exit, Failure> {
    let title = format!("{}/{}", watched.publisher, watched.offer);
    let mut view = WatchView::choose(watched.json, std::io::stdout().is_terminal(), style, &title);
    let watch = connection
        .client
        .watch(watched.publisher, watched.offer, watched.options)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let started = Instant::now();
    let mut last: Option<OfferStatus> = None;
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        tokio::select! {
            item = watch.next() => match item {
                Some(Ok(status)) => {
                    view.show(&status, started.elapsed());
                    last = Some(status);
                }
                Some(Err(error)) => {
                    view.finish();
                    return Err(watch_failure(connection, &error, &title));
                }
                None => break,
            },
            _ = &mut interrupt => {
                view.finish();
                eprint_line(&format!("interrupted: stopped watching {title}"));
                return Ok(Exit::Interrupted);
            }
        }
    }
    view.finish();
    let Some(last) = last else {
        return Err(Failure::error(format!(
            "internal: the watch of {title} ended without a status"
        )));
    };
    if !watched.json {
        if matches!(view, WatchView::Lines { .. }) {
            print("\n");
        }
        print(&render_offer_report(&title, &last, style));
    }
    Ok(Exit::for_final_status(&last))
}

/// The watch's own timeout exits with 124 (no hint: it is what was asked for).
fn watch_failure(connection: &Connection, error: &cloudpartner::Error, title: &str) -> Failure {
    if error.kind() == ErrorKind::Timeout {
        Failure::error(error.to_string()).with_exit(Exit::TimedOut)
    } else {
        connection.failure(error, Some(title))
    }
}
