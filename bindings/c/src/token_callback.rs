//! A token credential backed by a C callback: for tokens from a vault, a secret store or
//! the caller's own identity code.

use std::ffi::c_void;
use std::fmt;

use cloudpartner::credential::{
    AccessToken, TokenCredential, TokenFuture, expiry_from_unix_seconds,
};
use cloudpartner::{Error, ErrorKind, Result};

/// The size of the buffer a token callback writes into, terminating NUL included.
pub const CLOUDPARTNER_TOKEN_CAPACITY: usize = 16384;

/// Supplies an access token for `https://cloudpartner.azure.com`.
///
/// The callback writes the token, NUL-terminated, into `token` (room for `capacity`
/// bytes, `CLOUDPARTNER_TOKEN_CAPACITY`) and its expiry in `*expires_on_unix_seconds`
/// (seconds since 1970; leave 0 for a token with no known expiry, which is then used
/// as long as the client lives), and returns 0. Any other return value fails the request
/// with `CLOUDPARTNER_ERROR_AUTHENTICATION`.
///
/// The library caches the token and calls again five minutes before it expires, or after
/// the service refused it. Calls come from the library's own threads, one at a time for
/// a given client; `user_data` is passed as given and must stay valid while the client
/// lives.
pub type cloudpartner_token_callback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        token: *mut std::ffi::c_char,
        capacity: usize,
        expires_on_unix_seconds: *mut i64,
    ) -> i32,
>;

type Callback = unsafe extern "C" fn(*mut c_void, *mut std::ffi::c_char, usize, *mut i64) -> i32;

/// The caller's `user_data`; the caller promises it may be used from the library's
/// threads (see `cloudpartner_token_callback`).
#[derive(Clone, Copy)]
struct UserData(*mut c_void);

// SAFETY: the contract of `cloudpartner_token_callback` makes the caller responsible for
// `user_data` being usable from the library's threads; the library never dereferences it.
unsafe impl Send for UserData {}
// SAFETY: as above; calls for one client are serialized by the core's token cache.
unsafe impl Sync for UserData {}

/// The core's `TokenCredential` over a C callback.
pub(crate) struct CallbackCredential {
    callback: Callback,
    user_data: UserData,
}

impl CallbackCredential {
    pub(crate) fn new(callback: Callback, user_data: *mut c_void) -> CallbackCredential {
        CallbackCredential {
            callback,
            user_data: UserData(user_data),
        }
    }
}

impl fmt::Debug for CallbackCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CallbackCredential")
    }
}

fn failed(message: String) -> Error {
    Error::new(ErrorKind::Authentication, message)
}

/// Calls the callback on this thread and reads what it wrote.
fn call(callback: Callback, user_data: UserData) -> Result<AccessToken> {
    let mut buffer = vec![0u8; CLOUDPARTNER_TOKEN_CAPACITY];
    let mut expires: i64 = 0;
    // SAFETY: the buffer has `capacity` writable bytes and `expires` is a valid i64; the
    // callback's own contract is the caller's.
    let rc = unsafe {
        callback(
            user_data.0,
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            &mut expires,
        )
    };
    let result = if rc != 0 {
        Err(failed(format!(
            "the token callback failed (it returned {rc})"
        )))
    } else {
        match buffer.iter().position(|b| *b == 0) {
            None => Err(failed(format!(
                "the token callback wrote no NUL-terminated token within {CLOUDPARTNER_TOKEN_CAPACITY} bytes"
            ))),
            Some(0) => Err(failed(
                "the token callback returned an empty token".to_owned(),
            )),
            Some(len) => match std::str::from_utf8(&buffer[..len]) {
                Err(_) => Err(failed(
                    "the token callback returned a token that is not UTF-8".to_owned(),
                )),
                Ok(token) => {
                    // 0 (or below): no known expiry, the C convention; else the core's
                    // reading of seconds since the epoch.
                    let expires_at = (expires > 0)
                        .then(|| expiry_from_unix_seconds(expires as f64))
                        .flatten();
                    Ok(AccessToken::new(token, expires_at))
                }
            },
        }
    };
    // The buffer held a secret: clear it before it is freed.
    buffer.iter_mut().for_each(|b| *b = 0);
    std::hint::black_box(&buffer);
    result
}

impl TokenCredential for CallbackCredential {
    fn get_token<'a>(&'a self, _scope: &'a str) -> TokenFuture<'a> {
        let (callback, user_data) = (self.callback, self.user_data);
        Box::pin(async move {
            // The callback may block (a vault, a file, a prompt): off the runtime's workers.
            tokio::task::spawn_blocking(move || {
                std::panic::catch_unwind(|| call(callback, user_data)).unwrap_or_else(|_| {
                    Err(Error::new(
                        ErrorKind::Internal,
                        "the token callback panicked",
                    ))
                })
            })
            .await
            .unwrap_or_else(|e| {
                Err(Error::new(
                    ErrorKind::Internal,
                    format!("the token callback's thread failed: {e}"),
                ))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// Writes the token "tok" and the expiry `*user_data` (an i64).
    unsafe extern "C" fn give(
        user_data: *mut c_void,
        token: *mut std::ffi::c_char,
        capacity: usize,
        expires: *mut i64,
    ) -> i32 {
        assert!(capacity >= 4);
        unsafe {
            std::ptr::copy_nonoverlapping(c"tok".as_ptr(), token, 4);
            *expires = *user_data.cast::<i64>();
        }
        0
    }

    #[test]
    fn the_expiry_is_read_by_the_core_and_0_is_none() {
        let expiry = |mut seconds: i64| {
            let token = call(give, UserData((&raw mut seconds).cast())).unwrap();
            assert_eq!(token.token.expose(), "tok");
            token.expires_at
        };
        assert_eq!(expiry(0), None);
        assert_eq!(expiry(-5), None);
        assert_eq!(
            expiry(1_900_000_000),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_900_000_000))
        );
    }
}
