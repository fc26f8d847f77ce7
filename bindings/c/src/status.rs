//! `cloudpartner_offer_status`: a parsed status document, converted once into an owned
//! tree of C strings so that every `const char *` accessor is a plain borrow.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::{OfferStatus, ParseOptions, parse_offer_status_with};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::link::cloudpartner_link;
use crate::message::cloudpartner_message;
use crate::states::cloudpartner_offer_state;
use crate::step::cloudpartner_step;
use crate::strings::into_raw_string;

/// Where an offer stands in its publishing pipeline: the body of
/// `GET /api/publishers/{publisherId}/offers/{offerId}/status`. Opaque; owns its steps,
/// messages, links and strings. Free it with `cloudpartner_offer_status_free()`.
pub struct cloudpartner_offer_status {
    status: OfferStatus,
    state: cloudpartner_offer_state,
    raw_state: CString,
    messages: Vec<cloudpartner_message>,
    steps: Vec<cloudpartner_step>,
    preview_links: Vec<cloudpartner_link>,
    live_links: Vec<cloudpartner_link>,
    notification_emails: Vec<CString>,
}

impl cloudpartner_offer_status {
    /// The C view of a core status; the status is kept for the derived values.
    pub(crate) fn new(status: OfferStatus) -> cloudpartner_offer_status {
        cloudpartner_offer_status {
            state: cloudpartner_offer_state::of(&status.status),
            raw_state: c_string(&status.raw_status),
            messages: status
                .messages
                .iter()
                .map(cloudpartner_message::new)
                .collect(),
            steps: status.steps.iter().map(cloudpartner_step::new).collect(),
            preview_links: status
                .preview_links
                .iter()
                .map(cloudpartner_link::new)
                .collect(),
            live_links: status
                .live_links
                .iter()
                .map(cloudpartner_link::new)
                .collect(),
            notification_emails: status
                .notification_emails
                .iter()
                .map(|e| c_string(e))
                .collect(),
            status,
        }
    }
}

fn parse(
    function: &str,
    json: *const c_char,
    len: usize,
    strict: bool,
    out: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or a writable pointer.
        let out = unsafe { ffi::out_arg(function, "out", out) }?;
        if json.is_null() {
            return Err(ffi::bad_argument(function, "json", "is NULL"));
        }
        // SAFETY: a non-NULL `json` points to `len` readable bytes (the documented contract).
        let bytes = unsafe { std::slice::from_raw_parts(json.cast::<u8>(), len) };
        let status = parse_offer_status_with(bytes, ParseOptions { strict })?;
        out.set(cloudpartner_offer_status::new(status));
        Ok(())
    })
}

/// Parses an offer status document: the `len` bytes at `json` (UTF-8 JSON; they need not
/// end with a NUL and may contain one, which is then a parse error). Lenient: unknown
/// enum values are kept as `..._UNKNOWN` with their raw spelling, unknown fields ignored.
///
/// On success `*out` gets a new status (free it with `cloudpartner_offer_status_free()`);
/// on failure `*out` is NULL and the kind is returned: `CLOUDPARTNER_ERROR_PARSE` for
/// input that is not a status document (`cloudpartner_error_line()` / `_column()` say
/// where, when there is a position), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json`
/// or `out` is NULL. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_offer_status(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    parse(
        "cloudpartner_parse_offer_status",
        json,
        len,
        false,
        out,
        err,
    )
}

/// Like `cloudpartner_parse_offer_status()`, but also fails (`CLOUDPARTNER_ERROR_PARSE`)
/// on enum values this version does not know, to notice API drift.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_offer_status_strict(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_offer_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    parse(
        "cloudpartner_parse_offer_status_strict",
        json,
        len,
        true,
        out,
        err,
    )
}

/// A copy of `status` that lives on its own, e.g. to keep a status passed to a watch
/// callback. Free it with `cloudpartner_offer_status_free()`. NULL when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_clone(
    status: *const cloudpartner_offer_status,
) -> *mut cloudpartner_offer_status {
    ffi::accessor!(status, ptr::null_mut(), |s| {
        Box::into_raw(Box::new(cloudpartner_offer_status::new(s.status.clone())))
    })
}

/// Frees a status and everything borrowed from it (steps, messages, links, strings).
/// NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_free(status: *mut cloudpartner_offer_status) {
    ffi::free_box(status)
}

/// The offer's state; `CLOUDPARTNER_OFFER_STATE_UNKNOWN` for a state this version does not
/// know (see `cloudpartner_offer_status_raw_state()`), or when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_state(
    status: *const cloudpartner_offer_status,
) -> cloudpartner_offer_state {
    let unknown = cloudpartner_offer_state::CLOUDPARTNER_OFFER_STATE_UNKNOWN;
    ffi::accessor!(status, unknown, |s| s.state)
}

/// The state as the service spelled it (`"Succeeded"`). Valid while `status` lives; NULL
/// only when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_raw_state(
    status: *const cloudpartner_offer_status,
) -> *const c_char {
    ffi::accessor!(status, ptr::null(), |s| s.raw_state.as_ptr())
}

/// The number of steps (0 when `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_step_count(
    status: *const cloudpartner_offer_status,
) -> usize {
    ffi::accessor!(status, 0, |s| s.steps.len())
}

/// The step at `index` (0-based, in pipeline order): borrowed, valid while `status` lives.
/// NULL when `index` is out of range or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_step(
    status: *const cloudpartner_offer_status,
    index: usize,
) -> *const cloudpartner_step {
    ffi::accessor!(status, ptr::null(), |s| ffi::item(&s.steps, index))
}

/// The number of messages about the offer as a whole (0 when `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_message_count(
    status: *const cloudpartner_offer_status,
) -> usize {
    ffi::accessor!(status, 0, |s| s.messages.len())
}

/// The offer message at `index`: borrowed, valid while `status` lives. NULL when `index`
/// is out of range or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_message(
    status: *const cloudpartner_offer_status,
    index: usize,
) -> *const cloudpartner_message {
    ffi::accessor!(status, ptr::null(), |s| ffi::item(&s.messages, index))
}

/// The number of preview links (0 when `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_preview_link_count(
    status: *const cloudpartner_offer_status,
) -> usize {
    ffi::accessor!(status, 0, |s| s.preview_links.len())
}

/// The preview link at `index`: borrowed, valid while `status` lives. NULL when `index`
/// is out of range or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_preview_link(
    status: *const cloudpartner_offer_status,
    index: usize,
) -> *const cloudpartner_link {
    ffi::accessor!(status, ptr::null(), |s| ffi::item(&s.preview_links, index))
}

/// The number of live links (0 when `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_live_link_count(
    status: *const cloudpartner_offer_status,
) -> usize {
    ffi::accessor!(status, 0, |s| s.live_links.len())
}

/// The live link at `index`: borrowed, valid while `status` lives. NULL when `index` is
/// out of range or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_live_link(
    status: *const cloudpartner_offer_status,
    index: usize,
) -> *const cloudpartner_link {
    ffi::accessor!(status, ptr::null(), |s| ffi::item(&s.live_links, index))
}

/// The number of notification e-mail addresses (the wire's comma-separated
/// `notificationEmails`, split); 0 when `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_notification_email_count(
    status: *const cloudpartner_offer_status,
) -> usize {
    ffi::accessor!(status, 0, |s| s.notification_emails.len())
}

/// The notification e-mail address at `index`, valid while `status` lives. NULL when
/// `index` is out of range or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_notification_email(
    status: *const cloudpartner_offer_status,
    index: usize,
) -> *const c_char {
    ffi::accessor!(status, ptr::null(), |s| {
        s.notification_emails
            .get(index)
            .map_or(ptr::null(), |e| e.as_ptr())
    })
}

/// True when the offer succeeded, failed or was canceled (false when `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_is_terminal(
    status: *const cloudpartner_offer_status,
) -> bool {
    ffi::accessor!(status, false, |s| s.status.is_terminal())
}

/// True when the offer, or one of its steps, waits for the publisher's review (false when
/// `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_needs_publisher_action(
    status: *const cloudpartner_offer_status,
) -> bool {
    ffi::accessor!(status, false, |s| s.status.needs_publisher_action())
}

/// The step holding the pipeline: the first running, waiting or blocked step; else the
/// first not-started step after the last complete one. Borrowed, valid while `status`
/// lives. NULL when the offer is terminal, when no step qualifies, or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_current_step(
    status: *const cloudpartner_offer_status,
) -> *const cloudpartner_step {
    ffi::accessor!(status, ptr::null(), |s| {
        s.status
            .current_step_index()
            .map_or(ptr::null(), |i| ffi::item(&s.steps, i))
    })
}

/// How far the publish is, 0.0..1.0: 1.0 when succeeded, else the mean over steps of 1
/// for a complete step and its percentage / 100 otherwise; 0.0 without steps (or when
/// `status` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_progress(
    status: *const cloudpartner_offer_status,
) -> f64 {
    ffi::accessor!(status, 0.0, |s| s.status.progress())
}

/// How long the publish may still take, in seconds: the ranges of the steps that are not
/// complete, the current one scaled by what is left of it. Returns true and writes
/// `*min_seconds` / `*max_seconds` (each may be NULL) when there is an estimate; returns
/// false and writes nothing when the offer is terminal, no such step has a readable time
/// frame, or `status` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_estimated_remaining(
    status: *const cloudpartner_offer_status,
    min_seconds: *mut f64,
    max_seconds: *mut f64,
) -> bool {
    // SAFETY: the caller passes NULL or a live status.
    let range = unsafe {
        ffi::read(status, None, |s| {
            s.status
                .estimated_remaining()
                .map(|(a, b)| (a.as_secs_f64(), b.as_secs_f64()))
        })
    };
    // SAFETY: each non-NULL out-pointer is writable (the documented contract).
    unsafe { ffi::write_range(range, min_seconds, max_seconds) }
}

/// The canonical wire JSON of the status, on one line: camelCase keys, canonical
/// spellings (`"inProgress"`), unknown values verbatim, timestamps in UTC,
/// `notificationEmails` joined with `", "`. Strings with a NUL are kept whole (escaped as
/// `\u0000`). Parsing it gives back an equal status.
///
/// Returns a new string: free it with `cloudpartner_string_free()`. NULL when `status` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_status_to_json(
    status: *const cloudpartner_offer_status,
) -> *mut c_char {
    ffi::accessor!(status, ptr::null_mut(), |s| {
        into_raw_string(&s.status.to_json())
    })
}
