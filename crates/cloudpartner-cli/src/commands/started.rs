//! What publish, go-live and cancel print once the service accepted them: the operation
//! to follow, then, with `--watch`, the offer until it stops.

use cloudpartner::{OperationRef, WatchUntil};
use serde_json::json;

use super::watch::{Watched, follow};
use crate::args::{GlobalArgs, IntervalArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::print_line;
use crate::render::style::{Style, Tone};
use crate::waiting::watch_options;

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
