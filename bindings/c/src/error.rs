//! `cloudpartner_error_kind` and the `cloudpartner_error` handle with its accessors.

use std::ffi::{CStr, CString, c_char, c_int};

use cloudpartner::{Error, ErrorKind};

use crate::leaf_values::{borrowed_str, c_string, free_box, guard_value};

/// What went wrong, in the spelling shared by every cloudpartner interface
/// (`cloudpartner_error_kind_name()` gives `"not_found"` for
/// `CLOUDPARTNER_ERROR_NOT_FOUND`). Every function that can fail returns one;
/// `CLOUDPARTNER_OK` (0) means it did not fail.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_error_kind {
    /// Success.
    CLOUDPARTNER_OK = 0,
    /// An argument was rejected before any request: NULL where a pointer is required,
    /// invalid UTF-8, an empty id, a bad URL or option.
    CLOUDPARTNER_ERROR_INVALID_ARGUMENT = 1,
    /// HTTP 401: the token is missing, expired or wrong; or no token could be obtained.
    CLOUDPARTNER_ERROR_AUTHENTICATION = 2,
    /// HTTP 403: the identity is not allowed on this publisher account.
    CLOUDPARTNER_ERROR_PERMISSION_DENIED = 3,
    /// HTTP 404: unknown publisher or offer.
    CLOUDPARTNER_ERROR_NOT_FOUND = 4,
    /// HTTP 400 and other 4xx answers that are not retried.
    CLOUDPARTNER_ERROR_BAD_REQUEST = 5,
    /// HTTP 429, still throttled after every retry.
    CLOUDPARTNER_ERROR_THROTTLED = 6,
    /// HTTP 5xx, still failing after every retry.
    CLOUDPARTNER_ERROR_SERVER = 7,
    /// The request (or a watch) ran out of time.
    CLOUDPARTNER_ERROR_TIMEOUT = 8,
    /// The connection failed: refused, reset, TLS, DNS.
    CLOUDPARTNER_ERROR_TRANSPORT = 9,
    /// The body is not a readable offer status document.
    CLOUDPARTNER_ERROR_PARSE = 10,
    /// The body is larger than the configured limit.
    CLOUDPARTNER_ERROR_TOO_LARGE = 11,
    /// The operation was canceled by the caller (a watch callback returned non-zero).
    CLOUDPARTNER_ERROR_CANCELED = 12,
    /// A bug or an unexpected state inside the library (a caught panic, among others).
    CLOUDPARTNER_ERROR_INTERNAL = 13,
    /// HTTP 409 or 412: the offer changed since it was read, it already exists, or
    /// another operation is running.
    CLOUDPARTNER_ERROR_CONFLICT = 14,
}

use cloudpartner_error_kind as K;

impl cloudpartner_error_kind {
    /// Every enumerator, `CLOUDPARTNER_OK` first, in value order.
    pub(crate) const ALL: [cloudpartner_error_kind; 15] = [
        K::CLOUDPARTNER_OK,
        K::CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
        K::CLOUDPARTNER_ERROR_AUTHENTICATION,
        K::CLOUDPARTNER_ERROR_PERMISSION_DENIED,
        K::CLOUDPARTNER_ERROR_NOT_FOUND,
        K::CLOUDPARTNER_ERROR_BAD_REQUEST,
        K::CLOUDPARTNER_ERROR_THROTTLED,
        K::CLOUDPARTNER_ERROR_SERVER,
        K::CLOUDPARTNER_ERROR_TIMEOUT,
        K::CLOUDPARTNER_ERROR_TRANSPORT,
        K::CLOUDPARTNER_ERROR_PARSE,
        K::CLOUDPARTNER_ERROR_TOO_LARGE,
        K::CLOUDPARTNER_ERROR_CANCELED,
        K::CLOUDPARTNER_ERROR_INTERNAL,
        K::CLOUDPARTNER_ERROR_CONFLICT,
    ];

    /// The shared spelling: `"ok"`, `"invalid_argument"`, ... (NUL-terminated).
    pub(crate) fn name(self) -> &'static CStr {
        match self {
            K::CLOUDPARTNER_OK => c"ok",
            K::CLOUDPARTNER_ERROR_INVALID_ARGUMENT => c"invalid_argument",
            K::CLOUDPARTNER_ERROR_AUTHENTICATION => c"authentication",
            K::CLOUDPARTNER_ERROR_PERMISSION_DENIED => c"permission_denied",
            K::CLOUDPARTNER_ERROR_NOT_FOUND => c"not_found",
            K::CLOUDPARTNER_ERROR_BAD_REQUEST => c"bad_request",
            K::CLOUDPARTNER_ERROR_THROTTLED => c"throttled",
            K::CLOUDPARTNER_ERROR_SERVER => c"server",
            K::CLOUDPARTNER_ERROR_TIMEOUT => c"timeout",
            K::CLOUDPARTNER_ERROR_TRANSPORT => c"transport",
            K::CLOUDPARTNER_ERROR_PARSE => c"parse",
            K::CLOUDPARTNER_ERROR_TOO_LARGE => c"too_large",
            K::CLOUDPARTNER_ERROR_CANCELED => c"canceled",
            K::CLOUDPARTNER_ERROR_INTERNAL => c"internal",
            K::CLOUDPARTNER_ERROR_CONFLICT => c"conflict",
        }
    }
}

impl From<ErrorKind> for cloudpartner_error_kind {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::InvalidArgument => K::CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
            ErrorKind::Authentication => K::CLOUDPARTNER_ERROR_AUTHENTICATION,
            ErrorKind::PermissionDenied => K::CLOUDPARTNER_ERROR_PERMISSION_DENIED,
            ErrorKind::NotFound => K::CLOUDPARTNER_ERROR_NOT_FOUND,
            ErrorKind::BadRequest => K::CLOUDPARTNER_ERROR_BAD_REQUEST,
            ErrorKind::Throttled => K::CLOUDPARTNER_ERROR_THROTTLED,
            ErrorKind::Server => K::CLOUDPARTNER_ERROR_SERVER,
            ErrorKind::Timeout => K::CLOUDPARTNER_ERROR_TIMEOUT,
            ErrorKind::Transport => K::CLOUDPARTNER_ERROR_TRANSPORT,
            ErrorKind::Parse => K::CLOUDPARTNER_ERROR_PARSE,
            ErrorKind::TooLarge => K::CLOUDPARTNER_ERROR_TOO_LARGE,
            ErrorKind::Canceled => K::CLOUDPARTNER_ERROR_CANCELED,
            ErrorKind::Conflict => K::CLOUDPARTNER_ERROR_CONFLICT,
            ErrorKind::Internal => K::CLOUDPARTNER_ERROR_INTERNAL,
            // The core's enum is non-exhaustive. A kind it adds is caught by the test
            // `every_core_kind_has_its_own_enumerator_and_spelling` (and by the C test
            // test_tables) until it gets its enumerator here.
            _ => K::CLOUDPARTNER_ERROR_INTERNAL,
        }
    }
}

/// A detailed error: its kind, a one-line message, and where known the HTTP status, the
/// API's error code, the request id and (for parse errors) the line and column.
/// Opaque; free it with `cloudpartner_error_free()`.
pub struct cloudpartner_error {
    kind: cloudpartner_error_kind,
    message: CString,
    status_code: u16,
    api_code: Option<CString>,
    request_id: Option<CString>,
    request_id_is_client: bool,
    line: usize,
    column: usize,
}

impl cloudpartner_error {
    /// The C view of a core error.
    pub(crate) fn new(error: &Error) -> cloudpartner_error {
        cloudpartner_error {
            kind: error.kind().into(),
            message: c_string(error.message()),
            status_code: error.status_code().unwrap_or(0),
            api_code: error.api_code().map(c_string),
            request_id: error.request_id().map(c_string),
            request_id_is_client: error.request_id_is_client(),
            line: error.line().unwrap_or(0),
            column: error.column().unwrap_or(0),
        }
    }

    /// The kind of this error.
    pub(crate) fn kind(&self) -> cloudpartner_error_kind {
        self.kind
    }
}

/// The shared spelling of an error kind: `"not_found"` for `CLOUDPARTNER_ERROR_NOT_FOUND`,
/// `"ok"` for `CLOUDPARTNER_OK`, `"unknown"` for a value that is not a kind. Never NULL;
/// the string is static (do not free it).
///
/// Takes an `int` so that any value is safe to pass.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_error_kind_name(kind: c_int) -> *const c_char {
    guard_value(c"unknown".as_ptr(), || {
        usize::try_from(kind)
            .ok()
            .and_then(|i| cloudpartner_error_kind::ALL.get(i))
            .map_or(c"unknown", |k| k.name())
            .as_ptr()
    })
}

/// The kind of `err`; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `err` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_get_kind(
    err: *const cloudpartner_error,
) -> cloudpartner_error_kind {
    guard_value(K::CLOUDPARTNER_ERROR_INVALID_ARGUMENT, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { err.as_ref() }.map_or(K::CLOUDPARTNER_ERROR_INVALID_ARGUMENT, |e| e.kind)
    })
}

/// The error's one-line message, without the kind (`"HTTP 404 NotFound: ..."`), with the
/// HTTP status and the API's code and message when known; never contains the token.
/// Valid while `err` lives; NULL only when `err` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_message(
    err: *const cloudpartner_error,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error.
    borrowed_str(unsafe { err.as_ref() }.map(|e| &e.message))
}

/// The HTTP status of the answer that caused the error; 0 when there was none (or
/// `err` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_status_code(err: *const cloudpartner_error) -> u16 {
    // SAFETY: the caller passes NULL or a live error.
    guard_value(0, || unsafe { err.as_ref() }.map_or(0, |e| e.status_code))
}

/// The API's error code (the body's `error.code`, e.g. `"InvalidAPIVersion"`), or NULL
/// when the answer had none. Valid while `err` lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_api_code(
    err: *const cloudpartner_error,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error.
    borrowed_str(unsafe { err.as_ref() }.and_then(|e| e.api_code.as_ref()))
}

/// The request id: the service's `x-ms-request-id` (or `x-ms-correlation-request-id`),
/// else the `x-ms-client-request-id` the client sent; NULL when no request was made.
/// Valid while `err` lives.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_request_id(
    err: *const cloudpartner_error,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error.
    borrowed_str(unsafe { err.as_ref() }.and_then(|e| e.request_id.as_ref()))
}

/// True when the request id is the `x-ms-client-request-id` this client sent because no
/// service answered with an id of its own (a refused or reset connection, a timeout):
/// print it as "client request id". False for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_request_id_is_client(
    err: *const cloudpartner_error,
) -> bool {
    // SAFETY: the caller passes NULL or a live error.
    guard_value(false, || {
        unsafe { err.as_ref() }.is_some_and(|e| e.request_id_is_client)
    })
}

/// For parse errors with a position: the 1-based line of the problem; else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_line(err: *const cloudpartner_error) -> usize {
    // SAFETY: the caller passes NULL or a live error.
    guard_value(0, || unsafe { err.as_ref() }.map_or(0, |e| e.line))
}

/// For parse errors with a position: the 1-based column of the problem; else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_column(err: *const cloudpartner_error) -> usize {
    // SAFETY: the caller passes NULL or a live error.
    guard_value(0, || unsafe { err.as_ref() }.map_or(0, |e| e.column))
}

/// Frees an error returned through an `err` argument. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_error_free(err: *mut cloudpartner_error) {
    // SAFETY: the caller passes NULL or an error this library allocated, once.
    free_box(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_has_its_own_enumerator_and_spelling() {
        // `Internal` is the only kind that may map to CLOUDPARTNER_ERROR_INTERNAL: a kind
        // the core adds and `From<ErrorKind>` does not know fails here.
        let mut seen = Vec::new();
        for kind in ErrorKind::ALL {
            let c: cloudpartner_error_kind = kind.into();
            assert_eq!(
                c == K::CLOUDPARTNER_ERROR_INTERNAL,
                kind == ErrorKind::Internal,
                "{kind} has no enumerator of its own"
            );
            assert_ne!(c, K::CLOUDPARTNER_OK, "{kind}");
            assert_eq!(c.name().to_str().unwrap(), kind.as_str());
            assert!(!seen.contains(&c), "{kind} shares {c:?}");
            seen.push(c);
        }
        // And no enumerator is left over: OK plus one per core kind, in value order.
        assert_eq!(cloudpartner_error_kind::ALL.len(), ErrorKind::ALL.len() + 1);
        for (value, c) in cloudpartner_error_kind::ALL.iter().enumerate() {
            assert_eq!(*c as usize, value);
        }
        let names: Vec<&str> = cloudpartner_error_kind::ALL[1..]
            .iter()
            .map(|c| c.name().to_str().unwrap())
            .collect();
        let mut core = cloudpartner::tables::error_kinds();
        let mut ours = names.clone();
        core.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, core);
    }

    #[test]
    fn kind_names_are_safe_for_any_int() {
        let name = |k| unsafe { CStr::from_ptr(cloudpartner_error_kind_name(k)) };
        assert_eq!(name(0).to_str().unwrap(), "ok");
        assert_eq!(name(4).to_str().unwrap(), "not_found");
        assert_eq!(name(-1).to_str().unwrap(), "unknown");
        assert_eq!(name(14).to_str().unwrap(), "conflict");
        assert_eq!(name(15).to_str().unwrap(), "unknown");
        assert_eq!(name(c_int::MAX).to_str().unwrap(), "unknown");
    }
}
