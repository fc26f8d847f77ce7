//! `release`: the whole release of a VM image version on the Cloud Partner Portal API,
//! phase by phase (DESIGN §8): read the draft → change (add the image) → write (with
//! the ETag read) → publish → review (watch until the preview waits for review) → with
//! `go_live`: go-live → live (watch until live). Each phase reports progress events;
//! the CLI and every binding only render them.

use std::time::Duration;

use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::client::{Client, check_id};
use super::image_change::{ImageChange, OfferEdit};
use super::model::OfferStatus;
use super::offer::Offer;
use super::offer_selector::OfferSelector;
use super::operation_ref::OperationRef;
use super::precondition::Precondition;
use super::state::OfferState;
use super::vm_image::VmImageVersion;
use crate::error::{Error, ErrorKind, Result};
use crate::poll::{WatchOptions, WatchUntil};
use crate::workflow::{OutcomeKind, Phase, ProgressControl, ReleaseError, ReleaseEvent};

/// A progress event of a CPP release: its waits yield offer statuses.
pub type CppReleaseEvent = ReleaseEvent<OfferStatus>;

/// What to release.
#[derive(Debug, Clone, Default)]
pub struct ReleaseRequest {
    /// The publisher.
    pub publisher_id: String,
    /// The offer.
    pub offer_id: String,
    /// The plan (or disk generation) that gets the image.
    pub plan_id: String,
    /// The image version to add (or replace).
    pub image: VmImageVersion,
    /// Go live after the review; else stop when the preview waits for review.
    pub go_live: bool,
    /// Read and change, send nothing, and return the change as a diff.
    pub dry_run: bool,
    /// Who the service notifies about the publish.
    pub notification_emails: Vec<String>,
    /// How the waits poll; `timeout` bounds the whole release, `until` is ignored.
    pub watch: WatchOptions,
}

/// How a release ended (other than with an error).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ReleaseOutcome {
    /// The image is live.
    Live {
        /// The last status (succeeded).
        status: OfferStatus,
        /// The offer as written.
        offer: Offer,
    },
    /// The preview waits for the publisher's review (`go_live` was not asked).
    AtReview {
        /// The last status.
        status: OfferStatus,
        /// The offer as written.
        offer: Offer,
    },
    /// The publish or the go-live failed at the service.
    Failed {
        /// The phase that waited when it failed.
        phase: Phase,
        /// The failed status (its rejected steps and error messages).
        status: OfferStatus,
        /// The operation that failed.
        operation: OperationRef,
    },
    /// The publish or the go-live was canceled at the service.
    Canceled {
        /// The phase that waited when it was canceled.
        phase: Phase,
        /// The last status.
        status: OfferStatus,
        /// The operation that was canceled.
        operation: OperationRef,
    },
    /// A dry run: the change, and nothing sent.
    DryRun {
        /// The draft as read, the draft as it would be written, and what changed.
        edit: OfferEdit,
    },
}

impl ReleaseOutcome {
    /// The outcome's kind (`live`, `at_review`, …).
    pub fn kind(&self) -> OutcomeKind {
        match self {
            ReleaseOutcome::Live { .. } => OutcomeKind::Live,
            ReleaseOutcome::AtReview { .. } => OutcomeKind::AtReview,
            ReleaseOutcome::Failed { .. } => OutcomeKind::Failed,
            ReleaseOutcome::Canceled { .. } => OutcomeKind::Canceled,
            ReleaseOutcome::DryRun { .. } => OutcomeKind::DryRun,
        }
    }

    /// The last status seen (none for a dry run).
    pub fn status(&self) -> Option<&OfferStatus> {
        match self {
            ReleaseOutcome::Live { status, .. }
            | ReleaseOutcome::AtReview { status, .. }
            | ReleaseOutcome::Failed { status, .. }
            | ReleaseOutcome::Canceled { status, .. } => Some(status),
            ReleaseOutcome::DryRun { .. } => None,
        }
    }

    /// The diff of the definition, for a dry run (`sig=` hidden).
    pub fn diff(&self) -> Option<String> {
        match self {
            ReleaseOutcome::DryRun { edit } => Some(edit.diff()),
            _ => None,
        }
    }
}

/// Releases an image version, reporting each phase to `on_progress`, which returns
/// `()` or a [`std::ops::ControlFlow`]: `Break(())` stops the release right after that
/// event, before anything more is sent (an [`ErrorKind::Canceled`] error).
///
/// Nothing is sent for a request that cannot work (empty ids, an invalid image, bad
/// watch options: `invalid_argument` at [`Phase::Read`]). Dropping the future stops
/// the release where it is (what was sent goes on at the service).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use cloudpartner::{ReleaseOutcome, ReleaseRequest, VmImageVersion, release};
/// let emulator = cloudpartner_emulator::Emulator::builder().time_scale(100_000.0).start().await?;
/// let client = emulator.client()?;
/// let request = ReleaseRequest {
///     publisher_id: "contoso".into(),
///     offer_id: "vm-release".into(),
///     plan_id: "standard".into(),
///     image: VmImageVersion::new("2.0.0", "https://example.blob.core.windows.net/v/os.vhd"),
///     go_live: true,
///     ..Default::default()
/// };
/// let outcome = release(&client, &request, |event| println!("{} {}", event.phase(), event.kind())).await?;
/// assert!(matches!(outcome, ReleaseOutcome::Live { .. }));
/// # Ok(()) }
/// ```
pub async fn release<R>(
    client: &Client,
    request: &ReleaseRequest,
    mut on_progress: impl FnMut(&CppReleaseEvent) -> R + Send,
) -> std::result::Result<ReleaseOutcome, ReleaseError>
where
    R: ProgressControl,
{
    let run = Run {
        client,
        request,
        deadline: request.watch.timeout.map(|t| Instant::now() + t),
    };
    run.run(&mut |event| on_progress(event).stops()).await
}

type PhaseResult<T> = std::result::Result<T, ReleaseError>;

fn at(phase: Phase) -> impl FnOnce(Error) -> ReleaseError {
    move |error| ReleaseError { phase, error }
}

struct Run<'a> {
    client: &'a Client,
    request: &'a ReleaseRequest,
    deadline: Option<Instant>,
}

impl Run<'_> {
    fn check(&self) -> Result<()> {
        let r = self.request;
        check_id("publisher", &r.publisher_id)?;
        check_id("offer", &r.offer_id)?;
        check_id("plan", &r.plan_id)?;
        r.image.validate()?;
        r.watch.validate()
    }

    async fn run(
        &self,
        on_progress: &mut (dyn FnMut(&CppReleaseEvent) -> bool + Send),
    ) -> PhaseResult<ReleaseOutcome> {
        let r = self.request;
        let (p, o) = (r.publisher_id.as_str(), r.offer_id.as_str());
        let mut event = |e: CppReleaseEvent| -> PhaseResult<()> {
            if on_progress(&e) {
                return Err(stopped(e.phase()));
            }
            Ok(())
        };

        event(started(Phase::Read))?;
        self.check().map_err(at(Phase::Read))?;
        let draft = self
            .client
            .offer(p, o, OfferSelector::Draft)
            .await
            .map_err(at(Phase::Read))?;
        event(read_finished(&draft))?;

        event(started(Phase::Change))?;
        let change = ImageChange::Add {
            plan: r.plan_id.clone(),
            image: r.image.clone(),
        };
        let edit = change.apply(&draft).map_err(at(Phase::Change))?;
        event(finished(
            Phase::Change,
            edit.summary.clone(),
            json!({"planId": r.plan_id, "version": r.image.version, "summary": edit.summary}),
        ))?;
        if r.dry_run {
            return Ok(ReleaseOutcome::DryRun { edit });
        }

        event(started(Phase::Write))?;
        if edit.after.etag().is_none() {
            log::info!(
                "{p}/{o}: the service sent no ETag with the draft; writing with If-Match: *"
            );
        }
        let written = self
            .client
            .put_offer(&edit.after, Precondition::Auto)
            .await
            .map_err(at(Phase::Write))?;
        event(finished(
            Phase::Write,
            format!("offer version {} written", written.version()),
            json!({"version": written.version(), "etag": written.etag()}),
        ))?;

        event(started(Phase::Publish))?;
        let publish = self
            .client
            .publish(p, o, &r.notification_emails)
            .await
            .map_err(at(Phase::Publish))?;
        event(operation_finished(Phase::Publish, &publish))?;

        event(started(Phase::Review))?;
        let reviewed = self
            .wait(Phase::Review, WatchUntil::PublisherAction, &mut event)
            .await?;
        if let Some(ended) = ended_at_service(Phase::Review, &reviewed, &publish) {
            return Ok(ended);
        }
        if reviewed.status != OfferState::Succeeded {
            let step = reviewed
                .current_step()
                .map(|s| format!(" ({})", if s.name.is_empty() { &s.id } else { &s.name }))
                .unwrap_or_default();
            event(finished(
                Phase::Review,
                format!("the preview waits for your review{step}"),
                json!({"status": reviewed.status.as_wire(), "waitingForReview": true}),
            ))?;
            if !r.go_live {
                return Ok(ReleaseOutcome::AtReview {
                    status: reviewed,
                    offer: written,
                });
            }

            event(started(Phase::GoLive))?;
            let go_live = self.client.go_live(p, o).await.map_err(at(Phase::GoLive))?;
            event(operation_finished(Phase::GoLive, &go_live))?;

            event(started(Phase::Live))?;
            let live = self
                .wait(Phase::Live, WatchUntil::Terminal, &mut event)
                .await?;
            if let Some(ended) = ended_at_service(Phase::Live, &live, &go_live) {
                return Ok(ended);
            }
            return Ok(ReleaseOutcome::Live {
                status: live,
                offer: written,
            });
        }
        Ok(ReleaseOutcome::Live {
            status: reviewed,
            offer: written,
        })
    }

    /// Watches the offer until `until`, reporting each status; the last one.
    async fn wait(
        &self,
        phase: Phase,
        until: WatchUntil,
        event: &mut (impl FnMut(CppReleaseEvent) -> PhaseResult<()> + Send),
    ) -> PhaseResult<OfferStatus> {
        let r = self.request;
        let timeout = match self.deadline {
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(at(phase)(Error::new(
                        ErrorKind::Timeout,
                        format!(
                            "the release of {}/{} ran out of its timeout",
                            r.publisher_id, r.offer_id
                        ),
                    )));
                }
                Some(left.max(Duration::from_millis(1)))
            }
            None => None,
        };
        let options = WatchOptions {
            until,
            timeout,
            ..r.watch
        };
        let watch = self
            .client
            .watch(&r.publisher_id, &r.offer_id, options)
            .map_err(at(phase))?;
        let mut last = None;
        while let Some(status) = watch.next().await {
            let status = status.map_err(at(phase))?;
            event(ReleaseEvent::Status {
                phase,
                status: status.clone(),
            })?;
            last = Some(status);
        }
        last.ok_or_else(|| {
            at(phase)(Error::new(
                ErrorKind::Internal,
                "the watch ended without a status",
            ))
        })
    }
}

/// A failed or canceled offer ends the release with that outcome.
fn ended_at_service(
    phase: Phase,
    status: &OfferStatus,
    operation: &OperationRef,
) -> Option<ReleaseOutcome> {
    let (status, operation) = (status.clone(), operation.clone());
    match status.status {
        OfferState::Failed => Some(ReleaseOutcome::Failed {
            phase,
            status,
            operation,
        }),
        OfferState::Canceled => Some(ReleaseOutcome::Canceled {
            phase,
            status,
            operation,
        }),
        _ => None,
    }
}

/// The error of a release its progress callback stopped.
fn stopped(phase: Phase) -> ReleaseError {
    at(phase)(Error::new(
        ErrorKind::Canceled,
        format!("the release was stopped by its progress callback at {phase}"),
    ))
}

fn started(phase: Phase) -> CppReleaseEvent {
    ReleaseEvent::PhaseStarted { phase }
}

fn finished(phase: Phase, summary: String, fields: Value) -> CppReleaseEvent {
    let fields = match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    ReleaseEvent::PhaseFinished {
        phase,
        summary,
        fields,
    }
}

fn read_finished(draft: &Offer) -> CppReleaseEvent {
    let plans = draft.plan_ids().join(", ");
    let etag = draft
        .etag()
        .map(|e| format!(", ETag {e}"))
        .unwrap_or_else(|| ", no ETag".to_owned());
    let status = if draft.status().is_empty() {
        String::new()
    } else {
        format!(" ({})", draft.status())
    };
    finished(
        Phase::Read,
        format!(
            "draft version {}{status}, plans {plans}{etag}",
            draft.version()
        ),
        json!({"version": draft.version(), "status": draft.status(), "etag": draft.etag(),
               "plans": draft.plan_ids()}),
    )
}

fn operation_finished(phase: Phase, operation: &OperationRef) -> CppReleaseEvent {
    finished(
        phase,
        format!("operation {}", operation.id),
        json!({"operation": {"id": operation.id, "url": operation.url}}),
    )
}
