//! An [`OfferStatus`] converted once, whole, into plain JavaScript objects with the
//! camelCase fields of DESIGN §6. Derived values (terminal, current step, progress,
//! remaining time) and the canonical JSON come from the core and are carried along;
//! the JavaScript layer only attaches them to its `OfferStatus` class.

use std::time::Duration;

use chrono::{DateTime, Utc};
use cloudpartner::{Link, Message, OfferStatus, Step, TimeFrame};
use napi_derive::napi;

/// An offer status as the addon hands it to the JavaScript layer.
#[napi(object, use_nullable = true)]
pub struct NativeOfferStatus {
    /// The canonical state (`"running"`), or `"unknown"`.
    pub status: String,
    /// The state as the service spelled it.
    pub raw_status: String,
    /// Messages about the offer as a whole.
    pub messages: Vec<NativeMessage>,
    /// The steps of the pipeline, in order.
    pub steps: Vec<NativeStep>,
    /// Links to the preview.
    pub preview_links: Vec<NativeLink>,
    /// Links to the live offer.
    pub live_links: Vec<NativeLink>,
    /// Who is told about publishing events.
    pub notification_emails: Vec<String>,
    /// Succeeded, failed or canceled.
    pub is_terminal: bool,
    /// The offer or a step waits for the publisher's review.
    pub needs_publisher_action: bool,
    /// The index in `steps` of the current step.
    pub current_step_index: Option<u32>,
    /// How far the publish is, 0..1.
    pub progress: f64,
    /// How long the publish may still take.
    pub estimated_remaining: Option<NativeRange>,
    /// The canonical wire JSON (`toJson()`).
    pub canonical_json: String,
}

/// One step of the pipeline.
#[napi(object, use_nullable = true)]
pub struct NativeStep {
    /// The step's identifier.
    pub id: String,
    /// The display name (the wire's `stepName`).
    pub name: String,
    /// What the step does.
    pub description: String,
    /// The canonical state (`"inProgress"`), or `"unknown"`.
    pub status: String,
    /// The state as the service spelled it.
    pub raw_status: String,
    /// 0..100.
    pub progress_percentage: u32,
    /// The expected duration, when the service gave one.
    pub estimated_time_frame: Option<NativeTimeFrame>,
    /// Messages about the step.
    pub messages: Vec<NativeMessage>,
}

/// A message of the pipeline.
#[napi(object, use_nullable = true)]
pub struct NativeMessage {
    /// The message as HTML.
    pub html: String,
    /// The message as plain text.
    pub text: String,
    /// The canonical level (`"warning"`), or `"unknown"`.
    pub level: String,
    /// The level as the service spelled it.
    pub raw_level: String,
    /// When it was written (a `Date`), or null.
    pub timestamp: Option<DateTime<Utc>>,
}

/// A link to a preview or to the live offer.
#[napi(object)]
pub struct NativeLink {
    /// The label; empty for a bare URI.
    pub display_text: String,
    /// The URI.
    pub uri: String,
}

/// A step's estimated time frame: its text and, when readable, its range.
#[napi(object, use_nullable = true)]
pub struct NativeTimeFrame {
    /// The text as the service sent it (`"~2-3 days"`).
    pub raw: String,
    /// The lower end, in seconds.
    pub min_seconds: Option<f64>,
    /// The upper end, in seconds.
    pub max_seconds: Option<f64>,
}

/// A duration range in seconds.
#[napi(object)]
pub struct NativeRange {
    /// The lower end, in seconds.
    pub min_seconds: f64,
    /// The upper end, in seconds.
    pub max_seconds: f64,
}

/// The state spelling of the contract: canonical, or `"unknown"` with the raw
/// spelling kept beside it.
fn state(canonical: &str, unknown: bool) -> String {
    if unknown { "unknown" } else { canonical }.to_owned()
}

fn range((min, max): (Duration, Duration)) -> NativeRange {
    NativeRange {
        min_seconds: min.as_secs_f64(),
        max_seconds: max.as_secs_f64(),
    }
}

fn time_frame(frame: &TimeFrame) -> NativeTimeFrame {
    NativeTimeFrame {
        raw: frame.raw().to_owned(),
        min_seconds: frame.min().map(|d| d.as_secs_f64()),
        max_seconds: frame.max().map(|d| d.as_secs_f64()),
    }
}

fn message(m: &Message) -> NativeMessage {
    NativeMessage {
        html: m.html.clone(),
        text: m.text.clone(),
        level: state(m.level.as_wire(), m.level.is_unknown()),
        raw_level: m.raw_level.clone(),
        timestamp: m.timestamp,
    }
}

fn link(l: &Link) -> NativeLink {
    NativeLink {
        display_text: l.display_text.clone(),
        uri: l.uri.clone(),
    }
}

fn step(s: &Step) -> NativeStep {
    NativeStep {
        id: s.id.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        status: state(s.status.as_wire(), s.status.is_unknown()),
        raw_status: s.raw_status.clone(),
        progress_percentage: u32::from(s.progress_percentage),
        estimated_time_frame: s.estimated_time_frame.as_ref().map(time_frame),
        messages: s.messages.iter().map(message).collect(),
    }
}

impl From<&OfferStatus> for NativeOfferStatus {
    fn from(s: &OfferStatus) -> Self {
        NativeOfferStatus {
            status: state(s.status.as_wire(), s.status.is_unknown()),
            raw_status: s.raw_status.clone(),
            messages: s.messages.iter().map(message).collect(),
            steps: s.steps.iter().map(step).collect(),
            preview_links: s.preview_links.iter().map(link).collect(),
            live_links: s.live_links.iter().map(link).collect(),
            notification_emails: s.notification_emails.clone(),
            is_terminal: s.is_terminal(),
            needs_publisher_action: s.needs_publisher_action(),
            current_step_index: s.current_step_index().and_then(|i| u32::try_from(i).ok()),
            progress: s.progress(),
            estimated_remaining: s.estimated_remaining().map(range),
            canonical_json: s.to_json(),
        }
    }
}
