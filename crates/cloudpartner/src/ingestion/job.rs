//! A configure job's status (`POST configure`, `GET configure/<jobId>/status`), and its
//! errors with their nested details.

use chrono::{DateTime, Datelike, Utc};
use serde_json::Value;

use super::states::{JobResult, JobStatus};
use crate::document::json_document::{read_value, type_name};
use crate::document::timestamp::parse_timestamp;
use crate::error::{Error, Result};

/// An error of a job (or of an error body): code, message, the resource it names, and
/// nested details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobError {
    /// `invalidState`, `businessValidationError`, `conflict`, …
    pub code: String,
    /// What went wrong.
    pub message: String,
    /// The resource it is about (a durable id), when it says.
    pub resource_id: Option<String>,
    /// Nested errors (absent lists read as empty).
    pub details: Vec<JobError>,
}

impl JobError {
    fn from_value(value: &Value) -> JobError {
        let text = |k| {
            value
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let resource_id = match value.get("resourceId") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Object(o)) => o
                .get("externalId")
                .or_else(|| o.get("resourceName"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            _ => None,
        };
        JobError {
            code: text("code"),
            message: text("message"),
            resource_id,
            details: errors_of(value.get("details")),
        }
    }

    /// True when this error, or one of its details at any depth, is a certification
    /// failure (`invalidState` with "certification" in its message).
    pub fn is_certification(&self) -> bool {
        (self.code.eq_ignore_ascii_case("invalidState")
            && self.message.to_ascii_lowercase().contains("certification"))
            || self.details.iter().any(JobError::is_certification)
    }

    /// The error and its details as indented lines (two spaces a level).
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.push_lines(0, &mut out);
        out
    }

    fn push_lines(&self, depth: usize, out: &mut Vec<String>) {
        let about = self
            .resource_id
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        out.push(format!(
            "{}{}: {}{about}",
            "  ".repeat(depth),
            self.code,
            self.message
        ));
        for d in &self.details {
            d.push_lines(depth + 1, out);
        }
    }
}

fn errors_of(value: Option<&Value>) -> Vec<JobError> {
    value
        .and_then(Value::as_array)
        .map(|list| list.iter().map(JobError::from_value).collect())
        .unwrap_or_default()
}

/// A configure job.
///
/// ```
/// let job = cloudpartner::ingestion::parse_job(br#"{"jobId": "j1", "jobStatus": "completed",
///   "jobResult": "failed", "jobStart": "2026-12-01T10:00:00Z", "jobEnd": "0001-01-01T00:00:00",
///   "errors": [{"code": "internalServerError", "message": "Operation failed",
///     "details": [{"code": "invalidState", "message": "Certification failed"}]}]}"#)?;
/// assert!(job.is_done() && !job.succeeded());
/// assert!(job.errors[0].is_certification());
/// assert!(job.end.is_none());
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The job id.
    pub id: String,
    /// Where it is.
    pub status: JobStatus,
    /// How it ended (pending until then).
    pub result: JobResult,
    /// When it started.
    pub start: Option<DateTime<Utc>>,
    /// When it ended (`None` until then: the service sends `0001-01-01`).
    pub end: Option<DateTime<Utc>>,
    /// Its errors.
    pub errors: Vec<JobError>,
}

/// Parses a configure status document.
pub fn parse_job(bytes: &[u8]) -> Result<Job> {
    let value = read_value(bytes, "a configure status (a JSON object)")?;
    if !value.is_object() {
        return Err(Error::parse(format!(
            "expected a configure status (a JSON object), found {}",
            type_name(&value)
        )));
    }
    let text = |k| value.get(k).and_then(Value::as_str).unwrap_or("");
    let id = [text("jobId"), text("jobID")]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_owned();
    if id.is_empty() {
        return Err(Error::parse("the configure status has no jobId"));
    }
    let time = |k| parse_timestamp(text(k)).filter(|t: &DateTime<Utc>| t.year() > 1);
    Ok(Job {
        id,
        status: JobStatus::from_wire(text("jobStatus")),
        result: JobResult::from_wire(if text("jobResult").is_empty() {
            "pending"
        } else {
            text("jobResult")
        }),
        start: time("jobStart"),
        end: time("jobEnd"),
        errors: errors_of(value.get("errors")),
    })
}

impl Job {
    /// True once the job completed (whatever its result).
    pub fn is_done(&self) -> bool {
        self.status == JobStatus::Completed
            || matches!(
                self.result,
                JobResult::Succeeded | JobResult::Failed | JobResult::Cancelled
            )
    }

    /// True when it completed and succeeded.
    pub fn succeeded(&self) -> bool {
        self.is_done() && self.result == JobResult::Succeeded
    }

    /// True when one of its errors is a certification failure.
    pub fn is_certification_failure(&self) -> bool {
        self.errors.iter().any(JobError::is_certification)
    }
}
