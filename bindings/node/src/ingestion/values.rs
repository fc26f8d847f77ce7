//! Jobs, submissions, product statuses and pages as plain JavaScript objects: states
//! in their shared spelling (`unknown` for a value the core does not know), times in
//! milliseconds since the epoch.

use chrono::{DateTime, Utc};
use cloudpartner::ingestion::{Job, JobError, ProductStatus, ResourcePage, Submission};
use napi_derive::napi;

use super::resource::{NativeResource, known};

fn millis(t: Option<DateTime<Utc>>) -> Option<f64> {
    t.map(|t| t.timestamp_millis() as f64)
}

/// An error of a configure job, its details nested.
#[napi(object, object_from_js = false)]
pub struct NativeJobError {
    /// `invalidState`, …
    pub code: String,
    /// The message.
    pub message: String,
    /// The resource it is about.
    pub resource_id: Option<String>,
    /// The nested errors.
    pub details: Vec<NativeJobError>,
    /// A certification failure (at this level or below).
    pub is_certification: bool,
    /// It and its details, two spaces a level: `code: message (resourceId)`.
    pub lines: Vec<String>,
}

impl From<JobError> for NativeJobError {
    fn from(e: JobError) -> Self {
        NativeJobError {
            is_certification: e.is_certification(),
            lines: e.lines(),
            code: e.code,
            message: e.message,
            resource_id: e.resource_id,
            details: e.details.into_iter().map(Into::into).collect(),
        }
    }
}

/// A configure job's status.
#[napi(object, object_from_js = false)]
pub struct NativeJob {
    /// The job id.
    pub id: String,
    /// `notStarted`, `running`, `completed`, `unknown`.
    pub status: String,
    /// `pending`, `succeeded`, `failed`, `cancelled`, `unknown`.
    pub result: String,
    /// The status as the service spelled it.
    pub raw_status: String,
    /// The result as the service spelled it.
    pub raw_result: String,
    /// Started (ms since the epoch).
    pub start: Option<f64>,
    /// Ended (ms since the epoch); null until done.
    pub end: Option<f64>,
    /// The errors.
    pub errors: Vec<NativeJobError>,
    /// Done.
    pub is_done: bool,
    /// Done and succeeded.
    pub succeeded: bool,
    /// Failed certification.
    pub is_certification_failure: bool,
}

impl From<Job> for NativeJob {
    fn from(job: Job) -> Self {
        NativeJob {
            is_done: job.is_done(),
            succeeded: job.succeeded(),
            is_certification_failure: job.is_certification_failure(),
            status: known(job.status.as_wire(), job.status.is_unknown()),
            result: known(job.result.as_wire(), job.result.is_unknown()),
            raw_status: job.status.as_wire().to_owned(),
            raw_result: job.result.as_wire().to_owned(),
            start: millis(job.start),
            end: millis(job.end),
            errors: job.errors.into_iter().map(Into::into).collect(),
            id: job.id,
        }
    }
}

/// A submission (a publish to preview or live).
#[napi(object, object_from_js = false)]
pub struct NativeSubmission {
    /// `submission/<guid>/<id>`.
    pub id: String,
    /// The product's durable id.
    pub product: String,
    /// `draft`, `preview`, `live`, `unknown`.
    pub target: String,
    /// `notStarted`, `running`, `completed`, `unknown`; null when absent.
    pub status: Option<String>,
    /// `pending`, `succeeded`, `failed`, `unknown`; null when absent.
    pub result: Option<String>,
    /// Created (ms since the epoch).
    pub created: Option<f64>,
    /// Running.
    pub in_progress: bool,
    /// Succeeded.
    pub succeeded: bool,
    /// Failed.
    pub failed: bool,
}

impl From<Submission> for NativeSubmission {
    fn from(s: Submission) -> Self {
        NativeSubmission {
            in_progress: s.in_progress(),
            succeeded: s.succeeded(),
            failed: s.failed(),
            target: known(s.target.as_wire(), s.target.is_unknown()),
            status: s
                .status
                .as_ref()
                .map(|v| known(v.as_wire(), v.is_unknown())),
            result: s
                .result
                .as_ref()
                .map(|v| known(v.as_wire(), v.is_unknown())),
            created: millis(s.created),
            id: s.id,
            product: s.product,
        }
    }
}

/// Where a product stands.
#[napi(object, object_from_js = false)]
pub struct NativeProductStatus {
    /// The product as asked.
    pub product: String,
    /// The latest preview submission.
    pub preview: Option<NativeSubmission>,
    /// The latest live submission.
    pub live: Option<NativeSubmission>,
    /// `never_published`, …, `live`, `unknown`.
    pub stage: String,
    /// Nothing runs and nothing waits for the publisher.
    pub is_terminal: bool,
    /// A preview waits for go-live.
    pub needs_publisher_action: bool,
    /// A submission runs.
    pub in_progress: bool,
}

impl From<ProductStatus> for NativeProductStatus {
    fn from(s: ProductStatus) -> Self {
        NativeProductStatus {
            is_terminal: s.is_terminal(),
            needs_publisher_action: s.needs_publisher_action(),
            in_progress: s.in_progress(),
            stage: known(s.stage.as_wire(), s.stage.is_unknown()),
            preview: s.preview.map(Into::into),
            live: s.live.map(Into::into),
            product: s.product,
        }
    }
}

/// A page of a list.
#[napi(object, object_from_js = false)]
pub struct NativePage {
    /// The resources.
    pub resources: Vec<NativeResource>,
    /// The next page's link.
    pub next_link: Option<String>,
}

impl From<ResourcePage> for NativePage {
    fn from(page: ResourcePage) -> Self {
        NativePage {
            resources: page.resources.into_iter().map(Into::into).collect(),
            next_link: page.next_link,
        }
    }
}
