//! `cloudpartner go-live PUBLISHER OFFER [--watch]`

use cloudpartner::{ErrorKind, WatchUntil};

use super::started::{Started, open_started, report_started};
use crate::args::{GlobalArgs, GoLiveArgs};
use crate::commands::cpp::publish::operation_running_hint;
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;

/// Makes the reviewed preview live; with `--watch`, follows it until the offer is live
/// (exit code 0), failed (3) or canceled (4).
pub async fn go_live(global: &GlobalArgs, args: &GoLiveArgs) -> Result<Exit, Failure> {
    let watch = args.watch.then_some(WatchUntil::Terminal);
    let connection = open_started(global, &args.intervals, watch)?;
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let operation = connection
        .client
        .go_live(p, o)
        .await
        .map_err(|e| go_live_failure(&connection, &e, p, o))?;
    report_started(
        &connection,
        global,
        Started {
            publisher: p,
            offer: o,
            what: "go-live",
            operation: Some(operation),
            watch,
            intervals: args.intervals,
            json: args.json,
        },
    )
    .await
}

/// A go-live the service refused: a conflict is an operation still running, or an offer
/// that is not waiting for review.
pub fn go_live_failure(
    connection: &Connection,
    error: &cloudpartner::Error,
    publisher: &str,
    offer: &str,
) -> Failure {
    let failure = connection.failure(error, Some(&format!("{publisher}/{offer}")));
    if error.api_code() == Some("OperationInProgress") {
        failure.with_hint(operation_running_hint(publisher, offer))
    } else if error.kind() == ErrorKind::Conflict {
        failure.with_hint(format!(
            "go-live works only while the preview waits for your review: \
             `cloudpartner status {publisher} {offer}` shows where it stands"
        ))
    } else {
        failure
    }
}
