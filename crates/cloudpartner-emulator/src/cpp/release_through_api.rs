//! A release of an offer through the publishing API: a publish that copies
//! the draft to preview and plays the publish steps up to the publisher's
//! review, then possibly a go-live that plays the remaining steps and
//! copies preview to production. Both are operations, rendered on the
//! emulator's clock like the simulated publishes of scenarios.
//!
//! The steps of a release are split at the first step whose outcome is
//! `waitingForPublisherReview`: the publish plays the steps up to and
//! including it, the go-live the steps after it. Without such a step the
//! publish plays every step and then the default *Publisher signoff*; with
//! nothing after it the go-live plays the default *Live* step.
//!
//! - The publish operation is `running` while its steps run, `completed`
//!   once parked for review, `failed` when a step is rejected, `canceled`
//!   when canceled.
//! - The go-live operation is `running` while its steps run, `completed`
//!   when the offer has `succeeded`, `failed` or `canceled` likewise.
//! - The offer status shows every step: the publish's, then the go-live's
//!   (`notStarted` until the go-live starts, when the review step completes).

use serde_json::{Map, Value};

use crate::clock::{SimulationClock, format_timestamp};
use crate::cpp::default_scenario::{default_live_step, default_signoff_step};
use crate::cpp::offer_document::Document;
use crate::cpp::operation_kinds::{OperationState, SubmissionType};
use crate::cpp::publish_simulation::{
    OfferIds, SimulatedPublish, SimulatedStep, StepOutcome, not_started,
};
use crate::cpp::status_document::{MessageDocument, OfferDocument};

/// When and how an operation was canceled.
#[derive(Clone, Debug)]
pub(crate) struct Cancellation {
    /// Simulated seconds since the emulator started.
    pub at: f64,
    /// The wall-clock timestamp of the cancellation.
    pub timestamp: String,
}

/// One operation of a release.
#[derive(Clone, Debug)]
pub(crate) struct OperationRecord {
    pub id: String,
    /// Simulated seconds since the emulator started.
    pub started_at: f64,
    /// `createdDateTime`.
    pub created: String,
    pub canceled: Option<Cancellation>,
}

impl OperationRecord {
    /// An operation starting now.
    pub fn start_now(clock: &SimulationClock) -> OperationRecord {
        let started_at = clock.now();
        OperationRecord {
            id: uuid::Uuid::new_v4().to_string(),
            started_at,
            created: format_timestamp(clock.wall_time(0.0, started_at)),
            canceled: None,
        }
    }

    /// When the operation stopped moving: its cancellation, else `now`.
    fn end(&self, now: f64) -> f64 {
        self.canceled
            .as_ref()
            .map_or(now, |cancellation| cancellation.at.min(now))
    }
}

/// A publish of an offer and its go-live, once there is one.
#[derive(Clone, Debug)]
pub(crate) struct Release {
    /// The `n` of the legacy location form: 1 for an offer's first release.
    pub publishing_version: u64,
    /// The draft version the publish copied to preview.
    pub offer_version: u64,
    pub notification_emails: String,
    publish_steps: Vec<SimulatedStep>,
    go_live_steps: Vec<SimulatedStep>,
    pub publish: OperationRecord,
    pub go_live: Option<OperationRecord>,
    /// The document the publish copied to preview, for go-live to promote.
    pub preview: Document,
    /// Whether the go-live copied `preview` to production already.
    pub promoted: bool,
}

/// Splits a release's steps into the publish's (ending in the review step)
/// and the go-live's (at least one).
fn split_steps(mut steps: Vec<SimulatedStep>) -> (Vec<SimulatedStep>, Vec<SimulatedStep>) {
    let review = steps
        .iter()
        .position(|step| step.outcome == StepOutcome::WaitingForPublisherReview);
    let mut go_live = match review {
        Some(index) => steps.split_off(index + 1),
        None => {
            steps.push(default_signoff_step());
            Vec::new()
        }
    };
    if go_live.is_empty() {
        go_live.push(default_live_step());
    }
    (steps, go_live)
}

/// The text of an HTML message: tags dropped, the usual entities decoded.
fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for character in html.chars() {
        match character {
            '<' => in_tag = true,
            '>' => in_tag = false,
            other if !in_tag => text.push(other),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

impl Release {
    /// A release whose publish starts now.
    pub fn start(
        publishing_version: u64,
        offer_version: u64,
        steps: Vec<SimulatedStep>,
        notification_emails: String,
        preview: Document,
        clock: &SimulationClock,
    ) -> Release {
        let (publish_steps, go_live_steps) = split_steps(steps);
        Release {
            publishing_version,
            offer_version,
            notification_emails,
            publish_steps,
            go_live_steps,
            publish: OperationRecord::start_now(clock),
            go_live: None,
            preview,
            promoted: false,
        }
    }

    /// The operation of this type, if the release has one.
    pub fn operation(&self, kind: SubmissionType) -> Option<&OperationRecord> {
        match kind {
            SubmissionType::Publish => Some(&self.publish),
            SubmissionType::GoLive => self.go_live.as_ref(),
        }
    }

    /// The publish's status document and state at `now`, with the go-live
    /// steps not started.
    fn render_publish(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> (OfferDocument, OperationState) {
        let started_at = self.publish.started_at;
        let phase = SimulatedPublish {
            started_seconds_ago: -started_at,
            steps: self.publish_steps.clone(),
        };
        let mut document = phase.render(
            ids,
            &self.notification_emails,
            self.publish.end(now) - started_at,
            |seconds| format_timestamp(clock.wall_time(-started_at, seconds)),
        );
        let mut state = match document.status {
            "failed" => OperationState::Failed,
            "waitingForPublisherReview" => OperationState::Completed,
            _ => OperationState::Running,
        };
        if let Some(cancellation) = &self.publish.canceled {
            document = document.canceled(cancellation.timestamp.clone());
            state = OperationState::Canceled;
        }
        document
            .steps
            .extend(self.go_live_steps.iter().map(not_started));
        (document, state)
    }

    /// The status document at `now` as an operation of this type sees it
    /// (the publish does not see its go-live), and that operation's state;
    /// `None` when the release has no such operation.
    pub fn render(
        &self,
        kind: SubmissionType,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> Option<(OfferDocument, OperationState)> {
        let (mut document, publish_state) = self.render_publish(ids, clock, now);
        let go_live = match kind {
            SubmissionType::Publish => return Some((document, publish_state)),
            SubmissionType::GoLive => self.go_live.as_ref()?,
        };
        let started_at = go_live.started_at;
        let review_completed = format_timestamp(clock.wall_time(0.0, started_at));
        let publish_step_count = self.publish_steps.len();
        document.steps.truncate(publish_step_count);
        for step in document
            .steps
            .iter_mut()
            .filter(|step| step.status == "waitingForPublisherReview")
        {
            step.status = "complete";
            step.messages.push(MessageDocument::information(
                "Step completed.",
                review_completed.clone(),
            ));
        }
        let phase = SimulatedPublish {
            started_seconds_ago: -started_at,
            steps: self.go_live_steps.clone(),
        };
        let live = phase.render(
            ids,
            &self.notification_emails,
            go_live.end(now) - started_at,
            |seconds| format_timestamp(clock.wall_time(-started_at, seconds)),
        );
        let mut state = match live.status {
            "succeeded" => OperationState::Completed,
            "failed" => OperationState::Failed,
            _ => OperationState::Running,
        };
        document.status = live.status;
        document.steps.extend(live.steps);
        document.live_links = live.live_links;
        if let Some(cancellation) = &go_live.canceled {
            document = document.canceled(cancellation.timestamp.clone());
            state = OperationState::Canceled;
        }
        Some((document, state))
    }

    /// The offer's status document at `now`: the whole release.
    pub fn status_document(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> OfferDocument {
        let kind = if self.go_live.is_some() {
            SubmissionType::GoLive
        } else {
            SubmissionType::Publish
        };
        match self.render(kind, ids, clock, now) {
            Some((document, _)) => document,
            None => self.render_publish(ids, clock, now).0,
        }
    }

    /// The state of the operation of this type at `now`.
    pub fn state(
        &self,
        kind: SubmissionType,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> Option<OperationState> {
        self.render(kind, ids, clock, now).map(|(_, state)| state)
    }

    /// The operation that is running at `now`, if any.
    pub fn running(
        &self,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> Option<SubmissionType> {
        [SubmissionType::GoLive, SubmissionType::Publish]
            .into_iter()
            .find(|kind| self.state(*kind, ids, clock, now) == Some(OperationState::Running))
    }

    /// Whether the publish is parked for the publisher's review and no
    /// go-live has started.
    pub fn awaits_review(&self, ids: OfferIds<'_>, clock: &SimulationClock, now: f64) -> bool {
        self.go_live.is_none()
            && self.state(SubmissionType::Publish, ids, clock, now)
                == Some(OperationState::Completed)
    }

    /// Starts the go-live now.
    pub fn start_go_live(&mut self, clock: &SimulationClock) -> &OperationRecord {
        self.go_live.insert(OperationRecord::start_now(clock))
    }

    /// Cancels the operation of this type now.
    pub fn cancel(&mut self, kind: SubmissionType, clock: &SimulationClock) {
        let at = clock.now();
        let cancellation = Cancellation {
            at,
            timestamp: format_timestamp(clock.wall_time(0.0, at)),
        };
        let operation = match kind {
            SubmissionType::Publish => Some(&mut self.publish),
            SubmissionType::GoLive => self.go_live.as_mut(),
        };
        if let Some(operation) = operation {
            operation.canceled = Some(cancellation);
        }
    }

    /// The operation of this type as the API returns it (see the crate
    /// documentation for the shape); `None` when the release has none.
    pub fn operation_json(
        &self,
        kind: SubmissionType,
        ids: OfferIds<'_>,
        clock: &SimulationClock,
        now: f64,
    ) -> Option<Value> {
        let record = self.operation(kind)?;
        let (document, state) = self.render(kind, ids, clock, now)?;
        let messages = document
            .messages
            .iter()
            .chain(document.steps.iter().flat_map(|step| step.messages.iter()));
        let last_action = messages
            .clone()
            .map(|message| message.timestamp.as_str())
            .chain([record.created.as_str()])
            .max()
            .unwrap_or_default()
            .to_owned();
        let error = (state == OperationState::Failed)
            .then(|| {
                messages
                    .clone()
                    .rfind(|message| message.level == "error")
                    .map(|message| html_text(&message.message_html))
            })
            .flatten();
        let cancellation_request_state = if record.canceled.is_some() {
            "canceled"
        } else if state == OperationState::Running {
            "canCancel"
        } else {
            "cannotCancel"
        };
        let mut operation = Map::new();
        let mut put = |key: &str, value: Value| {
            operation.insert(key.to_owned(), value);
        };
        put("id", Value::from(record.id.clone()));
        put("offerId", Value::from(ids.offer));
        put("publisherId", Value::from(ids.publisher));
        if let Some(offer_type) = self.preview.get("offerTypeId") {
            put("offerTypeId", offer_type.clone());
        }
        put("offerVersion", Value::from(self.offer_version));
        put("publishingVersion", Value::from(self.publishing_version));
        put("submissionType", Value::from(kind.name()));
        put("submissionState", Value::from(state.name()));
        put("slot", Value::from(kind.slot()));
        put("createdDateTime", Value::from(record.created.clone()));
        put("lastActionDateTime", Value::from(last_action));
        put(
            "cancellationRequestState",
            Value::from(cancellation_request_state),
        );
        put("error", error.map_or(Value::Null, Value::from));
        put("status", Value::from(state.name()));
        if let Ok(Value::Object(status)) = serde_json::to_value(&document) {
            for key in [
                "messages",
                "steps",
                "previewLinks",
                "liveLinks",
                "notificationEmails",
            ] {
                if let Some(value) = status.get(key) {
                    put(key, value.clone());
                }
            }
        }
        Some(Value::Object(operation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, outcome: StepOutcome) -> SimulatedStep {
        SimulatedStep {
            id: id.to_owned(),
            step_name: id.to_owned(),
            description: String::new(),
            estimated_time_frame: String::new(),
            duration_seconds: 100.0,
            outcome,
            message: None,
        }
    }

    const IDS: OfferIds<'static> = OfferIds {
        publisher: "p",
        offer: "o",
    };

    fn ids_of(steps: &[SimulatedStep]) -> Vec<&str> {
        steps.iter().map(|step| step.id.as_str()).collect()
    }

    #[test]
    fn steps_split_at_the_review() {
        let (publish, go_live) = split_steps(vec![
            step("a", StepOutcome::Complete),
            step("review", StepOutcome::WaitingForPublisherReview),
            step("b", StepOutcome::Complete),
        ]);
        assert_eq!(ids_of(&publish), ["a", "review"]);
        assert_eq!(ids_of(&go_live), ["b"]);
        let (publish, go_live) = split_steps(vec![step("a", StepOutcome::Complete)]);
        assert_eq!(ids_of(&publish), ["a", "publisher-signoff"]);
        assert_eq!(ids_of(&go_live), ["live"]);
    }

    #[test]
    fn html_messages_become_text() {
        assert_eq!(
            html_text("<p>Certification failed: <b>x</b> &amp; y</p>"),
            "Certification failed: x & y"
        );
    }

    #[test]
    fn a_release_runs_parks_and_goes_live() {
        // 1000 simulated seconds per real second, but time is given explicitly.
        let clock = SimulationClock::start_now(1000.0);
        let mut release = Release::start(
            1,
            2,
            vec![step("a", StepOutcome::Complete)],
            String::new(),
            Map::new(),
            &clock,
        );
        let start = release.publish.started_at;
        let state = |release: &Release, kind, t: f64| release.state(kind, IDS, &clock, start + t);
        assert_eq!(
            state(&release, SubmissionType::Publish, 50.0),
            Some(OperationState::Running)
        );
        assert_eq!(state(&release, SubmissionType::GoLive, 50.0), None);
        // a (100 s) then the default signoff (1800 s), then parked.
        assert_eq!(
            state(&release, SubmissionType::Publish, 5000.0),
            Some(OperationState::Completed)
        );
        assert!(release.awaits_review(IDS, &clock, start + 5000.0));
        let document = release.status_document(IDS, &clock, start + 5000.0);
        assert_eq!(document.status, "waitingForPublisherReview");
        assert_eq!(document.steps.len(), 3);
        assert_eq!(document.steps[2].status, "notStarted");

        release.start_go_live(&clock);
        release.go_live.as_mut().unwrap().started_at = start + 5000.0;
        let document = release.status_document(IDS, &clock, start + 5001.0);
        assert_eq!(document.status, "running");
        assert_eq!(document.steps[1].status, "complete");
        assert_eq!(document.steps[2].status, "inProgress");
        let later = start + 5000.0 + 200_000.0;
        assert_eq!(
            state(&release, SubmissionType::GoLive, 5000.0 + 200_000.0),
            Some(OperationState::Completed)
        );
        assert_eq!(
            release.status_document(IDS, &clock, later).status,
            "succeeded"
        );
        // The publish operation does not see its go-live.
        assert_eq!(
            state(&release, SubmissionType::Publish, 5000.0 + 200_000.0),
            Some(OperationState::Completed)
        );
        let operation = release
            .operation_json(SubmissionType::GoLive, IDS, &clock, later)
            .unwrap();
        assert_eq!(operation["submissionType"], "goLive");
        assert_eq!(operation["submissionState"], "completed");
        assert_eq!(operation["status"], "completed");
        assert_eq!(operation["slot"], "production");
        assert_eq!(operation["cancellationRequestState"], "cannotCancel");
        assert_eq!(operation["liveLinks"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_rejected_step_fails_the_publish_with_its_message() {
        let clock = SimulationClock::start_now(1.0);
        let mut rejected = step("certify", StepOutcome::Rejected);
        rejected.message = Some(String::from("<p>Not generalized.</p>"));
        let release = Release::start(1, 1, vec![rejected], String::new(), Map::new(), &clock);
        let later = release.publish.started_at + 1000.0;
        let operation = release
            .operation_json(SubmissionType::Publish, IDS, &clock, later)
            .unwrap();
        assert_eq!(operation["submissionState"], "failed");
        assert_eq!(operation["error"], "Not generalized.");
        assert_eq!(operation["steps"][0]["status"], "rejected");
    }

    #[test]
    fn a_canceled_publish_stops_where_it_was() {
        let clock = SimulationClock::start_now(1.0);
        let mut release = Release::start(
            1,
            1,
            vec![step("a", StepOutcome::Complete)],
            String::new(),
            Map::new(),
            &clock,
        );
        release.cancel(SubmissionType::Publish, &clock);
        let later = release.publish.started_at + 1e6;
        let document = release.status_document(IDS, &clock, later);
        assert_eq!(document.status, "canceled");
        assert_eq!(document.steps[0].status, "canceled");
        let operation = release
            .operation_json(SubmissionType::Publish, IDS, &clock, later)
            .unwrap();
        assert_eq!(operation["submissionState"], "canceled");
        assert_eq!(operation["cancellationRequestState"], "canceled");
        assert!(release.running(IDS, &clock, later).is_none());
    }
}
