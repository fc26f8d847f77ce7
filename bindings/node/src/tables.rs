//! `tables()`: the core's lists of names ([`cloudpartner::tables`]), from which the
//! JavaScript layer takes `ERROR_KINDS` and the build generates the string unions of
//! `tables.d.ts`; the Node tests check both against it.

use napi_derive::napi;

/// The core's lists, in their shared spellings and the core's order.
#[napi(object)]
pub struct NativeTables {
    /// Every error kind (`"not_found"`).
    pub error_kinds: Vec<String>,
    /// Every known offer state (`"waitingForPublisherReview"`).
    pub offer_states: Vec<String>,
    /// Every known step state (`"inProgress"`).
    pub step_states: Vec<String>,
    /// Every known operation state (`"completed"`).
    pub operation_states: Vec<String>,
    /// Every known message level (`"warning"`).
    pub message_levels: Vec<String>,
    /// Every phase of a release (`"go-live"`).
    pub release_phases: Vec<String>,
    /// Every outcome of a release (`"at_review"`).
    pub release_outcomes: Vec<String>,
    /// Every kind of release progress event (`"phase_finished"`).
    pub release_event_kinds: Vec<String>,
    /// Every known configure job status (`"running"`).
    pub job_statuses: Vec<String>,
    /// Every known configure job result (`"cancelled"`).
    pub job_results: Vec<String>,
    /// Every known submission status (`"completed"`).
    pub submission_statuses: Vec<String>,
    /// Every known submission result (`"succeeded"`).
    pub submission_results: Vec<String>,
    /// Every target (`"preview"`).
    pub targets: Vec<String>,
    /// Every known lifecycle state (`"deprecated"`).
    pub lifecycle_states: Vec<String>,
    /// Every product stage (`"waiting_for_go_live"`).
    pub product_stages: Vec<String>,
}

/// The core's lists of error kinds, offer, step and operation states, message levels and the release's
/// phases, outcomes and event kinds.
#[napi]
pub fn tables() -> NativeTables {
    use cloudpartner::tables;
    let owned = |list: Vec<&str>| list.into_iter().map(str::to_owned).collect();
    NativeTables {
        error_kinds: owned(tables::error_kinds()),
        offer_states: owned(tables::offer_states()),
        step_states: owned(tables::step_states()),
        operation_states: owned(tables::operation_states()),
        message_levels: owned(tables::message_levels()),
        release_phases: owned(tables::release_phases()),
        release_outcomes: owned(tables::release_outcomes()),
        release_event_kinds: owned(tables::release_event_kinds()),
        job_statuses: owned(tables::job_statuses()),
        job_results: owned(tables::job_results()),
        submission_statuses: owned(tables::submission_statuses()),
        submission_results: owned(tables::submission_results()),
        targets: owned(tables::targets()),
        lifecycle_states: owned(tables::lifecycle_states()),
        product_stages: owned(tables::product_stages()),
    }
}
