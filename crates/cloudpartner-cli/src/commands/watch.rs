//! `cloudpartner watch PUBLISHER OFFER [--until terminal|review] ...`, and the loop that
//! `demo`, `release` and the `--watch` of publish, go-live and cancel share.

use std::io::IsTerminal;

use cloudpartner::{ErrorKind, OfferStatus, WatchOptions, WatchUntil};
use serde_json::{Map, Value};
use tokio::time::Instant;

use crate::args::{GlobalArgs, Until, WatchArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{eprint_line, print};
use crate::render::offer_report::render_offer_report;
use crate::render::style::Style;
use crate::waiting::{request_timeout, watch_options};
use crate::watch_view::WatchView;

/// Watches one offer; `--timeout` bounds the whole watch (and each request to at most
/// the default request timeout).
pub async fn watch(global: &GlobalArgs, args: &WatchArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, request_timeout(global))?;
    let until = match args.until {
        Until::Terminal => WatchUntil::Terminal,
        Until::Review => WatchUntil::PublisherAction,
    };
    let watched = Watched {
        publisher: &args.publisher,
        offer: &args.offer,
        options: watch_options(&args.intervals, until, global.timeout)?,
        json: args.json,
        json_ids: false,
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
    /// JSON lines start with `publisherId` and `offerId`.
    pub json_ids: bool,
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
    if watched.json_ids {
        let mut fields = Map::new();
        fields.insert("publisherId".into(), Value::from(watched.publisher));
        fields.insert("offerId".into(), Value::from(watched.offer));
        view = view.with_json_fields(fields);
    }
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    let ended = tokio::select! {
        ended = follow_in(connection, watched.publisher, watched.offer, watched.options, &mut view) => ended,
        _ = &mut interrupt => {
            view.finish();
            eprint_line(&format!("interrupted: stopped watching {title}"));
            return Ok(Exit::Interrupted);
        }
    };
    view.finish();
    let last = ended?;
    if !watched.json {
        if matches!(view, WatchView::Lines { .. }) {
            print("\n");
        }
        print(&render_offer_report(&title, &last, style));
    }
    Ok(Exit::for_final_status(&last))
}

/// Follows the offer with `view` until the watch ends, and gives the last status (the
/// view is left as it is: finish it). No Ctrl-C handling: the caller's.
pub async fn follow_in(
    connection: &Connection,
    publisher: &str,
    offer: &str,
    options: WatchOptions,
    view: &mut WatchView,
) -> Result<OfferStatus, Failure> {
    let title = format!("{publisher}/{offer}");
    let watch = connection
        .client
        .watch(publisher, offer, options)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let started = Instant::now();
    let mut last: Option<OfferStatus> = None;
    while let Some(item) = watch.next().await {
        match item {
            Ok(status) => {
                view.show(&status, started.elapsed());
                last = Some(status);
            }
            Err(error) => {
                view.finish();
                return Err(watch_failure(connection, &error, &title));
            }
        }
    }
    last.ok_or_else(|| {
        Failure::error(format!(
            "internal: the watch of {title} ended without a status"
        ))
    })
}

/// The watch's own timeout exits with 124 (no hint: it is what was asked for).
pub fn watch_failure(connection: &Connection, error: &cloudpartner::Error, title: &str) -> Failure {
    if error.kind() == ErrorKind::Timeout {
        Failure::error(error.to_string()).with_exit(Exit::TimedOut)
    } else {
        connection.failure(error, Some(title))
    }
}
