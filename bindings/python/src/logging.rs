//! The core's `log` records sent to Python's `logging`, under the loggers
//! `cloudpartner.*` (and `cloudpartner_emulator.*` for the emulator).
//!
//! Levels are cached on the Rust side, so that records nobody listens to cost no GIL;
//! each API call checks whether the effective level of the `cloudpartner` logger
//! changed and, if so, forgets the cache.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

use log::LevelFilter;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3_log::{Caching, Logger, ResetHandle};

static RESET: OnceLock<ResetHandle> = OnceLock::new();
static LAST_LEVEL: AtomicI64 = AtomicI64::new(i64::MIN);
static ROOT_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Installs the bridge, unless another logger owns the `log` crate in this process.
pub fn install(py: Python<'_>) -> PyResult<()> {
    let logger = Logger::new(py, Caching::LoggersAndLevels)?
        .filter(LevelFilter::Off)
        .filter_target("cloudpartner".to_owned(), LevelFilter::Trace)
        .filter_target("cloudpartner_emulator".to_owned(), LevelFilter::Trace);
    if let Ok(handle) = logger.install() {
        let _ = RESET.set(handle);
    }
    Ok(())
}

/// Forgets the cached levels when the `cloudpartner` logger's effective level changed
/// since the last call.
pub fn refresh_levels(py: Python<'_>) {
    let Some(reset) = RESET.get() else {
        return;
    };
    let level = ROOT_LOGGER
        .get_or_try_init(py, || {
            py.import("logging")?
                .call_method1("getLogger", ("cloudpartner",))
                .map(Bound::unbind)
        })
        .and_then(|logger| logger.bind(py).call_method0("getEffectiveLevel"))
        .and_then(|level| level.extract::<i64>());
    match level {
        Ok(level) => {
            if LAST_LEVEL.swap(level, Ordering::Relaxed) != level {
                reset.reset();
            }
        }
        Err(_) => reset.reset(),
    }
}
