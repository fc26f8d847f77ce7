//! `ResourceTree` (a product's tree of one target, read-only) and
//! `TechnicalConfiguration` (a plan's VM technical configuration, with the core's
//! image helpers).

use std::sync::Mutex;

use cloudpartner::ingestion::{Resource, ResourceTree, TechnicalConfiguration};
use cloudpartner::redact_sas;
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::errors::IntoPyResult;
use crate::ingestion::enums::IngestionMembers;
use crate::ingestion::images::PyIngestionVmImageVersion;
use crate::ingestion::resource::{resource_list, resource_to_py};
use crate::json_value::map_to_python;
use crate::model::repr_quoted;
use crate::offer::json_bytes;

/// A product's resource tree of one target (draft, preview, live), as sent. A draft
/// tree read through a client knows which versions the preview and live trees hold.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "ResourceTree")]
pub struct PyResourceTree {
    pub inner: ResourceTree,
}

/// Parses a resource tree (JSON text or bytes), losslessly.
#[pyfunction]
pub fn parse_resource_tree(data: &Bound<'_, PyAny>) -> PyResult<PyResourceTree> {
    let py = data.py();
    let bytes = json_bytes("parse_resource_tree", data)?;
    let inner = cloudpartner::ingestion::parse_resource_tree(&bytes).into_py_result(py)?;
    Ok(PyResourceTree { inner })
}

#[pymethods]
impl PyResourceTree {
    /// The product's durable id (`product/<guid>`).
    #[getter]
    fn root(&self) -> &str {
        self.inner.root()
    }

    /// Which copy it is: a `Target`.
    #[getter]
    fn target(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(IngestionMembers::get(py)?.target(py, &self.inner.target()))
    }

    /// Every resource, in the order sent (new objects each time: keep the one you edit).
    #[getter]
    fn resources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        resource_list(py, self.inner.resources().to_vec())
    }

    /// The plan resources.
    #[getter]
    fn plans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        resource_list(py, self.inner.plans().into_iter().cloned().collect())
    }

    /// The plans' ids (their external ids), in order.
    #[getter]
    fn plan_ids(&self) -> Vec<String> {
        self.inner
            .plan_ids()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The product resource, or `None`.
    #[getter]
    fn product(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.inner
            .product()
            .map(|p| resource_to_py(py, p.resource().clone()))
            .transpose()
    }

    /// The tree's submission resource, or `None`.
    #[getter]
    fn submission(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.inner
            .submission()
            .map(|r| resource_to_py(py, r.clone()))
            .transpose()
    }

    /// The technical configuration of a plan (its external id), to read or edit; an
    /// unknown plan is an `InvalidArgumentError` naming the plans there are.
    fn technical_configuration(
        &self,
        py: Python<'_>,
        plan_id: &str,
    ) -> PyResult<PyTechnicalConfiguration> {
        let inner = self
            .inner
            .technical_configuration(plan_id)
            .into_py_result(py)?;
        Ok(PyTechnicalConfiguration::from_core(inner))
    }

    /// The tree exactly as sent (compact JSON, key order and numbers kept).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The tree as a new `dict`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        map_to_python(py, self.inner.document())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let plans: Vec<String> = self
            .inner
            .plan_ids()
            .into_iter()
            .map(|p| repr_quoted(py, p))
            .collect();
        format!(
            "ResourceTree(root={}, target={}, resources={}, plan_ids=[{}])",
            repr_quoted(py, self.inner.root()),
            repr_quoted(py, self.inner.target().as_wire()),
            self.inner.resources().len(),
            plans.join(", ")
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let parse = py
            .import("cloudpartner._native")?
            .getattr("parse_resource_tree")?;
        (parse, (self.inner.to_json(),)).into_pyobject(py)
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
    inner: Mutex<TechnicalConfiguration>,
}

impl PyTechnicalConfiguration {
    pub fn from_core(inner: TechnicalConfiguration) -> Self {
        PyTechnicalConfiguration {
            inner: Mutex::new(inner),
        }
    }

    fn with<T>(&self, py: Python<'_>, f: impl FnOnce(&mut TechnicalConfiguration) -> T) -> T {
        let mut inner = self
            .inner
            .lock_py_attached(py)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut inner)
    }

    /// The resource as it is now (what `configure` sends).
    pub fn current(&self, py: Python<'_>) -> Resource {
        self.with(py, |c| c.resource().clone())
    }
}

#[pymethods]
impl PyTechnicalConfiguration {
    /// The plan's id (its external id).
    #[getter]
    fn plan_id(&self, py: Python<'_>) -> String {
        self.with(py, |c| c.plan_id().to_owned())
    }

    /// The SKUs as `(image type, SKU id)` pairs, in order.
    #[getter]
    fn skus(&self, py: Python<'_>) -> Vec<(String, String)> {
        self.with(py, |c| c.skus())
    }

    /// The image types of the plan's SKUs (`x64Gen1`, `x64Gen2`, `arm64Gen2`).
    #[getter]
    fn image_types(&self, py: Python<'_>) -> Vec<String> {
        self.with(py, |c| c.image_types())
    }

    /// The versions the preview or live trees hold (a sorted list), when the
    /// configuration was read through a client; `None` when unknown.
    #[getter]
    fn published_versions(&self, py: Python<'_>) -> Option<Vec<String>> {
        self.with(py, |c| {
            c.published_versions().map(|p| p.iter().cloned().collect())
        })
    }

    /// The resource, a copy (`Resource`) of it as it is now.
    #[getter(resource)]
    fn resource_copy(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        resource_to_py(py, self.current(py))
    }

    /// The resource's document as a new `dict` (a copy: change it with the helpers).
    #[getter]
    fn definition<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        map_to_python(py, self.current(py).definition())
    }

    /// Every image version, in document order.
    fn vm_image_versions(&self, py: Python<'_>) -> Vec<PyIngestionVmImageVersion> {
        self.with(py, |c| c.vm_image_versions())
            .into_iter()
            .map(PyIngestionVmImageVersion::from_core)
            .collect()
    }

    /// Adds a version, or replaces the one with the same number (its other fields
    /// stay); each image's type must be one of the plan's SKUs'.
    fn set_vm_image_version(
        &self,
        py: Python<'_>,
        version: &Bound<'_, PyIngestionVmImageVersion>,
    ) -> PyResult<()> {
        let version = version.get().inner.clone();
        self.with(py, |c| c.set_vm_image_version(&version))
            .into_py_result(py)
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
        self.with(py, |c| {
            c.deprecate_vm_image_version(version, reason, date_offset)
        })
        .into_py_result(py)
    }

    /// Restores a deprecated version (generally available, no schedule).
    fn restore_vm_image_version(&self, py: Python<'_>, version: &str) -> PyResult<()> {
        self.with(py, |c| c.restore_vm_image_version(version))
            .into_py_result(py)
    }

    /// Removes a version that was never published and returns it; a published one (or
    /// one not known to be unpublished) is an `InvalidArgumentError`: deprecate it.
    fn remove_vm_image_version(
        &self,
        py: Python<'_>,
        version: &str,
    ) -> PyResult<PyIngestionVmImageVersion> {
        let removed = self
            .with(py, |c| c.remove_vm_image_version(version))
            .into_py_result(py)?;
        Ok(PyIngestionVmImageVersion::from_core(removed))
    }

    /// The resource as compact JSON, losslessly: what `configure` sends.
    fn to_json(&self, py: Python<'_>) -> String {
        self.current(py).to_json()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let (plan, versions) = self.with(py, |c| {
            (
                c.plan_id().to_owned(),
                c.vm_image_versions()
                    .into_iter()
                    .map(|v| repr_quoted(py, &v.version_number))
                    .collect::<Vec<_>>(),
            )
        });
        let shown = format!(
            "TechnicalConfiguration(plan_id={}, versions=[{}])",
            repr_quoted(py, &plan),
            versions.join(", ")
        );
        redact_sas(&shown).into_owned()
    }
}
