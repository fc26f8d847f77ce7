//! `cloudpartner_message`: a message from the pipeline, borrowed from its status or step.

use std::ffi::{CString, c_char};

use cloudpartner::Message;

use crate::ffi::{self, c_string};
use crate::states::cloudpartner_message_level;

/// A message from the pipeline: HTML, plain text, level and time. Borrowed: valid while
/// the `cloudpartner_offer_status` it came from lives; never freed by itself.
pub struct cloudpartner_message {
    html: CString,
    text: CString,
    level: cloudpartner_message_level,
    raw_level: CString,
    timestamp_unix_nanos: Option<i64>,
}

impl cloudpartner_message {
    /// The C view of a core message.
    pub(crate) fn new(message: &Message) -> cloudpartner_message {
        cloudpartner_message {
            html: c_string(&message.html),
            text: c_string(&message.text),
            level: cloudpartner_message_level::of(&message.level),
            raw_level: c_string(&message.raw_level),
            timestamp_unix_nanos: message.timestamp.and_then(|t| t.timestamp_nanos_opt()),
        }
    }
}

/// The message as HTML (the wire's `messageHtml`). Valid while the owner lives; NULL only
/// when `message` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_message_html(
    message: *const cloudpartner_message,
) -> *const c_char {
    ffi::accessor!(message, std::ptr::null(), |m| m.html.as_ptr())
}

/// The message as plain text: tags stripped, entities decoded, whitespace collapsed.
/// Valid while the owner lives; NULL only when `message` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_message_text(
    message: *const cloudpartner_message,
) -> *const c_char {
    ffi::accessor!(message, std::ptr::null(), |m| m.text.as_ptr())
}

/// The message's level; `CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN` for a level this version
/// does not know (or when `message` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_message_level(
    message: *const cloudpartner_message,
) -> cloudpartner_message_level {
    let unknown = cloudpartner_message_level::CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN;
    ffi::accessor!(message, unknown, |m| m.level)
}

/// The level as the service spelled it (`"Warning"`). Valid while the owner lives; NULL
/// only when `message` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_message_raw_level(
    message: *const cloudpartner_message,
) -> *const c_char {
    ffi::accessor!(message, std::ptr::null(), |m| m.raw_level.as_ptr())
}

/// When the message was written, as nanoseconds since 1970-01-01T00:00:00Z, in `*nanos`.
/// Returns false (and leaves `*nanos` alone) when the message has no readable timestamp,
/// when it lies outside what an `int64_t` of nanoseconds holds (years 1677..2262), or when
/// `message` is NULL. `nanos` may be NULL to only ask whether there is one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_message_timestamp_unix_nanos(
    message: *const cloudpartner_message,
    nanos: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live message.
    let value = unsafe { ffi::read(message, None, |m| m.timestamp_unix_nanos) };
    match value {
        Some(v) => {
            if !nanos.is_null() {
                // SAFETY: a non-NULL `nanos` is writable (the documented contract).
                unsafe { *nanos = v };
            }
            true
        }
        None => false,
    }
}
