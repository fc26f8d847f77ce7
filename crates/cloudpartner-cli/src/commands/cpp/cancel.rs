//! `cloudpartner cancel PUBLISHER OFFER [--notification-emails LIST] [--watch]`

use cloudpartner::{ErrorKind, WatchUntil};

use super::started::{Started, open_started, report_started};
use crate::args::{CancelArgs, GlobalArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;

/// Cancels the offer's running operation; with `--watch`, follows the offer until it
/// stops (exit code 4 once canceled, as `watch`).
pub async fn cancel(global: &GlobalArgs, args: &CancelArgs) -> Result<Exit, Failure> {
    let watch = args.watch.then_some(WatchUntil::Terminal);
    let connection = open_started(global, &args.intervals, watch)?;
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let operation = connection
        .client
        .cancel(p, o, args.notification_emails.iter())
        .await
        .map_err(|error| {
            let failure = connection.failure(&error, Some(&format!("{p}/{o}")));
            if error.kind() == ErrorKind::Conflict {
                failure.with_hint(format!(
                    "nothing to cancel? `cloudpartner operations {p} {o} --state running` lists what runs"
                ))
            } else {
                failure
            }
        })?;
    report_started(
        &connection,
        global,
        Started {
            publisher: p,
            offer: o,
            what: "cancel",
            operation,
            watch,
            intervals: args.intervals,
            json: args.json,
        },
    )
    .await
}
