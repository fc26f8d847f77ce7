//! The service's checks on a submission sent through configure: a target
//! of preview or live, one submission at a time per product ("An In
//! Progress submission already exists"), and live only from the latest
//! succeeded preview ("…not the latest"). Read-only fields sent back
//! (`status`, `result`, `created`) are ignored.

use serde_json::Value;

use crate::ingestion::product_state::{EntryState, ProductState, Target};
use crate::ingestion::seed_resources::field;
use crate::ingestion::wire_error::job_error;

/// The message of a second submission while one runs.
pub(crate) const IN_PROGRESS: &str = "An In Progress submission already exists";

/// The message of a live push of a preview that is not the latest succeeded one.
pub(crate) const NOT_THE_LATEST: &str = "The submission cannot be pushed to as its not the latest";

/// The target of a submission `resource` of `product`, or the job errors
/// refusing it.
pub(crate) fn accept_submission(
    resource: &serde_json::Map<String, Value>,
    product: &ProductState,
) -> Result<Target, Vec<Value>> {
    let label = resource
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("submission/{}", product.guid));
    let target = match field(resource, "/target/targetType").and_then(Value::as_str) {
        Some("preview") => Target::Preview,
        Some("live") => Target::Live,
        other => {
            return Err(vec![job_error(
                "invalidRequest",
                format!(
                    "A submission targets preview or live, not '{}'.",
                    other.unwrap_or("")
                ),
                Some(&label),
                Vec::new(),
            )]);
        }
    };
    if let Some(running) = &product.running {
        let entry = product
            .entry(running.target)
            .map(|entry| format!("submission/{}/{}", product.guid, entry.id))
            .unwrap_or_default();
        return Err(vec![job_error(
            "conflict",
            IN_PROGRESS,
            Some(&entry),
            vec![job_error(
                "invalidState",
                format!(
                    "The submission {entry} to {} is running (job {}).",
                    running.target.as_str(),
                    running.job_id
                ),
                Some(&entry),
                Vec::new(),
            )],
        )]);
    }
    if target == Target::Live {
        let latest = product
            .preview_entry
            .as_ref()
            .filter(|entry| entry.state == EntryState::Succeeded)
            .map(|entry| entry.id);
        let sent = submission_number(resource.get("id"));
        if latest.is_none() || sent != latest {
            let latest = latest.map_or_else(
                || String::from("there is no succeeded preview"),
                |id| {
                    format!(
                        "the latest succeeded preview is submission/{}/{id}",
                        product.guid
                    )
                },
            );
            return Err(vec![job_error(
                "conflict",
                NOT_THE_LATEST,
                Some(&label),
                vec![job_error(
                    "invalidState",
                    format!("A live push needs the id of the latest succeeded preview; {latest}."),
                    Some(&label),
                    Vec::new(),
                )],
            )]);
        }
    }
    Ok(target)
}

/// The number of a submission id: `submission/<guid>/<n>`, `"<n>"` or `n`.
fn submission_number(id: Option<&Value>) -> Option<u64> {
    match id? {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.rsplit('/').next()?.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn submission_ids_come_in_three_forms() {
        assert_eq!(submission_number(Some(&json!("submission/g/12"))), Some(12));
        assert_eq!(submission_number(Some(&json!("12"))), Some(12));
        assert_eq!(submission_number(Some(&json!(12))), Some(12));
        assert_eq!(submission_number(Some(&json!(null))), None);
        assert_eq!(submission_number(None), None);
    }
}
