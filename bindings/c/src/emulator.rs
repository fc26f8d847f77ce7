//! `cloudpartner_emulator`: the local Cloud Partner Portal emulator, started, stopped and
//! freed from C, for tests and demos without Azure; a handle over the core's `Emulator`.

use std::ffi::{CString, c_char};
use std::ptr;

use ::cloudpartner_emulator::{Emulator, Fault, OfferSlot, RecordedRequest, Scenario};
use cloudpartner::{Error, ErrorKind};
use serde_json::json;

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::options::{cloudpartner_client_options, cloudpartner_client_options_default};
use crate::runtime;
use crate::strings::into_raw_string;

/// An emulator of the Cloud Partner Portal API on `127.0.0.1` (a real HTTP server on the
/// library's runtime). Opaque. `cloudpartner_emulator_stop()` stops its server (any number
/// of times); what it recorded stays readable until `cloudpartner_emulator_free()`, which
/// also stops it.
pub struct cloudpartner_emulator {
    emulator: Emulator,
    /// The C strings of `Emulator::client_options()`: base URL and token.
    base_url: CString,
    /// `Emulator::ingestion_base_url()`: `<base_url>/rp/product-ingestion`.
    ingestion_base_url: CString,
    token: CString,
    /// `Emulator::client_options()`'s poll time scale: the emulator's time scale.
    poll_time_scale: f64,
}

fn scenario_error(function: &str, error: impl std::fmt::Display) -> Error {
    Error::invalid_argument(format!("{function}: {error}"))
}

fn start(
    function: &str,
    scenario_json: *const c_char,
    time_scale: Option<f64>,
    out: *mut *mut cloudpartner_emulator,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, json) = unsafe {
            (
                ffi::out_arg(function, "out", out)?,
                ffi::opt_str_arg(function, "scenario_json", scenario_json)?,
            )
        };
        let scenario = match json {
            Some(json) => Scenario::from_json_str(json).map_err(|e| scenario_error(function, e))?,
            None => Scenario::default_scenario(),
        };
        let mut builder = Emulator::builder().scenario(scenario);
        if let Some(scale) = time_scale {
            builder = builder.time_scale(scale);
        }
        let emulator = runtime::block_on(builder.start())?.map_err(|e| {
            let kind = match e.kind() {
                std::io::ErrorKind::InvalidInput => ErrorKind::InvalidArgument,
                _ => ErrorKind::Transport,
            };
            Error::new(kind, format!("{function}: {e}"))
        })?;
        let options = emulator.client_options();
        out.set(cloudpartner_emulator {
            base_url: c_string(options.base_url.as_deref().unwrap_or_default()),
            ingestion_base_url: c_string(&emulator.ingestion_base_url()),
            token: c_string(options.token.as_ref().map_or("", |t| t.expose())),
            poll_time_scale: options.poll_time_scale.unwrap_or(0.0),
            emulator,
        });
        Ok(())
    })
}

/// Starts an emulator on a free port of `127.0.0.1`.
///
/// `scenario_json` is a scenario document (publishers, offers, simulated publishes,
/// faults, token, `timeScale`: see the README), or NULL for the default scenario
/// (publisher `contoso` with an offer in every state, and `vm-offer`, a publish that starts
/// now). On success `*out` gets the emulator: free it with `cloudpartner_emulator_free()`.
/// On failure `*out` is NULL: `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a scenario that
/// cannot be read (the message names the field) or a NULL `out`,
/// `CLOUDPARTNER_ERROR_TRANSPORT` when no port can be bound. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_start(
    scenario_json: *const c_char,
    out: *mut *mut cloudpartner_emulator,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    start("cloudpartner_emulator_start", scenario_json, None, out, err)
}

/// Like `cloudpartner_emulator_start()`, with the simulated clock running `time_scale`
/// simulated seconds per real second (overriding the scenario's `timeScale`; must be a
/// positive number). A large scale (10000) runs the default `vm-offer` publish in seconds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_start_scaled(
    scenario_json: *const c_char,
    time_scale: f64,
    out: *mut *mut cloudpartner_emulator,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    let function = "cloudpartner_emulator_start_scaled";
    start(function, scenario_json, Some(time_scale), out, err)
}

/// The URL to point clients at, e.g. `"http://127.0.0.1:41234"` (no trailing slash); also
/// the authority host of its token endpoint. Valid until the emulator is freed; NULL only
/// when `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_base_url(
    emulator: *const cloudpartner_emulator,
) -> *const c_char {
    ffi::accessor!(emulator, ptr::null(), |e| e.base_url.as_ptr())
}

/// The Product Ingestion API's URL of the emulator, `"<base_url>/rp/product-ingestion"`
/// (what `cloudpartner_emulator_client_options()` sets as `ingestion_base_url`). Valid
/// until the emulator is freed; NULL only when `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_ingestion_base_url(
    emulator: *const cloudpartner_emulator,
) -> *const c_char {
    ffi::accessor!(emulator, ptr::null(), |e| e.ingestion_base_url.as_ptr())
}

/// The bearer token the emulator accepts. Valid until the emulator is freed; NULL only
/// when `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_token(
    emulator: *const cloudpartner_emulator,
) -> *const c_char {
    ffi::accessor!(emulator, ptr::null(), |e| e.token.as_ptr())
}

/// Adds a fault, from the next request on: a JSON object as in a scenario's `faults`, e.g.
/// `{"kind":"status","status":503,"times":2,"offerId":"vm-offer"}` (kinds `status`,
/// `latency`, `malformed`, `html`, `reset`, `slowBody`, `oversize`, `redirect`).
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument or a fault that cannot be
/// read. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_add_fault(
    emulator: *const cloudpartner_emulator,
    fault_json: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_emulator_add_fault";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (emulator, json) = unsafe {
            (
                ffi::ref_arg(FUNCTION, "emulator", emulator)?,
                ffi::str_arg(FUNCTION, "fault_json", fault_json)?,
            )
        };
        let fault = Fault::from_json_str(json).map_err(|e| scenario_error(FUNCTION, e))?;
        emulator.emulator.add_fault(fault);
        Ok(())
    })
}

/// Serves `status_json` (a status document, served verbatim) for `publisher`/`offer` from
/// the next request on, adding the offer (and publisher) when new.
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument, or a
/// `status_json` that is not JSON. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_set_offer_status(
    emulator: *const cloudpartner_emulator,
    publisher: *const c_char,
    offer: *const c_char,
    status_json: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_emulator_set_offer_status";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (emulator, publisher, offer, json) = unsafe {
            (
                ffi::ref_arg(FUNCTION, "emulator", emulator)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
                ffi::str_arg(FUNCTION, "status_json", status_json)?,
            )
        };
        let document = json_value(json).map_err(|e| scenario_error(FUNCTION, e))?;
        emulator
            .emulator
            .set_offer_status(publisher, offer, document);
        Ok(())
    })
}

fn json_value(json: &str) -> std::result::Result<serde_json::Value, String> {
    serde_json::from_str(json).map_err(|e| format!("`status_json` is not JSON: {e}"))
}

/// The offer document the emulator holds for `publisher`/`offer` in `slot` (`"draft"`,
/// `"preview"` or `"production"`, any case; NULL: the draft) — what the service would
/// hold after the requests so far, key order kept, SAS signatures as sent — as compact
/// JSON in `*out` (free it with `cloudpartner_string_free()`), or NULL when the offer, or
/// that slot, has none. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown slot or a
/// NULL or non-UTF-8 argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_offer_document(
    emulator: *const cloudpartner_emulator,
    publisher: *const c_char,
    offer: *const c_char,
    slot: *const c_char,
    out: *mut *mut c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_emulator_offer_document";
    ffi::guard(err, || {
        if out.is_null() {
            return Err(ffi::bad_argument(FUNCTION, "out", "is NULL"));
        }
        // SAFETY: checked for NULL; writable (the documented contract).
        unsafe { *out = ptr::null_mut() };
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (emulator, publisher, offer, slot) = unsafe {
            (
                ffi::ref_arg(FUNCTION, "emulator", emulator)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
                ffi::opt_str_arg(FUNCTION, "slot", slot)?,
            )
        };
        let slot = match slot {
            None => OfferSlot::Draft,
            Some(name) => OfferSlot::from_name(name.trim()).ok_or_else(|| {
                ffi::bad_argument(
                    FUNCTION,
                    "slot",
                    &format!("`{name}` is not a slot (draft, preview, production)"),
                )
            })?,
        };
        if let Some(document) = emulator.emulator.offer_document(publisher, offer, slot) {
            // SAFETY: as above.
            unsafe { *out = into_raw_string(&document.to_string()) };
        }
        Ok(())
    })
}

/// Writes the draft of `publisher`/`offer` as a second writer would: `document_json` (an
/// offer document, a JSON object) is stored as the next version, with its `version` and
/// `changedTime` set and a fresh ETag, so that an ETag read before no longer matches. The
/// publisher and offer are created when new. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a
/// document that is not a JSON object, or a NULL or non-UTF-8 argument. `err` may be
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_set_offer_document(
    emulator: *const cloudpartner_emulator,
    publisher: *const c_char,
    offer: *const c_char,
    document_json: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_emulator_set_offer_document";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (emulator, publisher, offer, json) = unsafe {
            (
                ffi::ref_arg(FUNCTION, "emulator", emulator)?,
                ffi::str_arg(FUNCTION, "publisher", publisher)?,
                ffi::str_arg(FUNCTION, "offer", offer)?,
                ffi::str_arg(FUNCTION, "document_json", document_json)?,
            )
        };
        let document: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| scenario_error(FUNCTION, format!("`document_json` is not JSON: {e}")))?;
        emulator
            .emulator
            .set_offer_document(publisher, offer, document)
            .map_err(|_| scenario_error(FUNCTION, "`document_json` is not a JSON object"))?;
        Ok(())
    })
}

/// Fills `*out` for a client of this emulator: every default (as
/// `cloudpartner_client_options_default()`), with the emulator's `base_url`,
/// `ingestion_base_url` and `token`
/// (pointers valid until the emulator is freed) and, as `poll_time_scale`, the emulator's
/// time scale, so that a watch polls as often in the emulator's time as it would against
/// the service. Change other fields afterwards as you like, then
/// `cloudpartner_client_new(out, ...)`.
///
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `emulator` or `out` is NULL (`*out` is then
/// left as it was).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_client_options(
    emulator: *const cloudpartner_emulator,
    out: *mut cloudpartner_client_options,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_emulator_client_options";
    ffi::guard(ptr::null_mut(), || {
        // SAFETY: the caller passes NULL or a live emulator.
        let emulator = unsafe { ffi::ref_arg(FUNCTION, "emulator", emulator) }?;
        if out.is_null() {
            return Err(ffi::bad_argument(FUNCTION, "out", "is NULL"));
        }
        let options = cloudpartner_client_options {
            base_url: emulator.base_url.as_ptr(),
            ingestion_base_url: emulator.ingestion_base_url.as_ptr(),
            token: emulator.token.as_ptr(),
            poll_time_scale: emulator.poll_time_scale,
            ..cloudpartner_client_options_default()
        };
        // SAFETY: checked for NULL; writable (the documented contract).
        unsafe { out.write(options) };
        Ok(())
    })
}

/// How many requests the emulator has recorded (every endpoint, since it started); still
/// readable after `cloudpartner_emulator_stop()`. 0 when `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_request_count(
    emulator: *const cloudpartner_emulator,
) -> usize {
    ffi::accessor!(emulator, 0, |e| e.emulator.requests().len())
}

/// The requests the emulator has recorded, in the order received, as a JSON array of
/// `{"method", "path" (still percent-encoded), "query" (or null), "headers": [[name,
/// value], ...] (names in lowercase, credentials other than the emulator's token
/// redacted), "body" (writes only, or null)}`; still readable after
/// `cloudpartner_emulator_stop()`. Free it with `cloudpartner_string_free()`; NULL when
/// `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_requests_json(
    emulator: *const cloudpartner_emulator,
) -> *mut c_char {
    ffi::accessor!(emulator, ptr::null_mut(), |e| {
        let requests: Vec<_> = e.emulator.requests().iter().map(request_json).collect();
        into_raw_string(&serde_json::Value::Array(requests).to_string())
    })
}

fn request_json(request: &RecordedRequest) -> serde_json::Value {
    json!({
        "method": request.method,
        "path": request.path,
        "query": request.query,
        "headers": request.headers,
        "body": request.body.as_deref().map(String::from_utf8_lossy),
    })
}

/// Stops the emulator's server (requests in flight get a short grace period) and waits
/// for it to end. Idempotent: a second call returns at once. The handle stays usable:
/// its base URL, token and recorded requests stay readable (nothing answers there any
/// more). NULL is fine. Free it with `cloudpartner_emulator_free()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_stop(emulator: *const cloudpartner_emulator) {
    // SAFETY: the caller passes NULL or a live emulator.
    let Some(handle) = (unsafe { emulator.as_ref() }) else {
        return;
    };
    ffi::guard_value((), || {
        // After `cloudpartner_shutdown()` its server is gone already: start nothing.
        if let Some(runtime) = runtime::existing() {
            runtime.block_on(handle.emulator.stop());
        }
    });
}

/// Stops the emulator (as `cloudpartner_emulator_stop()`, when it still runs) and frees
/// it: its base URL and token strings go with it. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_free(emulator: *mut cloudpartner_emulator) {
    if emulator.is_null() {
        return;
    }
    // SAFETY: the caller passes an emulator from `cloudpartner_emulator_start()`, once.
    let handle = unsafe { Box::from_raw(emulator) };
    ffi::guard_value((), || {
        // After `cloudpartner_shutdown()` its server is gone already: start nothing.
        if let Some(runtime) = runtime::existing() {
            runtime.block_on(handle.emulator.stop());
        }
    });
    ffi::free_box_with(|| drop(handle));
}
