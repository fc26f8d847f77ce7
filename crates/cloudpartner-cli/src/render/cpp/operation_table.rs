//! Operations for people: the list (`cloudpartner operations`) and one operation with
//! its steps (`cloudpartner operation`).

use cloudpartner::{Operation, OperationState, StepState};

use super::offer_report::render_report_body;
use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};
use crate::render::when::format_when;

/// The tone of an operation state.
fn state_tone(state: &OperationState) -> Tone {
    match state {
        OperationState::Completed => Tone::Good,
        OperationState::Running => Tone::Active,
        OperationState::Failed => Tone::Bad,
        OperationState::Canceled => Tone::Attention,
        OperationState::NotStarted => Tone::Muted,
        OperationState::Unknown(_) => Tone::Plain,
    }
}

/// An operation state as people read it (`not started`).
fn state_label(operation: &Operation) -> String {
    match &operation.state {
        OperationState::Unknown(_) => format!("{} (unknown)", operation.raw_state),
        OperationState::NotStarted => "not started".to_owned(),
        known => known.as_wire().to_owned(),
    }
}

/// `ID  TYPE  STATE  CREATED  LAST ACTION`, in the order the service listed them.
pub fn render_operations(operations: &[Operation], style: Style) -> Vec<String> {
    if operations.is_empty() {
        return vec![style.paint(Tone::Muted, "no operations")];
    }
    let mut table = Table::new(&["ID", "TYPE", "STATE", "CREATED", "LAST ACTION"]);
    for operation in operations {
        table.push(vec![
            Cell::new(&operation.id, Tone::Strong),
            Cell::plain(&operation.submission_type),
            Cell::new(state_label(operation), state_tone(&operation.state)),
            Cell::new(format_when(operation.created), Tone::Muted),
            Cell::new(format_when(operation.last_action), Tone::Muted),
        ]);
    }
    table.render(style, "")
}

/// One operation: what, where it stands, when; its error; then its steps and messages
/// as the status report shows them.
pub fn render_operation(title: &str, operation: &Operation, style: Style) -> String {
    let mut lines = vec![format!(
        "{}  {} {}",
        style.paint(Tone::Strong, &format!("{title} operation {}", operation.id)),
        operation.submission_type,
        style.paint(state_tone(&operation.state), &state_label(operation))
    )];
    let mut detail = |label: &str, value: String| {
        if !value.is_empty() {
            lines.push(format!("  {:<14}{value}", format!("{label}:")));
        }
    };
    detail("created", format_when(operation.created));
    detail("last action", format_when(operation.last_action));
    detail(
        "versions",
        match (operation.offer_version, operation.publishing_version) {
            (Some(o), Some(p)) => format!("offer {o}, publishing {p}"),
            (Some(o), None) => format!("offer {o}"),
            (None, Some(p)) => format!("publishing {p}"),
            (None, None) => String::new(),
        },
    );
    detail("slot", operation.slot.clone().unwrap_or_default());
    detail(
        "cancellation",
        operation
            .cancellation_request_state
            .clone()
            .unwrap_or_default(),
    );
    if let Some(outcome) = outcome(title, operation) {
        lines.push(format!("  {:<14}{outcome}", "outcome:"));
    }
    if let Some(error) = &operation.error {
        lines.push(format!(
            "  {:<14}{}",
            "error:",
            style.paint(Tone::Bad, error)
        ));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    if let Some(detail) = &operation.detail {
        // The steps as the operation saw them; the operation's own state is above, and a
        // finished publish is not the offer's end.
        text.push_str(&style.paint(Tone::Strong, "steps, as this operation saw them"));
        text.push('\n');
        text.push_str(&render_report_body(detail, style));
    }
    text
}

/// What a finished or running operation did, and for a publish that parked the offer
/// for review, that the offer goes on and what to run next (`title` is `p/o`, or empty).
fn outcome(title: &str, operation: &Operation) -> Option<String> {
    let go_live = operation.submission_type.eq_ignore_ascii_case("goLive");
    let waiting_step = operation.detail.as_ref().and_then(|detail| {
        detail
            .steps
            .iter()
            .find(|step| step.status == StepState::WaitingForPublisherReview)
    });
    let next = |command: &str| match title.split_once('/') {
        Some((p, o)) if command == "status" => {
            format!(" (`cloudpartner status {p} {o}` says where it stands now)")
        }
        Some((p, o)) => format!(" (`cloudpartner {command} {p} {o}`)"),
        None => String::new(),
    };
    Some(match (&operation.state, go_live) {
        (OperationState::Completed, false) => match waiting_step {
            Some(step) => format!(
                "the publish is done: the preview was ready for your review at {}; the offer \
goes on with a go-live{}",
                step.name,
                next("status")
            ),
            None => "the publish is done: the preview is ready".to_owned(),
        },
        (OperationState::Completed, true) => "the go-live is done: the offer is live".to_owned(),
        (OperationState::Running, _) => {
            let step = operation
                .detail
                .as_ref()
                .and_then(|detail| detail.current_step())
                .map(|step| format!(", at {}", step.name))
                .unwrap_or_default();
            format!("still running{step}{}", next("watch"))
        }
        (OperationState::Failed, _) => format!("failed{}", next("status")),
        (OperationState::Canceled, _) => "canceled".to_owned(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_operations() {
        let operations = cloudpartner::parse_operations(
            br#"[{"id":"a1","submissionType":"publish","status":"completed","createdDateTime":"2026-11-20T16:05:00Z"},
                 {"id":"b2","submissionType":"goLive","status":"notStarted"}]"#,
        )
        .unwrap();
        assert_eq!(
            render_operations(&operations, Style::PLAIN),
            [
                "ID  TYPE     STATE        CREATED               LAST ACTION",
                "a1  publish  completed    2026-11-20 16:05 UTC",
                "b2  goLive   not started",
            ]
        );
    }
}
