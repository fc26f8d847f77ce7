//! Canonical wire JSON: camelCase keys in the service's order, canonical spellings.

use serde::Serialize;

use crate::cpp::model::{Link, Message, OfferStatus, Step};
use crate::document::timestamp::format_timestamp;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireOfferStatus<'a> {
    status: &'a str,
    messages: Vec<WireMessage<'a>>,
    steps: Vec<WireStep<'a>>,
    preview_links: Vec<WireLink<'a>>,
    live_links: Vec<WireLink<'a>>,
    notification_emails: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireStep<'a> {
    id: &'a str,
    step_name: &'a str,
    description: &'a str,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    estimated_time_frame: Option<&'a str>,
    progress_percentage: u8,
    messages: Vec<WireMessage<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireMessage<'a> {
    message_html: &'a str,
    level: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WireLink<'a> {
    display_text: &'a str,
    uri: &'a str,
}

fn messages(list: &[Message]) -> Vec<WireMessage<'_>> {
    list.iter()
        .map(|m| WireMessage {
            message_html: &m.html,
            level: m.level.as_wire(),
            timestamp: m.timestamp.as_ref().map(format_timestamp),
        })
        .collect()
}

fn links(list: &[Link]) -> Vec<WireLink<'_>> {
    list.iter()
        .map(|l| WireLink {
            display_text: &l.display_text,
            uri: &l.uri,
        })
        .collect()
}

fn step(s: &Step) -> WireStep<'_> {
    WireStep {
        id: &s.id,
        step_name: &s.name,
        description: &s.description,
        status: s.status.as_wire(),
        estimated_time_frame: s.estimated_time_frame.as_ref().map(|t| t.raw()),
        progress_percentage: s.progress_percentage,
        messages: messages(&s.messages),
    }
}

impl OfferStatus {
    /// The canonical wire JSON of this status, on one line.
    ///
    /// Keys are camelCase in the service's order, states have their canonical spelling
    /// (`inProgress`), unknown values are written verbatim, timestamps in UTC, and
    /// `notificationEmails` is one string joined with `", "`. Parsing the result gives
    /// back an equal status.
    ///
    /// ```
    /// let s = cloudpartner::parse_offer_status(br#"{"status": "Succeeded"}"#).unwrap();
    /// assert_eq!(
    ///     s.to_json(),
    ///     r#"{"status":"succeeded","messages":[],"steps":[],"previewLinks":[],"liveLinks":[],"notificationEmails":""}"#
    /// );
    /// assert_eq!(cloudpartner::parse_offer_status(s.to_json().as_bytes()).unwrap(), s);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.wire())
            .unwrap_or_else(|_| unreachable!("serializing plain strings cannot fail"))
    }

    /// The canonical JSON, indented for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.wire())
            .unwrap_or_else(|_| unreachable!("serializing plain strings cannot fail"))
    }

    /// The canonical JSON as a [`serde_json::Value`].
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self.wire())
            .unwrap_or_else(|_| unreachable!("serializing plain strings cannot fail"))
    }

    fn wire(&self) -> WireOfferStatus<'_> {
        WireOfferStatus {
            status: self.status.as_wire(),
            messages: messages(&self.messages),
            steps: self.steps.iter().map(step).collect(),
            preview_links: links(&self.preview_links),
            live_links: links(&self.live_links),
            notification_emails: self.notification_emails.join(", "),
        }
    }
}
