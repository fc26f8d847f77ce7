//! `cloudpartner release PUBLISHER OFFER --plan PLAN --version V --os-vhd-url URL ...`:
//! the whole release of a VM image version, phase by phase, run by the core's
//! `cloudpartner::release`; this command renders its events.
//!
//! read the draft → change (add the image) → write (with the ETag read) → publish →
//! review (watch until the preview waits for review) → with `--go-live`: go-live → live
//! (watch until live). One line per phase and per change (a progress bar while waiting
//! on a terminal), or one JSON document per line with `--json`. A failed phase says
//! which it was and what to run next. Exit codes as `watch`.

use std::io::IsTerminal;
use std::sync::{Mutex, MutexGuard};

use cloudpartner::{
    ErrorKind, MessageLevel, OfferStatus, OperationRef, Phase, ReleaseError, ReleaseOutcome,
    ReleaseRequest, StepState, WatchUntil,
};
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::go_live::go_live_failure;
use super::publish::publish_failure;
use super::started::watch_failure;
use crate::args::{GlobalArgs, ReleaseArgs};
use crate::commands::cpp::offer_edit::{change_failure, write_failure};
use crate::commands::waiting::{request_timeout, watch_options};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::{eprint_line, print, print_line};
use crate::render::cpp::release_view::ReleaseLines;
use crate::render::diff::colored_diff;
use crate::render::style::Style;

/// Runs the release; Ctrl-C stops it (exit code 130) saying where it was.
pub async fn release(global: &GlobalArgs, args: &ReleaseArgs) -> Result<Exit, Failure> {
    // The command line first: nothing is sent for a release that cannot work.
    let watch = watch_options(&args.intervals, WatchUntil::Terminal, global.timeout)?;
    let image = args.image.image();
    image.validate().map_err(|e| {
        Failure::error(format!("release: {e}"))
            .with_hint("see `cloudpartner release --help`")
            .with_exit(Exit::Usage)
    })?;
    let connection = Connection::open(global, request_timeout(global))?;
    let request = ReleaseRequest {
        publisher_id: args.publisher.clone(),
        offer_id: args.offer.clone(),
        plan_id: args.image.plan.clone(),
        image,
        go_live: args.go_live,
        dry_run: args.dry_run,
        notification_emails: args.notification_emails.iter().cloned().collect(),
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
    let run = cloudpartner::release(&connection.client, &request, |event| {
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
    let mut lines = lines
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
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
                fields.insert("phase".into(), phase.label().into());
                fields.insert("error".into(), failure.error_value());
                fields.insert("hint".into(), failure.hint.clone().into());
                fields.insert("exitCode".into(), failure.exit.code().into());
                print_line(&to_line(&with_ids(
                    &args.publisher,
                    &args.offer,
                    Value::Object(fields),
                )));
            }
            Err(failure.in_context(&format!("release failed at {}", phase.label())))
        }
    }
}

/// The lines, even after a panic while rendering (they only print).
fn lock<'a, 'b>(lines: &'a Mutex<ReleaseLines<'b>>) -> MutexGuard<'a, ReleaseLines<'b>> {
    lines
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The last line of a release that ended, and its exit code; a failed or canceled
/// publish or go-live is the failure of its phase.
fn ended_with(
    lines: &ReleaseLines<'_>,
    args: &ReleaseArgs,
    outcome: ReleaseOutcome,
) -> Result<Exit, (Phase, Failure)> {
    match outcome {
        ReleaseOutcome::Live { offer, .. } => {
            lines.live_line(offer.version());
            Ok(Exit::Ok)
        }
        ReleaseOutcome::AtReview { .. } => {
            let (p, o) = (&args.publisher, &args.offer);
            lines.line(
                Phase::Done,
                &format!("review the preview, then: cloudpartner go-live {p} {o} --watch"),
                json!({"result": "review", "exitCode": Exit::Review.code()}),
            );
            Ok(Exit::Review)
        }
        ReleaseOutcome::Failed {
            phase,
            status,
            operation,
        } => Err((
            phase,
            rejected(&lines.title(), &status)
                .with_hint(operations_hint(args, &operation, "failed"))
                .with_exit(Exit::Failed),
        )),
        ReleaseOutcome::Canceled {
            phase, operation, ..
        } => Err((
            phase,
            Failure::error(format!("{} was canceled", lines.title()))
                .with_hint(operations_hint(args, &operation, "canceled"))
                .with_exit(Exit::Canceled),
        )),
        ReleaseOutcome::DryRun { edit } => {
            if args.json {
                lines.line(
                    Phase::Done,
                    "",
                    json!({"result": "dry-run", "exitCode": 0, "offer": edit.after.to_value()}),
                );
            } else {
                print(&colored_diff(&edit.diff(), lines.style()));
                let mut then = vec!["write", "publish", "review"];
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

/// The failure of the phase that stopped with an error, with the hint of the command
/// that does the same step alone.
fn failure(connection: &Connection, args: &ReleaseArgs, error: &ReleaseError) -> Failure {
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let title = format!("{p}/{o}");
    let e = &error.error;
    match error.phase {
        Phase::Change => change_failure(e, p, o),
        Phase::Write => write_failure(connection, e, &title),
        Phase::Publish => publish_failure(connection, e, p, o),
        Phase::GoLive => go_live_failure(connection, e, p, o),
        Phase::Review | Phase::Live if e.kind() == ErrorKind::InvalidArgument => {
            Failure::usage(e.to_string())
        }
        Phase::Review | Phase::Live => watch_failure(connection, e, &title),
        _ => connection.failure(e, Some(&title)),
    }
}

fn operations_hint(args: &ReleaseArgs, operation: &OperationRef, state: &str) -> String {
    let (p, o) = (&args.publisher, &args.offer);
    format!(
        "see what happened: cloudpartner operations {p} {o} --state {state} \
         (this one: cloudpartner operation {p} {o} {})",
        operation.id
    )
}

/// What Ctrl-C leaves behind, phase by phase.
fn interrupted_line(args: &ReleaseArgs, phase: Phase) -> String {
    let (p, o) = (&args.publisher, &args.offer);
    let next = match phase {
        Phase::Read | Phase::Change => "nothing was written".to_owned(),
        Phase::Write => format!(
            "the write may have been done: `cloudpartner image list {p} {o} --plan {}` shows it",
            args.image.plan
        ),
        Phase::Publish | Phase::Review => format!(
            "the publish goes on at the service: follow it with `cloudpartner watch {p} {o} --until review`"
        ),
        _ => format!(
            "the go-live goes on at the service: follow it with `cloudpartner watch {p} {o}`"
        ),
    };
    format!("interrupted at {}: {next}", phase.label())
}

/// What a failed publish or go-live rejected, with its error messages.
fn rejected(title: &str, status: &OfferStatus) -> Failure {
    let rejected: Vec<&cloudpartner::Step> = status
        .steps
        .iter()
        .filter(|s| s.status == StepState::Rejected)
        .collect();
    let what = if rejected.is_empty() {
        format!("{title} failed")
    } else {
        let names: Vec<&str> = rejected.iter().map(|s| step_name(s)).collect();
        format!("{title}: {} rejected", names.join(", "))
    };
    let mut details = Vec::new();
    for step in &rejected {
        let errors: Vec<&cloudpartner::Message> = step
            .messages
            .iter()
            .filter(|m| m.level == MessageLevel::Error)
            .collect();
        let shown = if errors.is_empty() {
            step.messages.iter().collect()
        } else {
            errors
        };
        details.extend(
            shown
                .iter()
                .map(|m| format!("{}: {}", step_name(step), m.text)),
        );
    }
    details.extend(
        status
            .messages
            .iter()
            .filter(|m| m.level == MessageLevel::Error)
            .map(|m| format!("offer: {}", m.text)),
    );
    Failure::error(what).with_details(details)
}

/// A step's name, else its id.
fn step_name(step: &cloudpartner::Step) -> &str {
    if step.name.is_empty() {
        &step.id
    } else {
        &step.name
    }
}
