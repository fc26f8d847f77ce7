//! The waits of an ingestion release: a job followed to its end, a running
//! submission waited for, and what the preview and live trees hold.

use tokio::time::Instant;

use super::image_match::holds;
use super::job::Job;
use super::product_status::ProductStatus;
use super::release::{Emit, PhaseResult, Run, at};
use super::states::Target;
use super::vm_image_version::VmImageVersion;
use crate::error::{Error, ErrorKind};
use crate::poll::{WatchOptions, WatchUntil};
use crate::workflow::{Phase, ReleaseEvent};

impl Run<'_> {
    pub(super) fn watch_options(
        &self,
        phase: Phase,
        until: WatchUntil,
    ) -> PhaseResult<WatchOptions> {
        let timeout = match self.deadline {
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(at(phase)(Error::new(
                        ErrorKind::Timeout,
                        format!(
                            "the release of {} ran out of its timeout",
                            self.request.offer_id
                        ),
                    )));
                }
                Some(left)
            }
            None => None,
        };
        Ok(WatchOptions {
            until,
            timeout,
            ..self.request.watch
        })
    }

    pub(super) async fn status(&self, phase: Phase, product: &str) -> PhaseResult<ProductStatus> {
        self.client.product_status(product).await.map_err(at(phase))
    }

    /// Waits for a job, reporting the product's status each time the job changes.
    pub(super) async fn wait_job(
        &self,
        on: &mut Emit<'_>,
        phase: Phase,
        product: &str,
        job: &Job,
    ) -> PhaseResult<Job> {
        let watch = self
            .client
            .watch_job(&job.id, self.watch_options(phase, WatchUntil::Terminal)?)
            .map_err(at(phase))?;
        let mut last = job.clone();
        let mut shown: Option<ProductStatus> = None;
        while let Some(next) = watch.next().await {
            last = next.map_err(at(phase))?;
            if matches!(phase, Phase::Review | Phase::Live) {
                let status = self.status(phase, product).await?;
                if shown.as_ref() != Some(&status) {
                    self.emit(
                        on,
                        ReleaseEvent::Status {
                            phase,
                            status: status.clone(),
                        },
                    )?;
                    shown = Some(status);
                }
            }
        }
        Ok(last)
    }

    /// Waits for a submission that runs (a release resumed), reporting its stages.
    pub(super) async fn wait_submission(
        &self,
        on: &mut Emit<'_>,
        phase: Phase,
        product: &str,
    ) -> PhaseResult<ProductStatus> {
        let until = if phase == Phase::Review {
            WatchUntil::PublisherAction
        } else {
            WatchUntil::Terminal
        };
        let watch = self
            .client
            .watch_product(product, self.watch_options(phase, until)?)
            .map_err(at(phase))?;
        let mut last = None;
        while let Some(status) = watch.next().await {
            let status = status.map_err(at(phase))?;
            self.emit(
                on,
                ReleaseEvent::Status {
                    phase,
                    status: status.clone(),
                },
            )?;
            last = Some(status);
        }
        last.ok_or_else(|| {
            at(phase)(Error::new(
                ErrorKind::Internal,
                "the watch ended without a status",
            ))
        })
    }

    /// Whether the `target` tree's configuration of the plan holds `want`.
    pub(super) async fn holds_in(
        &self,
        product: &str,
        target: Target,
        want: &VmImageVersion,
    ) -> PhaseResult<bool> {
        let tree = self
            .client
            .resource_tree(product, target)
            .await
            .map_err(at(Phase::Publish))?;
        Ok(tree
            .technical_configuration(&self.request.plan_id)
            .map(|c| holds(&c, want))
            .unwrap_or(false))
    }
}
