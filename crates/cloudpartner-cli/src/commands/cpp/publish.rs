//! `cloudpartner publish PUBLISHER OFFER [--notification-emails LIST] [--watch]`

use cloudpartner::{ErrorKind, WatchUntil};

use super::started::{Started, open_started, report_started};
use crate::args::{GlobalArgs, PublishArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;

/// Publishes the draft; with `--watch`, follows it until the preview waits for review
/// (exit code 5), or it failed (3) or was canceled (4).
pub async fn publish(global: &GlobalArgs, args: &PublishArgs) -> Result<Exit, Failure> {
    let watch = args.watch.then_some(WatchUntil::PublisherAction);
    let connection = open_started(global, &args.intervals, watch)?;
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let operation = connection
        .client
        .publish(p, o, args.notification_emails.iter())
        .await
        .map_err(|e| publish_failure(&connection, &e, p, o))?;
    report_started(
        &connection,
        global,
        Started {
            publisher: p,
            offer: o,
            what: "publish",
            operation: Some(operation),
            watch,
            intervals: args.intervals,
            json: args.json,
        },
    )
    .await
}

/// What to run when another operation runs on the offer.
pub fn operation_running_hint(publisher: &str, offer: &str) -> String {
    format!(
        "another operation is running: `cloudpartner operations {publisher} {offer} --state running` \
         shows it, `cloudpartner cancel {publisher} {offer}` cancels it"
    )
}

/// A failed publish: a conflict is another operation that runs; a 422 is an offer that
/// does not validate.
pub fn publish_failure(
    connection: &Connection,
    error: &cloudpartner::Error,
    publisher: &str,
    offer: &str,
) -> Failure {
    let failure = connection.failure(error, Some(&format!("{publisher}/{offer}")));
    match error.kind() {
        ErrorKind::Conflict => failure.with_hint(operation_running_hint(publisher, offer)),
        ErrorKind::BadRequest if error.status_code() == Some(422) => failure.with_hint(format!(
            "the offer does not validate: check its plans and image versions with \
             `cloudpartner offer show {publisher} {offer}`"
        )),
        _ => failure,
    }
}
