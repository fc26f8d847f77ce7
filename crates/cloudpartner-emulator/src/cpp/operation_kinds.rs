//! Operations of the publishing API: their types and states, spelled as the
//! service spells them, and the lenient reading of a state filter.

/// What an operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SubmissionType {
    /// Copies the draft to preview and runs the publish steps, up to the
    /// publisher's review.
    Publish,
    /// Runs the go-live steps and copies preview to production.
    GoLive,
}

impl SubmissionType {
    /// The wire spelling: `publish`, `goLive`.
    pub fn name(self) -> &'static str {
        match self {
            SubmissionType::Publish => "publish",
            SubmissionType::GoLive => "goLive",
        }
    }

    /// The slot the operation fills: `preview` or `production`.
    pub fn slot(self) -> &'static str {
        match self {
            SubmissionType::Publish => "preview",
            SubmissionType::GoLive => "production",
        }
    }

    /// The type that fills the slot named `slot` (case-insensitive).
    pub fn of_slot(slot: &str) -> Option<SubmissionType> {
        [SubmissionType::Publish, SubmissionType::GoLive]
            .into_iter()
            .find(|kind| kind.slot().eq_ignore_ascii_case(slot))
    }
}

/// Where an operation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OperationState {
    NotStarted,
    Running,
    Completed,
    Failed,
    Canceled,
}

impl OperationState {
    /// Every state.
    pub const ALL: [OperationState; 5] = [
        OperationState::NotStarted,
        OperationState::Running,
        OperationState::Completed,
        OperationState::Failed,
        OperationState::Canceled,
    ];

    /// The wire spelling: `notStarted`, `running`, `completed`, `failed`, `canceled`.
    pub fn name(self) -> &'static str {
        match self {
            OperationState::NotStarted => "notStarted",
            OperationState::Running => "running",
            OperationState::Completed => "completed",
            OperationState::Failed => "failed",
            OperationState::Canceled => "canceled",
        }
    }

    /// Reads a state filter leniently: case-insensitive, ignoring `_`, `-`
    /// and spaces, with the aliases `complete`, `succeeded` (completed),
    /// `cancelled` (canceled) and `inProgress` (running).
    pub fn from_filter(text: &str) -> Option<OperationState> {
        let folded: String = text
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match folded.as_str() {
            "notstarted" => Some(OperationState::NotStarted),
            "running" | "inprogress" => Some(OperationState::Running),
            "completed" | "complete" | "succeeded" => Some(OperationState::Completed),
            "failed" => Some(OperationState::Failed),
            "canceled" | "cancelled" => Some(OperationState::Canceled),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_read_leniently() {
        for text in [
            "running",
            "Running",
            "RUNNING",
            "in_progress",
            "In Progress",
        ] {
            assert_eq!(
                OperationState::from_filter(text),
                Some(OperationState::Running),
                "{text}"
            );
        }
        assert_eq!(
            OperationState::from_filter("Complete"),
            Some(OperationState::Completed)
        );
        assert_eq!(
            OperationState::from_filter("not started"),
            Some(OperationState::NotStarted)
        );
        assert_eq!(
            OperationState::from_filter("cancelled"),
            Some(OperationState::Canceled)
        );
        assert_eq!(OperationState::from_filter("done"), None);
        for state in OperationState::ALL {
            assert_eq!(OperationState::from_filter(state.name()), Some(state));
        }
    }

    #[test]
    fn slots_name_the_submission_type() {
        assert_eq!(
            SubmissionType::of_slot("Preview"),
            Some(SubmissionType::Publish)
        );
        assert_eq!(
            SubmissionType::of_slot("production"),
            Some(SubmissionType::GoLive)
        );
        assert_eq!(SubmissionType::of_slot("staging"), None);
    }
}
