//! The enumerations of the API — offer state, step state, message level, operation
//! state — read leniently: case-insensitive, ignoring `_`, `-` and spaces, with a few aliases, and
//! keeping any unknown value verbatim.

use crate::document::wire_enum::wire_enum;

wire_enum! {
    /// Where an offer stands in its publishing pipeline.
    ///
    /// ```
    /// use cloudpartner::OfferState;
    /// assert_eq!(OfferState::from_wire("Succeeded"), OfferState::Succeeded);
    /// assert_eq!(OfferState::from_wire("cancelled"), OfferState::Canceled);
    /// assert_eq!(OfferState::WaitingForPublisherReview.as_wire(), "waitingForPublisherReview");
    /// assert_eq!(OfferState::from_wire("paused"), OfferState::Unknown("paused".into()));
    /// ```
    OfferState {
        /// The offer was never published.
        NeverPublished = "neverPublished",
        /// A publish was requested and has not started.
        NotStarted = "notStarted",
        /// The offer waits for the publisher to review its preview.
        WaitingForPublisherReview = "waitingForPublisherReview",
        /// A publish is running.
        Running = "running",
        /// The last publish succeeded.
        Succeeded = "succeeded",
        /// The last publish was canceled.
        Canceled = "canceled" | "cancelled",
        /// The last publish failed.
        Failed = "failed",
    }
}

wire_enum! {
    /// The state of one step of a publish.
    StepState {
        /// Not started yet.
        NotStarted = "notStarted",
        /// Running.
        InProgress = "inProgress",
        /// Waiting for the publisher to review.
        WaitingForPublisherReview = "waitingForPublisherReview",
        /// Waiting for Microsoft's approval.
        WaitingForApproval = "waitingForApproval",
        /// Blocked.
        Blocked = "blocked",
        /// Rejected (the offer fails).
        Rejected = "rejected",
        /// Done.
        Complete = "complete" | "completed",
        /// Canceled.
        Canceled = "canceled" | "cancelled",
    }
}

wire_enum! {
    /// The level of a message.
    MessageLevel {
        /// Information.
        Information = "information" | "info",
        /// Warning.
        Warning = "warning" | "warn",
        /// Error.
        Error = "error",
    }
}

wire_enum! {
    /// The state of an operation (a publish, a go-live, a cancel), from its `status` or
    /// `submissionState`.
    ///
    /// ```
    /// use cloudpartner::OperationState;
    /// assert_eq!(OperationState::from_wire("not started"), OperationState::NotStarted);
    /// assert_eq!(OperationState::from_wire("Succeeded"), OperationState::Completed);
    /// assert_eq!(OperationState::from_wire("complete").as_wire(), "completed");
    /// assert!(OperationState::from_wire("cancelled").is_terminal());
    /// assert!(OperationState::from_wire("queued").is_unknown());
    /// ```
    OperationState {
        /// Accepted, not started yet.
        NotStarted = "notStarted",
        /// Running.
        Running = "running" | "inProgress",
        /// Done (the service also says `complete` and `succeeded`).
        Completed = "completed" | "complete" | "succeeded",
        /// Failed.
        Failed = "failed",
        /// Canceled.
        Canceled = "canceled" | "cancelled",
    }
}

impl OperationState {
    /// The state of a filter given by a user (`"running"`, `"Completed"`): read leniently,
    /// and an [`crate::ErrorKind::InvalidArgument`] error naming the known states when it
    /// is none of them.
    ///
    /// ```
    /// use cloudpartner::OperationState;
    /// assert_eq!(OperationState::parse_filter("Running").unwrap(), OperationState::Running);
    /// assert!(OperationState::parse_filter("soon").is_err());
    /// ```
    pub fn parse_filter(raw: &str) -> crate::Result<OperationState> {
        let state = OperationState::from_wire(raw);
        if state.is_unknown() {
            let known: Vec<&str> = OperationState::KNOWN.iter().map(|s| s.as_wire()).collect();
            return Err(crate::Error::invalid_argument(format!(
                "operation state `{raw}`: expected one of {}",
                known.join(", ")
            )));
        }
        Ok(state)
    }
}

impl OfferState {
    /// Succeeded, failed or canceled: nothing more will happen without a new publish.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            OfferState::Succeeded | OfferState::Failed | OfferState::Canceled
        )
    }
}

impl OperationState {
    /// Completed, failed or canceled: the operation will not change any more.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            OperationState::Completed | OperationState::Failed | OperationState::Canceled
        )
    }
}

impl StepState {
    /// The step is the one holding the pipeline: running, waiting or blocked.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            StepState::InProgress
                | StepState::WaitingForPublisherReview
                | StepState::WaitingForApproval
                | StepState::Blocked
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_fold_to_one_value() {
        for raw in [
            "inProgress",
            "InProgress",
            "in_progress",
            "In Progress",
            "IN-PROGRESS",
        ] {
            assert_eq!(StepState::from_wire(raw), StepState::InProgress, "{raw}");
        }
        assert_eq!(StepState::from_wire("Completed"), StepState::Complete);
        assert_eq!(StepState::from_wire("cancelled"), StepState::Canceled);
        assert_eq!(MessageLevel::from_wire("INFO"), MessageLevel::Information);
        assert_eq!(MessageLevel::from_wire("warn"), MessageLevel::Warning);
        assert_eq!(
            OfferState::from_wire("waiting_for_publisher_review"),
            OfferState::WaitingForPublisherReview
        );
    }

    #[test]
    fn operation_states() {
        use OperationState as S;
        for (raw, want) in [
            ("notStarted", S::NotStarted),
            ("Not Started", S::NotStarted),
            ("running", S::Running),
            ("InProgress", S::Running),
            ("completed", S::Completed),
            ("Complete", S::Completed),
            ("succeeded", S::Completed),
            ("FAILED", S::Failed),
            ("canceled", S::Canceled),
            ("Cancelled", S::Canceled),
        ] {
            assert_eq!(S::from_wire(raw), want, "{raw}");
        }
        assert!(S::from_wire("queued").is_unknown());
        let terminal: Vec<bool> = S::KNOWN.iter().map(S::is_terminal).collect();
        assert_eq!(terminal, [false, false, true, true, true]);
        assert!(!S::Unknown("x".into()).is_terminal());
    }

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let s = StepState::from_wire("Quarantined ");
        assert_eq!(s, StepState::Unknown("Quarantined ".into()));
        assert_eq!(s.as_wire(), "Quarantined ");
        assert!(s.is_unknown());
        assert!(OfferState::from_wire("").is_unknown());
    }

    #[test]
    fn canonical_spellings_round_trip() {
        for s in OfferState::KNOWN {
            assert_eq!(&OfferState::from_wire(s.as_wire()), s);
        }
        for s in StepState::KNOWN {
            assert_eq!(&StepState::from_wire(s.as_wire()), s);
        }
        for s in MessageLevel::KNOWN {
            assert_eq!(&MessageLevel::from_wire(s.as_wire()), s);
        }
        for s in OperationState::KNOWN {
            assert_eq!(&OperationState::from_wire(s.as_wire()), s);
        }
    }
}
