//! The enumerations of the API as C enums — offer state, step state, message level,
//! operation state — each with an `..._UNKNOWN` value (0) for values this version does not
//! know (their raw spelling is kept: `cloudpartner_offer_status_raw_state()` and friends).

use std::ffi::{CStr, c_char, c_int};

use cloudpartner::{MessageLevel, OfferState, OperationState, StepState};

use crate::ffi;

/// Where an offer stands in its publishing pipeline.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_offer_state {
    /// A value this version does not know (see `cloudpartner_offer_status_raw_state()`).
    CLOUDPARTNER_OFFER_STATE_UNKNOWN = 0,
    /// `neverPublished`: the offer was never published.
    CLOUDPARTNER_OFFER_STATE_NEVER_PUBLISHED = 1,
    /// `notStarted`: a publish was requested and has not started.
    CLOUDPARTNER_OFFER_STATE_NOT_STARTED = 2,
    /// `waitingForPublisherReview`: the offer waits for the publisher to review its preview.
    CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW = 3,
    /// `running`: a publish is running.
    CLOUDPARTNER_OFFER_STATE_RUNNING = 4,
    /// `succeeded`: the last publish succeeded.
    CLOUDPARTNER_OFFER_STATE_SUCCEEDED = 5,
    /// `canceled`: the last publish was canceled.
    CLOUDPARTNER_OFFER_STATE_CANCELED = 6,
    /// `failed`: the last publish failed.
    CLOUDPARTNER_OFFER_STATE_FAILED = 7,
}

/// The state of one step of a publish.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_step_state {
    /// A value this version does not know (see `cloudpartner_step_raw_state()`).
    CLOUDPARTNER_STEP_STATE_UNKNOWN = 0,
    /// `notStarted`.
    CLOUDPARTNER_STEP_STATE_NOT_STARTED = 1,
    /// `inProgress`.
    CLOUDPARTNER_STEP_STATE_IN_PROGRESS = 2,
    /// `waitingForPublisherReview`.
    CLOUDPARTNER_STEP_STATE_WAITING_FOR_PUBLISHER_REVIEW = 3,
    /// `waitingForApproval`: waiting for Microsoft's approval.
    CLOUDPARTNER_STEP_STATE_WAITING_FOR_APPROVAL = 4,
    /// `blocked`.
    CLOUDPARTNER_STEP_STATE_BLOCKED = 5,
    /// `rejected`: the offer fails.
    CLOUDPARTNER_STEP_STATE_REJECTED = 6,
    /// `complete`.
    CLOUDPARTNER_STEP_STATE_COMPLETE = 7,
    /// `canceled`.
    CLOUDPARTNER_STEP_STATE_CANCELED = 8,
}

/// The level of a message.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_message_level {
    /// A value this version does not know (see `cloudpartner_message_raw_level()`).
    CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN = 0,
    /// `information`.
    CLOUDPARTNER_MESSAGE_LEVEL_INFORMATION = 1,
    /// `warning`.
    CLOUDPARTNER_MESSAGE_LEVEL_WARNING = 2,
    /// `error`.
    CLOUDPARTNER_MESSAGE_LEVEL_ERROR = 3,
}

/// The state of a long-running operation of the publishing API (a publish, go-live or
/// cancel request).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_operation_state {
    /// A value this version does not know.
    CLOUDPARTNER_OPERATION_STATE_UNKNOWN = 0,
    /// `notStarted`: accepted, not started yet.
    CLOUDPARTNER_OPERATION_STATE_NOT_STARTED = 1,
    /// `running`.
    CLOUDPARTNER_OPERATION_STATE_RUNNING = 2,
    /// `completed`: it succeeded.
    CLOUDPARTNER_OPERATION_STATE_COMPLETED = 3,
    /// `failed`.
    CLOUDPARTNER_OPERATION_STATE_FAILED = 4,
    /// `canceled`.
    CLOUDPARTNER_OPERATION_STATE_CANCELED = 5,
}

/// Maps the core's enums to the C ones (position in `KNOWN` + 1, `Unknown` → 0) and back
/// to their canonical spelling, checked against the core by the tests below.
macro_rules! c_enum {
    ($core:ty, $c:ident, [$($variant:ident = $wire:literal),+ $(,)?]) => {
        impl $c {
            /// Every enumerator, in value order (`..._UNKNOWN` first).
            const ALL: &'static [$c] = &[$($c::$variant),+];

            /// The C value of a core value.
            pub(crate) fn of(value: &$core) -> $c {
                <$core>::KNOWN
                    .iter()
                    .position(|k| k == value)
                    .map_or(Self::ALL[0], |i| Self::ALL[i + 1])
            }

            /// The canonical wire spelling; `"unknown"` for `..._UNKNOWN`.
            fn wire(self) -> &'static CStr {
                match self {
                    $($c::$variant => $wire),+
                }
            }

            /// The spelling of the C value `value`, or `"unknown"` when it is none.
            fn name_of(value: c_int) -> *const c_char {
                usize::try_from(value)
                    .ok()
                    .and_then(|i| Self::ALL.get(i))
                    .map_or(c"unknown", |v| v.wire())
                    .as_ptr()
            }
        }
    };
}

c_enum!(
    OfferState,
    cloudpartner_offer_state,
    [
        CLOUDPARTNER_OFFER_STATE_UNKNOWN = c"unknown",
        CLOUDPARTNER_OFFER_STATE_NEVER_PUBLISHED = c"neverPublished",
        CLOUDPARTNER_OFFER_STATE_NOT_STARTED = c"notStarted",
        CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW = c"waitingForPublisherReview",
        CLOUDPARTNER_OFFER_STATE_RUNNING = c"running",
        CLOUDPARTNER_OFFER_STATE_SUCCEEDED = c"succeeded",
        CLOUDPARTNER_OFFER_STATE_CANCELED = c"canceled",
        CLOUDPARTNER_OFFER_STATE_FAILED = c"failed",
    ]
);

c_enum!(
    StepState,
    cloudpartner_step_state,
    [
        CLOUDPARTNER_STEP_STATE_UNKNOWN = c"unknown",
        CLOUDPARTNER_STEP_STATE_NOT_STARTED = c"notStarted",
        CLOUDPARTNER_STEP_STATE_IN_PROGRESS = c"inProgress",
        CLOUDPARTNER_STEP_STATE_WAITING_FOR_PUBLISHER_REVIEW = c"waitingForPublisherReview",
        CLOUDPARTNER_STEP_STATE_WAITING_FOR_APPROVAL = c"waitingForApproval",
        CLOUDPARTNER_STEP_STATE_BLOCKED = c"blocked",
        CLOUDPARTNER_STEP_STATE_REJECTED = c"rejected",
        CLOUDPARTNER_STEP_STATE_COMPLETE = c"complete",
        CLOUDPARTNER_STEP_STATE_CANCELED = c"canceled",
    ]
);

c_enum!(
    MessageLevel,
    cloudpartner_message_level,
    [
        CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN = c"unknown",
        CLOUDPARTNER_MESSAGE_LEVEL_INFORMATION = c"information",
        CLOUDPARTNER_MESSAGE_LEVEL_WARNING = c"warning",
        CLOUDPARTNER_MESSAGE_LEVEL_ERROR = c"error",
    ]
);

c_enum!(
    OperationState,
    cloudpartner_operation_state,
    [
        CLOUDPARTNER_OPERATION_STATE_UNKNOWN = c"unknown",
        CLOUDPARTNER_OPERATION_STATE_NOT_STARTED = c"notStarted",
        CLOUDPARTNER_OPERATION_STATE_RUNNING = c"running",
        CLOUDPARTNER_OPERATION_STATE_COMPLETED = c"completed",
        CLOUDPARTNER_OPERATION_STATE_FAILED = c"failed",
        CLOUDPARTNER_OPERATION_STATE_CANCELED = c"canceled",
    ]
);

/// The canonical spelling of an offer state (`"waitingForPublisherReview"`); `"unknown"`
/// for `CLOUDPARTNER_OFFER_STATE_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_offer_state_name(state: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || {
        cloudpartner_offer_state::name_of(state)
    })
}

/// The canonical spelling of a step state (`"inProgress"`); `"unknown"` for
/// `CLOUDPARTNER_STEP_STATE_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_step_state_name(state: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || {
        cloudpartner_step_state::name_of(state)
    })
}

/// The canonical spelling of a message level (`"warning"`); `"unknown"` for
/// `CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_message_level_name(level: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || {
        cloudpartner_message_level::name_of(level)
    })
}

/// The canonical spelling of an operation state (`"notStarted"`); `"unknown"` for
/// `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_operation_state_name(state: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || {
        cloudpartner_operation_state::name_of(state)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! check {
        ($core:ty, $c:ident) => {
            assert_eq!($c::ALL.len(), <$core>::KNOWN.len() + 1);
            for (i, known) in <$core>::KNOWN.iter().enumerate() {
                let c = $c::of(known);
                assert_eq!(c as usize, i + 1);
                assert_eq!(c.wire().to_str().unwrap(), known.as_wire());
            }
            assert_eq!($c::of(&<$core>::from_wire("zzz")) as usize, 0);
        };
    }

    #[test]
    fn enumerators_follow_the_core() {
        check!(OfferState, cloudpartner_offer_state);
        check!(StepState, cloudpartner_step_state);
        check!(MessageLevel, cloudpartner_message_level);
        check!(OperationState, cloudpartner_operation_state);
    }

    #[test]
    fn names_are_safe_for_any_int() {
        let name = |p| unsafe { CStr::from_ptr(p) }.to_str().unwrap();
        assert_eq!(name(cloudpartner_step_state_name(2)), "inProgress");
        assert_eq!(name(cloudpartner_step_state_name(99)), "unknown");
        assert_eq!(name(cloudpartner_offer_state_name(-3)), "unknown");
        assert_eq!(name(cloudpartner_message_level_name(3)), "error");
        assert_eq!(name(cloudpartner_operation_state_name(3)), "completed");
        assert_eq!(name(cloudpartner_operation_state_name(6)), "unknown");
    }
}
