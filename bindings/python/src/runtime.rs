//! The tokio runtime of the extension — one per process, made again in a child after
//! `os.fork()` (whose copy of the parent's worker threads does not exist) — and
//! blocking on it from Python without holding the GIL or becoming deaf to Ctrl-C.

use std::future::Future;
use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;

use pyo3::prelude::*;
use tokio::runtime::Runtime;

use crate::errors::internal_error;

/// How often a blocking call wakes up to let Python run its signal handlers.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(100);

/// A runtime and the process that started it.
struct ProcessRuntime {
    pid: u32,
    runtime: Runtime,
}

/// The current process's runtime; those of forked-from parents are leaked, never used.
static CURRENT: AtomicPtr<ProcessRuntime> = AtomicPtr::new(std::ptr::null_mut());
static STARTING: Mutex<()> = Mutex::new(());

/// The multi-thread runtime every client, watch and emulator of this process runs on.
pub fn runtime() -> &'static Runtime {
    let pid = std::process::id();
    if let Some(current) = current_for(pid) {
        return current;
    }
    let _starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(current) = current_for(pid) {
        return current;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("cloudpartner")
        .build()
        .unwrap_or_else(|e| panic!("cloudpartner: cannot start the tokio runtime: {e}"));
    let leaked: &'static ProcessRuntime = Box::leak(Box::new(ProcessRuntime { pid, runtime }));
    CURRENT.store(std::ptr::from_ref(leaked).cast_mut(), Ordering::Release);
    &leaked.runtime
}

fn current_for(pid: u32) -> Option<&'static Runtime> {
    // SAFETY: CURRENT is null or points to a leaked, never freed `ProcessRuntime`.
    let current = unsafe { CURRENT.load(Ordering::Acquire).as_ref() }?;
    (current.pid == pid).then_some(&current.runtime)
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
