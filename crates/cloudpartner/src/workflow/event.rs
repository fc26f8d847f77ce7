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

    /// What a finished phase did, in words; `None` for other events.
    pub fn summary(&self) -> Option<&str> {
        match self {
            ReleaseEvent::PhaseFinished { summary, .. } => Some(summary),
            _ => None,
        }
    }

    /// What a finished phase did, as a JSON object's text; `None` for other events.
    ///
    /// ```
    /// use cloudpartner::{Phase, ReleaseEvent};
    /// let event: ReleaseEvent<()> = ReleaseEvent::PhaseFinished {
    ///     phase: Phase::Write,
    ///     summary: "written".into(),
    ///     fields: serde_json::json!({"version": 2}).as_object().unwrap().clone(),
    /// };
    /// assert_eq!(event.fields_json().as_deref(), Some(r#"{"version":2}"#));
    /// assert_eq!(event.summary(), Some("written"));
    /// ```
    pub fn fields_json(&self) -> Option<String> {
        match self {
            ReleaseEvent::PhaseFinished { fields, .. } => {
                Some(Value::Object(fields.clone()).to_string())
            }
            _ => None,
        }
    }

    /// The status of a status event; `None` for other events.
    pub fn status(&self) -> Option<&S> {
        match self {
            ReleaseEvent::Status { status, .. } => Some(status),
            _ => None,
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
