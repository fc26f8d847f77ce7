//! Values derived from a status: is it over, does it need the publisher, which step
//! holds it, how far along it is and how long it may still take.

use std::time::Duration;

use crate::cpp::model::{OfferStatus, Step};
use crate::cpp::state::{OfferState, StepState};

impl OfferStatus {
    /// Succeeded, failed or canceled.
    pub fn is_terminal(&self) -> bool {
        self.status.is_terminal()
    }

    /// The offer, or one of its steps, waits for the publisher's review.
    pub fn needs_publisher_action(&self) -> bool {
        self.status == OfferState::WaitingForPublisherReview
            || self
                .steps
                .iter()
                .any(|s| s.status == StepState::WaitingForPublisherReview)
    }

    /// The step holding the pipeline: the first running, waiting or blocked step; else
    /// the first not-started step after the last complete one. `None` when the offer is
    /// terminal or no step qualifies.
    pub fn current_step(&self) -> Option<&Step> {
        self.current_step_index().map(|i| &self.steps[i])
    }

    /// The index in [`Self::steps`] of [`Self::current_step`].
    pub fn current_step_index(&self) -> Option<usize> {
        if self.is_terminal() {
            return None;
        }
        if let Some(i) = self.steps.iter().position(|s| s.status.is_active()) {
            return Some(i);
        }
        let after = self
            .steps
            .iter()
            .rposition(|s| s.status == StepState::Complete)
            .map_or(0, |i| i + 1);
        self.steps[after..]
            .iter()
            .position(|s| s.status == StepState::NotStarted)
            .map(|i| after + i)
    }

    /// How far the publish is, 0.0..=1.0: 1.0 when succeeded, else the mean over steps
    /// of 1 for a complete step and its percentage otherwise; 0.0 without steps.
    pub fn progress(&self) -> f64 {
        if self.status == OfferState::Succeeded {
            return 1.0;
        }
        if self.steps.is_empty() {
            return 0.0;
        }
        let sum: f64 = self
            .steps
            .iter()
            .map(|s| match s.status {
                StepState::Complete => 1.0,
                _ => f64::from(s.progress_percentage) / 100.0,
            })
            .sum();
        sum / self.steps.len() as f64
    }

    /// How long the publish may still take, `(min, max)`: the ranges of the steps that are
    /// not complete, the current one scaled by what is left of it. `None` when terminal
    /// or when no such step has a readable time frame.
    ///
    /// ```
    /// use std::time::Duration;
    /// let s = cloudpartner::parse_offer_status(br#"{"status": "running", "steps": [
    ///   {"status": "inProgress", "progressPercentage": 50, "estimatedTimeFrame": "< 1 hour"},
    ///   {"status": "notStarted", "estimatedTimeFrame": "~2-3 days"}]}"#).unwrap();
    /// let (min, max) = s.estimated_remaining().unwrap();
    /// assert_eq!(min, Duration::from_secs(2 * 86_400));
    /// assert_eq!(max, Duration::from_secs(3 * 86_400 + 1_800));
    /// ```
    pub fn estimated_remaining(&self) -> Option<(Duration, Duration)> {
        if self.is_terminal() {
            return None;
        }
        let current = self.current_step_index();
        let mut total: Option<(Duration, Duration)> = None;
        for (i, step) in self.steps.iter().enumerate() {
            if step.status == StepState::Complete {
                continue;
            }
            let Some((min, max)) = step.estimated_time_frame.as_ref().and_then(|t| t.range())
            else {
                continue;
            };
            let (min, max) = if Some(i) == current {
                step.remaining().unwrap_or((min, max))
            } else {
                (min, max)
            };
            let (a, b) = total.unwrap_or_default();
            total = Some((a + min, b + max));
        }
        total
    }
}

impl Step {
    /// The step's remaining time range, scaled by what is left of it.
    pub fn remaining(&self) -> Option<(Duration, Duration)> {
        if self.status == StepState::Complete {
            return Some((Duration::ZERO, Duration::ZERO));
        }
        let (min, max) = self.estimated_time_frame.as_ref()?.range()?;
        let left = f64::from(100 - self.progress_percentage.min(100)) / 100.0;
        Some((min.mul_f64(left), max.mul_f64(left)))
    }
}
