//! The Product Ingestion API (DESIGN §10) for Python: `cloudpartner.ingestion`.

pub mod calls;
pub mod client;
pub mod client_methods;
pub mod enums;
pub mod images;
pub mod job;
pub mod pickling;
pub mod release;
pub mod resource;
pub mod resources_argument;
pub mod technical_configuration;
pub mod tree;
pub mod unpickling;

use pyo3::prelude::*;

/// Adds the classes and parsers to the native module; the classes whose names the
/// CPP API uses too are added as `Ingestion<Name>` (their `__name__` stays `<Name>`,
/// in `cloudpartner.ingestion`).
pub fn add(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<client::PyIngestionClient>()?;
    module.add_class::<client::PyAsyncIngestionClient>()?;
    module.add_class::<client::PyProductWatch>()?;
    module.add_class::<client::PyAsyncProductWatch>()?;
    module.add_class::<resource::PyResource>()?;
    module.add_class::<resource::PyProduct>()?;
    module.add_class::<tree::PyResourceTree>()?;
    module.add_class::<technical_configuration::PyTechnicalConfiguration>()?;
    module.add(
        "IngestionVmImageVersion",
        module.py().get_type::<images::PyIngestionVmImageVersion>(),
    )?;
    module.add_class::<images::PyVmImage>()?;
    module.add(
        "IngestionDataDisk",
        module.py().get_type::<images::PyIngestionDataDisk>(),
    )?;
    module.add_class::<job::PyJob>()?;
    module.add_class::<job::PyJobError>()?;
    module.add_class::<job::PySubmission>()?;
    module.add_class::<job::PyProductStatus>()?;
    module.add(
        "IngestionReleaseEvent",
        module.py().get_type::<release::PyIngestionReleaseEvent>(),
    )?;
    module.add(
        "IngestionReleaseResult",
        module.py().get_type::<release::PyIngestionReleaseResult>(),
    )?;
    module.add_function(wrap_pyfunction!(resource::parse_resource, module)?)?;
    module.add_function(wrap_pyfunction!(resource::unpickle_resource, module)?)?;
    module.add_function(wrap_pyfunction!(unpickling::unpickle_ingestion, module)?)?;
    module.add_function(wrap_pyfunction!(tree::parse_resource_tree, module)?)?;
    module.add_function(wrap_pyfunction!(job::parse_job, module)?)?;
    module.add_function(wrap_pyfunction!(job::parse_submissions, module)?)?;
    module.add_function(wrap_pyfunction!(job::product_status_of, module)?)?;
    module.add_function(wrap_pyfunction!(job::parse_page, module)?)?;
    Ok(())
}
