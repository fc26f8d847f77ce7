//! A Python credential object (azure-identity's protocol: `get_token(*scopes)`
//! returning something with `.token` and `.expires_on`, or, for azure.identity.aio
//! credentials, a coroutine of it) as a core `TokenCredential`.
//!
//! A coroutine is awaited on the event loop of the `AsyncClient` call that needs the
//! token, and otherwise (`Client`) on the package's own event loop thread, always the
//! same one, so that the credential's sessions stay on one loop.

use std::fmt;
use std::sync::Arc;

use cloudpartner::credential::{AccessToken, TokenCredential, TokenFuture};
use cloudpartner::{Error, ErrorKind};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::runtime::attach_from_native;

/// Calls a Python object's `get_token(scope)`, on a blocking thread with the GIL.
pub struct PythonCredential {
    object: Arc<Py<PyAny>>,
    type_name: String,
}

impl PythonCredential {
    /// Wraps `object`; a `TypeError` when it has no callable `get_token`.
    pub fn new(object: &Bound<'_, PyAny>) -> PyResult<PythonCredential> {
        let type_name = object.get_type().name()?.to_string();
        let callable = object
            .getattr("get_token")
            .map(|method| method.is_callable())
            .unwrap_or(false);
        if !callable {
            return Err(PyTypeError::new_err(format!(
                "credential must have a get_token(*scopes) method, like the credentials \
                 of azure.identity; got {type_name}"
            )));
        }
        Ok(PythonCredential {
            object: Arc::new(object.clone().unbind()),
            type_name,
        })
    }

    /// Wraps `object` without looking for `get_token`: for a credential the core is
    /// about to refuse anyway (given together with a token).
    pub fn unchecked(object: &Bound<'_, PyAny>) -> PyResult<PythonCredential> {
        Ok(PythonCredential {
            object: Arc::new(object.clone().unbind()),
            type_name: object.get_type().name()?.to_string(),
        })
    }
}

impl fmt::Debug for PythonCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PythonCredential({})", self.type_name)
    }
}

impl TokenCredential for PythonCredential {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        let object = self.object.clone();
        let type_name = self.type_name.clone();
        let scope = scope.to_owned();
        Box::pin(async move {
            // The event loop of the `AsyncClient` call this token is for, if any: an
            // async credential (azure.identity.aio) runs its coroutine there.
            let locals = crate::awaitable::task_locals();
            let failed = |message: String| {
                Error::new(
                    ErrorKind::Authentication,
                    format!("credential {type_name}.get_token() failed: {message}"),
                )
            };
            let call = move || attach(|py| call_get_token(object.bind(py), &scope));
            let awaitable = match blocking(&type_name, call).await?.map_err(failed)? {
                Answer::Token(token) => return Ok(token),
                Answer::Awaitable(awaitable) => awaitable,
            };
            let awaited = match locals {
                Some(locals) => {
                    let future = attach(|py| {
                        pyo3_async_runtimes::into_future_with_locals(
                            &locals,
                            awaitable.into_bound(py),
                        )
                        .map_err(|e| e.to_string())
                    })
                    .map_err(failed)?;
                    future.await.map_err(|e| failed(e.to_string()))?
                }
                None => {
                    let run = move || attach(|py| run_elsewhere(py, awaitable));
                    blocking(&type_name, run).await?.map_err(failed)?
                }
            };
            attach(|py| access_token(awaited.bind(py))).map_err(failed)
        })
    }
}

/// [`attach_from_native`] for code whose error is a message.
fn attach<T>(f: impl FnOnce(Python<'_>) -> Result<T, String>) -> Result<T, String> {
    attach_from_native(f).unwrap_or_else(|| Err("the Python interpreter is exiting".to_owned()))
}

/// What `get_token` answered: a token, or an awaitable of one.
enum Answer {
    Token(AccessToken),
    Awaitable(Py<PyAny>),
}

/// Runs `call` on a blocking thread.
async fn blocking<T: Send + 'static>(
    type_name: &str,
    call: impl FnOnce() -> T + Send + 'static,
) -> cloudpartner::Result<T> {
    tokio::task::spawn_blocking(call).await.map_err(|join| {
        Error::new(
            ErrorKind::Internal,
            format!("credential {type_name}.get_token() did not finish: {join}"),
        )
    })
}

/// Awaits `awaitable` on the package's own event loop thread (for async credentials
/// used where no event loop is running: `Client`, or a thread of the core).
fn run_elsewhere(py: Python<'_>, awaitable: Py<PyAny>) -> Result<Py<PyAny>, String> {
    py.import("cloudpartner._credential_loop")
        .and_then(|module| module.call_method1("run", (awaitable,)))
        .map(Bound::unbind)
        .map_err(|e| e.to_string())
}

/// `object.get_token(scope)`: the token, or the awaitable an async credential gives;
/// the error is a message.
fn call_get_token(object: &Bound<'_, PyAny>, scope: &str) -> Result<Answer, String> {
    let answer = object
        .call_method1("get_token", (scope,))
        .map_err(|e| e.to_string())?;
    if answer.hasattr("__await__").map_err(|e| e.to_string())? {
        return Ok(Answer::Awaitable(answer.unbind()));
    }
    access_token(&answer).map(Answer::Token)
}

/// An `AccessToken`-like answer (`.token`, `.expires_on`) read into an [`AccessToken`].
fn access_token(answer: &Bound<'_, PyAny>) -> Result<AccessToken, String> {
    let token: String = answer
        .getattr("token")
        .and_then(|t| t.extract())
        .map_err(|_| "its answer has no `token` string (expected an AccessToken)".to_owned())?;
    let expires_on = answer.getattr("expires_on").ok().filter(|e| !e.is_none());
    let expires_at = match expires_on {
        None => None,
        Some(seconds) => {
            let seconds: f64 = seconds.extract().map_err(|_| {
                "its `expires_on` is not a number of seconds since the epoch".to_owned()
            })?;
            cloudpartner::credential::expiry_from_unix_seconds(seconds)
        }
    };
    Ok(AccessToken::new(token, expires_at))
}
