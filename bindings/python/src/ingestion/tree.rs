//! `ResourceTree`: a product's tree of one target, read-only (its technical
//! configurations are `crate::ingestion::technical_configuration`).

use cloudpartner::ingestion::ResourceTree;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::errors::IntoPyResult;
use crate::ingestion::enums::IngestionMembers;
use crate::ingestion::pickling;
use crate::ingestion::resource::{resource_list, resource_to_py};
use crate::ingestion::technical_configuration::PyTechnicalConfiguration;
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

    /// Equal when the documents hold the same values (key order aside) and the same
    /// is known of the preview and live trees.
    fn __eq__(&self, other: &Bound<'_, PyResourceTree>) -> bool {
        self.inner == other.get().inner
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_tree(py, &self.inner)
    }
}
