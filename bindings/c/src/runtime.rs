//! The one tokio runtime the library owns: created on first use, shared by every client
//! and emulator, stopped (threads joined) by `cloudpartner_shutdown()`.

use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use cloudpartner::{Error, ErrorKind, Result};
use tokio::runtime::Runtime;

use crate::ffi;

static RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);

/// How long `cloudpartner_shutdown()` waits for blocking tasks (a DNS lookup, say).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

fn slot() -> MutexGuard<'static, Option<Arc<Runtime>>> {
    // A panic while holding the lock leaves a usable value: keep going.
    RUNTIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The library's runtime, started on first use (again after a shutdown).
pub(crate) fn runtime() -> Result<Arc<Runtime>> {
    let mut slot = slot();
    if let Some(runtime) = slot.as_ref() {
        return Ok(runtime.clone());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("cloudpartner")
        .build()
        .map(Arc::new)
        .map_err(|e| Error::new(ErrorKind::Internal, format!("starting the runtime: {e}")))?;
    *slot = Some(runtime.clone());
    Ok(runtime)
}

/// The library's runtime when it runs (never starts one): for dropping what may hold
/// tokio resources.
pub(crate) fn existing() -> Option<Arc<Runtime>> {
    slot().clone()
}

/// Runs `future` to completion on the library's runtime, blocking the calling thread.
/// Any number of threads may do this at once.
pub(crate) fn block_on<F: Future>(future: F) -> Result<F::Output> {
    Ok(runtime()?.block_on(future))
}

/// Stops the library's runtime and joins its threads, releasing everything it holds.
///
/// Optional: call it once at the end of the program, after every client, watch and
/// emulator is freed, when a leak checker (valgrind) should see nothing left. Work still
/// in flight on other threads is canceled. A later call into the library starts a new
/// runtime. Safe to call more than once, and when the runtime never started.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_shutdown() {
    ffi::guard_value((), || {
        let Some(runtime) = slot().take() else {
            return;
        };
        // Threads inside a blocking call hold a reference: the last of them drops it.
        if let Ok(runtime) = Arc::try_unwrap(runtime) {
            runtime.shutdown_timeout(SHUTDOWN_GRACE);
        }
    })
}
