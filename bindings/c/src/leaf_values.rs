//! The boundary helpers that need nothing else of the library (so that the error type
//! can use them too): a panic guard with a fallback value, C strings made from Rust
//! strings, and freeing what the library boxed.

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

/// Runs the body of an infallible exported function (an accessor), giving `fallback`
/// should it panic.
pub(crate) fn guard_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// A C string of `s`, cut at its first NUL: C strings cannot hold one (documented in the
/// header; `cloudpartner_offer_status_to_json()` keeps such strings whole, escaped).
pub(crate) fn c_string(s: &str) -> CString {
    let end = s.find('\0').unwrap_or(s.len());
    CString::new(&s.as_bytes()[..end]).unwrap_or_default()
}

/// A borrowed `const char *` for an optional owned C string: NULL when absent.
pub(crate) fn borrowed_str(s: Option<&CString>) -> *const c_char {
    s.map_or(ptr::null(), |s| s.as_ptr())
}

/// Frees a handle this library boxed; NULL is fine.
pub(crate) fn free_box<T>(handle: *mut T) {
    if handle.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer from `Box::into_raw`, once.
    free_box_with(|| drop(unsafe { Box::from_raw(handle) }));
}

/// Runs a destructor; should it panic, leaks rather than unwinding into C.
pub(crate) fn free_box_with(drop_it: impl FnOnce()) {
    let _ = catch_unwind(AssertUnwindSafe(drop_it));
}
