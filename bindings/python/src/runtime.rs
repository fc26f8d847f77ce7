//! The tokio runtime of the extension — one per process, made again in a child after
//! `os.fork()` (whose copy of the parent's worker threads does not exist) — and
//! blocking on it from Python without holding the GIL or becoming deaf to Ctrl-C.

use std::future::Future;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;
use std::time::Instant;

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

/// Set once the interpreter is exiting (`atexit`): native threads no longer enter Python.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Native threads inside (or about to enter) Python through [`attach_from_native`].
static ATTACHED: AtomicUsize = AtomicUsize::new(0);

/// How long `_before_exit` waits for native threads to leave Python.
const EXIT_WAIT: Duration = Duration::from_secs(2);

/// `Python::attach` for a thread of the runtime (a completion, a credential call):
/// `None`, without touching Python, once the interpreter is exiting — a native thread
/// that takes the GIL while Python finalizes aborts the process.
pub fn attach_from_native<R>(f: impl FnOnce(Python<'_>) -> R) -> Option<R> {
    ATTACHED.fetch_add(1, Ordering::SeqCst);
    let answer = if EXITING.load(Ordering::SeqCst) {
        None
    } else {
        Some(Python::attach(f))
    };
    ATTACHED.fetch_sub(1, Ordering::SeqCst);
    answer
}

/// Called by `atexit` (registered by the package): from now on native threads no longer
/// enter Python; waits (GIL released, at most two seconds) for those inside to leave.
#[pyfunction]
#[pyo3(name = "_before_exit")]
pub fn before_exit(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    py.detach(|| {
        let started = Instant::now();
        while ATTACHED.load(Ordering::SeqCst) > 0 && started.elapsed() < EXIT_WAIT {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}
