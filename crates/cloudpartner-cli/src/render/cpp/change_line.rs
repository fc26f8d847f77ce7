//! One line per change of a watched offer: the offer state, the overall percentage,
//! the current step and what is left.

use std::time::Duration;

use cloudpartner::OfferStatus;

use super::state_label::{offer_state_label, step_state_label};
use crate::render::duration::{format_elapsed, format_remaining};
use crate::render::progress_bar::whole_percent;
use crate::render::style::{Style, Tone};

/// The current step and what is left, for a line or a progress bar's message:
/// `Certification (in progress, 40%) · 28–45 hours left`.
pub fn summary(status: &OfferStatus, style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(step) = status.current_step() {
        let (state, tone) = step_state_label(&step.status);
        let name = if step.name.is_empty() {
            &step.id
        } else {
            &step.name
        };
        parts.push(format!(
            "{} ({}, {}%)",
            name,
            style.paint(tone, &state),
            step.progress_percentage.min(100)
        ));
    }
    if let Some((min, max)) = status.estimated_remaining() {
        parts.push(format_remaining(min, max));
    }
    parts.join(" · ")
}

/// `00:04  running  46%  Certification (in progress, 40%) · 28–45 hours left`
pub fn change_line(elapsed: Duration, status: &OfferStatus, style: Style) -> String {
    let (state, tone) = offer_state_label(&status.status);
    let mut line = format!(
        "{}  {}  {:>3}%",
        style.paint(Tone::Muted, &format_elapsed(elapsed)),
        style.paint(tone, &state),
        whole_percent(status.progress())
    );
    let summary = summary(status, style);
    if !summary.is_empty() {
        line.push_str("  ");
        line.push_str(&summary);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_one_line_with_state_step_and_percent() {
        let status = cloudpartner::parse_offer_status(
            br#"{"status":"running","steps":[
                {"stepName":"Certification","status":"inProgress","progressPercentage":50,
                 "estimatedTimeFrame":"< 1 hour"}]}"#,
        )
        .unwrap();
        assert_eq!(
            change_line(Duration::from_secs(4), &status, Style::PLAIN),
            "00:04  running   50%  Certification (in progress, 50%) · < 30 min left"
        );
        let done = cloudpartner::parse_offer_status(br#"{"status":"succeeded"}"#).unwrap();
        assert_eq!(
            change_line(Duration::from_secs(61), &done, Style::PLAIN),
            "01:01  succeeded  100%"
        );
    }
}
