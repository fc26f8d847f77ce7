//! A configure job for people (`job <id>: completed, failed`, its errors as an
//! indented tree, each naming its resource) and as JSON.

use cloudpartner::ingestion::{Job, JobError, JobResult};
use serde_json::{Value, json};

use crate::exit_code::Exit;
use crate::render::style::{Style, Tone};
use crate::render::when::format_when;

/// `succeeded`, `failed`, `cancelled`, `running`, `not started`, with its colour.
pub fn job_state(job: &Job) -> (String, Tone) {
    if job.is_done() {
        match job.result {
            JobResult::Succeeded => ("succeeded".into(), Tone::Good),
            JobResult::Failed => ("failed".into(), Tone::Bad),
            JobResult::Cancelled => ("cancelled".into(), Tone::Attention),
            ref other => (format!("completed ({})", other.as_wire()), Tone::Muted),
        }
    } else {
        match job.status.as_wire() {
            "notStarted" => ("not started".into(), Tone::Active),
            other => (other.to_owned(), Tone::Active),
        }
    }
}

/// `job 9f3c…: failed (started 2026-12-02 14:00 UTC, ended …)` and its errors.
pub fn render_job(job: &Job, style: Style) -> Vec<String> {
    let (state, tone) = job_state(job);
    let mut times = Vec::new();
    if job.start.is_some() {
        times.push(format!("started {}", format_when(job.start)));
    }
    if job.end.is_some() {
        times.push(format!("ended {}", format_when(job.end)));
    }
    let times = if times.is_empty() {
        String::new()
    } else {
        format!(" ({})", times.join(", "))
    };
    let mut lines = vec![format!(
        "job {}: {}{times}",
        style.paint(Tone::Strong, &job.id),
        style.paint(tone, &state)
    )];
    lines.extend(error_tree(&job.errors, "  "));
    lines
}

/// The errors as an indented tree (`code: message (resource)`), `sig=` hidden.
pub fn error_tree(errors: &[JobError], indent: &str) -> Vec<String> {
    errors
        .iter()
        .flat_map(JobError::lines)
        .map(|l| format!("{indent}{}", cloudpartner::redact_sas(&l)))
        .collect()
}

/// How a command that followed the job ends.
pub fn exit_for_job(job: &Job) -> Exit {
    if !job.is_done() || job.succeeded() {
        Exit::Ok
    } else if job.result == JobResult::Cancelled {
        Exit::Canceled
    } else {
        Exit::Failed
    }
}

fn error_value(e: &JobError) -> Value {
    json!({
        "code": e.code,
        "message": cloudpartner::redact_sas(&e.message),
        "resourceId": e.resource_id,
        "certification": e.is_certification(),
        "details": e.details.iter().map(error_value).collect::<Vec<_>>(),
    })
}

/// `{"jobId", "status", "result", "start", "end", "errors"}`.
pub fn job_value(job: &Job) -> Value {
    json!({
        "jobId": job.id,
        "status": job.status.as_wire(),
        "result": job.result.as_wire(),
        "start": job.start.map(|t| cloudpartner::format_timestamp(&t)),
        "end": job.end.map(|t| cloudpartner::format_timestamp(&t)),
        "errors": job.errors.iter().map(error_value).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_an_indented_tree_and_certification_fails_with_3() {
        let job = cloudpartner::ingestion::parse_job(
            br#"{"jobId": "j1", "jobStatus": "completed", "jobResult": "failed",
            "errors": [{"code": "internalServerError", "message": "Operation failed",
              "details": [{"code": "invalidState", "message": "Certification failed", "resourceId": "product/p",
                "details": [{"code": "invalidState", "message": "Certification: not generalized"}]}]}]}"#,
        )
        .unwrap();
        assert_eq!(
            render_job(&job, Style::PLAIN),
            [
                "job j1: failed",
                "  internalServerError: Operation failed",
                "    invalidState: Certification failed (product/p)",
                "      invalidState: Certification: not generalized",
            ]
        );
        assert_eq!(exit_for_job(&job), Exit::Failed);
        assert_eq!(
            job_value(&job)["errors"][0]["details"][0]["certification"],
            true
        );
    }
}
