//! Where a step, message or link sits in its parsed document.

use std::sync::Arc;

use cloudpartner::{Link, Message, OfferStatus, Step};

/// The parsed document that a Python object and its siblings share.
pub type Root = Arc<OfferStatus>;

/// A message of the offer, or of one of its steps.
#[derive(Clone, Copy, Debug)]
pub enum MessageAt {
    /// `messages[i]` of the offer.
    Offer(usize),
    /// `steps[step].messages[i]`.
    Step(usize, usize),
}

impl MessageAt {
    /// The message in `root`.
    pub fn get(self, root: &OfferStatus) -> &Message {
        match self {
            MessageAt::Offer(i) => &root.messages[i],
            MessageAt::Step(step, i) => &root.steps[step].messages[i],
        }
    }
}

/// A preview or live link.
#[derive(Clone, Copy, Debug)]
pub enum LinkAt {
    /// `previewLinks[i]`.
    Preview(usize),
    /// `liveLinks[i]`.
    Live(usize),
}

impl LinkAt {
    /// The link in `root`.
    pub fn get(self, root: &OfferStatus) -> &Link {
        match self {
            LinkAt::Preview(i) => &root.preview_links[i],
            LinkAt::Live(i) => &root.live_links[i],
        }
    }
}

/// The step at `index` in `root`.
pub fn step_at(root: &OfferStatus, index: usize) -> &Step {
    &root.steps[index]
}
