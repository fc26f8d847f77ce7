//! `cloudpartner_ingestion_client_release`: the core's Product Ingestion release
//! (`cloudpartner::ingestion::release`, DESIGN §10) in one blocking call, its progress
//! events given to a C callback, its outcome as a `cloudpartner_ingestion_release_result`.
//! This module converts the request, the events and the outcome; the callback's non-zero
//! return stops the release through the core (`ControlFlow::Break`).

use std::ffi::{CString, c_char, c_int, c_void};
use std::ops::ControlFlow;
use std::ptr;

use cloudpartner::ingestion::{
    DataDisk, IngestionReleaseEvent, ReleaseOutcome, ReleaseRequest, release,
};
use cloudpartner::{Error, ErrorKind, Result};

use super::client::cloudpartner_ingestion_client;
use super::job::cloudpartner_job;
use super::submission::cloudpartner_product_status;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::options::{self, cloudpartner_watch_options, cloudpartner_watch_options_default};
use crate::release::{
    EVENT_KINDS, UserData, by_name, cloudpartner_release_event_kind, cloudpartner_release_outcome,
    cloudpartner_release_phase, outcome_of, phase_of,
};
use crate::runtime;

/// A data disk of a release: its LUN (0..15) and the URL of its VHD.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_ingestion_data_disk {
    /// The LUN, 0..15.
    pub lun: u32,
    /// The VHD's URL (https, SAS query included). Required.
    pub uri: *const c_char,
}

/// What `cloudpartner_ingestion_client_release()` releases. Start from
/// `cloudpartner_ingestion_release_request_default()` and set at least `offer_id`,
/// `plan_id`, `version` and `os_disk_uri`. The strings are only read during the call.
/// New fields are only ever appended, and `_default()` fills every one.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_ingestion_release_request {
    /// The offer id (or the durable id `product/<guid>`). Required.
    pub offer_id: *const c_char,
    /// The plan id. Required.
    pub plan_id: *const c_char,
    /// The version, `"N.N.N"`. Required.
    pub version: *const c_char,
    /// The OS disk's URL, for every image type of the plan's SKUs. Required.
    pub os_disk_uri: *const c_char,
    /// Another OS disk URL for the `x64Gen2` SKU, when it differs; NULL: `os_disk_uri`.
    pub gen2_os_disk_uri: *const c_char,
    /// `data_disk_count` data disks, the same for every image; NULL when there are none.
    pub data_disks: *const cloudpartner_ingestion_data_disk,
    /// How many data disks `data_disks` points to.
    pub data_disk_count: usize,
    /// Go live after the preview succeeded; false: stop when it waits for go-live.
    pub go_live: bool,
    /// Read and change the draft, send nothing, and give the change as a diff.
    pub dry_run: bool,
    /// How the waits poll (NULL: the defaults); `timeout_ms` bounds the whole release
    /// (`CLOUDPARTNER_ERROR_TIMEOUT`); `until_publisher_action` is ignored.
    pub watch: *const cloudpartner_watch_options,
}

/// A request with every default: NULL strings, no data disks, no go-live, no dry run, the
/// default watch options.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_ingestion_release_request_default()
-> cloudpartner_ingestion_release_request {
    cloudpartner_ingestion_release_request {
        offer_id: ptr::null(),
        plan_id: ptr::null(),
        version: ptr::null(),
        os_disk_uri: ptr::null(),
        gen2_os_disk_uri: ptr::null(),
        data_disks: ptr::null(),
        data_disk_count: 0,
        go_live: false,
        dry_run: false,
        watch: ptr::null(),
    }
}

/// The core's request of a C one.
///
/// # Safety
/// The request's pointers are NULL or valid (as `cloudpartner_ingestion_release_request`
/// says).
unsafe fn core_request(
    function: &str,
    request: &cloudpartner_ingestion_release_request,
) -> Result<ReleaseRequest> {
    // SAFETY: forwarded contract.
    let required = |name: &str, s| unsafe { ffi::str_arg(function, name, s) }.map(str::to_owned);
    // SAFETY: forwarded contract.
    let gen2 = unsafe {
        ffi::opt_str_arg(
            function,
            "request->gen2_os_disk_uri",
            request.gen2_os_disk_uri,
        )
    }?;
    let disks: &[cloudpartner_ingestion_data_disk] = match request.data_disk_count {
        0 => &[],
        _ if request.data_disks.is_null() => {
            return Err(ffi::bad_argument(
                function,
                "request->data_disks",
                "is NULL with a data_disk_count above 0",
            ));
        }
        // SAFETY: `data_disk_count` readable items (the documented contract).
        n => unsafe { std::slice::from_raw_parts(request.data_disks, n) },
    };
    let data_disks = disks
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let name = format!("request->data_disks[{i}].uri");
            Ok(DataDisk::new(d.lun, required(&name, d.uri)?))
        })
        .collect::<Result<Vec<_>>>()?;
    // SAFETY: forwarded contract.
    let watch = unsafe { request.watch.as_ref() }
        .copied()
        .unwrap_or_else(|| cloudpartner_watch_options_default());
    Ok(ReleaseRequest {
        offer_id: required("request->offer_id", request.offer_id)?,
        plan_id: required("request->plan_id", request.plan_id)?,
        version: required("request->version", request.version)?,
        os_disk_uri: required("request->os_disk_uri", request.os_disk_uri)?,
        gen2_os_disk_uri: gen2.map(str::to_owned),
        data_disks,
        go_live: request.go_live,
        dry_run: request.dry_run,
        watch: options::watch_options(&watch),
    })
}

/// A progress event of `cloudpartner_ingestion_client_release()`, borrowed by the callback
/// for the call only: read it with `cloudpartner_ingestion_release_event_kind()`,
/// `_phase()`, `_phase_name()`, `_summary()`, `_fields_json()` and `_status()`. Opaque.
pub struct cloudpartner_ingestion_release_event {
    kind: cloudpartner_release_event_kind,
    phase: cloudpartner_release_phase,
    phase_name: CString,
    summary: Option<CString>,
    fields_json: Option<CString>,
    status: Option<cloudpartner_product_status>,
}

impl cloudpartner_ingestion_release_event {
    fn new(event: &IngestionReleaseEvent) -> cloudpartner_ingestion_release_event {
        cloudpartner_ingestion_release_event {
            kind: by_name(&EVENT_KINDS, event.kind()),
            phase: phase_of(event.phase()),
            phase_name: c_string(event.phase().label()),
            summary: event.summary().map(c_string),
            fields_json: event.fields_json().as_deref().map(c_string),
            status: event
                .status()
                .cloned()
                .map(cloudpartner_product_status::new),
        }
    }
}

/// The event's kind; `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` when `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_kind(
    event: *const cloudpartner_ingestion_release_event,
) -> cloudpartner_release_event_kind {
    ffi::accessor!(
        event,
        cloudpartner_release_event_kind::CLOUDPARTNER_RELEASE_EVENT_UNKNOWN,
        |e| e.kind
    )
}

/// The phase the event is about (the phases of every release: read, change, write,
/// publish, review, go-live, live, done); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` when
/// `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_phase(
    event: *const cloudpartner_ingestion_release_event,
) -> cloudpartner_release_phase {
    ffi::accessor!(
        event,
        cloudpartner_release_phase::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN,
        |e| e.phase
    )
}

/// The name of the event's phase (`"go-live"`); borrowed from the event. NULL when
/// `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_phase_name(
    event: *const cloudpartner_ingestion_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| e.phase_name.as_ptr())
}

/// What the finished phase did, one line (`sig=REDACTED` in URLs; "not sent again" when
/// a resumed release skips what is done); borrowed from the event. NULL unless the event
/// is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_summary(
    event: *const cloudpartner_ingestion_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| ffi::borrowed_str(
        e.summary.as_ref()
    ))
}

/// The same facts as the summary, as a JSON object (`{"job": ...}`, ...); borrowed from
/// the event. NULL unless the event is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_fields_json(
    event: *const cloudpartner_ingestion_release_event,
) -> *const c_char {
    ffi::accessor!(event, ptr::null(), |e| ffi::borrowed_str(
        e.fields_json.as_ref()
    ))
}

/// The product's new status while a phase waits; borrowed from the event
/// (`cloudpartner_product_status_clone()` keeps it). NULL unless the event is
/// `CLOUDPARTNER_RELEASE_EVENT_STATUS`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_event_status(
    event: *const cloudpartner_ingestion_release_event,
) -> *const cloudpartner_product_status {
    ffi::accessor!(event, ptr::null(), |e| e
        .status
        .as_ref()
        .map_or(ptr::null(), |s| s as *const cloudpartner_product_status))
}

/// Called by `cloudpartner_ingestion_client_release()` with each progress event, in
/// order, and its `user_data`. `event` (and all it lends) is borrowed for the call only.
/// Return 0 to go on, non-zero to stop the release right there (the call then returns
/// `CLOUDPARTNER_ERROR_CANCELED`). It runs on the calling thread's behalf and may call any
/// function of this library.
pub type cloudpartner_ingestion_progress_fn = Option<
    unsafe extern "C" fn(
        event: *const cloudpartner_ingestion_release_event,
        user_data: *mut c_void,
    ) -> c_int,
>;

/// How a Product Ingestion release ended (other than with an error). Opaque; owns what
/// it lends. Free it with `cloudpartner_ingestion_release_result_free()`.
pub struct cloudpartner_ingestion_release_result {
    outcome: cloudpartner_release_outcome,
    status: Option<cloudpartner_product_status>,
    diff: Option<CString>,
    failed_phase: cloudpartner_release_phase,
    job: Option<cloudpartner_job>,
}

impl cloudpartner_ingestion_release_result {
    fn new(outcome: ReleaseOutcome) -> cloudpartner_ingestion_release_result {
        let failed_phase = match &outcome {
            ReleaseOutcome::Failed { phase, .. } | ReleaseOutcome::Canceled { phase, .. } => {
                phase_of(*phase)
            }
            _ => cloudpartner_release_phase::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN,
        };
        cloudpartner_ingestion_release_result {
            outcome: outcome_of(outcome.kind()),
            status: outcome
                .status()
                .map(|s| cloudpartner_product_status::new(s.clone())),
            diff: outcome.diff().map(c_string),
            failed_phase,
            job: outcome.job().map(|j| cloudpartner_job::new(j.clone())),
        }
    }
}

/// How the release ended; `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` when `result` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_outcome(
    result: *const cloudpartner_ingestion_release_result,
) -> cloudpartner_release_outcome {
    ffi::accessor!(
        result,
        cloudpartner_release_outcome::CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN,
        |r| r.outcome
    )
}

/// The last status the release read (live; waiting for go-live; the failed one, when
/// read); borrowed from the result. NULL for a dry run, a canceled job, or when `result`
/// is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_status(
    result: *const cloudpartner_ingestion_release_result,
) -> *const cloudpartner_product_status {
    ffi::accessor!(result, ptr::null(), |r| r
        .status
        .as_ref()
        .map_or(ptr::null(), |s| s as *const cloudpartner_product_status))
}

/// For a dry run, the change to the technical configuration as a unified diff
/// (`sig=REDACTED`; empty when the draft already holds it); borrowed. NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_diff(
    result: *const cloudpartner_ingestion_release_result,
) -> *const c_char {
    ffi::accessor!(result, ptr::null(), |r| ffi::borrowed_str(r.diff.as_ref()))
}

/// For the outcomes `FAILED` and `CANCELED`, the phase it happened in (`WRITE`, `REVIEW`,
/// `LIVE`); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_failed_phase(
    result: *const cloudpartner_ingestion_release_result,
) -> cloudpartner_release_phase {
    ffi::accessor!(
        result,
        cloudpartner_release_phase::CLOUDPARTNER_RELEASE_PHASE_UNKNOWN,
        |r| r.failed_phase
    )
}

/// For the outcomes `FAILED` and `CANCELED`, the job that failed or was canceled (its
/// errors nested: a certification failure is `cloudpartner_job_is_certification_failure()`),
/// when known; borrowed from the result. NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_job(
    result: *const cloudpartner_ingestion_release_result,
) -> *const cloudpartner_job {
    ffi::accessor!(result, ptr::null(), |r| r
        .job
        .as_ref()
        .map_or(ptr::null(), |j| j as *const cloudpartner_job))
}

/// Frees a result and everything it lends. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_release_result_free(
    result: *mut cloudpartner_ingestion_release_result,
) {
    ffi::free_box(result)
}

/// Releases a VM image version through the Product Ingestion API, blocking, in the phases
/// of every cloudpartner interface: read (resolve the product; `CLOUDPARTNER_ERROR_CONFLICT`
/// while a submission is in progress; read the draft) → change (add the version to the
/// plan's technical configuration, one image per SKU) → write (configure, wait for the
/// job) → publish (to preview) → review (wait for certification) → with
/// `request->go_live`: go-live → live. Resumable: a version the draft already holds with
/// the same image URLs is not sent again, a preview that holds it is not published again.
/// With `request->dry_run` nothing is sent and the result has the diff.
///
/// `on_progress` (may be NULL) gets each event, in order, with `user_data`; its non-zero
/// return stops the release right after that event, before anything more is sent (the
/// call then returns `CLOUDPARTNER_ERROR_CANCELED`).
///
/// On success `*out` gets the result: free it with
/// `cloudpartner_ingestion_release_result_free()`. A job that failed (a refused
/// configure, a failed certification, a failed push) or was canceled is a result
/// (`CLOUDPARTNER_RELEASE_OUTCOME_FAILED` / `_CANCELED`, with the job), not an error. On
/// failure `*out` is NULL and `*err` says which phase failed: `CLOUDPARTNER_ERROR_TIMEOUT`,
/// `CLOUDPARTNER_ERROR_CONFLICT`, ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing
/// sent, for a NULL or non-UTF-8 argument, an unknown plan or a bad image. `err` may be
/// NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_release(
    client: *const cloudpartner_ingestion_client,
    request: *const cloudpartner_ingestion_release_request,
    on_progress: cloudpartner_ingestion_progress_fn,
    user_data: *mut c_void,
    out: *mut *mut cloudpartner_ingestion_release_result,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_release", err, [
        out: out_arg,
        client: ref_arg,
        request: ref_arg,
    ] => {
        // SAFETY: the request's pointers are NULL or valid (the documented contract).
        let request = unsafe { core_request(FUNCTION, request) }?;
        let outcome = run(client, &request, on_progress, user_data)?;
        out.set(cloudpartner_ingestion_release_result::new(outcome));
        Ok(())
    })
}

/// Runs the core's release on the library's runtime, each event given to the callback
/// outside the runtime (so that it may call into the library).
fn run(
    client: &cloudpartner_ingestion_client,
    request: &ReleaseRequest,
    on_progress: cloudpartner_ingestion_progress_fn,
    user_data: *mut c_void,
) -> Result<ReleaseOutcome> {
    let user_data = UserData(user_data);
    let on_event = move |event: &IngestionReleaseEvent| -> ControlFlow<()> {
        let Some(callback) = on_progress else {
            return ControlFlow::Continue(());
        };
        let event = cloudpartner_ingestion_release_event::new(event);
        let data = user_data;
        // SAFETY: the caller's callback, given an event that lives for the call.
        let rc = tokio::task::block_in_place(|| unsafe { callback(&event, data.0) });
        if rc != 0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let outcome = runtime::block_on(release(client.client(), request, on_event))?;
    outcome.map_err(|e| {
        if e.error.kind() == ErrorKind::Canceled {
            Error::new(
                ErrorKind::Canceled,
                format!(
                    "release of {} stopped by the progress callback at {}",
                    request.offer_id, e.phase
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

    #[test]
    fn a_request_names_what_is_missing() {
        let mut request = cloudpartner_ingestion_release_request_default();
        let e = unsafe { core_request("f", &request) }.unwrap_err();
        assert_eq!(e.message(), "f: `request->offer_id` is NULL");
        request.offer_id = c"vm-release".as_ptr();
        request.plan_id = c"standard".as_ptr();
        request.version = c"2.0.0".as_ptr();
        request.os_disk_uri = c"https://a/os.vhd".as_ptr();
        request.data_disk_count = 1;
        let e = unsafe { core_request("f", &request) }.unwrap_err();
        assert!(e.message().contains("`request->data_disks`"), "{e}");
        let disks = [cloudpartner_ingestion_data_disk {
            lun: 3,
            uri: ptr::null(),
        }];
        request.data_disks = disks.as_ptr();
        let e = unsafe { core_request("f", &request) }.unwrap_err();
        assert!(e.message().contains("`request->data_disks[0].uri`"), "{e}");
        let disks = [cloudpartner_ingestion_data_disk {
            lun: 3,
            uri: c"https://a/d3.vhd".as_ptr(),
        }];
        request.data_disks = disks.as_ptr();
        let r = unsafe { core_request("f", &request) }.unwrap();
        assert_eq!(r.data_disks, [DataDisk::new(3, "https://a/d3.vhd")]);
        assert!(!r.go_live && !r.dry_run && r.gen2_os_disk_uri.is_none());
    }
}
