//! Following a configure job and a product's submissions with the shared poll
//! machinery: adaptive pace, `Retry-After`, transient errors survived, a deadline.

use std::time::Duration;

use chrono::Utc;

use super::client::Client;
use super::job::Job;
use super::product::ProductRef;
use super::product_status::ProductStatus;
use super::states::ProductStage;
use crate::error::{Error, ErrorKind, Result};
use crate::poll::{PollFuture, PollTarget, Watch, WatchOptions, WatchUntil};

/// A preview (certification) takes up to about four days.
const TYPICAL_PREVIEW: Duration = Duration::from_secs(4 * 86_400);
/// A push to live takes about four hours.
const TYPICAL_LIVE: Duration = Duration::from_secs(4 * 3_600);

struct JobTarget {
    client: Client,
    job_id: String,
}

impl PollTarget for JobTarget {
    type Item = Job;

    fn fetch(&self) -> PollFuture<'_, Job> {
        Box::pin(self.client.job(&self.job_id))
    }

    fn is_done(&self, job: &Job, _until: WatchUntil) -> bool {
        job.is_done()
    }

    /// About a twentieth of how long the job has run (a configure job is polled every
    /// few seconds; a job that follows a certification, every few minutes).
    fn next_interval(&self, job: &Job, options: &WatchOptions, time_scale: f64) -> Duration {
        let (min, max) = options.interval_bounds(time_scale);
        let ran = job
            .start
            .and_then(|s| (Utc::now() - s).to_std().ok())
            .unwrap_or_default();
        (ran / 20).clamp(min, max)
    }

    fn describe(&self) -> String {
        format!("job {}", self.job_id)
    }

    fn time_scale(&self) -> f64 {
        self.client.poll_time_scale()
    }
}

struct ProductTarget {
    client: Client,
    product: String,
}

impl PollTarget for ProductTarget {
    type Item = ProductStatus;

    fn fetch(&self) -> PollFuture<'_, ProductStatus> {
        Box::pin(self.client.product_status(self.product.as_str()))
    }

    fn is_done(&self, status: &ProductStatus, until: WatchUntil) -> bool {
        status.is_terminal()
            || (until == WatchUntil::PublisherAction && status.needs_publisher_action())
            || status.stage.is_unknown()
    }

    /// About a twentieth of the stage's typical duration, within the bounds.
    fn next_interval(
        &self,
        status: &ProductStatus,
        options: &WatchOptions,
        time_scale: f64,
    ) -> Duration {
        let (min, max) = options.interval_bounds(time_scale);
        let typical = match status.stage {
            ProductStage::PreviewInProgress => TYPICAL_PREVIEW,
            ProductStage::LiveInProgress => TYPICAL_LIVE,
            _ => return min,
        };
        (typical / 20).div_f64(time_scale).clamp(min, max)
    }

    fn describe(&self) -> String {
        format!("product {}", self.product)
    }

    fn time_scale(&self) -> f64 {
        self.client.poll_time_scale()
    }
}

impl Client {
    /// Follows a job: each change of its status, until it is done.
    pub fn watch_job(&self, job_id: &str, options: WatchOptions) -> Result<Watch<Job>> {
        if job_id.trim().is_empty() {
            return Err(Error::invalid_argument("the job id is empty"));
        }
        let target = JobTarget {
            client: self.clone(),
            job_id: job_id.to_owned(),
        };
        Watch::new(target, options)
    }

    /// Waits until a job is done and returns it (succeeded or failed: a failed job is a
    /// result, not an error). A job still running at the deadline is a *timeout* naming
    /// it.
    pub async fn wait_for_job(&self, job_id: &str, options: WatchOptions) -> Result<Job> {
        let watch = self.watch_job(job_id, options)?;
        let mut last = None;
        while let Some(job) = watch.next().await {
            match job {
                Ok(job) => last = Some(job),
                Err(e) if e.kind() == ErrorKind::Timeout => {
                    return Err(Error::new(
                        ErrorKind::Timeout,
                        format!(
                            "job {job_id} is still running ({}); follow it with `cloudpartner product job {job_id} --watch`",
                            e.message()
                        ),
                    ));
                }
                Err(e) => return Err(e),
            }
        }
        last.ok_or_else(|| Error::new(ErrorKind::Internal, "the job watch ended without a status"))
    }

    /// Follows a product's stage: each change, until it is terminal (or, with
    /// [`WatchUntil::PublisherAction`], until a preview waits for go-live).
    pub fn watch_product<'a>(
        &self,
        product: impl Into<ProductRef<'a>>,
        options: WatchOptions,
    ) -> Result<Watch<ProductStatus>> {
        let product = match product.into() {
            ProductRef::Product(p) => p.id().to_owned(),
            ProductRef::Id(id) => id.to_owned(),
        };
        if product.trim().is_empty() {
            return Err(Error::invalid_argument("the offer id is empty"));
        }
        let target = ProductTarget {
            client: self.clone(),
            product,
        };
        Watch::new(target, options)
    }
}
