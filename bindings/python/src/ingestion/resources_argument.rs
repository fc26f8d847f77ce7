//! The `resources` argument of `configure`: what Python may pass as the resources to
//! send.

use cloudpartner::ingestion::Resource;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::ingestion::resource::PyResource;
use crate::ingestion::technical_configuration::PyTechnicalConfiguration;
use crate::json_value::map_from_python;

/// The `resources` argument of `configure`: `Resource`s and `TechnicalConfiguration`s
/// (as they are now), or `dict`s.
pub fn resources_argument(value: &Bound<'_, PyAny>) -> PyResult<Vec<Resource>> {
    let py = value.py();
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(
            "resources must be a list of Resource (or dict), not a single one",
        ));
    }
    let mut resources = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        if let Ok(resource) = item.cast::<PyResource>() {
            resources.push(resource.get().current(py)?);
        } else if let Ok(config) = item.cast::<PyTechnicalConfiguration>() {
            resources.push(config.get().current(py)?);
        } else if item.is_instance_of::<PyDict>() {
            resources.push(Resource::from_document(map_from_python("resource", &item)?));
        } else {
            return Err(PyTypeError::new_err(format!(
                "resources must hold Resource, TechnicalConfiguration or dict, got {}",
                item.get_type().name()?
            )));
        }
    }
    Ok(resources)
}
