//! `Resource` and `Product`: a Product Ingestion resource is the shared lossless
//! document class (`crate::live_document`) whose part is the whole document: its
//! `definition` is a real Python `dict`, edited in place, and what `configure` sends
//! is the resource as it is now. `Product` is a `Resource` with a product's fields.

use cloudpartner::ingestion::{Product, Resource};
use cloudpartner::redact_sas;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::{PyTraverseError, PyVisit};
use serde_json::Value;

use crate::errors::IntoPyResult;
use crate::ingestion::enums::IngestionMembers;
use crate::json_value::{map_from_python, map_to_python};
use crate::live_document::{LiveDocument, LosslessParts, take_map};
use crate::model::repr_quoted;
use crate::offer::json_bytes;

impl LosslessParts for Resource {
    const PART: &'static str = "resource.definition";

    fn take_part(&mut self) -> Value {
        take_map(self.definition_mut())
    }

    fn put_part(&mut self, part: Value) {
        if let Value::Object(map) = part {
            *self.definition_mut() = map;
        }
    }
}

/// A resource of the Product Ingestion API (`product`, `plan`, `listing`,
/// `virtual-machine-plan-technical-configuration`, ...): the whole document as sent.
#[pyclass(frozen, subclass, module = "cloudpartner.ingestion", name = "Resource")]
pub struct PyResource {
    document: LiveDocument<Resource>,
}

/// A product (an offer): a `Resource` of type `product`.
#[pyclass(frozen, extends = PyResource, module = "cloudpartner.ingestion", name = "Product")]
pub struct PyProduct {}

impl PyResource {
    /// The resource as it is now, its definition's edits included.
    pub fn current(&self, py: Python<'_>) -> PyResult<Resource> {
        self.document.current(py)
    }

    fn read<T>(&self, py: Python<'_>, read: impl FnOnce(&Resource) -> T) -> PyResult<T> {
        self.document.read(py, read)
    }
}

/// The Python object of a resource: a `Product` for a product, else a `Resource`.
pub fn resource_to_py(py: Python<'_>, resource: Resource) -> PyResult<Py<PyAny>> {
    let is_product = resource.resource_type() == "product";
    let base = PyResource {
        document: LiveDocument::new(resource),
    };
    if is_product {
        let init = PyClassInitializer::from(base).add_subclass(PyProduct {});
        Ok(Py::new(py, init)?.into_any())
    } else {
        Ok(Py::new(py, base)?.into_any())
    }
}

/// The Python object of a product.
pub fn product_to_py(py: Python<'_>, product: Product) -> PyResult<Py<PyAny>> {
    resource_to_py(py, product.resource().clone())
}

/// A `list` of resources.
pub fn resource_list(py: Python<'_>, resources: Vec<Resource>) -> PyResult<Bound<'_, PyList>> {
    let objects = resources
        .into_iter()
        .map(|r| resource_to_py(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// A `list` of products.
pub fn product_list(py: Python<'_>, products: Vec<Product>) -> PyResult<Bound<'_, PyList>> {
    let objects = products
        .into_iter()
        .map(|p| product_to_py(py, p))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// A product argument: a `Product` (or a product `Resource`), an offer id or a
/// durable id `product/<guid>`.
pub enum ProductArg {
    Product(Product),
    Id(String),
}

impl ProductArg {
    /// The core's way of naming it.
    pub fn as_ref(&self) -> cloudpartner::ingestion::ProductRef<'_> {
        match self {
            ProductArg::Product(p) => p.into(),
            ProductArg::Id(id) => id.as_str().into(),
        }
    }
}

/// `from_py_with` for a product argument.
pub fn product_argument(value: &Bound<'_, PyAny>) -> PyResult<ProductArg> {
    if let Ok(resource) = value.cast::<PyResource>() {
        let resource = resource.get().current(value.py())?;
        return Ok(ProductArg::Product(Product::from_resource(resource)));
    }
    match value.cast::<PyString>() {
        Ok(text) => Ok(ProductArg::Id(text.to_cow()?.into_owned())),
        Err(_) => Err(PyTypeError::new_err(format!(
            "product must be a Product, an offer id or a durable id (str), got {}",
            value.get_type().name()?
        ))),
    }
}

/// Parses one resource (JSON text or bytes), losslessly.
#[pyfunction]
pub fn parse_resource(data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let py = data.py();
    let bytes = json_bytes("parse_resource", data)?;
    let resource = Resource::parse(&bytes).into_py_result(py)?;
    resource_to_py(py, resource)
}

/// How a pickled `Resource` or `Product` is rebuilt: its lossless JSON.
#[pyfunction]
#[pyo3(name = "_unpickle_resource")]
pub fn unpickle_resource(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    let resource = Resource::parse(json.as_bytes()).into_py_result(py)?;
    resource_to_py(py, resource)
}

#[pymethods]
impl PyResource {
    /// A resource from a document (a `dict`, copied), e.g. a new one to `configure`.
    #[new]
    fn new(document: &Bound<'_, PyAny>) -> PyResult<PyResource> {
        let document = map_from_python("document", document)?;
        Ok(PyResource {
            document: LiveDocument::new(Resource::from_document(document)),
        })
    }

    /// Its durable id (`plan/<guid>/<guid>`); `""` when it has none yet.
    #[getter]
    fn id(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |r| r.id().to_owned())
    }

    /// Its `$schema` URI.
    #[getter]
    fn schema(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |r| r.schema().to_owned())
    }

    /// The resource type its `$schema` names (`product`, `plan`, ...).
    #[getter(r#type)]
    fn resource_type(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |r| r.resource_type().to_owned())
    }

    /// `identity.externalId` (a product's offer id, a plan's plan id); `""` when absent.
    #[getter]
    fn external_id(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |r| r.external_id().to_owned())
    }

    /// The whole document, a `dict` held by the resource: edit it in place, and what
    /// `configure` sends is the resource with those edits.
    #[getter]
    fn definition(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.document.part(py)
    }

    #[setter]
    fn set_definition(&self, py: Python<'_>, definition: &Bound<'_, PyAny>) -> PyResult<()> {
        self.document.set_part(py, definition)
    }

    /// The document as compact JSON, losslessly (every field in order, numbers exact,
    /// SAS signatures included): what `configure` sends.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, Resource::to_json)
    }

    /// The document as a new `dict` (a copy).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        map_to_python(py, self.current(py)?.definition())
    }

    fn __repr__(slf: &Bound<'_, Self>) -> String {
        let py = slf.py();
        let name = if slf.is_instance_of::<PyProduct>() {
            "Product"
        } else {
            "Resource"
        };
        let shown = match slf.get().current(py) {
            Ok(r) => format!(
                "{name}(type={}, id={}, external_id={})",
                repr_quoted(py, r.resource_type()),
                repr_quoted(py, r.id()),
                repr_quoted(py, r.external_id())
            ),
            Err(error) => format!("{name}(definition=<not JSON: {error}>)"),
        };
        redact_sas(&shown).into_owned()
    }

    /// Equal when the documents hold the same values (key order aside).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyResource>) -> PyResult<bool> {
        if std::ptr::eq(self, other.get()) {
            return Ok(true);
        }
        Ok(self.current(py)? == other.get().current(py)?)
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.document.traverse(&visit)
    }

    fn __clear__(&self) {
        self.document.clear();
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let json = self.current(py)?.to_json();
        let unpickle = py
            .import("cloudpartner._native")?
            .getattr("_unpickle_resource")?;
        (unpickle, (json,)).into_pyobject(py)
    }
}

fn product_of(slf: &Bound<'_, PyProduct>) -> PyResult<Product> {
    let resource = slf.as_super().get().current(slf.py())?;
    Ok(Product::from_resource(resource))
}

#[pymethods]
impl PyProduct {
    /// Its GUID (the durable id without `product/`).
    #[getter]
    fn guid(slf: &Bound<'_, Self>) -> PyResult<String> {
        Ok(product_of(slf)?.guid().to_owned())
    }

    /// Its name in Partner Center.
    #[getter]
    fn alias(slf: &Bound<'_, Self>) -> PyResult<String> {
        Ok(product_of(slf)?.alias().to_owned())
    }

    /// Its product type (`azureVirtualMachine`, ...).
    #[getter]
    fn product_type(slf: &Bound<'_, Self>) -> PyResult<String> {
        Ok(product_of(slf)?.product_type().to_owned())
    }

    /// Its `LifecycleState` (generally available when absent).
    #[getter]
    fn lifecycle_state(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let state = product_of(slf)?.lifecycle_state();
        Ok(IngestionMembers::get(py)?.lifecycle_state(py, &state))
    }
}
