//! Start, then maybe watch: what publish, go-live and cancel share (their connection,
//! with `--watch` checked before anything is sent; the operation the service accepted;
//! then, with `--watch`, the offer until it stops), and the loop that follows an offer,
//! which `watch` and `demo` use too.

use std::io::IsTerminal;

use cloudpartner::{ErrorKind, OfferStatus, OperationRef, WatchOptions, WatchUntil};
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use crate::args::{GlobalArgs, IntervalArgs};
use crate::commands::waiting::{request_timeout, watch_options};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::{eprint_line, print, print_line};
use crate::render::cpp::offer_report::render_offer_report;
use crate::render::cpp::watch_view::WatchView;
use crate::render::style::{Style, Tone};

/// The connection of a command that starts something and, with `--watch` (`watch`:
/// until when), follows it: the watch's options are checked before anything is sent,
/// and `--timeout` then bounds the watch (each request to at most the default).
pub fn open_started(
    global: &GlobalArgs,
    intervals: &IntervalArgs,
    watch: Option<WatchUntil>,
) -> Result<Connection, Failure> {
    if let Some(until) = watch {
        watch_options(intervals, until, global.timeout)?;
    }
    let timeout = if watch.is_some() {
        request_timeout(global)
    } else {
        None
    };
    Connection::open(global, timeout)
}

/// An accepted publish, go-live or cancel.
#[derive(Debug)]
pub struct Started<'a> {
    /// The publisher id.
    pub publisher: &'a str,
    /// The offer id.
    pub offer: &'a str,
    /// `publish`, `go-live`, `cancel`.
    pub what: &'a str,
    /// The operation to follow (none when a cancel found nothing running: then there is
    /// nothing to watch either).
    pub operation: Option<OperationRef>,
    /// Follow the offer, until `until`.
    pub watch: Option<WatchUntil>,
    /// Poll bounds.
    pub intervals: IntervalArgs,
    /// JSON lines.
    pub json: bool,
}

/// Prints the operation (a line, or `{"publisherId", "offerId", "operation": {"id",
/// "url"}}`), then follows the offer when asked: the exit code is the watch's.
pub async fn report_started(
    connection: &Connection,
    global: &GlobalArgs,
    started: Started<'_>,
) -> Result<Exit, Failure> {
    let Started {
        publisher,
        offer,
        what,
        operation,
        watch,
        intervals,
        json,
    } = started;
    let options = watch
        .map(|until| watch_options(&intervals, until, global.timeout))
        .transpose()?;
    let style = Style::for_stdout(global.color);
    if json {
        let operation = operation
            .as_ref()
            .map(|r| json!({"id": r.id, "url": r.url}));
        print_line(&to_line(&with_ids(
            publisher,
            offer,
            json!({"action": what, "operation": operation}),
        )));
    } else {
        let title = style.paint(Tone::Strong, &format!("{publisher}/{offer}"));
        match &operation {
            Some(reference) => print_line(&format!(
                "{title}: {what} accepted, operation {} (`cloudpartner operation {publisher} {offer} {}`)",
                reference.id, reference.id
            )),
            None => print_line(&format!("{title}: nothing was running, nothing to {what}")),
        }
        if watch.is_none() && operation.is_some() {
            let until = if what == "publish" {
                " --until review"
            } else {
                ""
            };
            print_line(&format!(
                "follow it: cloudpartner watch {publisher} {offer}{until}"
            ));
        }
    }
    let (Some(options), Some(_)) = (options, &operation) else {
        return Ok(Exit::Ok);
    };
    if !json {
        print_line("");
    }
    let watched = Watched {
        publisher,
        offer,
        options,
        json,
        json_ids: true,
    };
    follow(connection, &watched, style).await
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
async fn follow_in(
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
