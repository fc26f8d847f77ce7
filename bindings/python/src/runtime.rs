//! The one tokio runtime of the extension, and blocking on it from Python without
//! holding the GIL and without becoming deaf to Ctrl-C.

use std::future::Future;
use std::sync::OnceLock;
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;

use pyo3::prelude::*;
use tokio::runtime::Runtime;

use crate::errors::internal_error;

/// How often a blocking call wakes up to let Python run its signal handlers.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(100);

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The multi-thread runtime every client, watch and emulator of the process runs on.
pub fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("cloudpartner")
            .build()
            .unwrap_or_else(|e| panic!("cloudpartner: cannot start the tokio runtime: {e}"))
    })
}

/// Hands the runtime to pyo3-async-runtimes, so that awaitables run on it too.
pub fn share_with_asyncio() {
    // Fails only when it was already set, by an earlier import of the module.
    let _ = pyo3_async_runtimes::tokio::init_with_runtime(runtime());
}

/// Runs `future` on the runtime and waits for it with the GIL released, waking every
/// [`SIGNAL_CHECK_INTERVAL`] to run Python's signal handlers: a `KeyboardInterrupt`
/// cancels the future and is raised.
pub fn block_on<F, T>(py: Python<'_>, future: F) -> PyResult<T>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let (sender, receiver) = sync_channel(1);
    let task = runtime().spawn(async move {
        // The receiver is gone only when the caller was interrupted.
        let _ = sender.send(future.await);
    });
    let mut receiver = receiver;
    loop {
        let (back, received) = py.detach(move || {
            let received = receiver.recv_timeout(SIGNAL_CHECK_INTERVAL);
            (receiver, received)
        });
        receiver = back;
        match received {
            Ok(value) => return Ok(value),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(internal_error(
                    py,
                    "the background task ended without an answer",
                ));
            }
        }
    }
}
