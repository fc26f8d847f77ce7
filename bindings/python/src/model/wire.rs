//! The wire JSON of a document or of one of its parts: canonical (for `to_dict`), or
//! with the service's own spellings kept (for pickling, so that `raw_status` and
//! `raw_level` survive a round trip).

use cloudpartner::{Message, OfferStatus};
use serde_json::Value;

use super::location::{LinkAt, MessageAt};

/// The canonical wire JSON of `root`, with the raw state and level spellings put back.
pub fn with_raw_spellings(root: &OfferStatus) -> Value {
    let mut value = root.to_value();
    value["status"] = Value::from(root.raw_status.as_str());
    keep_raw_levels(&mut value["messages"], &root.messages);
    for (i, step) in root.steps.iter().enumerate() {
        let wire = &mut value["steps"][i];
        wire["status"] = Value::from(step.raw_status.as_str());
        keep_raw_levels(&mut wire["messages"], &step.messages);
    }
    value
}

fn keep_raw_levels(wire: &mut Value, messages: &[Message]) {
    for (i, message) in messages.iter().enumerate() {
        wire[i]["level"] = Value::from(message.raw_level.as_str());
    }
}

/// `steps[index]` of a document's wire JSON.
pub fn step(document: &Value, index: usize) -> &Value {
    &document["steps"][index]
}

/// The message at `at` in a document's wire JSON.
pub fn message(document: &Value, at: MessageAt) -> &Value {
    match at {
        MessageAt::Offer(i) => &document["messages"][i],
        MessageAt::Step(step, i) => &document["steps"][step]["messages"][i],
    }
}

/// The link at `at` in a document's wire JSON.
pub fn link(document: &Value, at: LinkAt) -> &Value {
    match at {
        LinkAt::Preview(i) => &document["previewLinks"][i],
        LinkAt::Live(i) => &document["liveLinks"][i],
    }
}
