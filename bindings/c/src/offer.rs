//! `cloudpartner_offer`: an offer document kept losslessly by the core (every field, in
//! document order), with C strings of its common fields made once; its definition read
//! and replaced as JSON text; and `cloudpartner_offer_list`, a list of offers.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::{Error, Offer, Result, parse_offer, parse_offers};
use serde_json::Value;

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::strings::into_raw_string;

/// An offer document (`GET /api/publishers/{p}/offers/{o}`): the whole document as the
/// service sent it — every field, known or not, in document order — and the ETag it came
/// with. Opaque; free it with `cloudpartner_offer_free()`.
///
/// Edit it with `cloudpartner_offer_set_definition_json()` and the image helpers
/// (`cloudpartner_offer_set_vm_image_version()`, ...); `cloudpartner_client_put_offer()`
/// sends it as it is then, every other field as it was read.
///
/// Threads: any number of threads may read one offer at once; a call that changes it
/// (those taking a non-const `cloudpartner_offer *`) must be the only call on it.
pub struct cloudpartner_offer {
    offer: Offer,
    id: CString,
    publisher_id: CString,
    offer_type_id: CString,
    status: CString,
    etag: Option<CString>,
    changed_time: Option<i64>,
    /// From the definition: remade when a change of the definition changes them.
    display_text: CString,
    plan_ids: Vec<CString>,
}

impl cloudpartner_offer {
    /// The C view of a core offer.
    pub(crate) fn new(offer: Offer) -> cloudpartner_offer {
        cloudpartner_offer {
            id: c_string(offer.id()),
            publisher_id: c_string(offer.publisher_id()),
            offer_type_id: c_string(offer.offer_type_id()),
            status: c_string(offer.status()),
            etag: offer.etag().map(c_string),
            changed_time: offer.changed_time().and_then(|t| t.timestamp_nanos_opt()),
            display_text: c_string(offer.display_text()),
            plan_ids: offer.plan_ids().into_iter().map(c_string).collect(),
            offer,
        }
    }

    /// The core offer.
    pub(crate) fn offer(&self) -> &Offer {
        &self.offer
    }

    /// Changes the core offer's definition with `edit`, then remakes the C strings that
    /// come from the definition — only those whose value changed, so that a pointer
    /// handed out before stays valid while its value does.
    pub(crate) fn edit<R>(&mut self, edit: impl FnOnce(&mut Offer) -> Result<R>) -> Result<R> {
        let result = edit(&mut self.offer);
        // An edit that failed half-way is reflected too (the core's helpers do not, but
        // this costs nothing).
        let display_text = self.offer.display_text();
        if self.display_text.as_bytes() != c_string(display_text).as_bytes() {
            self.display_text = c_string(display_text);
        }
        // Plan ids by index: one whose value is unchanged keeps its string.
        let mut old = std::mem::take(&mut self.plan_ids).into_iter();
        self.plan_ids = self
            .offer
            .plan_ids()
            .into_iter()
            .map(|id| {
                let id = c_string(id);
                match old.next() {
                    Some(kept) if kept == id => kept,
                    _ => id,
                }
            })
            .collect();
        result
    }
}

/// A list of offers (`cloudpartner_client_offers()`, `cloudpartner_parse_offers()`).
/// Opaque; owns its offers. Free it with `cloudpartner_offer_list_free()`.
pub struct cloudpartner_offer_list {
    offers: Vec<cloudpartner_offer>,
}

impl cloudpartner_offer_list {
    /// The C view of a list of core offers.
    pub(crate) fn new(offers: Vec<Offer>) -> cloudpartner_offer_list {
        cloudpartner_offer_list {
            offers: offers.into_iter().map(cloudpartner_offer::new).collect(),
        }
    }
}

/// Parses an offer document: the `len` bytes at `json` (UTF-8 JSON, a JSON object; they
/// need not end with a NUL). Only the JSON is checked — a field the offer lacks reads as
/// empty — and all of it is kept, in order. The offer has no ETag.
///
/// On success `*out` gets the offer (free it with `cloudpartner_offer_free()`); on failure
/// `*out` is NULL: `CLOUDPARTNER_ERROR_PARSE` for input that is not a JSON object
/// (`cloudpartner_error_line()` / `_column()` say where, when there is a position),
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_offer(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_offer,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_parse_offer";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, bytes) = unsafe {
            (
                ffi::out_arg(FUNCTION, "out", out)?,
                ffi::bytes_arg(FUNCTION, json, len)?,
            )
        };
        out.set(cloudpartner_offer::new(parse_offer(bytes)?));
        Ok(())
    })
}

/// Parses a list of offers (the body of `GET /api/publishers/{p}/offers`): the `len` bytes
/// at `json`, a JSON array of objects. As `cloudpartner_parse_offer()`, with a
/// `cloudpartner_offer_list` in `*out` (free it with `cloudpartner_offer_list_free()`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_offers(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_offer_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_parse_offers";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (out, bytes) = unsafe {
            (
                ffi::out_arg(FUNCTION, "out", out)?,
                ffi::bytes_arg(FUNCTION, json, len)?,
            )
        };
        out.set(cloudpartner_offer_list::new(parse_offers(bytes)?));
        Ok(())
    })
}

/// A copy of `offer` that lives on its own (with its ETag): to edit an offer borrowed
/// from a `cloudpartner_offer_list`, or to keep one. Free it with
/// `cloudpartner_offer_free()`. NULL when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_clone(
    offer: *const cloudpartner_offer,
) -> *mut cloudpartner_offer {
    ffi::accessor!(offer, ptr::null_mut(), |o| {
        Box::into_raw(Box::new(cloudpartner_offer::new(o.offer.clone())))
    })
}

/// Frees an offer and the strings borrowed from it. NULL is fine. Never pass an offer
/// borrowed from a `cloudpartner_offer_list`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_free(offer: *mut cloudpartner_offer) {
    ffi::free_box(offer)
}

/// The offer's id (`id`); empty when the document has none. Valid while `offer` lives;
/// NULL only when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_id(offer: *const cloudpartner_offer) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| o.id.as_ptr())
}

/// The publisher's id (`publisherId`); empty when absent. Valid while `offer` lives; NULL
/// only when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_publisher_id(
    offer: *const cloudpartner_offer,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| o.publisher_id.as_ptr())
}

/// The offer type (`offerTypeId`: `"microsoft-azure-virtualmachines"`, ...); empty when
/// absent. Valid while `offer` lives; NULL only when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_offer_type_id(
    offer: *const cloudpartner_offer,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| o.offer_type_id.as_ptr())
}

/// The offer's `status` as sent (`"neverPublished"`, `"published"`, ...); empty when
/// absent. (Named `_get_status` because `cloudpartner_offer_status` is the type of a
/// publishing status.) Valid while `offer` lives; NULL only when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_get_status(
    offer: *const cloudpartner_offer,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| o.status.as_ptr())
}

/// The offer's version (`version`); 0 when absent or not an integer (or `offer` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_version(offer: *const cloudpartner_offer) -> i64 {
    ffi::accessor!(offer, 0, |o| o.offer.version())
}

/// When the offer last changed (`changedTime`), as nanoseconds since
/// 1970-01-01T00:00:00Z, in `*nanos`. Returns false (and leaves `*nanos` alone) when the
/// document has no readable `changedTime`, when it lies outside what an `int64_t` of
/// nanoseconds holds, or when `offer` is NULL. `nanos` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_changed_time_unix_nanos(
    offer: *const cloudpartner_offer,
    nanos: *mut i64,
) -> bool {
    // SAFETY: the caller passes NULL or a live offer, and NULL or a writable `nanos`.
    unsafe { ffi::write_opt(ffi::read(offer, None, |o| o.changed_time), nanos) }
}

/// The ETag the offer was read with (the response's `ETag` header), which
/// `cloudpartner_client_put_offer()` sends as `If-Match`; NULL when the service sent none
/// (it often does not), for a parsed offer, or when `offer` is NULL. Valid while `offer`
/// lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_etag(
    offer: *const cloudpartner_offer,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| ffi::borrowed_str(o.etag.as_ref()))
}

/// The offer's display name (`definition.displayText`); empty when absent. Valid while
/// `offer` lives and its display name is unchanged (a change of the definition may end
/// it); NULL only when `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_display_text(
    offer: *const cloudpartner_offer,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| o.display_text.as_ptr())
}

/// The offer's definition (`definition`: display text, offer fields, plans, ...) as
/// compact JSON, every field in document order with its real value (SAS signatures
/// included); `"null"` when the document has none. Edit it and give it back with
/// `cloudpartner_offer_set_definition_json()`: what goes in comes out unchanged, key order
/// included.
///
/// Returns a new string: free it with `cloudpartner_string_free()`. NULL when `offer` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_definition_json(
    offer: *const cloudpartner_offer,
) -> *mut c_char {
    ffi::accessor!(offer, ptr::null_mut(), |o| {
        into_raw_string(&o.offer.definition().to_string())
    })
}

/// Replaces the offer's definition with `json`: a NUL-terminated UTF-8 JSON object, kept
/// as given (every field, in its order). The rest of the document and the ETag stay as
/// they are. Strings borrowed from the offer stay valid unless their value changes (the
/// display text, plan ids).
///
/// `CLOUDPARTNER_ERROR_PARSE` when `json` is not JSON (`cloudpartner_error_line()` /
/// `_column()` say where); `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when it is JSON but not
/// an object, or for a NULL or non-UTF-8 argument. The offer is unchanged on failure.
/// `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_set_definition_json(
    offer: *mut cloudpartner_offer,
    json: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_offer_set_definition_json", err, [offer: mut_arg, json: str_arg] => {
        let definition = json_object(FUNCTION, json)?;
        offer.edit(|o| {
            *o.definition_mut() = Value::Object(definition);
            Ok(())
        })
    })
}

/// A JSON object from text, key order kept: a parse error with its position for text
/// that is not JSON, an invalid argument for JSON that is not an object.
fn json_object(function: &str, json: &str) -> Result<serde_json::Map<String, Value>> {
    // The core's offer parser reads any JSON object, with positions in its errors.
    match parse_offer(json.as_bytes()) {
        Ok(offer) => Ok(offer.into_document()),
        Err(error) => match serde_json::from_str::<Value>(json.trim_start_matches('\u{feff}')) {
            Ok(value) => Err(Error::invalid_argument(format!(
                "{function}: `json` is {}, not a JSON object",
                type_name(&value)
            ))),
            Err(_) => Err(error.context(format!("{function}: `json`"))),
        },
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The whole offer document as compact JSON, losslessly: every field, in document order,
/// with its real values (SAS signatures included), edits included — the body
/// `cloudpartner_client_put_offer()` sends. Without the ETag (a header, not part of the
/// document). Parsing it with `cloudpartner_parse_offer()` gives the same document.
///
/// Returns a new string: free it with `cloudpartner_string_free()`. NULL when `offer` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_to_json(
    offer: *const cloudpartner_offer,
) -> *mut c_char {
    ffi::accessor!(offer, ptr::null_mut(), |o| {
        into_raw_string(&o.offer.to_json())
    })
}

/// How many plans the offer has, counting each disk generation as a plan of its own (0
/// for an offer without plans, such as a summary from `cloudpartner_client_offers()`, or
/// when `offer` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_plan_count(offer: *const cloudpartner_offer) -> usize {
    ffi::accessor!(offer, 0, |o| o.plan_ids.len())
}

/// Plan id `index` in document order: each plan (`planId`), followed by its disk
/// generations. These are the ids the image helpers take. Valid while `offer` lives and
/// plan id `index` is unchanged (a change of the definition may end it); NULL when
/// `index` is out of range or `offer` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_plan_id(
    offer: *const cloudpartner_offer,
    index: usize,
) -> *const c_char {
    ffi::accessor!(offer, ptr::null(), |o| {
        o.plan_ids.get(index).map_or(ptr::null(), |id| id.as_ptr())
    })
}

/// How many offers the list holds (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_list_count(
    list: *const cloudpartner_offer_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.offers.len())
}

/// Offer `index` of the list, in the service's order: borrowed, valid while `list` lives
/// (`cloudpartner_offer_clone()` keeps a copy, to edit). NULL when `index` is out of range
/// or `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_list_get(
    list: *const cloudpartner_offer_list,
    index: usize,
) -> *const cloudpartner_offer {
    ffi::accessor!(list, ptr::null(), |l| ffi::item(&l.offers, index))
}

/// Frees a list and its offers. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_list_free(list: *mut cloudpartner_offer_list) {
    ffi::free_box(list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn offer(json: &str) -> *mut cloudpartner_offer {
        let mut out = ptr::null_mut();
        let kind = unsafe {
            cloudpartner_parse_offer(json.as_ptr().cast(), json.len(), &mut out, ptr::null_mut())
        };
        assert_eq!(kind, cloudpartner_error_kind::CLOUDPARTNER_OK);
        out
    }

    fn text(p: *const c_char) -> String {
        unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned()
    }

    #[test]
    fn a_definition_goes_in_and_out_unchanged() {
        let o = offer(
            r#"{"id": "x", "definition": {"displayText": "A", "plans": [{"planId": "p"}]}, "z": 1}"#,
        );
        let before = unsafe { cloudpartner_offer_id(o) };
        let plan = unsafe { cloudpartner_offer_plan_id(o, 0) };
        let definition = r#"{"zz":[1,2.5,{"b":1,"a":2}],"displayText":"B","plans":[{"planId":"p"},{"planId":"q"}]}"#;
        let c = CString::new(definition).unwrap();
        let kind =
            unsafe { cloudpartner_offer_set_definition_json(o, c.as_ptr(), ptr::null_mut()) };
        assert_eq!(kind, cloudpartner_error_kind::CLOUDPARTNER_OK);
        let got = unsafe { cloudpartner_offer_definition_json(o) };
        assert_eq!(text(got), definition);
        unsafe { crate::strings::cloudpartner_string_free(got) };
        assert_eq!(text(unsafe { cloudpartner_offer_display_text(o) }), "B");
        assert_eq!(unsafe { cloudpartner_offer_plan_count(o) }, 2);
        // The id did not change, nor did the first plan's id: same pointers.
        assert_eq!(before, unsafe { cloudpartner_offer_id(o) });
        assert_eq!(text(plan), "p");
        let json = unsafe { cloudpartner_offer_to_json(o) };
        assert_eq!(
            text(json),
            format!(r#"{{"id":"x","definition":{definition},"z":1}}"#)
        );
        unsafe { crate::strings::cloudpartner_string_free(json) };
        unsafe { cloudpartner_offer_free(o) };
    }

    #[test]
    fn bad_definitions_leave_the_offer_alone() {
        let o = offer(r#"{"definition": {"displayText": "A"}}"#);
        for (json, kind, needle) in [
            (
                "[1]",
                cloudpartner_error_kind::CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
                "an array",
            ),
            (
                "\"s\"",
                cloudpartner_error_kind::CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
                "a string",
            ),
            (
                "{\"a\":\n }",
                cloudpartner_error_kind::CLOUDPARTNER_ERROR_PARSE,
                "line 2",
            ),
            (
                "",
                cloudpartner_error_kind::CLOUDPARTNER_ERROR_PARSE,
                "empty",
            ),
        ] {
            let c = CString::new(json).unwrap();
            let mut err = ptr::null_mut();
            let got = unsafe { cloudpartner_offer_set_definition_json(o, c.as_ptr(), &mut err) };
            assert_eq!(got, kind, "{json:?}");
            let message = text(unsafe { crate::error::cloudpartner_error_message(err) });
            assert!(message.contains(needle), "{json:?}: {message}");
            unsafe { crate::error::cloudpartner_error_free(err) };
        }
        assert_eq!(text(unsafe { cloudpartner_offer_display_text(o) }), "A");
        unsafe { cloudpartner_offer_free(o) };
    }
}
