//! A product's stage for people: in words with its time ("certifying in preview,
//! started 3 h ago"), its colour, what to run next, and as JSON.

use chrono::{DateTime, Utc};
use cloudpartner::ingestion::{
    ProductStage, ProductStatus, Submission, SubmissionResult, SubmissionStatus,
};
use serde_json::{Value, json};

use crate::exit_code::Exit;
use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};
use crate::render::when::{format_ago, format_when};

/// The stage in words, with the time of the submission it is about.
pub fn stage_words(status: &ProductStatus, now: DateTime<Utc>) -> String {
    let ago = |s: Option<&Submission>| {
        let ago = format_ago(s.and_then(|s| s.created), now);
        if ago.is_empty() {
            ago
        } else {
            format!(", {ago}")
        }
    };
    let started = |s: Option<&Submission>| {
        let ago = format_ago(s.and_then(|s| s.created), now);
        if ago.is_empty() {
            ago
        } else {
            format!(", started {ago}")
        }
    };
    match &status.stage {
        ProductStage::NeverPublished => "never published".to_owned(),
        ProductStage::PreviewInProgress => {
            format!("certifying in preview{}", started(status.preview.as_ref()))
        }
        ProductStage::PreviewFailed => {
            format!("the preview failed{}", ago(status.preview.as_ref()))
        }
        ProductStage::WaitingForGoLive => format!(
            "waiting for go-live (preview succeeded{})",
            ago(status.preview.as_ref())
        ),
        ProductStage::LiveInProgress => format!("going live{}", started(status.live.as_ref())),
        ProductStage::LiveFailed => format!("the push to live failed{}", ago(status.live.as_ref())),
        ProductStage::Live => "live".to_owned(),
        other => format!("unknown ({})", other.as_wire()),
    }
}

/// The colour of a stage.
pub fn stage_tone(stage: &ProductStage) -> Tone {
    match stage {
        ProductStage::Live => Tone::Good,
        ProductStage::PreviewInProgress | ProductStage::LiveInProgress => Tone::Active,
        ProductStage::WaitingForGoLive => Tone::Attention,
        ProductStage::PreviewFailed | ProductStage::LiveFailed => Tone::Bad,
        _ => Tone::Muted,
    }
}

/// The steps of a product's pipeline (preview, certified, going live, live) and how
/// many are done at this stage, for a progress bar.
pub const PIPELINE_STEPS: u64 = 4;

/// How many of [`PIPELINE_STEPS`] are done at `stage`.
pub fn pipeline_done(stage: &ProductStage) -> u64 {
    match stage {
        ProductStage::PreviewInProgress | ProductStage::PreviewFailed => 1,
        ProductStage::WaitingForGoLive => 2,
        ProductStage::LiveInProgress | ProductStage::LiveFailed => 3,
        ProductStage::Live => 4,
        _ => 0,
    }
}

/// What to run next at this stage.
pub fn next_command(stage: &ProductStage, offer: &str) -> String {
    match stage {
        ProductStage::NeverPublished => format!("cloudpartner product publish {offer} --watch"),
        ProductStage::PreviewInProgress => {
            format!("cloudpartner product watch {offer} --until review")
        }
        ProductStage::PreviewFailed => format!(
            "fix the draft (`cloudpartner product show {offer}`), then `cloudpartner product publish {offer} --watch`"
        ),
        ProductStage::WaitingForGoLive => format!("cloudpartner product go-live {offer} --watch"),
        ProductStage::LiveInProgress => format!("cloudpartner product watch {offer}"),
        ProductStage::LiveFailed => format!("cloudpartner product go-live {offer} --watch"),
        ProductStage::Live => format!(
            "nothing waits; a new image: cloudpartner product release {offer} --plan PLAN --version V --os-disk-url URL --go-live"
        ),
        _ => format!("cloudpartner product show {offer}"),
    }
}

/// How a watch or a wait that stopped at `status` ends.
pub fn exit_for_stage(stage: &ProductStage) -> Exit {
    match stage {
        ProductStage::Live | ProductStage::NeverPublished => Exit::Ok,
        ProductStage::PreviewFailed | ProductStage::LiveFailed => Exit::Failed,
        ProductStage::WaitingForGoLive => Exit::Review,
        _ => Exit::Error,
    }
}

/// `running`, `succeeded`, `failed`, `not started`.
pub fn submission_state(s: &Submission) -> (String, Tone) {
    match (&s.status, &s.result) {
        (Some(SubmissionStatus::Completed), Some(SubmissionResult::Succeeded)) => {
            ("succeeded".into(), Tone::Good)
        }
        (Some(SubmissionStatus::Completed), Some(SubmissionResult::Failed)) => {
            ("failed".into(), Tone::Bad)
        }
        (Some(SubmissionStatus::Running), _) => ("running".into(), Tone::Active),
        (Some(SubmissionStatus::NotStarted), _) => ("not started".into(), Tone::Active),
        (Some(status), _) => (status.as_wire().to_owned(), Tone::Muted),
        (None, _) => ("draft".into(), Tone::Muted),
    }
}

/// The status report: the stage line, the preview and live submissions, and the next
/// command.
pub fn render_status(
    offer: &str,
    product_id: &str,
    status: &ProductStatus,
    style: Style,
    now: DateTime<Utc>,
) -> Vec<String> {
    let mut lines = vec![format!(
        "{} ({product_id}): {}",
        style.paint(Tone::Strong, offer),
        style.paint(stage_tone(&status.stage), &stage_words(status, now))
    )];
    let mut table = Table::new(&["", "STATE", "CREATED", "SUBMISSION"]);
    for (name, submission) in [("preview", &status.preview), ("live", &status.live)] {
        match submission {
            Some(s) => {
                let (state, tone) = submission_state(s);
                table.push(vec![
                    Cell::plain(name),
                    Cell::new(state, tone),
                    Cell::plain(match s.created {
                        Some(_) => format!(
                            "{} ({})",
                            format_when(s.created),
                            format_ago(s.created, now)
                        ),
                        None => String::new(),
                    }),
                    Cell::new(s.id.clone(), Tone::Muted),
                ]);
            }
            None => table.push(vec![Cell::plain(name), Cell::new("none", Tone::Muted)]),
        }
    }
    lines.extend(table.render(style, "  "));
    lines.push(format!(
        "  {} {}",
        style.paint(Tone::Active, "next:"),
        next_command(&status.stage, offer)
    ));
    lines
}

/// A submission as JSON (`null` when none).
pub fn submission_value(s: Option<&Submission>) -> Value {
    match s {
        None => Value::Null,
        Some(s) => json!({
            "id": s.id,
            "target": s.target.as_wire(),
            "status": s.status.as_ref().map(|x| x.as_wire()),
            "result": s.result.as_ref().map(|x| x.as_wire()),
            "created": s.created.map(|t| cloudpartner::format_timestamp(&t)),
        }),
    }
}

/// The status as a JSON line's fields (after `offerId` and `productId`).
pub fn status_value(offer: &str, status: &ProductStatus) -> Value {
    json!({
        "stage": status.stage.as_wire(),
        "inProgress": status.in_progress(),
        "needsPublisherAction": status.needs_publisher_action(),
        "preview": submission_value(status.preview.as_ref()),
        "live": submission_value(status.live.as_ref()),
        "next": next_command(&status.stage, offer),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudpartner::ingestion::parse_submissions;

    fn status(json: &str) -> ProductStatus {
        ProductStatus::from_submissions("vm", parse_submissions(json.as_bytes()).unwrap())
    }

    #[test]
    fn stages_read_as_words_with_their_time() {
        let now = cloudpartner::parse_timestamp("2026-12-02T15:00:00Z").unwrap();
        let running = status(
            r#"[{"id":"submission/p/2","target":{"targetType":"preview"},"status":"running","result":"pending","created":"2026-12-02T12:00:00Z"}]"#,
        );
        assert_eq!(
            stage_words(&running, now),
            "certifying in preview, started 3 h ago"
        );
        assert_eq!(
            next_command(&running.stage, "vm"),
            "cloudpartner product watch vm --until review"
        );
        let waiting = status(
            r#"[{"id":"submission/p/2","target":{"targetType":"preview"},"status":"completed","result":"succeeded","created":"2026-12-02T14:50:00Z"}]"#,
        );
        assert_eq!(
            stage_words(&waiting, now),
            "waiting for go-live (preview succeeded, 10 min ago)"
        );
        assert_eq!(exit_for_stage(&waiting.stage), Exit::Review);
        let lines = render_status("vm", "product/p", &waiting, Style::PLAIN, now);
        assert_eq!(
            lines[0],
            "vm (product/p): waiting for go-live (preview succeeded, 10 min ago)"
        );
        assert!(
            lines[2].starts_with(
                "  preview  succeeded  2026-12-02 14:50 UTC (10 min ago)  submission/p/2"
            ),
            "{lines:?}"
        );
        assert!(lines[3].starts_with("  live     none"), "{lines:?}");
        assert_eq!(lines[4], "  next: cloudpartner product go-live vm --watch");
    }
}
