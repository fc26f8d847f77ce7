//! What a release reports while it runs.

use serde_json::{Map, Value};

use super::phase::Phase;

/// A progress event of a release whose waits yield statuses of type `S`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ReleaseEvent<S> {
    /// A phase began.
    PhaseStarted {
        /// The phase.
        phase: Phase,
    },
    /// A phase ended with what it did: one line of text (no secret in it) and the same
    /// facts as JSON fields (`version`, `etag`, `operation`, …).
    PhaseFinished {
        /// The phase.
        phase: Phase,
        /// What it did, in words.
        summary: String,
        /// What it did, as JSON fields.
        fields: Map<String, Value>,
    },
    /// While a phase waits, the status changed.
    Status {
        /// The phase that waits.
        phase: Phase,
        /// The new status.
        status: S,
    },
}

impl<S> ReleaseEvent<S> {
    /// The phase the event is about.
    pub fn phase(&self) -> Phase {
        match self {
            ReleaseEvent::PhaseStarted { phase }
            | ReleaseEvent::PhaseFinished { phase, .. }
            | ReleaseEvent::Status { phase, .. } => *phase,
        }
    }

    /// `phase_started`, `phase_finished` or `status`: the event's kind in every
    /// language.
    pub fn kind(&self) -> &'static str {
        match self {
            ReleaseEvent::PhaseStarted { .. } => "phase_started",
            ReleaseEvent::PhaseFinished { .. } => "phase_finished",
            ReleaseEvent::Status { .. } => "status",
        }
    }
}
