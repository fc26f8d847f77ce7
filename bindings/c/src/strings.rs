//! Strings the library hands over (`char *`, freed with `cloudpartner_string_free()`) and
//! the library version.

use std::ffi::{CString, c_char};

use crate::ffi;

/// Frees a `char *` string returned by this library (such as the result of
/// `cloudpartner_offer_status_to_json()`). NULL is fine. Never pass a `const char *`
/// accessor result: those belong to their owner.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: the caller passes a string from `CString::into_raw` in this library, once.
    ffi::free_box_with(|| drop(unsafe { CString::from_raw(s) }));
}

/// The library version, e.g. `"0.1.0"`. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Hands a Rust string to C as `char *` (cut at a NUL, see [`ffi::c_string`]).
pub(crate) fn into_raw_string(s: &str) -> *mut c_char {
    ffi::c_string(s).into_raw()
}
