//! The exit codes of `cloudpartner` (DESIGN §5).

use cloudpartner::{OfferState, OfferStatus};

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: it worked (watch: the offer succeeded).
    Ok,
    /// 1: an error, reported on stderr.
    Error,
    /// 2: the command line was wrong.
    Usage,
    /// 3 (watch): the publish failed.
    Failed,
    /// 4 (watch): the publish was canceled.
    Canceled,
    /// 5 (watch): stopped because the offer waits for the publisher's review.
    Review,
    /// 124 (watch): the `--timeout` ran out (as with `timeout(1)`).
    TimedOut,
    /// 130: interrupted by Ctrl-C.
    Interrupted,
}

impl Exit {
    /// The numeric process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Error => 1,
            Exit::Usage => 2,
            Exit::Failed => 3,
            Exit::Canceled => 4,
            Exit::Review => 5,
            Exit::TimedOut => 124,
            Exit::Interrupted => 130,
        }
    }

    /// How a watch that stopped at `status` ends: by the offer's terminal state, or
    /// [`Exit::Review`] when it stopped because the publisher must act.
    pub fn for_final_status(status: &OfferStatus) -> Exit {
        match status.status {
            OfferState::Succeeded => Exit::Ok,
            OfferState::Failed => Exit::Failed,
            OfferState::Canceled => Exit::Canceled,
            _ if status.needs_publisher_action() => Exit::Review,
            _ => Exit::Error,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exit_for(document: &str) -> Exit {
        Exit::for_final_status(&cloudpartner::parse_offer_status(document.as_bytes()).unwrap())
    }

    #[test]
    fn final_states_map_to_the_documented_codes() {
        assert_eq!(exit_for(r#"{"status":"succeeded"}"#).code(), 0);
        assert_eq!(exit_for(r#"{"status":"failed"}"#).code(), 3);
        assert_eq!(exit_for(r#"{"status":"cancelled"}"#).code(), 4);
        assert_eq!(
            exit_for(r#"{"status":"waitingForPublisherReview"}"#).code(),
            5
        );
        assert_eq!(
            exit_for(r#"{"status":"running","steps":[{"status":"waitingForPublisherReview"}]}"#)
                .code(),
            5
        );
        assert_eq!(Exit::TimedOut.code(), 124);
    }
}
