//! Following a configure job: its changes (a line redrawn on a terminal, lines, or
//! JSON), Ctrl-C (exit 130), `--timeout` (exit 124), then the job with its errors as a
//! tree.

use std::io::IsTerminal;

use cloudpartner::ingestion::Job;
use cloudpartner::{ErrorKind, WatchOptions};
use serde_json::{Map, Value};
use tokio::time::Instant;

use super::connection::IngestionConnection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{merge, to_line};
use crate::output::{eprint_line, print_line};
use crate::render::ingestion::job_view::{exit_for_job, job_state, job_value, render_job};
use crate::render::ingestion::stage_view::StageView;
use crate::render::style::Style;

/// Prints a job: its line and errors, or one JSON document after `ids`.
pub fn print_job(job: &Job, ids: &Map<String, Value>, json: bool, style: Style) {
    if json {
        print_line(&to_line(&merge(ids.clone(), job_value(job))));
    } else {
        for line in render_job(job, style) {
            print_line(&line);
        }
    }
}

/// Follows `job_id` until it is done and prints it (with `json`, each change of it on a
/// line, the last being the job as it ended); the exit code is the job's (0 succeeded, 3
/// failed, 4 cancelled), 124 on `--timeout`, 130 on Ctrl-C.
pub async fn follow_job(
    connection: &IngestionConnection,
    job_id: &str,
    options: WatchOptions,
    ids: &Map<String, Value>,
    json: bool,
    style: Style,
) -> Result<(Option<Job>, Exit), Failure> {
    let mut view = StageView::choose(json, std::io::stdout().is_terminal(), style, "job", None)
        .with_json_fields(ids.clone());
    let watch = connection
        .client
        .watch_job(job_id, options)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let started = Instant::now();
    let mut last: Option<Job> = None;
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        let item = tokio::select! {
            item = watch.next() => item,
            _ = &mut interrupt => {
                view.finish();
                eprint_line(&format!(
                    "interrupted: stopped following job {job_id} (it goes on: `cloudpartner product job {job_id} --watch`)"
                ));
                return Ok((last, Exit::Interrupted));
            }
        };
        match item {
            None => break,
            Some(Ok(job)) => {
                let (state, tone) = job_state(&job);
                if json {
                    // Each change on a line of its own, the last being the job as it ended.
                    print_job(&job, ids, true, style);
                } else {
                    view.show(
                        started.elapsed(),
                        &format!("job {}: {state}", job.id),
                        tone,
                        Value::Null,
                    );
                }
                last = Some(job);
            }
            Some(Err(e)) => {
                view.finish();
                if e.kind() == ErrorKind::Timeout {
                    return Err(
                        Failure::error(format!("job {job_id} is still running ({e})"))
                            .with_hint(format!(
                                "follow it: cloudpartner product job {job_id} --watch"
                            ))
                            .with_exit(Exit::TimedOut),
                    );
                }
                return Err(connection.failure(&e, Some(&format!("job {job_id}"))));
            }
        }
    }
    view.finish();
    let job = last.ok_or_else(|| {
        Failure::error(format!(
            "internal: the watch of job {job_id} ended without a status"
        ))
    })?;
    if !json {
        print_job(&job, ids, false, style);
    }
    let exit = exit_for_job(&job);
    Ok((Some(job), exit))
}
