//! The boundary helpers: panics caught and turned into `internal` errors, NULL and
//! invalid UTF-8 arguments turned into `invalid_argument` errors that name the function
//! and the argument, and C strings made from Rust strings.

use std::any::Any;
use std::ffi::{CStr, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use cloudpartner::{Error, ErrorKind, Result};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
pub(crate) use crate::leaf_values::{borrowed_str, c_string, free_box, free_box_with, guard_value};

/// Runs the body of a fallible exported function: clears `*err`, runs `body`, and turns
/// its error (or its panic) into the returned kind and, when `err` is not NULL, a new
/// `cloudpartner_error` in `*err`.
pub(crate) fn guard(
    err: *mut *mut cloudpartner_error,
    body: impl FnOnce() -> Result<()>,
) -> cloudpartner_error_kind {
    if !err.is_null() {
        // SAFETY: a non-NULL `err` points to a writable pointer (the documented contract).
        unsafe { *err = ptr::null_mut() };
    }
    let error = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return cloudpartner_error_kind::CLOUDPARTNER_OK,
        Ok(Err(error)) => error,
        Err(panic) => panic_error(panic.as_ref()),
    };
    let kind = error.kind().into();
    if !err.is_null() {
        // Building the error allocates; should even that panic, the kind is still returned.
        if let Ok(boxed) = catch_unwind(|| Box::new(cloudpartner_error::new(&error))) {
            // SAFETY: as above.
            unsafe { *err = Box::into_raw(boxed) };
        }
    }
    kind
}

/// Reads a field of a borrowed handle for an accessor: `fallback` when `handle` is NULL
/// (or should `read` panic).
///
/// # Safety
/// `handle` is NULL or points to a live `T`.
pub(crate) unsafe fn read<T, R: Copy>(
    handle: *const T,
    fallback: R,
    read: impl FnOnce(&T) -> R,
) -> R {
    guard_value(fallback, || {
        // SAFETY: the caller's contract.
        unsafe { handle.as_ref() }.map_or(fallback, read)
    })
}

/// The body of a fallible exported function (an entry point), in one shape: names the
/// function `FUNCTION` for its messages, and runs under [`guard`] (a panic caught, `*err`
/// cleared or filled, the kind returned): first the checks of the pointer arguments, in
/// the order given, each by the named checker of this module ([`out_arg`], [`ref_arg`],
/// [`mut_arg`], [`str_arg`], [`opt_str_arg`]) with the argument's own name in its message
/// (give `out` first: it is then NULL whatever fails), each argument rebound to what its
/// checker gives; then `body`, which gives a `Result<()>`.
///
/// It goes inside the `extern "C" fn`, so that cbindgen sees the signature:
///
/// ```ignore
/// ffi::entry!("cloudpartner_client_offers", err, [out: out_arg, client: ref_arg, publisher: str_arg] => {
///     out.set(cloudpartner_offer_list::new(runtime::block_on(client.client().offers(publisher))??));
///     Ok(())
/// })
/// ```
macro_rules! entry {
    ($function:literal, $err:ident, [$($arg:ident: $check:ident),* $(,)?] => $body:block) => {{
        const FUNCTION: &str = $function;
        $crate::ffi::guard($err, || {
            $(
                // SAFETY: every exported function's contract: a pointer argument is NULL
                // or valid (a live handle, a NUL-terminated string that outlives the call,
                // a writable out-pointer).
                let $arg = unsafe { $crate::ffi::$check(FUNCTION, stringify!($arg), $arg) }?;
            )*
            $body
        })
    }};
}
pub(crate) use entry;

/// The body of an accessor, in one shape: `read` applied to the handle `handle` points
/// to; `fallback` when `handle` is NULL, or should `read` panic (as [`read`]).
macro_rules! accessor {
    ($handle:ident, $fallback:expr, $read:expr $(,)?) => {{
        let fallback = $fallback;
        // SAFETY: every accessor's contract: its handle is NULL or a live handle of this
        // library.
        let handle = unsafe { $handle.as_ref() };
        $crate::ffi::guard_value(fallback, || handle.map_or(fallback, $read))
    }};
}
pub(crate) use accessor;

/// A borrowed pointer to `items[index]`, NULL when out of range.
pub(crate) fn item<T>(items: &[T], index: usize) -> *const T {
    items.get(index).map_or(ptr::null(), |x| x as *const T)
}

/// Writes a `(min, max)` range in seconds to the non-NULL out-pointers; returns whether
/// there was a range (nothing is written when there is none).
///
/// # Safety
/// Each non-NULL pointer is writable.
pub(crate) unsafe fn write_range(range: Option<(f64, f64)>, min: *mut f64, max: *mut f64) -> bool {
    let Some((lo, hi)) = range else {
        return false;
    };
    // SAFETY: the caller's contract.
    unsafe {
        if !min.is_null() {
            *min = lo;
        }
        if !max.is_null() {
            *max = hi;
        }
    }
    true
}

/// The `internal` error for a caught panic, with its message.
fn panic_error(panic: &(dyn Any + Send)) -> Error {
    let what = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic");
    Error::new(
        ErrorKind::Internal,
        format!("internal error in libcloudpartner: {what}"),
    )
}

/// The `invalid_argument` error for `function`'s argument `name`.
pub(crate) fn bad_argument(function: &str, name: &str, what: &str) -> Error {
    Error::invalid_argument(format!("{function}: `{name}` {what}"))
}

/// Reads a required NUL-terminated UTF-8 string argument.
///
/// # Safety
/// `s` is NULL or points to a NUL-terminated string that outlives the call.
pub(crate) unsafe fn str_arg<'a>(function: &str, name: &str, s: *const c_char) -> Result<&'a str> {
    if s.is_null() {
        return Err(bad_argument(function, name, "is NULL"));
    }
    // SAFETY: checked for NULL; NUL-termination is the caller's contract.
    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        bad_argument(
            function,
            name,
            &format!(
                "is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// Reads an optional string argument: NULL gives `None`.
///
/// # Safety
/// As [`str_arg`].
pub(crate) unsafe fn opt_str_arg<'a>(
    function: &str,
    name: &str,
    s: *const c_char,
) -> Result<Option<&'a str>> {
    if s.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded contract.
    unsafe { str_arg(function, name, s) }.map(Some)
}

/// Reads a required handle argument.
///
/// # Safety
/// `p` is NULL or points to a live `T` that outlives the call.
pub(crate) unsafe fn ref_arg<'a, T>(function: &str, name: &str, p: *const T) -> Result<&'a T> {
    // SAFETY: the caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| bad_argument(function, name, "is NULL"))
}

/// Reads a required handle argument that the call changes.
///
/// # Safety
/// `p` is NULL or points to a live `T` that outlives the call, used by nothing else
/// meanwhile.
pub(crate) unsafe fn mut_arg<'a, T>(function: &str, name: &str, p: *mut T) -> Result<&'a mut T> {
    // SAFETY: the caller's contract.
    unsafe { p.as_mut() }.ok_or_else(|| bad_argument(function, name, "is NULL"))
}

/// Writes an optional value to a non-NULL out-pointer; returns whether there was one
/// (nothing is written when there is none). For the `bool f(handle, T *out)` accessors.
///
/// # Safety
/// `out` is NULL or writable.
pub(crate) unsafe fn write_opt<T>(value: Option<T>, out: *mut T) -> bool {
    let Some(value) = value else {
        return false;
    };
    if !out.is_null() {
        // SAFETY: the caller's contract.
        unsafe { out.write(value) };
    }
    true
}

/// Reads `len` bytes of a document argument (which need not end with a NUL).
///
/// # Safety
/// `json` is NULL or points to `len` readable bytes that outlive the call.
pub(crate) unsafe fn bytes_arg<'a>(
    function: &str,
    json: *const c_char,
    len: usize,
) -> Result<&'a [u8]> {
    if json.is_null() {
        return Err(bad_argument(function, "json", "is NULL"));
    }
    // SAFETY: checked for NULL; the length is the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(json.cast::<u8>(), len) })
}

/// Checks a required out-pointer argument and sets `*out` to NULL, so that it is NULL
/// whenever the call fails.
///
/// # Safety
/// `out` is NULL or points to a writable pointer.
pub(crate) unsafe fn out_arg<T>(function: &str, name: &str, out: *mut *mut T) -> Result<OutPtr<T>> {
    if out.is_null() {
        return Err(bad_argument(function, name, "is NULL"));
    }
    // SAFETY: checked for NULL; writability is the caller's contract.
    unsafe { *out = ptr::null_mut() };
    Ok(OutPtr(out))
}

/// A checked out-pointer: [`OutPtr::set`] boxes a value into it.
pub(crate) struct OutPtr<T>(*mut *mut T);

impl<T> OutPtr<T> {
    /// Hands `value` to the caller, who frees it with the matching `_free`.
    pub(crate) fn set(self, value: T) {
        // SAFETY: checked by `out_arg`.
        unsafe { *self.0 = Box::into_raw(Box::new(value)) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let mut err: *mut cloudpartner_error = ptr::null_mut();
        let kind = guard(&mut err, || panic!("boom"));
        assert_eq!(kind, cloudpartner_error_kind::CLOUDPARTNER_ERROR_INTERNAL);
        assert!(!err.is_null());
        let message = unsafe { CStr::from_ptr(crate::error::cloudpartner_error_message(err)) };
        assert!(message.to_str().unwrap().contains("boom"), "{message:?}");
        unsafe { crate::error::cloudpartner_error_free(err) };
        assert_eq!(guard_value(7, || panic!("again")), 7);
    }

    #[test]
    fn strings_are_cut_at_a_nul() {
        assert_eq!(c_string("ab\0cd").as_bytes(), b"ab");
        assert_eq!(c_string("abc").as_bytes(), b"abc");
    }

    /// An entry point written with `entry!`: the length of `name` into `*out`.
    unsafe fn length(
        name: *const c_char,
        out: *mut *mut usize,
        err: *mut *mut cloudpartner_error,
    ) -> cloudpartner_error_kind {
        entry!("length", err, [out: out_arg, name: str_arg] => {
            if name == "boom" {
                panic!("boom");
            }
            out.set(name.len());
            Ok(())
        })
    }

    #[test]
    fn entry_checks_in_order_names_the_argument_and_catches_panics() {
        let message = |err| {
            let m = unsafe { CStr::from_ptr(crate::error::cloudpartner_error_message(err)) };
            m.to_str().unwrap().to_owned()
        };
        let mut err: *mut cloudpartner_error = ptr::null_mut();
        let mut out: *mut usize = ptr::dangling_mut();
        let kind = unsafe { length(ptr::null(), &mut out, &mut err) };
        assert_eq!(
            kind,
            cloudpartner_error_kind::CLOUDPARTNER_ERROR_INVALID_ARGUMENT
        );
        assert!(out.is_null(), "out is NULL whatever fails");
        assert_eq!(message(err), "length: `name` is NULL");
        unsafe { crate::error::cloudpartner_error_free(err) };
        let kind = unsafe { length(c"abc".as_ptr(), ptr::null_mut(), &mut err) };
        assert_eq!(
            kind,
            cloudpartner_error_kind::CLOUDPARTNER_ERROR_INVALID_ARGUMENT
        );
        assert_eq!(message(err), "length: `out` is NULL");
        unsafe { crate::error::cloudpartner_error_free(err) };
        let kind = unsafe { length(c"boom".as_ptr(), &mut out, &mut err) };
        assert_eq!(kind, cloudpartner_error_kind::CLOUDPARTNER_ERROR_INTERNAL);
        unsafe { crate::error::cloudpartner_error_free(err) };
        let kind = unsafe { length(c"abc".as_ptr(), &mut out, &mut err) };
        assert_eq!(kind, cloudpartner_error_kind::CLOUDPARTNER_OK);
        assert!(err.is_null());
        assert_eq!(*unsafe { Box::from_raw(out) }, 3);
    }

    #[test]
    fn an_accessor_gives_its_fallback_for_null_and_panics() {
        fn get(p: *const u32) -> u32 {
            accessor!(p, 7, |v: &u32| if *v == 0 {
                panic!("zero")
            } else {
                *v + 1
            })
        }
        assert_eq!(get(ptr::null()), 7);
        assert_eq!(get(&41), 42);
        assert_eq!(get(&0), 7);
    }

    #[test]
    fn null_and_bad_utf8_are_invalid_arguments() {
        let e = unsafe { str_arg("f", "offer", ptr::null()) }.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert_eq!(e.message(), "f: `offer` is NULL");
        let bad = b"ab\xffc\0";
        let e = unsafe { str_arg("f", "offer", bad.as_ptr().cast()) }.unwrap_err();
        assert!(e.message().contains("offset 2"), "{e}");
    }
}
