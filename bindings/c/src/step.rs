//! `cloudpartner_step`: one step of the publishing pipeline, borrowed from its status.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::Step;

use crate::ffi::{self, c_string};
use crate::message::cloudpartner_message;
use crate::states::cloudpartner_step_state;

/// One step of the publishing pipeline (`Certification`, `Provisioning`, ...). Borrowed:
/// valid while the `cloudpartner_offer_status` it came from lives; never freed by itself.
pub struct cloudpartner_step {
    id: CString,
    name: CString,
    description: CString,
    state: cloudpartner_step_state,
    raw_state: CString,
    progress_percentage: u8,
    time_frame: Option<TimeFrame>,
    messages: Vec<cloudpartner_message>,
}

/// A step's estimated time frame: its text and, when readable, its range in seconds.
struct TimeFrame {
    raw: CString,
    range: Option<(f64, f64)>,
}

impl cloudpartner_step {
    /// The C view of a core step.
    pub(crate) fn new(step: &Step) -> cloudpartner_step {
        cloudpartner_step {
            id: c_string(&step.id),
            name: c_string(&step.name),
            description: c_string(&step.description),
            state: cloudpartner_step_state::of(&step.status),
            raw_state: c_string(&step.raw_status),
            progress_percentage: step.progress_percentage,
            time_frame: step.estimated_time_frame.as_ref().map(|t| TimeFrame {
                raw: c_string(t.raw()),
                range: t.range().map(|(a, b)| (a.as_secs_f64(), b.as_secs_f64())),
            }),
            messages: step
                .messages
                .iter()
                .map(cloudpartner_message::new)
                .collect(),
        }
    }
}

/// The step's identifier (`"displaycertify"`). Valid while the owner lives; NULL only
/// when `step` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_id(step: *const cloudpartner_step) -> *const c_char {
    ffi::accessor!(step, ptr::null(), |s| s.id.as_ptr())
}

/// The step's display name (the wire's `stepName`). Valid while the owner lives; NULL
/// only when `step` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_name(step: *const cloudpartner_step) -> *const c_char {
    ffi::accessor!(step, ptr::null(), |s| s.name.as_ptr())
}

/// What the step does. Valid while the owner lives; NULL only when `step` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_description(
    step: *const cloudpartner_step,
) -> *const c_char {
    ffi::accessor!(step, ptr::null(), |s| s.description.as_ptr())
}

/// The step's state; `CLOUDPARTNER_STEP_STATE_UNKNOWN` for a state this version does not
/// know (or when `step` is NULL). The enum is written `enum cloudpartner_step_state` in C,
/// since this function has its name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_state(
    step: *const cloudpartner_step,
) -> cloudpartner_step_state {
    let unknown = cloudpartner_step_state::CLOUDPARTNER_STEP_STATE_UNKNOWN;
    ffi::accessor!(step, unknown, |s| s.state)
}

/// The state as the service spelled it (`"InProgress"`). Valid while the owner lives;
/// NULL only when `step` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_raw_state(
    step: *const cloudpartner_step,
) -> *const c_char {
    ffi::accessor!(step, ptr::null(), |s| s.raw_state.as_ptr())
}

/// How far the step is, 0..100 (0 when `step` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_progress_percentage(
    step: *const cloudpartner_step,
) -> u8 {
    ffi::accessor!(step, 0, |s| s.progress_percentage)
}

/// The step's estimated time frame (`"~2-3 days"`).
///
/// `*raw` gets the text as sent (valid while the owner lives), or NULL when the step has
/// none. When the text could be read as a range, `*min_seconds` and `*max_seconds` get it
/// (`"< 15 min"` gives 0 and 900) and the function returns true; otherwise they are left
/// alone and it returns false. Each of `raw`, `min_seconds`, `max_seconds` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_time_frame(
    step: *const cloudpartner_step,
    raw: *mut *const c_char,
    min_seconds: *mut f64,
    max_seconds: *mut f64,
) -> bool {
    // SAFETY: the caller passes NULL or a live step.
    let (text, range) = unsafe {
        ffi::read(step, (ptr::null(), None), |s| match &s.time_frame {
            Some(t) => (t.raw.as_ptr(), t.range),
            None => (ptr::null(), None),
        })
    };
    // SAFETY: each non-NULL out-pointer is writable (the documented contract).
    unsafe {
        if !raw.is_null() {
            *raw = text;
        }
        ffi::write_range(range, min_seconds, max_seconds)
    }
}

/// The number of messages about this step (0 when `step` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_message_count(step: *const cloudpartner_step) -> usize {
    ffi::accessor!(step, 0, |s| s.messages.len())
}

/// The message at `index` (0-based) about this step: borrowed, valid while the owner
/// lives. NULL when `index` is out of range or `step` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_step_message(
    step: *const cloudpartner_step,
    index: usize,
) -> *const cloudpartner_message {
    ffi::accessor!(step, ptr::null(), |s| ffi::item(&s.messages, index))
}
