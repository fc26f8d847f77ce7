//! A Python credential object (azure-identity's protocol: `get_token(*scopes)`
//! returning something with `.token` and `.expires_on`) as a core `TokenCredential`.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use cloudpartner::credential::{AccessToken, TokenCredential, TokenFuture};
use cloudpartner::{Error, ErrorKind};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

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
            let call = move || Python::attach(|py| call_get_token(object.bind(py), &scope));
            match tokio::task::spawn_blocking(call).await {
                Ok(result) => result.map_err(|message| {
                    Error::new(
                        ErrorKind::Authentication,
                        format!("credential {type_name}.get_token() failed: {message}"),
                    )
                }),
                Err(join) => Err(Error::new(
                    ErrorKind::Internal,
                    format!("credential {type_name}.get_token() did not finish: {join}"),
                )),
            }
        })
    }
}

/// `object.get_token(scope)` read into an [`AccessToken`]; the error is a message.
fn call_get_token(object: &Bound<'_, PyAny>, scope: &str) -> Result<AccessToken, String> {
    let describe = |e: PyErr| e.to_string();
    let answer = object
        .call_method1("get_token", (scope,))
        .map_err(describe)?;
    if answer.hasattr("__await__").map_err(describe)? {
        // Close the coroutine, so that Python does not warn it was never awaited.
        let _ = answer.call_method0("close");
        return Err("it returned an awaitable; pass a synchronous credential \
                    (azure.identity, not azure.identity.aio)"
            .to_owned());
    }
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
            Some(epoch_seconds(seconds))
        }
    };
    Ok(AccessToken::new(token, expires_at))
}

fn epoch_seconds(seconds: f64) -> SystemTime {
    if seconds.is_finite() && seconds > 0.0 {
        SystemTime::UNIX_EPOCH + Duration::from_secs_f64(seconds.min(1e11))
    } else {
        SystemTime::UNIX_EPOCH
    }
}
