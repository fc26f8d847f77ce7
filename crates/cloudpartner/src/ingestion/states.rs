//! The Product Ingestion API's enumerations, read leniently (DESIGN §3): job status and
//! result, submission status and result, target, lifecycle state, and the derived
//! stage of a product.

use crate::document::wire_enum::wire_enum;

wire_enum! {
    /// Where a configure job is.
    JobStatus {
        /// Accepted, not started.
        NotStarted = "notStarted",
        /// Running.
        Running = "running",
        /// Done: see its [`JobResult`].
        Completed = "completed" | "complete",
    }
}

wire_enum! {
    /// How a configure job ended.
    JobResult {
        /// Not done yet.
        Pending = "pending",
        /// Every resource was applied.
        Succeeded = "succeeded",
        /// It failed: see its errors.
        Failed = "failed",
        /// It was canceled.
        Cancelled = "cancelled" | "canceled",
    }
}

wire_enum! {
    /// Where a submission (a publish to preview or live) is.
    SubmissionStatus {
        /// Accepted, not started.
        NotStarted = "notStarted",
        /// Running (certification, or the push to live).
        Running = "running",
        /// Done: see its [`SubmissionResult`].
        Completed = "completed" | "complete",
    }
}

wire_enum! {
    /// How a submission ended.
    SubmissionResult {
        /// Not done yet.
        Pending = "pending",
        /// Published.
        Succeeded = "succeeded",
        /// Failed (certification, or the push).
        Failed = "failed",
    }
}

wire_enum! {
    /// Which copy of a product: the draft, what is in preview, what is live.
    Target {
        /// The draft, what configure changes.
        Draft = "draft",
        /// What the preview audience sees.
        Preview = "preview",
        /// What everyone sees.
        Live = "live",
    }
}

wire_enum! {
    /// The lifecycle of a resource or an image version.
    LifecycleState {
        /// Available.
        GenerallyAvailable = "generallyAvailable",
        /// Deprecated (hidden from new deployments, or scheduled to be).
        Deprecated = "deprecated",
        /// Deleted (only a draft that was never published).
        Deleted = "deleted",
    }
}

wire_enum! {
    /// Where a product stands, derived from its preview and live submissions.
    ///
    /// ```
    /// use cloudpartner::ingestion::ProductStage;
    /// assert_eq!(ProductStage::from_wire("waiting-for-go-live"), ProductStage::WaitingForGoLive);
    /// assert!(ProductStage::Live.is_terminal());
    /// ```
    ProductStage {
        /// Nothing was ever published.
        NeverPublished = "never_published",
        /// A publish to preview (certification) runs.
        PreviewInProgress = "preview_in_progress",
        /// The latest publish to preview failed.
        PreviewFailed = "preview_failed",
        /// A preview succeeded and is newer than live: it waits for the publisher's go-live.
        WaitingForGoLive = "waiting_for_go_live",
        /// A push to live runs.
        LiveInProgress = "live_in_progress",
        /// The latest push to live failed.
        LiveFailed = "live_failed",
        /// Live, with nothing newer in preview.
        Live = "live",
    }
}

impl ProductStage {
    /// True where nothing runs and nothing waits for the publisher: never published,
    /// a failed preview or push, or live.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            ProductStage::NeverPublished
                | ProductStage::PreviewFailed
                | ProductStage::LiveFailed
                | ProductStage::Live
        )
    }

    /// True while a submission runs.
    pub fn in_progress(&self) -> bool {
        matches!(
            self,
            ProductStage::PreviewInProgress | ProductStage::LiveInProgress
        )
    }

    /// True when the publisher is expected to act: a preview waits for go-live.
    pub fn needs_publisher_action(&self) -> bool {
        *self == ProductStage::WaitingForGoLive
    }
}
