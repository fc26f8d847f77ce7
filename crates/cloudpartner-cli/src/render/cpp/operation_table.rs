//! Operations for people: the list (`cloudpartner operations`) and one operation with
//! its steps (`cloudpartner operation`).

use cloudpartner::{Operation, OperationState};

use super::offer_report::render_offer_report;
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
        text.push_str(&render_offer_report(
            "steps of the operation",
            detail,
            style,
        ));
    }
    text
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
