//! `cloudpartner release PUBLISHER OFFER --plan PLAN --version V --os-vhd-url URL ...`:
//! the whole release of a VM image version, phase by phase.
//!
//! read the draft → change (add the image) → write (with the ETag read) → publish →
//! review (watch until the preview waits for review) → with `--go-live`: go-live → live
//! (watch until live). One line per phase and per change (a progress bar while waiting
//! on a terminal), or one JSON document per line with `--json`. A failed phase says
//! which it was and what to run next. Exit codes as `watch`.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cloudpartner::{
    MessageLevel, Offer, OfferState, OfferStatus, OperationRef, StepState, WatchUntil,
};
use indicatif::ProgressBar;
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::go_live::go_live_failure;
use super::publish::publish_failure;
use super::started::emails;
use super::watch::follow_in;
use crate::args::{GlobalArgs, ReleaseArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{merge, to_line, with_ids};
use crate::offer_edit::{Edit, ImageChange, read_draft, write_draft};
use crate::output::{eprint_line, print, print_line};
use crate::render::definition_diff::definition_diff;
use crate::render::duration::format_elapsed;
use crate::render::style::{Style, Tone};
use crate::waiting::{request_timeout, watch_options};
use crate::watch_view::WatchView;

/// The phases of a release, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Read,
    Change,
    Write,
    Publish,
    Review,
    GoLive,
    Live,
    Done,
}

impl Phase {
    fn label(self) -> &'static str {
        match self {
            Phase::Read => "read",
            Phase::Change => "change",
            Phase::Write => "write",
            Phase::Publish => "publish",
            Phase::Review => "review",
            Phase::GoLive => "go-live",
            Phase::Live => "live",
            Phase::Done => "done",
        }
    }
}

/// The width of the phase column.
const PHASE_WIDTH: usize = 8;

/// What the Ctrl-C handler needs to know about the release in progress.
#[derive(Debug, Default)]
struct Progress {
    phase: Option<Phase>,
    bar: Option<ProgressBar>,
}

/// A release in progress.
struct Release<'a> {
    connection: Connection,
    args: &'a ReleaseArgs,
    style: Style,
    terminal: bool,
    started: Instant,
    deadline: Option<Instant>,
    progress: Arc<Mutex<Progress>>,
}

/// Runs the release; Ctrl-C stops it (exit code 130) saying where it was.
pub async fn release(global: &GlobalArgs, args: &ReleaseArgs) -> Result<Exit, Failure> {
    // The command line first: nothing is sent for a release that cannot work.
    watch_options(&args.intervals, WatchUntil::Terminal, None)?;
    args.image.image().validate().map_err(|e| {
        Failure::error(format!("release: {e}"))
            .with_hint("see `cloudpartner release --help`")
            .with_exit(Exit::Usage)
    })?;
    let connection = Connection::open(global, request_timeout(global))?;
    let progress = Arc::new(Mutex::new(Progress::default()));
    let started = Instant::now();
    let release = Release {
        connection,
        args,
        style: Style::for_stdout(global.color),
        terminal: std::io::stdout().is_terminal(),
        started,
        deadline: global.timeout.map(|t| started + t),
        progress: progress.clone(),
    };
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    let outcome = tokio::select! {
        outcome = release.run() => outcome,
        _ = &mut interrupt => {
            let Progress { phase, bar } = std::mem::take(&mut *lock(&progress));
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            let phase = phase.unwrap_or(Phase::Read);
            eprint_line(&interrupted_line(args, phase));
            return Ok(Exit::Interrupted);
        }
    };
    match outcome {
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

fn lock(progress: &Mutex<Progress>) -> std::sync::MutexGuard<'_, Progress> {
    progress
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
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
        Phase::GoLive | Phase::Live | Phase::Done => format!(
            "the go-live goes on at the service: follow it with `cloudpartner watch {p} {o}`"
        ),
    };
    format!("interrupted at {}: {next}", phase.label())
}

type PhaseResult<T> = Result<T, (Phase, Failure)>;

impl Release<'_> {
    fn title(&self) -> String {
        format!("{}/{}", self.args.publisher, self.args.offer)
    }

    fn enter(&self, phase: Phase) {
        lock(&self.progress).phase = Some(phase);
    }

    /// One line of a phase: `write    offer version 2 written`, or its JSON document.
    fn line(&self, phase: Phase, text: &str, fields: Value) {
        if self.args.json {
            let mut head = Map::new();
            head.insert("phase".into(), phase.label().into());
            head.insert("publisherId".into(), self.args.publisher.clone().into());
            head.insert("offerId".into(), self.args.offer.clone().into());
            print_line(&to_line(&merge(head, fields)));
        } else {
            let label = format!("{:<PHASE_WIDTH$}", phase.label());
            let tone = match phase {
                Phase::Done => Tone::Good,
                _ => Tone::Active,
            };
            print_line(&format!("{} {text}", self.style.paint(tone, &label)));
        }
    }

    async fn run(&self) -> PhaseResult<Exit> {
        let args = self.args;
        let (p, o) = (args.publisher.as_str(), args.offer.as_str());
        if !args.json {
            let target = if args.go_live { "live" } else { "review" };
            print_line(&format!(
                "{}: release image {} of plan {} (until {target})",
                self.style.paint(Tone::Strong, &self.title()),
                args.image.version,
                args.image.plan
            ));
        }

        self.enter(Phase::Read);
        let draft = read_draft(&self.connection, p, o)
            .await
            .map_err(|f| (Phase::Read, f))?;
        self.read_line(&draft);

        self.enter(Phase::Change);
        let change = ImageChange::Add {
            plan: args.image.plan.clone(),
            image: args.image.image(),
        };
        let edit = change.apply(&draft).map_err(|f| (Phase::Change, f))?;
        self.line(
            Phase::Change,
            &edit.summary,
            json!({"planId": change.plan(), "version": args.image.version, "summary": edit.summary}),
        );
        if args.dry_run {
            return Ok(self.dry_run(&edit));
        }

        self.enter(Phase::Write);
        let stored = write_draft(&self.connection, &edit)
            .await
            .map_err(|f| (Phase::Write, f))?;
        self.line(
            Phase::Write,
            &format!("offer version {} written", stored.version()),
            json!({"version": stored.version(), "etag": stored.etag()}),
        );

        self.enter(Phase::Publish);
        let publish = self
            .connection
            .client
            .publish(p, o, emails(args.notification_emails.as_deref()))
            .await
            .map_err(|e| (Phase::Publish, publish_failure(&self.connection, &e, p, o)))?;
        self.operation_line(Phase::Publish, &publish);

        self.enter(Phase::Review);
        let reviewed = self
            .wait(Phase::Review, WatchUntil::PublisherAction, &publish)
            .await?;
        if reviewed.status != OfferState::Succeeded {
            let step = reviewed
                .current_step()
                .map(|s| format!(" ({})", step_name(s)))
                .unwrap_or_default();
            self.line(
                Phase::Review,
                &format!(
                    "the preview waits for your review{step}, after {}",
                    format_elapsed(self.started.elapsed())
                ),
                json!({"status": reviewed.status.as_wire(), "waitingForReview": true}),
            );
            if !args.go_live {
                self.line(
                    Phase::Done,
                    &format!("review the preview, then: cloudpartner go-live {p} {o} --watch"),
                    json!({"result": "review", "exitCode": Exit::Review.code()}),
                );
                return Ok(Exit::Review);
            }

            self.enter(Phase::GoLive);
            let go_live = self
                .connection
                .client
                .go_live(p, o)
                .await
                .map_err(|e| (Phase::GoLive, go_live_failure(&self.connection, &e, p, o)))?;
            self.operation_line(Phase::GoLive, &go_live);

            self.enter(Phase::Live);
            self.wait(Phase::Live, WatchUntil::Terminal, &go_live)
                .await?;
        }
        self.enter(Phase::Done);
        self.line(
            Phase::Done,
            &format!(
                "{} is live with image {} of plan {} (offer version {}), after {}",
                self.title(),
                args.image.version,
                args.image.plan,
                stored.version(),
                format_elapsed(self.started.elapsed())
            ),
            json!({"result": "live", "exitCode": 0}),
        );
        Ok(Exit::Ok)
    }

    fn read_line(&self, draft: &Offer) {
        let plans = draft.plan_ids().join(", ");
        let etag = draft
            .etag()
            .map(|e| format!(", ETag {e}"))
            .unwrap_or_else(|| ", no ETag".to_owned());
        self.line(
            Phase::Read,
            &format!(
                "draft version {} ({}), plans {plans}{etag}",
                draft.version(),
                draft.status()
            ),
            json!({"version": draft.version(), "status": draft.status(), "etag": draft.etag(),
                   "plans": draft.plan_ids()}),
        );
    }

    fn operation_line(&self, phase: Phase, operation: &OperationRef) {
        self.line(
            phase,
            &format!("operation {}", operation.id),
            json!({"operation": {"id": operation.id, "url": operation.url}}),
        );
    }

    /// `--dry-run`: the diff of the definition, and nothing sent. With `--json`, the
    /// offer as it would be written.
    fn dry_run(&self, edit: &Edit) -> Exit {
        let mut then = vec!["write", "publish", "review"];
        if self.args.go_live {
            then.extend(["go-live", "live"]);
        }
        if self.args.json {
            self.line(
                Phase::Done,
                "",
                json!({"result": "dry-run", "exitCode": 0, "offer": edit.after.to_value()}),
            );
        } else {
            print(&definition_diff(&edit.before, &edit.after, self.style));
            self.line(
                Phase::Done,
                &format!(
                    "dry run: nothing was sent (without --dry-run: {})",
                    then.join(", ")
                ),
                Value::Null,
            );
        }
        Exit::Ok
    }

    /// Watches the offer until `until`; the end of the phase is the final status, or
    /// the failure of the phase: rejected (3), canceled (4), timed out (124).
    async fn wait(
        &self,
        phase: Phase,
        until: WatchUntil,
        operation: &OperationRef,
    ) -> PhaseResult<OfferStatus> {
        let args = self.args;
        let timeout = match self.deadline {
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err((
                        phase,
                        Failure::error(format!(
                            "timeout: the release of {} ran out of --timeout",
                            self.title()
                        ))
                        .with_exit(Exit::TimedOut),
                    ));
                }
                Some(left.max(Duration::from_millis(1)))
            }
            None => None,
        };
        let options = watch_options(&args.intervals, until, timeout).map_err(|f| (phase, f))?;
        let mut fields = Map::new();
        fields.insert("phase".into(), phase.label().into());
        fields.insert("publisherId".into(), args.publisher.clone().into());
        fields.insert("offerId".into(), args.offer.clone().into());
        let prefix = format!("{:<PHASE_WIDTH$} ", phase.label());
        let mut view = WatchView::choose(args.json, self.terminal, self.style, phase.label())
            .with_json_fields(fields)
            .with_line_prefix(&self.style.paint(Tone::Muted, &prefix));
        lock(&self.progress).bar = view.bar().cloned();
        let ended = follow_in(
            &self.connection,
            &args.publisher,
            &args.offer,
            options,
            &mut view,
        )
        .await;
        view.finish();
        lock(&self.progress).bar = None;
        let last = ended.map_err(|f| (phase, f))?;
        match last.status {
            OfferState::Failed => Err((phase, self.rejected(&last, operation))),
            OfferState::Canceled => Err((
                phase,
                Failure::error(format!("{} was canceled", self.title()))
                    .with_hint(self.operations_hint(operation, "canceled"))
                    .with_exit(Exit::Canceled),
            )),
            _ => Ok(last),
        }
    }

    /// The failure of a publish or go-live that failed: what was rejected, its error
    /// messages, and the commands that show the operation.
    fn rejected(&self, status: &OfferStatus, operation: &OperationRef) -> Failure {
        let rejected: Vec<&cloudpartner::Step> = status
            .steps
            .iter()
            .filter(|s| s.status == StepState::Rejected)
            .collect();
        let what = if rejected.is_empty() {
            format!("{} failed", self.title())
        } else {
            let names: Vec<&str> = rejected.iter().map(|s| step_name(s)).collect();
            format!("{}: {} rejected", self.title(), names.join(", "))
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
        Failure::error(what)
            .with_details(details)
            .with_hint(self.operations_hint(operation, "failed"))
            .with_exit(Exit::Failed)
    }

    fn operations_hint(&self, operation: &OperationRef, state: &str) -> String {
        let (p, o) = (&self.args.publisher, &self.args.offer);
        format!(
            "see what happened: cloudpartner operations {p} {o} --state {state} \
             (this one: cloudpartner operation {p} {o} {})",
            operation.id
        )
    }
}

fn step_name(step: &cloudpartner::Step) -> &str {
    if step.name.is_empty() {
        &step.id
    } else {
        &step.name
    }
}
