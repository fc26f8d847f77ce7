//! How a release ended, in the words every language uses.

use std::fmt;

/// How a release ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    /// The new image is live.
    Live,
    /// The preview waits for the publisher's review (a release without go-live).
    AtReview,
    /// The publish or go-live failed at the service (rejected, certification failed).
    Failed,
    /// The publish or go-live was canceled at the service.
    Canceled,
    /// A dry run: nothing was sent.
    DryRun,
}

impl OutcomeKind {
    /// Every kind.
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::Live,
        OutcomeKind::AtReview,
        OutcomeKind::Failed,
        OutcomeKind::Canceled,
        OutcomeKind::DryRun,
    ];

    /// `live`, `at_review`, `failed`, `canceled`, `dry_run`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Live => "live",
            OutcomeKind::AtReview => "at_review",
            OutcomeKind::Failed => "failed",
            OutcomeKind::Canceled => "canceled",
            OutcomeKind::DryRun => "dry_run",
        }
    }
}

impl fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
