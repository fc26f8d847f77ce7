//! How an ingestion release ended.

use super::job::Job;
use super::product_status::ProductStatus;
use crate::workflow::{OutcomeKind, Phase};

/// How a release ended.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ReleaseOutcome {
    /// The version is live.
    Live {
        /// The last status.
        status: ProductStatus,
    },
    /// The preview holds the version and waits for go-live.
    AtReview {
        /// The last status.
        status: ProductStatus,
    },
    /// A job failed (the configure, the certification, the push).
    Failed {
        /// The phase.
        phase: Phase,
        /// The last status, when read.
        status: Option<ProductStatus>,
        /// The failed job, when known (its errors, nested).
        job: Option<Job>,
    },
    /// A job was canceled.
    Canceled {
        /// The phase.
        phase: Phase,
        /// The canceled job.
        job: Job,
    },
    /// A dry run: the technical configuration's diff, nothing sent.
    DryRun {
        /// The unified diff (`sig=` hidden); empty when the draft already holds it.
        diff: String,
    },
}

impl ReleaseOutcome {
    /// The outcome's kind.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            ReleaseOutcome::Live { .. } => OutcomeKind::Live,
            ReleaseOutcome::AtReview { .. } => OutcomeKind::AtReview,
            ReleaseOutcome::Failed { .. } => OutcomeKind::Failed,
            ReleaseOutcome::Canceled { .. } => OutcomeKind::Canceled,
            ReleaseOutcome::DryRun { .. } => OutcomeKind::DryRun,
        }
    }

    /// The last status read.
    pub fn status(&self) -> Option<&ProductStatus> {
        match self {
            ReleaseOutcome::Live { status } | ReleaseOutcome::AtReview { status } => Some(status),
            ReleaseOutcome::Failed { status, .. } => status.as_ref(),
            _ => None,
        }
    }

    /// The failed or canceled job.
    pub fn job(&self) -> Option<&Job> {
        match self {
            ReleaseOutcome::Failed { job, .. } => job.as_ref(),
            ReleaseOutcome::Canceled { job, .. } => Some(job),
            _ => None,
        }
    }

    /// The diff of a dry run.
    pub fn diff(&self) -> Option<&str> {
        match self {
            ReleaseOutcome::DryRun { diff } => Some(diff),
            _ => None,
        }
    }
}
