//! Rust futures as asyncio awaitables, run on this process's runtime (see
//! [`crate::runtime`]): pyo3-async-runtimes' generic bridge with a runtime that
//! survives `os.fork()`.

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;

use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{self, ContextExt, Runtime as GenericRuntime};
use tokio::task::{JoinError, JoinHandle};

use crate::runtime::runtime;

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

/// The extension's runtime, as pyo3-async-runtimes sees it.
struct ProcessRuntime;

impl GenericRuntime for ProcessRuntime {
    type JoinError = JoinError;
    type JoinHandle = JoinHandle<()>;

    fn spawn<F>(future: F) -> JoinHandle<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        runtime().spawn(future)
    }

    fn spawn_blocking<F>(function: F) -> JoinHandle<()>
    where
        F: FnOnce() + Send + 'static,
    {
        runtime().spawn_blocking(function)
    }
}

impl ContextExt for ProcessRuntime {
    fn scope<F, R>(locals: TaskLocals, future: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, future))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS
            .try_with(|cell| cell.get().cloned())
            .unwrap_or_default()
    }
}

/// An asyncio future of `future`'s result, on the running event loop; cancelling it
/// cancels `future`.
pub fn future_into_py<F, T>(py: Python<'_>, future: F) -> PyResult<Bound<'_, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    generic::future_into_py::<ProcessRuntime, F, T>(py, future)
}

/// The asyncio event loop and context of the awaitable this code runs for, when it runs
/// for one (an `AsyncClient` call); `None` for `Client`'s blocking calls.
pub fn task_locals() -> Option<TaskLocals> {
    <ProcessRuntime as ContextExt>::get_task_locals()
}
