//! The extension module `cloudpartner._native`: the Rust core of cloudpartner for
//! Python. It converts types and errors; everything else happens in the core.
//!
//! The Python package `cloudpartner` (in `python/`) re-exports what users need and
//! defines the enums and exceptions that this module fills in.

mod args;
mod async_client;
mod awaitable;
mod client;
mod client_methods;
mod client_options;
mod concurrency;
mod credential;
mod durations;
mod emulator;
mod enums;
mod errors;
mod ingestion;
mod json_value;
mod live_document;
mod logging;
mod model;
mod offer;
mod offer_ids;
mod operation;
mod outcome;
mod parse;
mod publishing;
mod release;
mod runtime;
mod tables;
mod to_python;
mod vm_image;
mod watch;
mod watch_options;

use pyo3::prelude::*;

/// The native half of the `cloudpartner` package.
#[pymodule]
#[pyo3(name = "_native")]
fn native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(module.py())?;
    module.add("__version__", cloudpartner::VERSION)?;
    tables::add(module)?;
    module.add_function(wrap_pyfunction!(parse::parse_offer_status, module)?)?;
    module.add_function(wrap_pyfunction!(model::unpickle, module)?)?;
    module.add_function(wrap_pyfunction!(runtime::before_exit, module)?)?;
    module.add_class::<model::PyOfferStatus>()?;
    module.add_class::<model::PyStep>()?;
    module.add_class::<model::PyMessage>()?;
    module.add_class::<model::PyLink>()?;
    module.add_class::<model::PyTimeFrame>()?;
    module.add_function(wrap_pyfunction!(offer::parse_offer, module)?)?;
    module.add_function(wrap_pyfunction!(offer::parse_offers, module)?)?;
    module.add_function(wrap_pyfunction!(offer::unpickle_offer, module)?)?;
    module.add_function(wrap_pyfunction!(operation::parse_operation, module)?)?;
    module.add_function(wrap_pyfunction!(operation::parse_operations, module)?)?;
    module.add_function(wrap_pyfunction!(vm_image::construct, module)?)?;
    module.add_class::<offer::PyOffer>()?;
    module.add_class::<vm_image::PyVmImageVersion>()?;
    module.add_class::<vm_image::PyDataDisk>()?;
    module.add_class::<operation::PyOperation>()?;
    module.add_class::<operation::PyOperationRef>()?;
    module.add_class::<operation::PyPublisher>()?;
    module.add_class::<client::PyClient>()?;
    module.add_class::<async_client::PyAsyncClient>()?;
    module.add_class::<watch::PyWatch>()?;
    module.add_class::<watch::PyAsyncWatch>()?;
    module.add_class::<emulator::PyEmulator>()?;
    module.add_class::<release::PyReleaseEvent>()?;
    module.add_class::<release::PyReleaseResult>()?;
    ingestion::add(module)?;
    Ok(())
}
