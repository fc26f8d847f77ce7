//! `cloudpartner_client_release`: the core's release workflow (`cloudpartner::release`,
//! DESIGN §8) in one blocking call, its progress events given to a C callback, its
//! outcome as a `cloudpartner_release_result`. Nothing of the release is done here: this
//! module converts the request, the events and the outcome, and stops the release when
//! the callback asks.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::ops::ControlFlow;
use std::ptr;

use cloudpartner::{
    CppReleaseEvent, Error, ErrorKind, OutcomeKind, Phase, ReleaseOutcome, ReleaseRequest, Result,
};

use crate::client::cloudpartner_client;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::offer::cloudpartner_offer;
use crate::options::{self, cloudpartner_watch_options, cloudpartner_watch_options_default};
use crate::runtime;
use crate::status::cloudpartner_offer_status;
use crate::vm_image::{self, cloudpartner_vm_image, cloudpartner_vm_image_default};

/// The phases of a release, in the order they run (`cloudpartner_release_phase_name()`
/// gives `"go-live"` for `CLOUDPARTNER_RELEASE_PHASE_GO_LIVE`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_release_phase {
    /// A phase this version does not know; also "no phase" (a result that did not fail).
    CLOUDPARTNER_RELEASE_PHASE_UNKNOWN = 0,
    /// `read`: read the offer's draft (with its ETag).
    CLOUDPARTNER_RELEASE_PHASE_READ = 1,
    /// `change`: add the image to the plan, in a copy.
    CLOUDPARTNER_RELEASE_PHASE_CHANGE = 2,
    /// `write`: write the offer back with the ETag read.
    CLOUDPARTNER_RELEASE_PHASE_WRITE = 3,
    /// `publish`: start the publish to preview.
    CLOUDPARTNER_RELEASE_PHASE_PUBLISH = 4,
    /// `review`: wait until the preview waits for the publisher's review.
    CLOUDPARTNER_RELEASE_PHASE_REVIEW = 5,
    /// `go-live`: start the go-live.
    CLOUDPARTNER_RELEASE_PHASE_GO_LIVE = 6,
    /// `live`: wait until live.
    CLOUDPARTNER_RELEASE_PHASE_LIVE = 7,
    /// `done`: the release ended.
    CLOUDPARTNER_RELEASE_PHASE_DONE = 8,
}

/// How a release ended (`cloudpartner_release_outcome_name()` gives `"at_review"` for
/// `CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_release_outcome {
    /// An outcome this version does not know (and what a NULL result gives).
    CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN = 0,
    /// `live`: the image is live.
    CLOUDPARTNER_RELEASE_OUTCOME_LIVE = 1,
    /// `at_review`: the preview waits for the publisher's review (`go_live` was false).
    CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW = 2,
    /// `failed`: the publish or the go-live failed at the service (a rejected step, a
    /// failed certification): see the result's status and failed phase.
    CLOUDPARTNER_RELEASE_OUTCOME_FAILED = 3,
    /// `canceled`: the publish or the go-live was canceled at the service.
    CLOUDPARTNER_RELEASE_OUTCOME_CANCELED = 4,
    /// `dry_run`: nothing was sent; the result has the diff.
    CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN = 5,
}

/// What a progress event of a release reports (`cloudpartner_release_event_kind_name()`
/// gives `"phase_started"` for `CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_release_event_kind {
    /// A kind this version does not know (and what a NULL event gives).
    CLOUDPARTNER_RELEASE_EVENT_UNKNOWN = 0,
    /// `phase_started`: a phase began.
    CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED = 1,
    /// `phase_finished`: a phase ended; the event has a summary and JSON fields.
    CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED = 2,
    /// `status`: while a phase waits, the offer's status changed; the event has it.
    CLOUDPARTNER_RELEASE_EVENT_STATUS = 3,
}

use cloudpartner_release_event_kind as EK;
use cloudpartner_release_outcome as RO;
use cloudpartner_release_phase as RP;

const PHASES: [(RP, &CStr); 9] = [
    (RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN, c"unknown"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_READ, c"read"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_CHANGE, c"change"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_WRITE, c"write"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_PUBLISH, c"publish"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_REVIEW, c"review"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_GO_LIVE, c"go-live"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_LIVE, c"live"),
    (RP::CLOUDPARTNER_RELEASE_PHASE_DONE, c"done"),
];

const OUTCOMES: [(RO, &CStr); 6] = [
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN, c"unknown"),
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_LIVE, c"live"),
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW, c"at_review"),
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_FAILED, c"failed"),
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_CANCELED, c"canceled"),
    (RO::CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN, c"dry_run"),
];

pub(crate) const EVENT_KINDS: [(EK, &CStr); 4] = [
    (EK::CLOUDPARTNER_RELEASE_EVENT_UNKNOWN, c"unknown"),
    (
        EK::CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED,
        c"phase_started",
    ),
    (
        EK::CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED,
        c"phase_finished",
    ),
    (EK::CLOUDPARTNER_RELEASE_EVENT_STATUS, c"status"),
];

/// The C value whose spelling is `name` (the `..._UNKNOWN` one, first, when none is).
pub(crate) fn by_name<T: Copy>(table: &[(T, &CStr)], name: &str) -> T {
    table
        .iter()
        .find(|(_, n)| n.to_bytes() == name.as_bytes())
        .unwrap_or(&table[0])
        .0
}

/// The spelling of the C value `value` (`"unknown"` when it is none).
pub(crate) fn name_of<T>(table: &[(T, &'static CStr)], value: c_int) -> *const c_char {
    usize::try_from(value)
        .ok()
        .and_then(|i| table.get(i))
        .map_or(c"unknown", |(_, name)| name)
        .as_ptr()
}

pub(crate) fn phase_of(phase: Phase) -> RP {
    by_name(&PHASES, phase.label())
}

pub(crate) fn outcome_of(kind: OutcomeKind) -> RO {
    by_name(&OUTCOMES, kind.as_str())
}

/// The spelling of a release phase (`"go-live"`); `"unknown"` for
/// `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_release_phase_name(phase: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&PHASES, phase))
}

/// The spelling of a release outcome (`"at_review"`); `"unknown"` for
/// `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_release_outcome_name(outcome: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&OUTCOMES, outcome))
}

/// The spelling of a release event kind (`"phase_finished"`); `"unknown"` for
/// `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` or any other value. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_release_event_kind_name(kind: c_int) -> *const c_char {
    ffi::guard_value(c"unknown".as_ptr(), || name_of(&EVENT_KINDS, kind))
}

/// What `cloudpartner_client_release()` releases. Start from
/// `cloudpartner_release_request_default()` and set at least the three ids and the
/// image's `version` and `os_vhd_url`. The strings are only read during the call. New
/// fields are only ever appended, and `_default()` fills every one.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_release_request {
    /// The publisher. Required.
    pub publisher_id: *const c_char,
    /// The offer. Required.
    pub offer_id: *const c_char,
    /// The plan (or disk generation) that gets the image. Required.
    pub plan_id: *const c_char,
    /// The image version to add (or replace), as for
    /// `cloudpartner_offer_set_vm_image_version()`.
    pub image: cloudpartner_vm_image,
    /// Go live after the review; false: stop when the preview waits for the review.
    pub go_live: bool,
    /// Read and change the offer, send nothing, and give the change as a diff.
    pub dry_run: bool,
    /// Who the service notifies about the publish: comma-separated emails; NULL: none.
    pub notification_emails: *const c_char,
    /// How the waits poll (NULL: the defaults); `timeout_ms` bounds the whole release
    /// (`CLOUDPARTNER_ERROR_TIMEOUT`); `until_publisher_action` is ignored.
    pub watch: *const cloudpartner_watch_options,
}

/// A request with every default: NULL ids, the image of `cloudpartner_vm_image_default()`,
/// no go-live, no dry run, no notification emails, the default watch options.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_release_request_default() -> cloudpartner_release_request {
    cloudpartner_release_request {
        publisher_id: ptr::null(),
        offer_id: ptr::null(),
        plan_id: ptr::null(),
        image: cloudpartner_vm_image_default(),
        go_live: false,
        dry_run: false,
        notification_emails: ptr::null(),
        watch: ptr::null(),
    }
}

/// The core's request of a C one.
///
/// # Safety
/// The request's pointers are NULL or valid (as `cloudpartner_release_request` says).
unsafe fn core_request(
    function: &str,
    request: &cloudpartner_release_request,
) -> Result<ReleaseRequest> {
    // SAFETY: forwarded contract.
    let required = |name: &str, s| unsafe { ffi::str_arg(function, name, s) }.map(str::to_owned);
    // SAFETY: forwarded contract.
    let emails = unsafe {
        ffi::opt_str_arg(
            function,
            "request->notification_emails",
            request.notification_emails,
        )
    }?;
    // SAFETY: forwarded contract.
    let watch = unsafe { request.watch.as_ref() }
        .copied()
        .unwrap_or_else(|| cloudpartner_watch_options_default());
    Ok(ReleaseRequest {
        publisher_id: required("request->publisher_id", request.publisher_id)?,
        offer_id: required("request->offer_id", request.offer_id)?,
        plan_id: required("request->plan_id", request.plan_id)?,
        // SAFETY: forwarded contract.
        image: unsafe { vm_image::core_image(function, "request->image.", &request.image) }?,
        go_live: request.go_live,
        dry_run: request.dry_run,
        notification_emails: emails.into_iter().map(str::to_owned).collect(),
        watch: options::watch_options(&watch),
    })
}

/// A progress event of `cloudpartner_client_release()`, borrowed by the callback for the
/// call only: read it with `cloudpartner_release_event_kind()`, `_phase()`,
/// `_phase_name()`, `_summary()`, `_fields_json()` and `_status()`. Opaque.
pub struct cloudpartner_release_event {
    kind: cloudpartner_release_event_kind,
    phase: cloudpartner_release_phase,
    phase_name: CString,
    summary: Option<CString>,
    fields_json: Option<CString>,
    status: Option<cloudpartner_offer_status>,
}

impl cloudpartner_release_event {
    fn new(event: &CppReleaseEvent) -> cloudpartner_release_event {
        cloudpartner_release_event {
            kind: by_name(&EVENT_KINDS, event.kind()),
            phase: phase_of(event.phase()),
            phase_name: c_string(event.phase().label()),
            summary: event.summary().map(c_string),
            fields_json: event.fields_json().as_deref().map(c_string),
            status: event.status().cloned().map(cloudpartner_offer_status::new),
        }
    }
}

/// The event's kind; `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` when `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_kind(
    event: *const cloudpartner_release_event,
) -> cloudpartner_release_event_kind {
    ffi::accessor!(event, EK::CLOUDPARTNER_RELEASE_EVENT_UNKNOWN, |e| e.kind)
}

/// The phase the event is about; `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` when `event` is
/// NULL (or for a phase this version does not know: see `_phase_name()`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_phase(
    event: *const cloudpartner_release_event,
) -> cloudpartner_release_phase {
    ffi::accessor!(event, RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN, |e| e.phase)
}

/// The name of the event's phase (`"go-live"`), also for a phase this version has no
/// enumerator for; borrowed from the event. NULL when `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_phase_name(
    event: *const cloudpartner_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| e.phase_name.as_ptr())
}

/// What the finished phase did, one line of text (`sig=REDACTED` in URLs); borrowed from
/// the event. NULL unless the event is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_summary(
    event: *const cloudpartner_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| {
        ffi::borrowed_str(e.summary.as_ref())
    })
}

/// The same facts as the summary, as a JSON object (`{"version": 3, "etag": "..."}`,
/// `{"operation": {"id", "url"}}`, ...); borrowed from the event. NULL unless the event
/// is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_fields_json(
    event: *const cloudpartner_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| {
        ffi::borrowed_str(e.fields_json.as_ref())
    })
}

/// The offer's new status; borrowed from the event (copy it with
/// `cloudpartner_offer_status_clone()` to keep it). NULL unless the event is
/// `CLOUDPARTNER_RELEASE_EVENT_STATUS`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_event_status(
    event: *const cloudpartner_release_event,
) -> *const cloudpartner_offer_status {
    ffi::accessor!(event, ptr::null(), |e| {
        e.status
            .as_ref()
            .map_or(ptr::null(), |s| s as *const cloudpartner_offer_status)
    })
}

/// Called by `cloudpartner_client_release()` with each progress event, in order, and its
/// `user_data`. `event` (and everything read from it) is borrowed for the call only.
/// Return 0 to go on, non-zero to stop the release (the call then returns
/// `CLOUDPARTNER_ERROR_CANCELED`). It runs on the thread that called
/// `cloudpartner_client_release()` and may call any function of this library.
pub type cloudpartner_progress_fn = Option<
    unsafe extern "C" fn(event: *const cloudpartner_release_event, user_data: *mut c_void) -> c_int,
>;

/// How a release ended (other than with an error): its outcome, the last status, the
/// diff of a dry run, the phase and operation that failed. Opaque; owns what its
/// accessors lend. Free it with `cloudpartner_release_result_free()`.
pub struct cloudpartner_release_result {
    outcome: cloudpartner_release_outcome,
    status: Option<cloudpartner_offer_status>,
    offer: Option<cloudpartner_offer>,
    diff: Option<CString>,
    failed_phase: cloudpartner_release_phase,
    operation_id: Option<CString>,
}

impl cloudpartner_release_result {
    fn new(outcome: ReleaseOutcome) -> cloudpartner_release_result {
        let kind = outcome_of(outcome.kind());
        let status = outcome
            .status()
            .map(|s| cloudpartner_offer_status::new(s.clone()));
        let diff = outcome.diff().map(|d| c_string(&d));
        let (offer, failed_phase, operation_id) = match outcome {
            ReleaseOutcome::Live { offer, .. } | ReleaseOutcome::AtReview { offer, .. } => (
                Some(cloudpartner_offer::new(offer)),
                RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN,
                None,
            ),
            ReleaseOutcome::Failed {
                phase, operation, ..
            }
            | ReleaseOutcome::Canceled {
                phase, operation, ..
            } => (None, phase_of(phase), Some(c_string(&operation.id))),
            _ => (None, RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN, None),
        };
        cloudpartner_release_result {
            outcome: kind,
            status,
            offer,
            diff,
            failed_phase,
            operation_id,
        }
    }
}

/// How the release ended; `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` when `result` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_outcome(
    result: *const cloudpartner_release_result,
) -> cloudpartner_release_outcome {
    ffi::accessor!(result, RO::CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN, |r| {
        r.outcome
    })
}

/// The last status the release saw (succeeded when live; waiting for the review at
/// review; the failed or canceled one, with its steps and messages); borrowed from the
/// result. NULL for a dry run, or when `result` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_status(
    result: *const cloudpartner_release_result,
) -> *const cloudpartner_offer_status {
    ffi::accessor!(result, ptr::null(), |r| {
        r.status
            .as_ref()
            .map_or(ptr::null(), |s| s as *const cloudpartner_offer_status)
    })
}

/// The offer as the release wrote it (its new version and ETag), for the outcomes
/// `LIVE` and `AT_REVIEW`; borrowed from the result (`cloudpartner_offer_clone()` keeps
/// it). NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_offer(
    result: *const cloudpartner_release_result,
) -> *const cloudpartner_offer {
    ffi::accessor!(result, ptr::null(), |r| {
        r.offer
            .as_ref()
            .map_or(ptr::null(), |o| o as *const cloudpartner_offer)
    })
}

/// For a dry run, the change to the offer: a unified diff of its definition
/// (`sig=REDACTED` in URLs); borrowed from the result. NULL for any other outcome.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_diff(
    result: *const cloudpartner_release_result,
) -> *const c_char {
    ffi::accessor!(result, ptr::null(), |r| ffi::borrowed_str(r.diff.as_ref()))
}

/// For the outcomes `FAILED` and `CANCELED`, the phase that waited when it happened
/// (`REVIEW` or `LIVE`); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_failed_phase(
    result: *const cloudpartner_release_result,
) -> cloudpartner_release_phase {
    ffi::accessor!(result, RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN, |r| {
        r.failed_phase
    })
}

/// For the outcomes `FAILED` and `CANCELED`, the id of the operation (publish or
/// go-live) that failed or was canceled (`cloudpartner_client_operation()` reads it);
/// borrowed from the result. NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_operation_id(
    result: *const cloudpartner_release_result,
) -> *const c_char {
    ffi::accessor!(result, ptr::null(), |r| {
        ffi::borrowed_str(r.operation_id.as_ref())
    })
}

/// Frees a result and everything it lends. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_release_result_free(
    result: *mut cloudpartner_release_result,
) {
    ffi::free_box(result)
}

/// Releases a VM image version, blocking: the same phases, in every cloudpartner
/// interface — read the offer's draft (with its ETag), add the image to the plan, write
/// the offer back with the ETag read (`CLOUDPARTNER_ERROR_CONFLICT` when it changed
/// meanwhile), publish, wait until the preview waits for the review, and with
/// `request->go_live`: go live and wait until live. With `request->dry_run` it reads and
/// changes the offer and sends nothing.
///
/// `on_progress` (may be NULL) gets each progress event, in order, with `user_data`:
/// each phase started and finished (but `live`, the last, which ends with the result),
/// and each status change while a phase waits. Its
/// non-zero return stops the release right after that event, before anything more is
/// sent: the call then returns `CLOUDPARTNER_ERROR_CANCELED` (what was already sent goes
/// on at the service).
///
/// On success `*out` gets the result: free it with `cloudpartner_release_result_free()`.
/// A publish or go-live that failed or was canceled at the service is a result (outcome
/// `CLOUDPARTNER_RELEASE_OUTCOME_FAILED` or `_CANCELED`, with the status), not an error.
/// On failure `*out` is NULL and `*err` says which phase failed (`release failed at
/// write: ...`): `CLOUDPARTNER_ERROR_TIMEOUT` after `request->watch->timeout_ms`,
/// `CLOUDPARTNER_ERROR_CONFLICT`, `CLOUDPARTNER_ERROR_BAD_REQUEST` (a publish the service
/// refuses), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing sent, for a NULL,
/// empty or non-UTF-8 id or argument, an invalid image or bad watch options. `err` may be
/// NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_release(
    client: *const cloudpartner_client,
    request: *const cloudpartner_release_request,
    on_progress: cloudpartner_progress_fn,
    user_data: *mut c_void,
    out: *mut *mut cloudpartner_release_result,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_release", err, [
        out: out_arg,
        client: ref_arg,
        request: ref_arg,
    ] => {
        // SAFETY: the request's pointers are NULL or valid (the documented contract).
        let request = unsafe { core_request(FUNCTION, request) }?;
        let outcome = run(client, &request, on_progress, user_data)?;
        out.set(cloudpartner_release_result::new(outcome));
        Ok(())
    })
}

/// The caller's `user_data`, handed back to its callback on whichever thread runs the
/// release (the C contract: it stays valid, and the callback may be called from a
/// thread of the library).
#[derive(Clone, Copy)]
pub(crate) struct UserData(pub(crate) *mut c_void);

// SAFETY: the library never dereferences it; it only passes it back to the caller's
// callback, as the header documents.
unsafe impl Send for UserData {}
// SAFETY: as above.
unsafe impl Sync for UserData {}

/// Runs the core's release on the library's runtime, giving each event to the callback
/// outside the runtime (so that it may call into the library). A non-zero return stops
/// the release right after that event, before anything more is sent.
fn run(
    client: &cloudpartner_client,
    request: &ReleaseRequest,
    on_progress: cloudpartner_progress_fn,
    user_data: *mut c_void,
) -> Result<ReleaseOutcome> {
    let user_data = UserData(user_data);
    let on_event = move |event: &CppReleaseEvent| -> ControlFlow<()> {
        let Some(callback) = on_progress else {
            return ControlFlow::Continue(());
        };
        let event = cloudpartner_release_event::new(event);
        let data = user_data;
        // Out of the runtime for the callback: `block_on` calls inside it then work.
        // SAFETY: the caller's callback, given an event that lives for the call.
        let rc = tokio::task::block_in_place(|| unsafe { callback(&event, data.0) });
        if rc != 0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let outcome = runtime::block_on(cloudpartner::release(client.client(), request, on_event))?;
    outcome.map_err(|e| {
        if e.error.kind() == ErrorKind::Canceled {
            Error::new(
                ErrorKind::Canceled,
                format!(
                    "release of {}/{} stopped by the progress callback at {}",
                    request.publisher_id, request.offer_id, e.phase
                ),
            )
        } else {
            e.into()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<T>(table: &[(T, &CStr)]) -> Vec<String> {
        table[1..]
            .iter()
            .map(|(_, n)| n.to_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn enumerators_follow_the_core_tables() {
        assert_eq!(names(&PHASES), cloudpartner::tables::release_phases());
        assert_eq!(names(&OUTCOMES), cloudpartner::tables::release_outcomes());
        assert_eq!(
            names(&EVENT_KINDS),
            cloudpartner::tables::release_event_kinds()
        );
        for (i, (value, _)) in PHASES.iter().enumerate() {
            assert_eq!(*value as usize, i);
        }
        for (i, (value, _)) in OUTCOMES.iter().enumerate() {
            assert_eq!(*value as usize, i);
        }
        for (i, (value, _)) in EVENT_KINDS.iter().enumerate() {
            assert_eq!(*value as usize, i);
        }
        for phase in Phase::ALL {
            assert_ne!(phase_of(phase), RP::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
        }
        for kind in OutcomeKind::ALL {
            assert_ne!(outcome_of(kind), RO::CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN);
        }
        let name = |p| unsafe { CStr::from_ptr(p) }.to_str().unwrap();
        assert_eq!(name(cloudpartner_release_phase_name(6)), "go-live");
        assert_eq!(name(cloudpartner_release_phase_name(9)), "unknown");
        assert_eq!(name(cloudpartner_release_outcome_name(-1)), "unknown");
        assert_eq!(name(cloudpartner_release_event_kind_name(3)), "status");
    }

    #[test]
    fn a_request_names_what_is_missing() {
        let mut request = cloudpartner_release_request_default();
        let e = unsafe { core_request("f", &request) }.unwrap_err();
        assert_eq!(e.message(), "f: `request->publisher_id` is NULL");
        request.publisher_id = c"contoso".as_ptr();
        request.offer_id = c"vm".as_ptr();
        request.plan_id = c"standard".as_ptr();
        let e = unsafe { core_request("f", &request) }.unwrap_err();
        assert!(e.message().contains("`request->image.version`"), "{e}");
        request.image.version = c"1.0.0".as_ptr();
        request.image.os_vhd_url = c"https://a/os.vhd".as_ptr();
        request.notification_emails = c"a@x.com,b@y.com".as_ptr();
        let r = unsafe { core_request("f", &request) }.unwrap();
        assert_eq!(r.notification_emails, ["a@x.com,b@y.com"]);
        assert!(!r.go_live && !r.dry_run);
        assert_eq!(r.watch, cloudpartner::WatchOptions::default());
    }
}
