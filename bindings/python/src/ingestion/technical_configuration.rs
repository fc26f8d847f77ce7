//! `TechnicalConfiguration`: a plan's VM technical configuration, the shared lossless
//! document class (`crate::live_document`) whose part is the resource's whole
//! document. Its `definition` is a real Python `dict`, edited in place; the core's
//! image helpers see those edits and write their change back into the same dict; what
//! `configure` sends is the configuration as it is now.

use cloudpartner::ingestion::{Resource, TechnicalConfiguration};
use cloudpartner::redact_sas;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3::{PyTraverseError, PyVisit};
use serde_json::Value;

use crate::ingestion::images::PyIngestionVmImageVersion;
use crate::ingestion::pickling;
use crate::ingestion::resource::resource_to_py;
use crate::live_document::{LiveDocument, LosslessParts, take_map};
use crate::model::repr_quoted;

impl LosslessParts for TechnicalConfiguration {
    const PART: &'static str = "technical_configuration.definition";

    fn take_part(&mut self) -> Value {
        take_map(self.resource_mut().definition_mut())
    }

    fn put_part(&mut self, part: Value) {
        if let Value::Object(map) = part {
            *self.resource_mut().definition_mut() = map;
        }
    }
}

/// A plan's VM technical configuration: its SKUs and image versions, and the helpers
/// that edit its `vmImageVersions` under the full-state rule (every version the
/// service holds is kept unless a helper is asked to change that one).
#[pyclass(
    frozen,
    module = "cloudpartner.ingestion",
    name = "TechnicalConfiguration"
)]
pub struct PyTechnicalConfiguration {
    document: LiveDocument<TechnicalConfiguration>,
}

impl PyTechnicalConfiguration {
    /// The Python object of a core configuration (its document still in the core).
    pub fn from_core(inner: TechnicalConfiguration) -> Self {
        PyTechnicalConfiguration {
            document: LiveDocument::new(inner),
        }
    }

    /// The configuration as it is now, its definition's edits included.
    pub fn configuration(&self, py: Python<'_>) -> PyResult<TechnicalConfiguration> {
        self.document.current(py)
    }

    /// The resource as it is now (what `configure` sends).
    pub fn current(&self, py: Python<'_>) -> PyResult<Resource> {
        self.document.read(py, |c| c.resource().clone())
    }

    fn read<T>(
        &self,
        py: Python<'_>,
        read: impl FnOnce(&TechnicalConfiguration) -> T,
    ) -> PyResult<T> {
        self.document.read(py, read)
    }
}

#[pymethods]
impl PyTechnicalConfiguration {
    /// The plan's id (its external id).
    #[getter]
    fn plan_id(&self, py: Python<'_>) -> String {
        self.document.frame(py, |c| c.plan_id().to_owned())
    }

    /// The SKUs as `(image type, SKU id)` pairs, in order.
    #[getter]
    fn skus(&self, py: Python<'_>) -> PyResult<Vec<(String, String)>> {
        self.read(py, TechnicalConfiguration::skus)
    }

    /// The image types of the plan's SKUs (`x64Gen1`, `x64Gen2`, `arm64Gen2`).
    #[getter]
    fn image_types(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.read(py, TechnicalConfiguration::image_types)
    }

    /// The versions the preview or live trees hold (a sorted list), when the
    /// configuration was read through a client; `None` when unknown.
    #[getter]
    fn published_versions(&self, py: Python<'_>) -> Option<Vec<String>> {
        self.document.frame(py, |c| {
            c.published_versions().map(|p| p.iter().cloned().collect())
        })
    }

    /// The resource, a copy (`Resource`) of it as it is now.
    #[getter(resource)]
    fn resource_copy(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        resource_to_py(py, self.current(py)?)
    }

    /// The resource's whole document, a `dict` held by the configuration: edit it in
    /// place (the helpers see the edits and change the same dict), and what
    /// `configure` sends is the configuration with those edits.
    #[getter]
    fn definition(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.document.part(py)
    }

    #[setter]
    fn set_definition(&self, py: Python<'_>, definition: &Bound<'_, PyAny>) -> PyResult<()> {
        self.document.set_part(py, definition)
    }

    /// Every image version, in document order.
    fn vm_image_versions(&self, py: Python<'_>) -> PyResult<Vec<PyIngestionVmImageVersion>> {
        Ok(self
            .read(py, TechnicalConfiguration::vm_image_versions)?
            .into_iter()
            .map(PyIngestionVmImageVersion::from_core)
            .collect())
    }

    /// Adds a version, or replaces the one with the same number (its other fields
    /// stay); each image's type must be one of the plan's SKUs'.
    fn set_vm_image_version(
        &self,
        py: Python<'_>,
        version: &Bound<'_, PyIngestionVmImageVersion>,
    ) -> PyResult<()> {
        let version = version.get().inner.clone();
        self.document.edit(py, |c| c.set_vm_image_version(&version))
    }

    /// Deprecates a version; `reason` (`criticalSecurityIssue`, `endOfSupport`,
    /// `other`) and `date_offset` (`P90D`) make a deprecation schedule.
    #[pyo3(signature = (version, *, reason = None, date_offset = None))]
    fn deprecate_vm_image_version(
        &self,
        py: Python<'_>,
        version: &str,
        reason: Option<&str>,
        date_offset: Option<&str>,
    ) -> PyResult<()> {
        self.document.edit(py, |c| {
            c.deprecate_vm_image_version(version, reason, date_offset)
        })
    }

    /// Restores a deprecated version (generally available, no schedule).
    fn restore_vm_image_version(&self, py: Python<'_>, version: &str) -> PyResult<()> {
        self.document
            .edit(py, |c| c.restore_vm_image_version(version))
    }

    /// Removes a version that was never published and returns it; a published one (or
    /// one not known to be unpublished) is an `InvalidArgumentError`: deprecate it.
    fn remove_vm_image_version(
        &self,
        py: Python<'_>,
        version: &str,
    ) -> PyResult<PyIngestionVmImageVersion> {
        let removed = self
            .document
            .edit(py, |c| c.remove_vm_image_version(version))?;
        Ok(PyIngestionVmImageVersion::from_core(removed))
    }

    /// The resource as compact JSON, losslessly: what `configure` sends.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |c| c.resource().to_json())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let plan = self.plan_id(py);
        let shown = match self.read(py, TechnicalConfiguration::vm_image_versions) {
            Ok(versions) => {
                let versions: Vec<String> = versions
                    .iter()
                    .map(|v| repr_quoted(py, &v.version_number))
                    .collect();
                format!(
                    "TechnicalConfiguration(plan_id={}, versions=[{}])",
                    repr_quoted(py, &plan),
                    versions.join(", ")
                )
            }
            Err(error) => format!(
                "TechnicalConfiguration(plan_id={}, definition=<not JSON: {error}>)",
                repr_quoted(py, &plan)
            ),
        };
        redact_sas(&shown).into_owned()
    }

    /// Equal when the documents hold the same values (key order aside), for the same
    /// plan, with the same published versions known.
    fn __eq__(
        &self,
        py: Python<'_>,
        other: &Bound<'_, PyTechnicalConfiguration>,
    ) -> PyResult<bool> {
        if std::ptr::eq(self, other.get()) {
            return Ok(true);
        }
        Ok(self.configuration(py)? == other.get().configuration(py)?)
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.document.traverse(&visit)
    }

    fn __clear__(&self) {
        self.document.clear();
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_technical_configuration(py, &self.configuration(py)?)
    }
}
