//! `cloudpartner product release OFFER --plan PLAN --version V --os-disk-url URL ...`:
//! the release of a VM image version through the Product Ingestion API, run by the
//! core's `ingestion::release`; this command renders its events like `release`.
//!
//! read → change → write (configure, wait for the job) → publish (preview) → review
//! (certification) → with `--go-live`: go-live → live. Resumable: run again, it says
//! what it skips. `--dry-run` prints the technical configuration's diff and sends
//! nothing. Exit codes as `watch`.

use std::io::IsTerminal;
use std::sync::{Mutex, MutexGuard};

use cloudpartner::ingestion::{
    ReleaseError, ReleaseOutcome, ReleaseRequest, VmImage, VmImageVersion,
};
use cloudpartner::{ErrorKind, Phase, WatchUntil};
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::connection::IngestionConnection;
use crate::args::GlobalArgs;
use crate::args::ingestion::ProductReleaseArgs;
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{eprint_line, print};
use crate::render::diff::colored_diff;
use crate::render::ingestion::job_view::error_tree;
use crate::render::ingestion::release_view::ReleaseLines;
use crate::render::style::Style;

/// Checks what can be checked without the service: the version is N.N.N, the URLs are
/// https, the LUNs 0..15 and distinct. A usage error (exit 2) otherwise; nothing sent.
pub fn check_image(
    command: &str,
    version: &str,
    os_disk: &str,
    gen2: Option<&str>,
    disks: &[cloudpartner::ingestion::DataDisk],
) -> Result<(), Failure> {
    let mut images = vec![VmImage {
        data_disks: disks.to_vec(),
        ..VmImage::sas_uri("x64Gen1", os_disk)
    }];
    if let Some(gen2) = gen2 {
        images.push(VmImage::sas_uri("x64Gen2", gen2));
    }
    VmImageVersion::new(version, images)
        .validate()
        .map_err(|e| {
            Failure::error(format!("{command}: {e}"))
                .with_hint(format!("see `cloudpartner {command} --help`"))
                .with_exit(Exit::Usage)
        })
}

/// Runs the release; Ctrl-C stops it (exit code 130) saying where it was and how to
/// resume.
pub async fn release(global: &GlobalArgs, args: &ProductReleaseArgs) -> Result<Exit, Failure> {
    let watch = watch_options(&args.intervals, WatchUntil::Terminal, global.timeout)?;
    let image = &args.image;
    check_image(
        "product release",
        &image.version,
        &image.os_disk_url,
        image.gen2_os_disk_url.as_deref(),
        &image.data_disk,
    )?;
    let connection = IngestionConnection::open(global, request_timeout(global))?;
    let request = ReleaseRequest {
        offer_id: args.offer.clone(),
        plan_id: image.plan.clone(),
        version: image.version.clone(),
        os_disk_uri: image.os_disk_url.clone(),
        gen2_os_disk_uri: image.gen2_os_disk_url.clone(),
        data_disks: image.data_disk.clone(),
        go_live: args.go_live,
        dry_run: args.dry_run,
        watch,
    };
    let lines = Mutex::new(ReleaseLines::new(
        args,
        Style::for_stdout(global.color),
        std::io::stdout().is_terminal(),
        Instant::now(),
    ));
    if !args.json {
        lock(&lines).title_line();
    }
    let run = cloudpartner::ingestion::release(&connection.client, &request, |event| {
        lock(&lines).event(event);
    });
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    let ended = tokio::select! {
        ended = run => ended,
        _ = &mut interrupt => {
            let mut lines = lock(&lines);
            lines.finish_view();
            let phase = lines.phase().unwrap_or(Phase::Read);
            eprint_line(&interrupted_line(args, phase));
            return Ok(Exit::Interrupted);
        }
    };
    let mut lines = lines.into_inner().unwrap_or_else(|p| p.into_inner());
    lines.finish_view();
    let ended = match ended {
        Ok(outcome) => ended_with(&lines, args, outcome),
        Err(error) => Err((error.phase, failure(&connection, args, &error))),
    };
    match ended {
        Ok(exit) => Ok(exit),
        Err((phase, failure)) => {
            if args.json {
                let mut fields = Map::new();
                fields.insert("error".into(), failure.error_value());
                fields.insert("details".into(), failure.details.clone().into());
                fields.insert("hint".into(), failure.hint.clone().into());
                fields.insert("exitCode".into(), failure.exit.code().into());
                lines.line(phase, "", Value::Object(fields));
            }
            Err(failure.in_context(&format!("release failed at {}", phase.label())))
        }
    }
}

fn lock<'a, 'b>(lines: &'a Mutex<ReleaseLines<'b>>) -> MutexGuard<'a, ReleaseLines<'b>> {
    lines.lock().unwrap_or_else(|p| p.into_inner())
}

fn ended_with(
    lines: &ReleaseLines<'_>,
    args: &ProductReleaseArgs,
    outcome: ReleaseOutcome,
) -> Result<Exit, (Phase, Failure)> {
    let o = &args.offer;
    let (v, plan) = (&args.image.version, &args.image.plan);
    match outcome {
        ReleaseOutcome::Live { .. } if lines.done_shown() => Ok(Exit::Ok),
        ReleaseOutcome::Live { .. } => {
            lines.line(
                Phase::Done,
                &format!(
                    "{o} is live with image {v} of plan {plan}, after {}",
                    lines.elapsed()
                ),
                json!({"result": "live", "exitCode": 0}),
            );
            Ok(Exit::Ok)
        }
        ReleaseOutcome::AtReview { .. } => {
            lines.line(
                Phase::Done,
                &format!(
                    "the preview holds image {v}; go live: cloudpartner product go-live {o} --watch \
(or run this again with --go-live)"
                ),
                json!({"result": "review", "exitCode": Exit::Review.code()}),
            );
            Ok(Exit::Review)
        }
        ReleaseOutcome::Failed { phase, job, .. } => {
            let certification = job.as_ref().is_some_and(|j| j.is_certification_failure());
            let what = match (phase, certification) {
                (_, true) => format!("{o}: the certification of image {v} failed"),
                (Phase::Write, _) => {
                    format!("{o}: the configure job failed: the draft was not changed")
                }
                (Phase::Live, _) => format!("{o}: the push to live failed"),
                _ => format!("{o}: the preview failed"),
            };
            let details = job
                .as_ref()
                .map(|j| error_tree(&j.errors, ""))
                .unwrap_or_default();
            let job_hint = job
                .as_ref()
                .map(|j| format!(" (the job: cloudpartner product job {})", j.id))
                .unwrap_or_default();
            let hint = if certification || phase == Phase::Review {
                format!(
                    "fix the image, then run the same command with its new --os-disk-url: the version is replaced and published again{job_hint}"
                )
            } else if phase == Phase::Write {
                format!("fix what the errors name, then run the same command again{job_hint}")
            } else {
                format!("run the same command again to retry the go-live{job_hint}")
            };
            Err((
                phase,
                Failure::error(what)
                    .with_details(details)
                    .with_hint(hint)
                    .with_exit(Exit::Failed),
            ))
        }
        ReleaseOutcome::Canceled { phase, job } => Err((
            phase,
            Failure::error(format!("{o}: job {} was cancelled", job.id))
                .with_hint("run the same command again to resume")
                .with_exit(Exit::Canceled),
        )),
        ReleaseOutcome::DryRun { diff } => {
            if args.json {
                lines.line(
                    Phase::Done,
                    "",
                    json!({"result": "dry-run", "exitCode": 0, "diff": diff}),
                );
            } else {
                if diff.is_empty() {
                    lines.line(
                        Phase::Done,
                        "the draft already holds it: no change",
                        Value::Null,
                    );
                } else {
                    print(&colored_diff(
                        &cloudpartner::redact_sas(&diff),
                        lines.style(),
                    ));
                }
                let mut then = vec!["configure", "publish", "review"];
                if args.go_live {
                    then.extend(["go-live", "live"]);
                }
                lines.line(
                    Phase::Done,
                    &format!(
                        "dry run: nothing was sent (without --dry-run: {})",
                        then.join(", ")
                    ),
                    Value::Null,
                );
            }
            Ok(Exit::Ok)
        }
        other => Err((
            Phase::Done,
            Failure::error(format!(
                "internal: the release ended as `{}`",
                other.kind().as_str()
            )),
        )),
    }
}

/// The failure of a phase that stopped with an error, with the command to run next.
fn failure(
    connection: &IngestionConnection,
    args: &ProductReleaseArgs,
    error: &ReleaseError,
) -> Failure {
    let o = args.offer.as_str();
    let e = &error.error;
    match e.kind() {
        ErrorKind::Conflict => Failure::error(e.to_string()).with_hint(format!(
            "wait for it with `cloudpartner product watch {o}`, then run the same command again"
        )),
        ErrorKind::Timeout => Failure::error(e.to_string())
            .with_hint(format!("it goes on: run the same command again to resume (`cloudpartner product status {o}` shows where it is)"))
            .with_exit(Exit::TimedOut),
        _ => connection.failure(e, Some(o)),
    }
}

/// What Ctrl-C leaves behind, phase by phase, and how to resume.
fn interrupted_line(args: &ProductReleaseArgs, phase: Phase) -> String {
    let o = &args.offer;
    let next = match phase {
        Phase::Read | Phase::Change => "nothing was sent".to_owned(),
        Phase::Write => {
            "the configure may have been sent: run the same command again, it resumes".to_owned()
        }
        Phase::Publish | Phase::Review => format!(
            "the preview goes on at the service: run the same command again to resume, or follow it with `cloudpartner product watch {o} --until review`"
        ),
        _ => format!(
            "the go-live goes on at the service: run the same command again to resume, or follow it with `cloudpartner product watch {o}`"
        ),
    };
    format!("interrupted at {}: {next}", phase.label())
}
