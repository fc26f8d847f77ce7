//! The offer status document as the service writes it on the wire.
//!
//! The structs serialize their fields in the service's order (`status`,
//! `messages`, `steps`, `previewLinks`, `liveLinks`, `notificationEmails`;
//! each step `estimatedTimeFrame`, `id`, `stepName`, `description`, `status`,
//! `messages`, `progressPercentage`), which a `serde_json::Value` would not
//! keep.

use serde::Serialize;

/// A whole offer status document, as returned by the status endpoint.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OfferDocument {
    pub status: &'static str,
    pub messages: Vec<MessageDocument>,
    pub steps: Vec<StepDocument>,
    pub preview_links: Vec<LinkDocument>,
    pub live_links: Vec<LinkDocument>,
    pub notification_emails: String,
}

/// One publishing step of an [`OfferDocument`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StepDocument {
    pub estimated_time_frame: String,
    pub id: String,
    pub step_name: String,
    pub description: String,
    pub status: &'static str,
    pub messages: Vec<MessageDocument>,
    pub progress_percentage: u32,
}

/// A message attached to an offer or a step.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MessageDocument {
    pub message_html: String,
    pub level: &'static str,
    pub timestamp: String,
}

/// A preview or live link.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LinkDocument {
    pub display_text: String,
    pub uri: String,
}

impl OfferDocument {
    /// The document of a publish canceled at `timestamp`: the offer
    /// `canceled` with a warning saying so, and the step that was running
    /// `canceled` with a "Step canceled." warning.
    pub fn canceled(mut self, timestamp: String) -> OfferDocument {
        self.status = "canceled";
        self.messages.push(MessageDocument::warning(
            "<p>The publisher canceled the publish.</p>",
            timestamp.clone(),
        ));
        for step in self
            .steps
            .iter_mut()
            .filter(|step| step.status == "inProgress")
        {
            step.status = "canceled";
            step.messages.push(MessageDocument::warning(
                "Step canceled.",
                timestamp.clone(),
            ));
        }
        self
    }

    /// The document as compact JSON text.
    pub fn to_json(&self) -> String {
        // Serializing plain strings, vectors and integers cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

impl MessageDocument {
    /// An information-level message.
    pub fn information(html: impl Into<String>, timestamp: String) -> Self {
        MessageDocument {
            message_html: html.into(),
            level: "information",
            timestamp,
        }
    }

    /// A warning-level message.
    pub fn warning(html: impl Into<String>, timestamp: String) -> Self {
        MessageDocument {
            message_html: html.into(),
            level: "warning",
            timestamp,
        }
    }

    /// An error-level message.
    pub fn error(html: impl Into<String>, timestamp: String) -> Self {
        MessageDocument {
            message_html: html.into(),
            level: "error",
            timestamp,
        }
    }
}

/// Percent-encodes an id for use inside a marketplace URI.
fn encode_for_uri(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC)
        .to_string()
        // Keep the characters ids usually contain readable.
        .replace("%2D", "-")
        .replace("%2E", ".")
        .replace("%5F", "_")
}

/// The live link of a succeeded offer: its Azure Marketplace listing.
pub(crate) fn live_link(publisher: &str, offer: &str) -> LinkDocument {
    LinkDocument {
        display_text: String::from("Marketplace listing"),
        uri: format!(
            "https://azuremarketplace.microsoft.com/marketplace/apps/{}.{}",
            encode_for_uri(publisher),
            encode_for_uri(offer)
        ),
    }
}

/// The preview link of an offer whose preview has been created.
pub(crate) fn preview_link(publisher: &str, offer: &str) -> LinkDocument {
    LinkDocument {
        display_text: String::from("Preview"),
        uri: format!(
            "https://azuremarketplace.microsoft.com/marketplace/apps/{}.{}-preview?preview=true",
            encode_for_uri(publisher),
            encode_for_uri(offer)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_out_in_the_service_order() {
        let document = OfferDocument {
            status: "running",
            messages: vec![],
            steps: vec![StepDocument {
                estimated_time_frame: String::from("< 15 min"),
                id: String::from("a"),
                step_name: String::from("A"),
                description: String::new(),
                status: "inProgress",
                messages: vec![],
                progress_percentage: 3,
            }],
            preview_links: vec![],
            live_links: vec![],
            notification_emails: String::new(),
        };
        assert_eq!(
            document.to_json(),
            r#"{"status":"running","messages":[],"steps":[{"estimatedTimeFrame":"< 15 min","id":"a","stepName":"A","description":"","status":"inProgress","messages":[],"progressPercentage":3}],"previewLinks":[],"liveLinks":[],"notificationEmails":""}"#
        );
    }

    #[test]
    fn links_encode_odd_ids() {
        assert_eq!(
            live_link("contoso", "vm-offer").uri,
            "https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-offer"
        );
        assert_eq!(
            live_link("a b", "c/d").uri,
            "https://azuremarketplace.microsoft.com/marketplace/apps/a%20b.c%2Fd"
        );
    }
}
