//! `cloudpartner_emulator`: the local Cloud Partner Portal emulator, started and stopped
//! from C, for tests and demos without Azure.

use std::ffi::{CString, c_char};
use std::ptr;

use ::cloudpartner_emulator::{Emulator, Fault, Scenario};
use cloudpartner::{Error, ErrorKind, Result};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::runtime;

/// A running emulator of the Cloud Partner Portal API on `127.0.0.1` (a real HTTP server
/// on the library's runtime). Opaque; stop and free it with `cloudpartner_emulator_stop()`.
pub struct cloudpartner_emulator {
    emulator: Option<Emulator>,
    base_url: CString,
    token: CString,
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
        out.set(cloudpartner_emulator {
            base_url: c_string(emulator.base_url()),
            token: c_string(emulator.token()),
            emulator: Some(emulator),
        });
        Ok(())
    })
}

/// Starts an emulator on a free port of `127.0.0.1`.
///
/// `scenario_json` is a scenario document (publishers, offers, simulated publishes,
/// faults, token, `timeScale`: see the README), or NULL for the default scenario
/// (publisher `contoso` with an offer in every state, and `vm-offer`, a publish that starts
/// now). On success `*out` gets the emulator: stop it with `cloudpartner_emulator_stop()`.
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
/// the authority host of its token endpoint. Valid while the emulator runs; NULL only when
/// `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_base_url(
    emulator: *const cloudpartner_emulator,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live emulator.
    unsafe { ffi::read(emulator, ptr::null(), |e| e.base_url.as_ptr()) }
}

/// The bearer token the emulator accepts. Valid while the emulator runs; NULL only when
/// `emulator` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_token(
    emulator: *const cloudpartner_emulator,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live emulator.
    unsafe { ffi::read(emulator, ptr::null(), |e| e.token.as_ptr()) }
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
        running(FUNCTION, emulator)?.add_fault(fault);
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
        running(FUNCTION, emulator)?.set_offer_status(publisher, offer, document);
        Ok(())
    })
}

fn json_value(json: &str) -> std::result::Result<serde_json::Value, String> {
    serde_json::from_str(json).map_err(|e| format!("`status_json` is not JSON: {e}"))
}

fn running<'a>(function: &str, emulator: &'a cloudpartner_emulator) -> Result<&'a Emulator> {
    emulator.emulator.as_ref().ok_or_else(|| {
        Error::new(
            ErrorKind::Internal,
            format!("{function}: the emulator is stopped"),
        )
    })
}

/// Stops the emulator (requests in flight get a short grace period), waits for its server
/// to end, and frees it: its base URL and token strings go with it. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_emulator_stop(emulator: *mut cloudpartner_emulator) {
    if emulator.is_null() {
        return;
    }
    // SAFETY: the caller passes an emulator from `cloudpartner_emulator_start()`, once.
    let mut handle = unsafe { Box::from_raw(emulator) };
    ffi::guard_value((), || {
        if let Some(running) = handle.emulator.take() {
            // Without a runtime (it failed to start again), dropping still signals the stop.
            let _ = runtime::block_on(running.shutdown());
        }
    });
    ffi::free_box_with(|| drop(handle));
}
