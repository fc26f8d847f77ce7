//! An [`OfferStatus`] handed to JavaScript in two strings: a JSON *view* with the
//! camelCase fields of DESIGN §6 and the derived values computed by the core (the
//! JavaScript layer reads it with one `JSON.parse`, which builds objects far faster
//! than setting their properties one by one through N-API), and the canonical wire
//! JSON that `toJson()` returns.

use std::time::Duration;

use cloudpartner::{Link, Message, OfferStatus, Step, TimeFrame};
use napi_derive::napi;
use serde::Serialize;

/// An offer status as the addon hands it to the JavaScript layer.
#[napi(object)]
pub struct NativeOfferStatus {
    /// The JSON view: `status`, `rawStatus`, `messages`, `steps`, `previewLinks`,
    /// `liveLinks`, `notificationEmails`, `isTerminal`, `needsPublisherAction`,
    /// `currentStepIndex`, `progress`, `estimatedRemaining`; message timestamps are
    /// milliseconds since the epoch (or null).
    pub view: String,
    /// The canonical wire JSON (`toJson()`).
    pub canonical: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusView<'a> {
    status: &'a str,
    raw_status: &'a str,
    messages: Vec<MessageView<'a>>,
    steps: Vec<StepView<'a>>,
    preview_links: Vec<LinkView<'a>>,
    live_links: Vec<LinkView<'a>>,
    notification_emails: &'a [String],
    is_terminal: bool,
    needs_publisher_action: bool,
    current_step_index: Option<usize>,
    progress: f64,
    estimated_remaining: Option<RangeView>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepView<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    status: &'a str,
    raw_status: &'a str,
    progress_percentage: u8,
    estimated_time_frame: Option<TimeFrameView<'a>>,
    messages: Vec<MessageView<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MessageView<'a> {
    html: &'a str,
    text: &'a str,
    level: &'a str,
    raw_level: &'a str,
    /// Milliseconds since the epoch; the JavaScript layer makes it a `Date`.
    timestamp: Option<i64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LinkView<'a> {
    display_text: &'a str,
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TimeFrameView<'a> {
    raw: &'a str,
    min_seconds: Option<f64>,
    max_seconds: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RangeView {
    min_seconds: f64,
    max_seconds: f64,
}

/// The state spelling of the contract: canonical, or `"unknown"` with the raw
/// spelling kept beside it.
fn state(canonical: &str, unknown: bool) -> &str {
    if unknown { "unknown" } else { canonical }
}

fn range((min, max): (Duration, Duration)) -> RangeView {
    RangeView {
        min_seconds: min.as_secs_f64(),
        max_seconds: max.as_secs_f64(),
    }
}

fn time_frame(frame: &TimeFrame) -> TimeFrameView<'_> {
    TimeFrameView {
        raw: frame.raw(),
        min_seconds: frame.min().map(|d| d.as_secs_f64()),
        max_seconds: frame.max().map(|d| d.as_secs_f64()),
    }
}

fn message(m: &Message) -> MessageView<'_> {
    MessageView {
        html: &m.html,
        text: &m.text,
        level: state(m.level.as_wire(), m.level.is_unknown()),
        raw_level: &m.raw_level,
        timestamp: m.timestamp.map(|t| t.timestamp_millis()),
    }
}

fn link(l: &Link) -> LinkView<'_> {
    LinkView {
        display_text: &l.display_text,
        uri: &l.uri,
    }
}

fn step(s: &Step) -> StepView<'_> {
    StepView {
        id: &s.id,
        name: &s.name,
        description: &s.description,
        status: state(s.status.as_wire(), s.status.is_unknown()),
        raw_status: &s.raw_status,
        progress_percentage: s.progress_percentage,
        estimated_time_frame: s.estimated_time_frame.as_ref().map(time_frame),
        messages: s.messages.iter().map(message).collect(),
    }
}

impl From<&OfferStatus> for NativeOfferStatus {
    fn from(s: &OfferStatus) -> Self {
        let view = StatusView {
            status: state(s.status.as_wire(), s.status.is_unknown()),
            raw_status: &s.raw_status,
            messages: s.messages.iter().map(message).collect(),
            steps: s.steps.iter().map(step).collect(),
            preview_links: s.preview_links.iter().map(link).collect(),
            live_links: s.live_links.iter().map(link).collect(),
            notification_emails: &s.notification_emails,
            is_terminal: s.is_terminal(),
            needs_publisher_action: s.needs_publisher_action(),
            current_step_index: s.current_step_index(),
            progress: s.progress(),
            estimated_remaining: s.estimated_remaining().map(range),
        };
        NativeOfferStatus {
            // Plain strings, numbers and booleans: serializing cannot fail.
            view: serde_json::to_string(&view).unwrap_or_default(),
            canonical: s.to_json(),
        }
    }
}
