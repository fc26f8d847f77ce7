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
}

/// The core's lists of error kinds, offer, step and operation states and message levels.
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
    }
}
