//! `Offer`: the core's lossless offer document, whose `definition` is a real Python
//! `dict` held by the offer. Edits made to that dict are what `to_json()` gives and what
//! `put_offer` sends; the image helpers run the core's helper on the offer as it is now
//! and write the changed definition back into the same dict (and the same nested
//! dicts and lists), key order kept.
//!
//! Until `definition` is first read, the definition stays in the core document only
//! (listing offers builds no dicts).

use std::borrow::Cow;

use cloudpartner::{Offer, redact_sas};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};
use pyo3::{PyTraverseError, PyVisit};
use serde_json::Value;

use crate::errors::IntoPyResult;
use crate::json_value::{map_from_python, map_to_python};
use crate::live_document::{LiveDocument, LosslessParts};
use crate::model::repr_quoted;
use crate::vm_image::PyVmImageVersion;

const DEFINITION: &str = "definition";

impl LosslessParts for Offer {
    const PART: &'static str = "offer.definition";

    fn take_part(&mut self) -> Value {
        match self.document_mut().get_mut(DEFINITION) {
            Some(value) => std::mem::take(value),
            None => Value::Object(serde_json::Map::new()),
        }
    }

    fn put_part(&mut self, part: Value) {
        let unused = part.as_object().is_some_and(serde_json::Map::is_empty);
        if !unused || self.document().contains_key(DEFINITION) {
            *self.definition_mut() = part;
        }
    }
}

/// An offer: the whole document as the service sent it (every field, in order), its
/// ETag, and helpers for its VM image versions.
#[pyclass(frozen, module = "cloudpartner", name = "Offer")]
pub struct PyOffer {
    document: LiveDocument<Offer>,
}

impl PyOffer {
    /// The Python object of a core offer.
    pub fn from_core(offer: Offer) -> PyOffer {
        PyOffer {
            document: LiveDocument::new(offer),
        }
    }

    /// The offer as it is now: its document with the definition's current content.
    pub fn current(&self, py: Python<'_>) -> PyResult<Offer> {
        self.document.current(py)
    }

    fn edit<T>(
        &self,
        py: Python<'_>,
        edit: impl FnOnce(&mut Offer) -> cloudpartner::Result<T>,
    ) -> PyResult<T> {
        self.document.edit(py, edit)
    }

    fn read<T>(&self, py: Python<'_>, read: impl FnOnce(&Offer) -> T) -> PyResult<T> {
        self.document.read(py, read)
    }
}

/// The JSON text or bytes of a `parse_*` function's argument.
pub fn json_bytes<'a>(function: &str, data: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(text) = data.cast::<PyString>() {
        Ok(match text.to_cow()? {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        })
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        Ok(Cow::Borrowed(bytes.as_bytes()))
    } else if let Ok(array) = data.cast::<PyByteArray>() {
        Ok(Cow::Owned(array.to_vec()))
    } else {
        Err(PyTypeError::new_err(format!(
            "{function}() expects str or bytes, got {}",
            data.get_type().name()?
        )))
    }
}

/// Parses an offer document (JSON text or bytes), losslessly. Invalid JSON raises
/// `ParseError` with `line` and `column`.
#[pyfunction]
pub fn parse_offer(data: &Bound<'_, PyAny>) -> PyResult<PyOffer> {
    let py = data.py();
    let bytes = json_bytes("parse_offer", data)?;
    let offer = cloudpartner::parse_offer(&bytes).into_py_result(py)?;
    Ok(PyOffer::from_core(offer))
}

/// Parses a list of offers (`GET /api/publishers/{p}/offers`).
#[pyfunction]
pub fn parse_offers<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = data.py();
    let bytes = json_bytes("parse_offers", data)?;
    let offers = cloudpartner::parse_offers(&bytes).into_py_result(py)?;
    offer_list(py, offers)
}

/// A `list` of `Offer`s.
pub fn offer_list(py: Python<'_>, offers: Vec<Offer>) -> PyResult<Bound<'_, PyList>> {
    let objects = offers
        .into_iter()
        .map(|offer| Py::new(py, PyOffer::from_core(offer)))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// How a pickled `Offer` is rebuilt: its lossless JSON and its ETag.
#[pyfunction]
#[pyo3(name = "_unpickle_offer")]
pub fn unpickle_offer(py: Python<'_>, json: &str, etag: Option<String>) -> PyResult<PyOffer> {
    let mut offer = cloudpartner::parse_offer(json.as_bytes()).into_py_result(py)?;
    offer.set_etag(etag);
    Ok(PyOffer::from_core(offer))
}

#[pymethods]
impl PyOffer {
    /// An offer from a document (a `dict`, copied), e.g. to create one with
    /// `put_offer(offer, create=True)`.
    #[new]
    #[pyo3(signature = (document, *, etag = None))]
    fn new(document: &Bound<'_, PyAny>, etag: Option<String>) -> PyResult<PyOffer> {
        let document = map_from_python("document", document)?;
        let mut offer = Offer::from_document(document);
        offer.set_etag(etag);
        Ok(PyOffer::from_core(offer))
    }

    /// The offer's id (`id`).
    #[getter]
    fn id(&self, py: Python<'_>) -> String {
        self.document.frame(py, |o| o.id().to_owned())
    }

    /// The publisher's id (`publisherId`).
    #[getter]
    fn publisher_id(&self, py: Python<'_>) -> String {
        self.document.frame(py, |o| o.publisher_id().to_owned())
    }

    /// The offer type (`offerTypeId`: `"microsoft-azure-virtualmachines"`, ...).
    #[getter]
    fn offer_type_id(&self, py: Python<'_>) -> String {
        self.document.frame(py, |o| o.offer_type_id().to_owned())
    }

    /// The offer's status as sent (`"neverPublished"`, `"published"`, ...).
    #[getter]
    fn status(&self, py: Python<'_>) -> String {
        self.document.frame(py, |o| o.status().to_owned())
    }

    /// The offer's version (`version`); 0 when absent.
    #[getter]
    fn version(&self, py: Python<'_>) -> i64 {
        self.document.frame(py, Offer::version)
    }

    /// When the offer last changed (`changedTime`), an aware UTC `datetime`, or `None`.
    #[getter]
    fn changed_time<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let changed = self.document.frame(py, Offer::changed_time);
        changed
            .map(|t| t.into_pyobject(py).map(Bound::into_any))
            .transpose()
    }

    /// The ETag the offer was read with, or `None` (the service often sends none).
    #[getter]
    fn etag(&self, py: Python<'_>) -> Option<String> {
        self.document.frame(py, |o| o.etag().map(str::to_owned))
    }

    /// The offer's display name (`definition["displayText"]`).
    #[getter]
    fn display_text(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |offer| offer.display_text().to_owned())
    }

    /// The definition, a `dict` held by the offer: edit it in place, and what
    /// `put_offer` sends is the offer with those edits. A document without one gets an
    /// empty dict (written only once something is put in it).
    #[getter]
    fn definition(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.document.part(py)
    }

    #[setter]
    fn set_definition(&self, py: Python<'_>, definition: &Bound<'_, PyAny>) -> PyResult<()> {
        self.document.set_part(py, definition)
    }

    /// The ids of the plans and of their disk generations, in document order.
    #[getter]
    fn plan_ids(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.read(py, |offer| {
            offer.plan_ids().into_iter().map(str::to_owned).collect()
        })
    }

    /// The key under which a plan (or disk generation) keeps its image versions.
    fn images_key(&self, py: Python<'_>, plan_id: &str) -> PyResult<&'static str> {
        self.read(py, |offer| offer.images_key(plan_id))?
            .into_py_result(py)
    }

    /// The image versions of a plan or disk generation, sorted by version; an unknown
    /// plan is an `InvalidArgumentError` naming the plans there are.
    fn vm_image_versions(&self, py: Python<'_>, plan_id: &str) -> PyResult<Vec<PyVmImageVersion>> {
        let images = self
            .read(py, |offer| offer.vm_image_versions(plan_id))?
            .into_py_result(py)?;
        Ok(images
            .into_iter()
            .map(PyVmImageVersion::from_core)
            .collect())
    }

    /// Adds an image version to a plan (or disk generation), or replaces the one with the
    /// same version, keeping the fields of that entry the image does not set. Edits
    /// `definition` in place; checks the image first (`VmImageVersion.validate`).
    fn set_vm_image_version(
        &self,
        py: Python<'_>,
        plan_id: &str,
        image: &Bound<'_, PyVmImageVersion>,
    ) -> PyResult<()> {
        let image = image.get().inner.clone();
        self.edit(py, |offer| offer.set_vm_image_version(plan_id, &image))
    }

    /// Removes an image version from a plan and returns it; its last version only with
    /// `force=True`. Edits `definition` in place.
    #[pyo3(signature = (plan_id, version, *, force = false))]
    fn remove_vm_image_version(
        &self,
        py: Python<'_>,
        plan_id: &str,
        version: &str,
        force: bool,
    ) -> PyResult<PyVmImageVersion> {
        let removed = self.edit(py, |offer| {
            offer.remove_vm_image_version(plan_id, version, force)
        })?;
        Ok(PyVmImageVersion::from_core(removed))
    }

    /// Deprecates an image version (`showInGui: false`). Edits `definition` in place.
    fn deprecate_vm_image_version(
        &self,
        py: Python<'_>,
        plan_id: &str,
        version: &str,
    ) -> PyResult<()> {
        self.edit(py, |offer| {
            offer.deprecate_vm_image_version(plan_id, version)
        })
    }

    /// The document as compact JSON, losslessly (every field, in order, with its real
    /// values, SAS signatures included): what `put_offer` sends.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, Offer::to_json)
    }

    /// The document as a new `dict` (a copy; edit `definition` to change the offer).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let offer = self.current(py)?;
        map_to_python(py, offer.document())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let definition = match self.current(py) {
            Ok(offer) => {
                let plans: Vec<String> = offer
                    .plan_ids()
                    .into_iter()
                    .map(|p| repr_quoted(py, p))
                    .collect();
                format!(
                    "display_text={}, plan_ids=[{}]",
                    repr_quoted(py, offer.display_text()),
                    plans.join(", ")
                )
            }
            Err(error) => format!("definition=<not JSON: {error}>"),
        };
        let shown = self.document.frame(py, |frame| {
            let etag = match frame.etag() {
                Some(etag) => repr_quoted(py, etag),
                None => "None".to_owned(),
            };
            format!(
                "Offer(id={}, publisher_id={}, offer_type_id={}, status={}, version={}, \
                 etag={etag}, {definition})",
                repr_quoted(py, frame.id()),
                repr_quoted(py, frame.publisher_id()),
                repr_quoted(py, frame.offer_type_id()),
                repr_quoted(py, frame.status()),
                frame.version(),
            )
        });
        redact_sas(&shown).into_owned()
    }

    /// Equal when the documents hold the same values (key order aside) and the ETags
    /// are the same.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyOffer>) -> PyResult<bool> {
        if std::ptr::eq(self, other.get()) {
            return Ok(true);
        }
        Ok(self.current(py)? == other.get().current(py)?)
    }

    // The definition may hold the offer itself: let the garbage collector see it.
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.document.traverse(&visit)
    }

    fn __clear__(&self) {
        self.document.clear();
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let offer = self.current(py)?;
        let unpickle = py
            .import("cloudpartner._native")?
            .getattr("_unpickle_offer")?;
        (unpickle, (offer.to_json(), offer.etag().map(str::to_owned))).into_pyobject(py)
    }
}

/// `from_python` for the `offer` argument of `put_offer`: the `Offer` as it is now.
pub fn offer_argument(offer: &Bound<'_, PyAny>) -> PyResult<Offer> {
    match offer.cast::<PyOffer>() {
        Ok(offer) => offer.get().current(offer.py()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "offer must be an Offer, got {}",
            offer.get_type().name()?
        ))),
    }
}
