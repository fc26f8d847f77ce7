//! Submissions (`GET submission/<guid>`): the draft entry, and the preview and live
//! publishes with their status, result and time.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::states::{SubmissionResult, SubmissionStatus, Target};
use crate::document::json_document::{read_value, type_name};
use crate::document::timestamp::parse_timestamp;
use crate::error::{Error, Result};

/// One submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// `submission/<productGuid>/<n>` (`/0` is the draft).
    pub id: String,
    /// `product/<guid>`.
    pub product: String,
    /// Draft, preview or live.
    pub target: Target,
    /// Where it is (`None` for the draft entry).
    pub status: Option<SubmissionStatus>,
    /// How it ended (`None` for the draft entry).
    pub result: Option<SubmissionResult>,
    /// When it was created.
    pub created: Option<DateTime<Utc>>,
}

impl Submission {
    pub(crate) fn from_value(value: &Value) -> Submission {
        let text = |k: &str| {
            value
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let product = match value.get("product") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        Submission {
            id: text("id"),
            product,
            target: Target::from_wire(
                value
                    .get("target")
                    .and_then(|t| t.get("targetType"))
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            ),
            status: value
                .get("status")
                .and_then(Value::as_str)
                .map(SubmissionStatus::from_wire),
            result: value
                .get("result")
                .and_then(Value::as_str)
                .map(SubmissionResult::from_wire),
            created: value
                .get("created")
                .and_then(Value::as_str)
                .and_then(parse_timestamp),
        }
    }

    /// True while it runs (not started or running).
    pub fn in_progress(&self) -> bool {
        matches!(
            self.status,
            Some(SubmissionStatus::NotStarted | SubmissionStatus::Running)
        )
    }

    /// True when it completed and succeeded.
    pub fn succeeded(&self) -> bool {
        self.status == Some(SubmissionStatus::Completed)
            && self.result == Some(SubmissionResult::Succeeded)
    }

    /// True when it completed and failed.
    pub fn failed(&self) -> bool {
        self.status == Some(SubmissionStatus::Completed)
            && self.result == Some(SubmissionResult::Failed)
    }
}

/// Parses `{"value": [submission, …]}` (also one submission, or a bare list).
pub fn parse_submissions(bytes: &[u8]) -> Result<Vec<Submission>> {
    let value = read_value(bytes, "submissions (a JSON object)")?;
    let list = match &value {
        Value::Object(o) if o.contains_key("value") => match o.get("value") {
            Some(Value::Array(items)) => items.clone(),
            Some(other) => {
                return Err(Error::parse(format!(
                    "value: expected a list of submissions, found {}",
                    type_name(other)
                )));
            }
            None => Vec::new(),
        },
        Value::Object(_) => vec![value.clone()],
        Value::Array(items) => items.clone(),
        other => {
            return Err(Error::parse(format!(
                "expected submissions (a JSON object), found {}",
                type_name(other)
            )));
        }
    };
    Ok(list.iter().map(Submission::from_value).collect())
}
