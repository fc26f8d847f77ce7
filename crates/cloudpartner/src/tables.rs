//! The core's lists of names — error kinds, offer, step and operation states, message
//! levels, release phases, outcomes and event kinds, and the Product Ingestion API's job,
//! submission, target, lifecycle and stage values — in their shared spellings. Each binding exposes them from its native module,
//! and its tests check that its own names (exception classes, enums, type unions, C
//! enumerators) cover exactly these, so a kind added here fails every binding's tests
//! until it is mapped there.

use crate::cpp::state::{MessageLevel, OfferState, OperationState, StepState};
use crate::error::ErrorKind;
use crate::ingestion::{
    JobResult, JobStatus, LifecycleState, ProductStage, SubmissionResult, SubmissionStatus, Target,
};
use crate::workflow::{OutcomeKind, Phase};

/// Every error kind's shared spelling (`"not_found"`), in declaration order.
///
/// ```
/// assert!(cloudpartner::tables::error_kinds().contains(&"conflict"));
/// ```
pub fn error_kinds() -> Vec<&'static str> {
    ErrorKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// Every known offer state's canonical wire spelling (`"waitingForPublisherReview"`).
pub fn offer_states() -> Vec<&'static str> {
    OfferState::KNOWN.iter().map(OfferState::as_wire).collect()
}

/// Every known step state's canonical wire spelling (`"inProgress"`).
pub fn step_states() -> Vec<&'static str> {
    StepState::KNOWN.iter().map(StepState::as_wire).collect()
}

/// Every known operation state's canonical wire spelling (`"completed"`).
pub fn operation_states() -> Vec<&'static str> {
    OperationState::KNOWN
        .iter()
        .map(OperationState::as_wire)
        .collect()
}

/// Every known message level's canonical wire spelling (`"warning"`).
pub fn message_levels() -> Vec<&'static str> {
    MessageLevel::KNOWN
        .iter()
        .map(MessageLevel::as_wire)
        .collect()
}

/// Every known configure job status (`"notStarted"`).
pub fn job_statuses() -> Vec<&'static str> {
    JobStatus::KNOWN.iter().map(JobStatus::as_wire).collect()
}

/// Every known configure job result (`"cancelled"`).
pub fn job_results() -> Vec<&'static str> {
    JobResult::KNOWN.iter().map(JobResult::as_wire).collect()
}

/// Every known submission status (`"running"`).
pub fn submission_statuses() -> Vec<&'static str> {
    SubmissionStatus::KNOWN
        .iter()
        .map(SubmissionStatus::as_wire)
        .collect()
}

/// Every known submission result (`"succeeded"`).
pub fn submission_results() -> Vec<&'static str> {
    SubmissionResult::KNOWN
        .iter()
        .map(SubmissionResult::as_wire)
        .collect()
}

/// Every target (`"preview"`).
pub fn targets() -> Vec<&'static str> {
    Target::KNOWN.iter().map(Target::as_wire).collect()
}

/// Every lifecycle state (`"generallyAvailable"`).
pub fn lifecycle_states() -> Vec<&'static str> {
    LifecycleState::KNOWN
        .iter()
        .map(LifecycleState::as_wire)
        .collect()
}

/// Every product stage (`"waiting_for_go_live"`).
pub fn product_stages() -> Vec<&'static str> {
    ProductStage::KNOWN
        .iter()
        .map(ProductStage::as_wire)
        .collect()
}

/// Every release phase's name (`"go-live"`), in the order they run.
pub fn release_phases() -> Vec<&'static str> {
    Phase::ALL.iter().map(|p| p.label()).collect()
}

/// Every release outcome's name (`"at_review"`).
pub fn release_outcomes() -> Vec<&'static str> {
    OutcomeKind::ALL.iter().map(|o| o.as_str()).collect()
}

/// Every release progress event's kind (`"phase_finished"`).
pub fn release_event_kinds() -> Vec<&'static str> {
    vec!["phase_started", "phase_finished", "status"]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_lists_are_complete_and_distinct() {
        for list in [
            super::error_kinds(),
            super::offer_states(),
            super::step_states(),
            super::operation_states(),
            super::message_levels(),
            super::release_phases(),
            super::release_outcomes(),
            super::release_event_kinds(),
            super::job_statuses(),
            super::job_results(),
            super::submission_statuses(),
            super::submission_results(),
            super::targets(),
            super::lifecycle_states(),
            super::product_stages(),
        ] {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{list:?}");
        }
        assert_eq!(super::error_kinds().len(), 14);
        assert_eq!(
            super::operation_states(),
            ["notStarted", "running", "completed", "failed", "canceled"]
        );
    }
}
