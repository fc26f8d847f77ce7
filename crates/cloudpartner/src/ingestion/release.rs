//! `ingestion::release`: the release of a VM image version through the Product
//! Ingestion API (DESIGN §10), with the phases and events of every release: read
//! (resolve the product, refuse while another submission runs, read the draft) →
//! change (add the version to the plan's technical configuration) → write (configure,
//! wait for the job) → publish (a preview submission) → review (certification) → with
//! `go_live`: go-live → live.
//!
//! It is **resumable**: a version the draft already holds with the same image URLs
//! (the SAS query aside) is not sent again, a preview that already holds it is not
//! published again, and a submission of it still running is waited for.

use serde_json::{Map, Value, json};
use tokio::time::Instant;

use super::client::Client;
use super::image_match::holds;
use super::job::Job;
use super::product_status::ProductStatus;
use super::release_outcome::ReleaseOutcome;
use super::release_request::ReleaseRequest;
use super::states::{ProductStage, Target};
use super::technical_configuration::TechnicalConfiguration;
use super::vm_image_version::{VmImage, VmImageVersion};
use crate::document::json_diff;
use crate::document::sas::redact_sas;
use crate::error::{Error, ErrorKind};
use crate::workflow::{Phase, ProgressControl, ReleaseEvent};

/// A progress event of a Product Ingestion release.
pub type IngestionReleaseEvent = ReleaseEvent<ProductStatus>;

pub use crate::workflow::ReleaseError;

pub(super) type PhaseResult<T> = std::result::Result<T, ReleaseError>;

pub(super) fn at(phase: Phase) -> impl FnOnce(Error) -> ReleaseError {
    move |error| ReleaseError { phase, error }
}

/// Releases an image version through the Product Ingestion API, reporting each phase
/// to `on_progress` (which may answer `ControlFlow::Break(())` to stop right there).
pub async fn release<R>(
    client: &Client,
    request: &ReleaseRequest,
    mut on_progress: impl FnMut(&IngestionReleaseEvent) -> R + Send,
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

pub(super) struct Run<'a> {
    pub(super) client: &'a Client,
    pub(super) request: &'a ReleaseRequest,
    pub(super) deadline: Option<Instant>,
}

pub(super) type Emit<'e> = dyn FnMut(&IngestionReleaseEvent) -> bool + Send + 'e;

impl Run<'_> {
    pub(super) fn emit(&self, on: &mut Emit<'_>, event: IngestionReleaseEvent) -> PhaseResult<()> {
        if on(&event) {
            return Err(at(event.phase())(Error::new(
                ErrorKind::Canceled,
                format!(
                    "the release was stopped by its progress callback at {}",
                    event.phase()
                ),
            )));
        }
        Ok(())
    }

    fn finished(
        &self,
        on: &mut Emit<'_>,
        phase: Phase,
        summary: String,
        fields: Value,
    ) -> PhaseResult<()> {
        let fields = match fields {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        self.emit(
            on,
            ReleaseEvent::PhaseFinished {
                phase,
                summary,
                fields,
            },
        )
    }

    /// The version to add: one image per image type of the plan's SKUs.
    fn version_for(&self, config: &TechnicalConfiguration) -> VmImageVersion {
        let r = self.request;
        config.image_version_for(
            &r.version,
            &r.os_disk_uri,
            r.gen2_os_disk_uri.as_deref(),
            &r.data_disks,
        )
    }

    fn job_failed(phase: Phase, job: Job, status: Option<ProductStatus>) -> ReleaseOutcome {
        if job.result == super::states::JobResult::Cancelled {
            return ReleaseOutcome::Canceled { phase, job };
        }
        ReleaseOutcome::Failed {
            phase,
            status,
            job: Some(job),
        }
    }

    async fn run(&self, on: &mut Emit<'_>) -> PhaseResult<ReleaseOutcome> {
        let r = self.request;
        self.emit(on, ReleaseEvent::PhaseStarted { phase: Phase::Read })?;
        let checks = [("offer id", &r.offer_id), ("plan id", &r.plan_id)];
        for (what, value) in checks {
            if value.trim().is_empty() {
                return Err(at(Phase::Read)(Error::invalid_argument(format!(
                    "the {what} is empty"
                ))));
            }
        }
        // What can be checked here is checked before anything is sent.
        let mut images = vec![VmImage {
            data_disks: r.data_disks.clone(),
            ..VmImage::sas_uri("x64Gen1", r.os_disk_uri.clone())
        }];
        if let Some(gen2) = &r.gen2_os_disk_uri {
            images.push(VmImage::sas_uri("x64Gen2", gen2.clone()));
        }
        VmImageVersion::new(r.version.clone(), images)
            .validate()
            .map_err(at(Phase::Read))?;
        r.watch.validate().map_err(at(Phase::Read))?;
        let product = self
            .client
            .product(r.offer_id.as_str())
            .await
            .map_err(at(Phase::Read))?;
        let pid = product.id().to_owned();
        let draft = self
            .client
            .resource_tree(&product, Target::Draft)
            .await
            .map_err(at(Phase::Read))?;
        let before = draft
            .technical_configuration(&r.plan_id)
            .map_err(at(Phase::Read))?;
        let want = self.version_for(&before);
        want.validate().map_err(at(Phase::Read))?;
        let status = self.status(Phase::Read, &pid).await?;
        self.finished(
            on,
            Phase::Read,
            format!(
                "product {} ({}), plan {} ({}), {}",
                product.external_id(),
                product.id(),
                r.plan_id,
                before.image_types().join(", "),
                status.stage
            ),
            json!({"productId": product.id(), "planId": r.plan_id, "stage": status.stage.as_wire()}),
        )?;

        // Another submission runs: wait for it when it is this release's, else refuse.
        let in_draft = holds(&before, &want);
        if let Some(running) = status.running() {
            if !in_draft {
                return Err(at(Phase::Read)(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "{}: submission {} to {} is in progress; wait for it (`cloudpartner product watch {}`)",
                        r.offer_id, running.id, running.target, r.offer_id
                    ),
                )));
            }
        }

        self.emit(
            on,
            ReleaseEvent::PhaseStarted {
                phase: Phase::Change,
            },
        )?;
        let mut after = before.clone();
        after
            .set_vm_image_version(&want)
            .map_err(at(Phase::Change))?;
        let summary = format!(
            "{}: image {} {} (os disk {}{})",
            r.plan_id,
            r.version,
            if in_draft {
                "already in the draft"
            } else if before
                .vm_image_versions()
                .iter()
                .any(|v| v.version_number == r.version)
            {
                "replaced"
            } else {
                "added"
            },
            redact_sas(&r.os_disk_uri),
            match r.data_disks.len() {
                0 => String::new(),
                1 => ", 1 data disk".into(),
                n => format!(", {n} data disks"),
            }
        );
        self.finished(
            on,
            Phase::Change,
            summary,
            json!({"planId": r.plan_id, "version": r.version, "alreadyInDraft": in_draft}),
        )?;
        if r.dry_run {
            let name = format!("{} plan {} technical configuration", r.offer_id, r.plan_id);
            let diff = json_diff(
                &before.resource().to_value(),
                &after.resource().to_value(),
                &format!("{name} (draft)"),
                &format!("{name} (to configure)"),
            );
            return Ok(ReleaseOutcome::DryRun { diff });
        }

        self.emit(
            on,
            ReleaseEvent::PhaseStarted {
                phase: Phase::Write,
            },
        )?;
        if in_draft {
            self.finished(
                on,
                Phase::Write,
                "the draft already holds it: not sent again".into(),
                json!({"skipped": true}),
            )?;
        } else {
            let job = self
                .client
                .configure(&[after.resource().clone()])
                .await
                .map_err(at(Phase::Write))?;
            let job = self.wait_job(on, Phase::Write, &pid, &job).await?;
            if !job.succeeded() {
                return Ok(Self::job_failed(Phase::Write, job, None));
            }
            self.finished(
                on,
                Phase::Write,
                format!("configured (job {})", job.id),
                json!({"jobId": job.id}),
            )?;
        }

        // Where the version stands in preview and live.
        let status = self.status(Phase::Publish, &pid).await?;
        let in_live = status.live.is_some() && self.holds_in(&pid, Target::Live, &want).await?;
        if in_live && status.stage == ProductStage::Live {
            self.finished(
                on,
                Phase::Done,
                format!(
                    "{} is live with image {} of plan {}",
                    r.offer_id, r.version, r.plan_id
                ),
                json!({"result": "live", "alreadyLive": true}),
            )?;
            return Ok(ReleaseOutcome::Live { status });
        }
        let in_preview =
            status.preview.is_some() && self.holds_in(&pid, Target::Preview, &want).await?;

        self.emit(
            on,
            ReleaseEvent::PhaseStarted {
                phase: Phase::Publish,
            },
        )?;
        if status.stage == ProductStage::LiveInProgress && in_draft && in_preview {
            // A push of it to live runs (a release resumed after its go-live).
            self.finished(
                on,
                Phase::Publish,
                "its push to live is in progress: waiting for it".into(),
                json!({"resumed": true}),
            )?;
            self.emit(on, ReleaseEvent::PhaseStarted { phase: Phase::Live })?;
            let status = self.wait_submission(on, Phase::Live, &pid).await?;
            return Ok(if status.stage == ProductStage::Live {
                ReleaseOutcome::Live { status }
            } else {
                ReleaseOutcome::Failed {
                    phase: Phase::Live,
                    status: Some(status),
                    job: None,
                }
            });
        }
        let reviewed = if in_preview && status.stage == ProductStage::WaitingForGoLive {
            self.finished(
                on,
                Phase::Publish,
                "the preview already holds it: not published again".into(),
                json!({"skipped": true}),
            )?;
            status
        } else if status.stage == ProductStage::PreviewInProgress && in_draft {
            self.finished(
                on,
                Phase::Publish,
                "a preview of it is in progress: waiting for it".into(),
                json!({"resumed": true}),
            )?;
            self.emit(
                on,
                ReleaseEvent::PhaseStarted {
                    phase: Phase::Review,
                },
            )?;
            self.wait_submission(on, Phase::Review, &pid).await?
        } else {
            let job = self
                .client
                .publish(&product)
                .await
                .map_err(at(Phase::Publish))?;
            self.finished(
                on,
                Phase::Publish,
                format!("preview submitted (job {})", job.id),
                json!({"jobId": job.id}),
            )?;
            self.emit(
                on,
                ReleaseEvent::PhaseStarted {
                    phase: Phase::Review,
                },
            )?;
            let job = self.wait_job(on, Phase::Review, &pid, &job).await?;
            let status = self.status(Phase::Review, &pid).await?;
            if !job.succeeded() {
                return Ok(Self::job_failed(Phase::Review, job, Some(status)));
            }
            status
        };
        match reviewed.stage {
            ProductStage::WaitingForGoLive => {}
            ProductStage::PreviewFailed => {
                return Ok(ReleaseOutcome::Failed {
                    phase: Phase::Review,
                    status: Some(reviewed),
                    job: None,
                });
            }
            ProductStage::Live => return Ok(ReleaseOutcome::Live { status: reviewed }),
            _ => {
                return Err(at(Phase::Review)(Error::new(
                    ErrorKind::Internal,
                    format!("after the preview, {} is {}", r.offer_id, reviewed.stage),
                )));
            }
        }
        self.finished(
            on,
            Phase::Review,
            "the preview succeeded: it waits for go-live".into(),
            json!({"stage": reviewed.stage.as_wire()}),
        )?;
        if !r.go_live {
            return Ok(ReleaseOutcome::AtReview { status: reviewed });
        }

        self.emit(
            on,
            ReleaseEvent::PhaseStarted {
                phase: Phase::GoLive,
            },
        )?;
        let job = self
            .client
            .go_live(&product)
            .await
            .map_err(at(Phase::GoLive))?;
        self.finished(
            on,
            Phase::GoLive,
            format!("go-live submitted (job {})", job.id),
            json!({"jobId": job.id}),
        )?;
        self.emit(on, ReleaseEvent::PhaseStarted { phase: Phase::Live })?;
        let job = self.wait_job(on, Phase::Live, &pid, &job).await?;
        let status = self.status(Phase::Live, &pid).await?;
        if !job.succeeded() {
            return Ok(Self::job_failed(Phase::Live, job, Some(status)));
        }
        match status.stage {
            ProductStage::Live => Ok(ReleaseOutcome::Live { status }),
            ProductStage::LiveFailed => Ok(ReleaseOutcome::Failed {
                phase: Phase::Live,
                status: Some(status),
                job: Some(job),
            }),
            _ => {
                let status = self.wait_submission(on, Phase::Live, &pid).await?;
                if status.stage == ProductStage::Live {
                    Ok(ReleaseOutcome::Live { status })
                } else {
                    Ok(ReleaseOutcome::Failed {
                        phase: Phase::Live,
                        status: Some(status),
                        job: Some(job),
                    })
                }
            }
        }
    }
}
