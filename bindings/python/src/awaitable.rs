//! Rust futures as asyncio awaitables, run on this process's runtime (see
//! [`crate::runtime`]), which survives `os.fork()`.
//!
//! Each awaitable is an asyncio future of the running loop: the Rust future runs on the
//! runtime, scoped with the loop and `contextvars` context of the call (so that an async
//! credential can run its coroutine there); its result is handed to the loop with
//! `call_soon_threadsafe` from a blocking thread, through
//! [`crate::runtime::attach_from_native`], which no longer enters Python once the
//! interpreter is exiting. Cancelling the asyncio future aborts the Rust future.

use std::cell::OnceCell;
use std::future::Future;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use pyo3_async_runtimes::TaskLocals;
use tokio::task::AbortHandle;

use crate::runtime::{attach_from_native, runtime};

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

/// `cloudpartner._bridge.complete`, looked up once.
static COMPLETE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// An asyncio future of `future`'s result, on the running event loop; cancelling it
/// cancels `future`.
pub fn future_into_py<F, T>(py: Python<'_>, future: F) -> PyResult<Bound<'_, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    let locals = match task_locals() {
        Some(locals) => locals,
        None => TaskLocals::with_running_loop(py)?.copy_context(py)?,
    };
    let complete = COMPLETE
        .import(py, "cloudpartner._bridge", "complete")?
        .clone()
        .unbind();
    let py_future = locals.event_loop(py).call_method0("create_future")?;
    let target = py_future.clone().unbind();
    let cell = OnceCell::new();
    let _ = cell.set(locals.clone());
    let task = runtime().spawn(TASK_LOCALS.scope(cell, async move {
        let result = future.await;
        // Completing takes the GIL: on a blocking thread, not a worker of the runtime.
        let hand_over = move || {
            attach_from_native(|py| {
                let (ok, value) = match result.and_then(|value| value.into_py_any(py)) {
                    Ok(value) => (true, value),
                    Err(error) => (false, error.into_value(py).into_any()),
                };
                let keywords = PyDict::new(py);
                let handed = keywords
                    .set_item("context", locals.context(py))
                    .and_then(|()| {
                        locals.event_loop(py).call_method(
                            "call_soon_threadsafe",
                            (complete, target, ok, value),
                            Some(&keywords),
                        )
                    });
                // A closed loop has nobody to hand the result to.
                if let Err(error) = handed {
                    error.print(py);
                }
            });
        };
        let _ = tokio::task::spawn_blocking(hand_over).await;
    }));
    py_future.call_method1(
        "add_done_callback",
        (AbortOnCancel {
            handle: task.abort_handle(),
        },),
    )?;
    Ok(py_future)
}

/// The done callback of an awaitable's asyncio future: cancelling the future aborts the
/// Rust task.
#[pyclass(frozen)]
struct AbortOnCancel {
    handle: AbortHandle,
}

#[pymethods]
impl AbortOnCancel {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.handle.abort();
        }
        Ok(())
    }
}

/// The asyncio event loop and context of the awaitable this code runs for, when it runs
/// for one (an `AsyncClient` call); `None` for `Client`'s blocking calls.
pub fn task_locals() -> Option<TaskLocals> {
    TASK_LOCALS
        .try_with(|cell| cell.get().cloned())
        .unwrap_or_default()
}
