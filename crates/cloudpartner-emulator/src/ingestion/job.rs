//! A configure job: played on the emulator's clock (`notStarted` for its
//! first simulated second, `running` until it ends, then `completed`), its
//! status document and its detail.

use serde_json::{Value, json};

use crate::ingestion::product_state::Target;
use crate::ingestion::resource_types::schema_uri;
use crate::ingestion::seed_resources::Resource;

/// The simulated seconds a configure job without a submission takes.
pub(crate) const JOB_SECONDS: f64 = 10.0;

/// The simulated seconds a job stays `notStarted`.
const NOT_STARTED_SECONDS: f64 = 1.0;

/// `jobEnd` while a job has not ended.
pub(crate) const NO_END: &str = "0001-01-01T00:00:00";

/// How a job ended, or that it has not.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum JobEnd {
    /// Still to end at its `ends_at`.
    Pending,
    /// `completed`/`succeeded`.
    Succeeded,
    /// `completed`/`failed` with these errors.
    Failed(Vec<Value>),
    /// `completed`/`cancelled`.
    Cancelled,
}

/// A configure job.
#[derive(Clone, Debug)]
pub(crate) struct Job {
    /// Its id (a GUID).
    pub id: String,
    /// The simulated time it was accepted.
    pub accepted_at: f64,
    /// The simulated time it ends (unless cancelled).
    pub ends_at: f64,
    /// `jobStart` as written.
    pub start: String,
    /// `jobEnd` once it ended.
    pub end: Option<String>,
    /// How it ended.
    pub outcome: JobEnd,
    /// The errors it fails with when it ends (validation failures).
    pub planned_errors: Vec<Value>,
    /// Draft changes applied when it ends: `(product guid, resource)`.
    pub changes: Vec<(String, Resource)>,
    /// The product and target of the submission it plays.
    pub submission: Option<(String, Target)>,
    /// The resources it stored, for its detail.
    pub stored: Vec<Resource>,
}

impl Job {
    /// Whether it has ended.
    pub fn is_done(&self) -> bool {
        self.outcome != JobEnd::Pending
    }

    /// The configure status at simulated time `now`.
    pub fn status(&self, now: f64, base_url: &str) -> Value {
        let (status, result, errors) = match &self.outcome {
            JobEnd::Pending if now < self.accepted_at + NOT_STARTED_SECONDS => {
                ("notStarted", "pending", Vec::new())
            }
            JobEnd::Pending => ("running", "pending", Vec::new()),
            JobEnd::Succeeded => ("completed", "succeeded", Vec::new()),
            JobEnd::Failed(errors) => ("completed", "failed", errors.clone()),
            JobEnd::Cancelled => ("completed", "cancelled", Vec::new()),
        };
        json!({
            "$schema": schema_uri("configure-status"),
            "jobId": self.id,
            "jobStatus": status,
            "jobResult": result,
            "jobStart": self.start,
            "jobEnd": self.end.as_deref().unwrap_or(NO_END),
            "resourceUri": format!("{base_url}/rp/product-ingestion/configure/{}", self.id),
            "errors": errors
        })
    }

    /// The detail of an ended job: the resources it stored (none when it
    /// failed or was cancelled).
    pub fn detail(&self) -> Value {
        let resources: Vec<Value> = match self.outcome {
            JobEnd::Succeeded => self.stored.iter().cloned().map(Value::Object).collect(),
            _ => Vec::new(),
        };
        json!({"$schema": schema_uri("configure-detail"), "resources": resources})
    }
}
