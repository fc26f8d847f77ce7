//! `cloudpartner product job JOB_ID [--watch] [--json]` and `product job cancel JOB_ID`.

use cloudpartner::{ErrorKind, WatchUntil};
use serde_json::Map;

use super::connection::IngestionConnection;
use super::job_wait::{follow_job, print_job};
use crate::args::GlobalArgs;
use crate::args::ingestion::{JobArgs, JobCancelArgs};
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::render::ingestion::job_view::exit_for_job;
use crate::render::style::Style;

/// The failure of a job request: an unknown job id says where ids come from.
fn job_failure(connection: &IngestionConnection, e: &cloudpartner::Error, id: &str) -> Failure {
    let failure = connection.failure(e, Some(&format!("job {id}")));
    if e.kind() == ErrorKind::NotFound {
        failure.with_hint(
            "check the job id: `product configure`, `product publish`, `product go-live` and \
`product image add --no-wait` print it",
        )
    } else {
        failure
    }
}

/// Shows the job, or follows it with `--watch`.
pub async fn job(global: &GlobalArgs, args: &JobArgs) -> Result<Exit, Failure> {
    let id = args.job_id.as_deref().unwrap_or_default();
    let options = if args.watch {
        Some(watch_options(
            &args.intervals,
            WatchUntil::Terminal,
            global.timeout,
        )?)
    } else {
        None
    };
    let connection = IngestionConnection::open(
        global,
        if args.watch {
            request_timeout(global)
        } else {
            None
        },
    )?;
    let style = Style::for_stdout(global.color);
    let job = connection
        .client
        .job(id)
        .await
        .map_err(|e| job_failure(&connection, &e, id))?;
    let ids = Map::new();
    match options {
        Some(options) if !job.is_done() => {
            let (_, exit) = follow_job(&connection, id, options, &ids, args.json, style).await?;
            Ok(exit)
        }
        _ => {
            print_job(&job, &ids, args.json, style);
            Ok(if args.watch {
                exit_for_job(&job)
            } else {
                Exit::Ok
            })
        }
    }
}

/// Cancels a running job.
pub async fn cancel(global: &GlobalArgs, args: &JobCancelArgs) -> Result<Exit, Failure> {
    let connection = IngestionConnection::open(global, None)?;
    let id = args.job_id.as_str();
    let job = connection.client.cancel_job(id).await.map_err(|e| {
        let failure = job_failure(&connection, &e, id);
        if e.kind() == ErrorKind::BadRequest {
            failure.with_hint(format!("see how it ended: cloudpartner product job {id}"))
        } else {
            failure
        }
    })?;
    print_job(
        &job,
        &Map::new(),
        args.json,
        Style::for_stdout(global.color),
    );
    Ok(Exit::Ok)
}
