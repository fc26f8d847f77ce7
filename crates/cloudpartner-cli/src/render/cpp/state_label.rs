//! How states and levels read in human output: words, and the tone that colours them.

use cloudpartner::{MessageLevel, OfferState, StepState};

use crate::render::style::Tone;

/// `"inProgress"` → `"in progress"`; unknown values verbatim.
fn words(wire: &str) -> String {
    let mut out = String::with_capacity(wire.len() + 4);
    for c in wire.chars() {
        if c.is_ascii_uppercase() {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// An offer state for people (`waiting for publisher review`) and its tone.
pub fn offer_state_label(state: &OfferState) -> (String, Tone) {
    let tone = match state {
        OfferState::Succeeded => Tone::Good,
        OfferState::Running => Tone::Active,
        OfferState::WaitingForPublisherReview | OfferState::Canceled => Tone::Attention,
        OfferState::Failed => Tone::Bad,
        OfferState::NeverPublished | OfferState::NotStarted => Tone::Muted,
        OfferState::Unknown(_) => Tone::Plain,
    };
    match state {
        OfferState::Unknown(raw) => (format!("{raw} (unknown)"), tone),
        known => (words(known.as_wire()), tone),
    }
}

/// A step state for people (`in progress`) and its tone.
pub fn step_state_label(state: &StepState) -> (String, Tone) {
    let tone = match state {
        StepState::Complete => Tone::Good,
        StepState::InProgress => Tone::Active,
        StepState::WaitingForPublisherReview
        | StepState::WaitingForApproval
        | StepState::Blocked
        | StepState::Canceled => Tone::Attention,
        StepState::Rejected => Tone::Bad,
        StepState::NotStarted => Tone::Muted,
        StepState::Unknown(_) => Tone::Plain,
    };
    match state {
        StepState::Unknown(raw) => (format!("{raw} (unknown)"), tone),
        known => (words(known.as_wire()), tone),
    }
}

/// A message level (`warning`) and its tone.
pub fn level_label(level: &MessageLevel) -> (String, Tone) {
    let tone = match level {
        MessageLevel::Error => Tone::Bad,
        MessageLevel::Warning => Tone::Attention,
        MessageLevel::Information | MessageLevel::Unknown(_) => Tone::Muted,
    };
    (level.as_wire().to_owned(), tone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_as_words() {
        assert_eq!(
            offer_state_label(&OfferState::WaitingForPublisherReview).0,
            "waiting for publisher review"
        );
        assert_eq!(
            step_state_label(&StepState::InProgress),
            ("in progress".into(), Tone::Active)
        );
        assert_eq!(step_state_label(&StepState::Rejected).1, Tone::Bad);
        assert_eq!(
            offer_state_label(&OfferState::from_wire("paused")).0,
            "paused (unknown)"
        );
        assert_eq!(level_label(&MessageLevel::Warning).0, "warning");
    }
}
