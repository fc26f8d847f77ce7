//! The offer status document: an offer's state, its steps, messages and links.

use chrono::{DateTime, Utc};

use crate::cpp::state::{MessageLevel, OfferState, StepState};
use crate::cpp::time_frame::TimeFrame;

/// Where an offer stands in its publishing pipeline: the body of
/// `GET /api/publishers/{publisherId}/offers/{offerId}/status`.
///
/// Read one with [`crate::parse_offer_status`] or fetch one with [`crate::Client`].
/// Equality ignores the raw spellings: `Succeeded` and `succeeded` are the same state.
///
/// ```
/// let status = cloudpartner::parse_offer_status(br#"{"status": "running", "steps": [
///     {"id": "a", "status": "complete"},
///     {"id": "b", "status": "inProgress", "progressPercentage": 50, "estimatedTimeFrame": "< 1 hour"}
/// ]}"#).unwrap();
/// assert_eq!(status.current_step().unwrap().id, "b");
/// assert_eq!(status.progress(), 0.75);
/// ```
#[derive(Debug, Clone, Default)]
pub struct OfferStatus {
    /// The offer's state.
    pub status: OfferState,
    /// The state as the service spelled it.
    pub raw_status: String,
    /// Messages about the offer as a whole.
    pub messages: Vec<Message>,
    /// The steps of the publishing pipeline, in order.
    pub steps: Vec<Step>,
    /// Links to the preview of the offer.
    pub preview_links: Vec<Link>,
    /// Links to the live offer.
    pub live_links: Vec<Link>,
    /// Who is told about publishing events.
    pub notification_emails: Vec<String>,
}

/// One step of the publishing pipeline (`Certification`, `Provisioning`, ...).
#[derive(Debug, Clone, Default)]
pub struct Step {
    /// The step's identifier (`displaycertify`).
    pub id: String,
    /// The step's display name (the wire's `stepName`).
    pub name: String,
    /// What the step does.
    pub description: String,
    /// The step's state.
    pub status: StepState,
    /// The state as the service spelled it.
    pub raw_status: String,
    /// How far the step is, 0..=100.
    pub progress_percentage: u8,
    /// How long the step is expected to take; `None` when the field is absent or empty.
    pub estimated_time_frame: Option<TimeFrame>,
    /// Messages about this step.
    pub messages: Vec<Message>,
}

/// A message from the pipeline, in HTML, with its level and time.
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The message as HTML (the wire's `messageHtml`).
    pub html: String,
    /// The message as plain text: tags stripped, entities decoded, whitespace collapsed.
    pub text: String,
    /// Information, warning or error.
    pub level: MessageLevel,
    /// The level as the service spelled it.
    pub raw_level: String,
    /// When it was written, in UTC; `None` when absent or unreadable.
    pub timestamp: Option<DateTime<Utc>>,
}

/// A link to a preview or to the live offer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Link {
    /// The link's label; empty when the service sent a bare URI.
    pub display_text: String,
    /// The URI.
    pub uri: String,
}

impl Default for OfferState {
    fn default() -> Self {
        OfferState::Unknown(String::new())
    }
}

impl Default for StepState {
    fn default() -> Self {
        StepState::Unknown(String::new())
    }
}

impl Default for MessageLevel {
    fn default() -> Self {
        MessageLevel::Unknown(String::new())
    }
}

impl PartialEq for OfferStatus {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.messages == other.messages
            && self.steps == other.steps
            && self.preview_links == other.preview_links
            && self.live_links == other.live_links
            && self.notification_emails == other.notification_emails
    }
}

impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.description == other.description
            && self.status == other.status
            && self.progress_percentage == other.progress_percentage
            && self.estimated_time_frame == other.estimated_time_frame
            && self.messages == other.messages
    }
}

impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        self.html == other.html && self.level == other.level && self.timestamp == other.timestamp
    }
}

impl Eq for OfferStatus {}
impl Eq for Step {}
impl Eq for Message {}

impl Message {
    /// A message from its HTML; the plain text is derived from it.
    pub fn new(
        html: impl Into<String>,
        level: MessageLevel,
        timestamp: Option<DateTime<Utc>>,
    ) -> Message {
        let html = html.into();
        Message {
            text: crate::document::message_text::html_to_text(&html),
            raw_level: level.as_wire().to_owned(),
            html,
            level,
            timestamp,
        }
    }
}
