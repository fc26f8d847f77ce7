//! The phases of a release, in the order they run.

use std::fmt;

/// One phase of a release. Not every API runs every phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// Read what is there (the offer's draft, the product's tree).
    Read,
    /// Apply the change to a copy.
    Change,
    /// Write the changed copy.
    Write,
    /// Start the publish (to preview).
    Publish,
    /// Wait until the preview waits for the publisher's review.
    Review,
    /// Start the go-live.
    GoLive,
    /// Wait until live.
    Live,
    /// The release ended.
    Done,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 8] = [
        Phase::Read,
        Phase::Change,
        Phase::Write,
        Phase::Publish,
        Phase::Review,
        Phase::GoLive,
        Phase::Live,
        Phase::Done,
    ];

    /// Its name in every language: `read`, `change`, `write`, `publish`, `review`,
    /// `go-live`, `live`, `done`.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Read => "read",
            Phase::Change => "change",
            Phase::Write => "write",
            Phase::Publish => "publish",
            Phase::Review => "review",
            Phase::GoLive => "go-live",
            Phase::Live => "live",
            Phase::Done => "done",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
