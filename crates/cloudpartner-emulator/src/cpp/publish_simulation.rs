//! A simulated publish: steps that run one after another on the emulator's
//! clock, rendered as the status document the service would return at a given
//! simulated time.
//!
//! Rules, at simulated time `t` (seconds since the publish started):
//!
//! - `t < 0`: the publish has not started; the offer and every step are
//!   `notStarted`.
//! - Steps run in order, each for its `durationSeconds`. A running step is
//!   `inProgress` with `progressPercentage = floor(100 × elapsed / duration)`
//!   (0..=99) and the message "Step started."; the offer is `running`.
//! - A step whose duration has elapsed ends by its outcome: `complete` (100 %,
//!   plus "Step completed."), `rejected` (an error-level HTML message, the
//!   offer `failed`), or `waitingForPublisherReview` (100 %, an information
//!   message, the offer parks there for good). Steps after a rejected or
//!   parked step stay `notStarted`.
//! - When every step completed the offer is `succeeded` and has a live link
//!   to its marketplace listing.
//! - Preview links appear once a step whose id or name mentions `preview` or
//!   `signoff` has started, and whenever the offer is waiting for publisher
//!   review or succeeded.
//!
//! Message timestamps are the wall-clock times of the simulated events.

use crate::cpp::status_document::{
    MessageDocument, OfferDocument, StepDocument, live_link, preview_link,
};

/// How a simulated step ends once its duration has elapsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum StepOutcome {
    /// The step completes and the publish moves on (the default).
    #[default]
    Complete,
    /// The step is rejected and the offer fails.
    Rejected,
    /// The step waits for the publisher's review, for ever.
    WaitingForPublisherReview,
}

/// One step of a simulated publish.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SimulatedStep {
    pub id: String,
    pub step_name: String,
    pub description: String,
    pub estimated_time_frame: String,
    pub duration_seconds: f64,
    pub outcome: StepOutcome,
    /// The HTML message shown when the step is rejected or parks for review;
    /// a sensible default when absent.
    pub message: Option<String>,
}

/// A publish simulated on the emulator's clock.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SimulatedPublish {
    /// Simulated seconds between the start of the publish and the start of
    /// the emulator; negative when the publish starts later.
    pub started_seconds_ago: f64,
    pub steps: Vec<SimulatedStep>,
}

/// The ids an offer document talks about, for its links.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OfferIds<'a> {
    pub publisher: &'a str,
    pub offer: &'a str,
}

impl SimulatedPublish {
    /// The simulated seconds from the start of the publish until its last
    /// step ends.
    pub fn total_seconds(&self) -> f64 {
        self.steps.iter().map(|step| step.duration_seconds).sum()
    }

    /// The status document at simulated time `t` (seconds since the publish
    /// started). `timestamp_of` formats the wall-clock time of a simulated
    /// instant.
    pub fn render(
        &self,
        ids: OfferIds<'_>,
        notification_emails: &str,
        t: f64,
        timestamp_of: impl Fn(f64) -> String,
    ) -> OfferDocument {
        let mut offer_status = if t < 0.0 { "notStarted" } else { "running" };
        let mut halted = t < 0.0;
        let mut all_complete = !halted;
        let mut preview_started = false;
        let mut steps = Vec::with_capacity(self.steps.len());
        let mut step_start = 0.0;

        for step in &self.steps {
            let step_end = step_start + step.duration_seconds;
            if halted {
                steps.push(not_started(step));
                step_start = step_end;
                continue;
            }
            if mentions_preview(step) {
                preview_started = true;
            }
            let mut messages = vec![MessageDocument::information(
                "Step started.",
                timestamp_of(step_start),
            )];
            let (status, progress_percentage) = if t < step_end {
                let elapsed = (t - step_start) / step.duration_seconds;
                halted = true;
                all_complete = false;
                ("inProgress", ((elapsed * 100.0).floor() as u32).min(99))
            } else {
                match step.outcome {
                    StepOutcome::Complete => {
                        messages.push(MessageDocument::information(
                            "Step completed.",
                            timestamp_of(step_end),
                        ));
                        ("complete", 100)
                    }
                    StepOutcome::Rejected => {
                        messages.push(MessageDocument::error(
                            step.message
                                .clone()
                                .unwrap_or_else(|| default_rejection_message(step)),
                            timestamp_of(step_end),
                        ));
                        halted = true;
                        all_complete = false;
                        offer_status = "failed";
                        ("rejected", 100)
                    }
                    StepOutcome::WaitingForPublisherReview => {
                        messages.push(MessageDocument::information(
                            step.message.clone().unwrap_or_else(default_review_message),
                            timestamp_of(step_end),
                        ));
                        halted = true;
                        all_complete = false;
                        offer_status = "waitingForPublisherReview";
                        ("waitingForPublisherReview", 100)
                    }
                }
            };
            steps.push(StepDocument {
                estimated_time_frame: step.estimated_time_frame.clone(),
                id: step.id.clone(),
                step_name: step.step_name.clone(),
                description: step.description.clone(),
                status,
                messages,
                progress_percentage,
            });
            step_start = step_end;
        }

        if all_complete {
            offer_status = "succeeded";
        }
        let preview_visible =
            preview_started || matches!(offer_status, "succeeded" | "waitingForPublisherReview");
        OfferDocument {
            status: offer_status,
            messages: Vec::new(),
            steps,
            preview_links: if preview_visible {
                vec![preview_link(ids.publisher, ids.offer)]
            } else {
                Vec::new()
            },
            live_links: if offer_status == "succeeded" {
                vec![live_link(ids.publisher, ids.offer)]
            } else {
                Vec::new()
            },
            notification_emails: notification_emails.to_owned(),
        }
    }
}

/// A step that has not started yet.
pub(crate) fn not_started(step: &SimulatedStep) -> StepDocument {
    StepDocument {
        estimated_time_frame: step.estimated_time_frame.clone(),
        id: step.id.clone(),
        step_name: step.step_name.clone(),
        description: step.description.clone(),
        status: "notStarted",
        messages: Vec::new(),
        progress_percentage: 0,
    }
}

/// Whether a step is the one where the offer's preview becomes available.
fn mentions_preview(step: &SimulatedStep) -> bool {
    [&step.id, &step.step_name].iter().any(|text| {
        let text = text.to_ascii_lowercase();
        text.contains("preview") || text.contains("signoff")
    })
}

/// The error message of a rejected step without a configured message.
fn default_rejection_message(step: &SimulatedStep) -> String {
    format!(
        "<p>{} failed: the offer did not pass this step. Fix the reported issues and publish the offer again.</p>",
        escape_html(&step.step_name)
    )
}

/// The message of a step parked for publisher review without a configured message.
fn default_review_message() -> String {
    String::from(
        "<p>Your offer is ready for review. Check the preview and select <b>Go Live</b> to continue publishing.</p>",
    )
}

/// Escapes text for inclusion in an HTML message.
pub(crate) fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, duration_seconds: f64, outcome: StepOutcome) -> SimulatedStep {
        SimulatedStep {
            id: id.to_owned(),
            step_name: id.to_uppercase(),
            description: String::new(),
            estimated_time_frame: String::from("< 1 hour"),
            duration_seconds,
            outcome,
            message: None,
        }
    }

    fn publish(outcome_of_second: StepOutcome) -> SimulatedPublish {
        SimulatedPublish {
            started_seconds_ago: 0.0,
            steps: vec![
                step("first", 100.0, StepOutcome::Complete),
                step("second", 200.0, outcome_of_second),
                step("third", 50.0, StepOutcome::Complete),
            ],
        }
    }

    const IDS: OfferIds<'static> = OfferIds {
        publisher: "contoso",
        offer: "vm",
    };

    fn at(publish: &SimulatedPublish, t: f64) -> OfferDocument {
        publish.render(IDS, "a@b.c", t, |s| format!("t={s}"))
    }

    fn statuses(document: &OfferDocument) -> Vec<(&'static str, u32)> {
        document
            .steps
            .iter()
            .map(|step| (step.status, step.progress_percentage))
            .collect()
    }

    #[test]
    fn before_the_start_nothing_has_started() {
        let document = at(&publish(StepOutcome::Complete), -5.0);
        assert_eq!(document.status, "notStarted");
        assert_eq!(
            statuses(&document),
            vec![("notStarted", 0), ("notStarted", 0), ("notStarted", 0)]
        );
    }

    #[test]
    fn progress_grows_within_a_step() {
        let publish = publish(StepOutcome::Complete);
        let document = at(&publish, 0.0);
        assert_eq!(document.status, "running");
        assert_eq!(statuses(&document)[0], ("inProgress", 0));
        let document = at(&publish, 180.0);
        assert_eq!(
            statuses(&document),
            vec![("complete", 100), ("inProgress", 40), ("notStarted", 0)]
        );
        assert_eq!(document.steps[0].messages.len(), 2);
        assert_eq!(document.steps[0].messages[1].timestamp, "t=100");
        assert_eq!(document.steps[1].messages[0].message_html, "Step started.");
        assert_eq!(document.steps[1].messages[0].timestamp, "t=100");
        assert!(document.live_links.is_empty());
        let document = at(&publish, 299.999);
        assert_eq!(statuses(&document)[1], ("inProgress", 99));
    }

    #[test]
    fn all_steps_complete_means_succeeded_with_links() {
        let document = at(&publish(StepOutcome::Complete), 350.0);
        assert_eq!(document.status, "succeeded");
        assert!(statuses(&document).iter().all(|s| *s == ("complete", 100)));
        assert_eq!(document.live_links.len(), 1);
        assert_eq!(document.preview_links.len(), 1);
        assert_eq!(document.notification_emails, "a@b.c");
    }

    #[test]
    fn a_rejected_step_fails_the_offer() {
        let document = at(&publish(StepOutcome::Rejected), 1000.0);
        assert_eq!(document.status, "failed");
        assert_eq!(
            statuses(&document),
            vec![("complete", 100), ("rejected", 100), ("notStarted", 0)]
        );
        let message = &document.steps[1].messages[1];
        assert_eq!(message.level, "error");
        assert!(message.message_html.starts_with("<p>SECOND failed"));
        assert_eq!(message.timestamp, "t=300");
        assert!(document.live_links.is_empty());
    }

    #[test]
    fn a_review_step_parks_the_offer() {
        let document = at(&publish(StepOutcome::WaitingForPublisherReview), 1e9);
        assert_eq!(document.status, "waitingForPublisherReview");
        assert_eq!(
            statuses(&document),
            vec![
                ("complete", 100),
                ("waitingForPublisherReview", 100),
                ("notStarted", 0)
            ]
        );
        assert_eq!(document.preview_links.len(), 1);
    }

    #[test]
    fn zero_length_steps_complete_at_once_and_empty_publishes_succeed() {
        let publish = SimulatedPublish {
            started_seconds_ago: 0.0,
            steps: vec![step("instant", 0.0, StepOutcome::Complete)],
        };
        assert_eq!(at(&publish, 0.0).status, "succeeded");
        let empty = SimulatedPublish {
            started_seconds_ago: 0.0,
            steps: vec![],
        };
        assert_eq!(at(&empty, 0.0).status, "succeeded");
        assert_eq!(at(&empty, -1.0).status, "notStarted");
    }

    #[test]
    fn preview_links_appear_when_the_signoff_step_starts() {
        let publish = SimulatedPublish {
            started_seconds_ago: 0.0,
            steps: vec![
                step("package", 10.0, StepOutcome::Complete),
                step("publisher-signoff", 10.0, StepOutcome::Complete),
                step("live", 10.0, StepOutcome::Complete),
            ],
        };
        assert!(at(&publish, 5.0).preview_links.is_empty());
        assert_eq!(at(&publish, 15.0).preview_links.len(), 1);
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<a & 'b'>"), "&lt;a &amp; &#39;b&#39;&gt;");
    }
}
