//! `ingestion.VmImageVersion`, `ingestion.VmImage` and `ingestion.DataDisk`: the image
//! versions of a VM technical configuration, immutable values around the core's.

use cloudpartner::ingestion::{DataDisk, LifecycleState, VmImage, VmImageVersion};
use cloudpartner::redact_sas;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::args;
use crate::ingestion::enums::{IngestionMembers, enum_text};
use crate::ingestion::pickling;
use crate::model::repr_quoted;

/// A data disk of an image: its LUN and its URL.
#[pyclass(frozen, eq, hash, module = "cloudpartner.ingestion", name = "DataDisk")]
#[derive(PartialEq, Eq, Hash, Clone)]
pub struct PyIngestionDataDisk {
    lun: u32,
    uri: String,
}

impl PyIngestionDataDisk {
    fn core(&self) -> DataDisk {
        DataDisk::new(self.lun, self.uri.clone())
    }
}

#[pymethods]
impl PyIngestionDataDisk {
    #[new]
    fn new(lun: u32, uri: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyIngestionDataDisk {
            lun,
            uri: args::string("uri", uri)?,
        })
    }

    /// The LUN (0..15).
    #[getter]
    fn lun(&self) -> u32 {
        self.lun
    }

    /// The disk's URL.
    #[getter]
    fn uri(&self) -> &str {
        &self.uri
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let shown = format!(
            "DataDisk(lun={}, uri={})",
            self.lun,
            repr_quoted(py, &self.uri)
        );
        redact_sas(&shown).into_owned()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let this = slf.get();
        (slf.get_type(), (this.lun, this.uri.clone())).into_pyobject(slf.py())
    }
}

/// A data disk argument: a `DataDisk` or a `(lun, uri)` pair.
pub fn data_disks_argument(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<DataDisk>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let mut disks = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        if let Ok(disk) = item.cast::<PyIngestionDataDisk>() {
            disks.push(disk.get().core());
        } else if let Ok((lun, uri)) = item.extract::<(u32, String)>() {
            disks.push(DataDisk::new(lun, uri));
        } else {
            return Err(args::wrong_type(
                "data_disks",
                "an iterable of DataDisk or (lun, uri) pairs",
                &item,
            ));
        }
    }
    Ok(disks)
}

/// One image of a version: its type (`x64Gen1`, `x64Gen2`, ...) and its source.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "VmImage")]
pub struct PyVmImage {
    pub inner: VmImage,
}

#[pymethods]
impl PyVmImage {
    /// An image of `image_type` from the URL of its OS disk (`sourceType` `sasUri`).
    #[new]
    #[pyo3(signature = (image_type, os_disk_uri, data_disks = None))]
    fn new(
        image_type: &Bound<'_, PyAny>,
        os_disk_uri: &Bound<'_, PyAny>,
        data_disks: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut inner = VmImage::sas_uri(
            args::string("image_type", image_type)?,
            args::string("os_disk_uri", os_disk_uri)?,
        );
        inner.data_disks = data_disks_argument(data_disks)?;
        Ok(PyVmImage { inner })
    }

    #[getter]
    fn image_type(&self) -> &str {
        &self.inner.image_type
    }

    #[getter]
    fn source_type(&self) -> &str {
        &self.inner.source_type
    }

    #[getter]
    fn os_disk_uri(&self) -> &str {
        &self.inner.os_disk_uri
    }

    #[getter]
    fn data_disks(&self) -> Vec<PyIngestionDataDisk> {
        self.inner
            .data_disks
            .iter()
            .map(|d| PyIngestionDataDisk {
                lun: d.lun,
                uri: d.uri.clone(),
            })
            .collect()
    }

    #[getter]
    fn shared_image_tenant_id(&self) -> &str {
        &self.inner.shared_image_tenant_id
    }

    #[getter]
    fn shared_image_resource_id(&self) -> &str {
        &self.inner.shared_image_resource_id
    }

    fn __eq__(&self, other: &Bound<'_, PyVmImage>) -> bool {
        self.inner == other.get().inner
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let shown = format!(
            "VmImage(image_type={}, source_type={}, os_disk_uri={}, data_disks={})",
            repr_quoted(py, &self.inner.image_type),
            repr_quoted(py, &self.inner.source_type),
            repr_quoted(py, &self.inner.os_disk_uri),
            self.inner.data_disks.len()
        );
        redact_sas(&shown).into_owned()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_image(py, &self.inner)
    }
}

/// One image version of a plan's technical configuration.
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "VmImageVersion")]
pub struct PyIngestionVmImageVersion {
    pub inner: VmImageVersion,
}

impl PyIngestionVmImageVersion {
    pub fn from_core(inner: VmImageVersion) -> Self {
        PyIngestionVmImageVersion { inner }
    }
}

#[pymethods]
impl PyIngestionVmImageVersion {
    /// A version (`N.N.N`) with its images; `lifecycle_state` a `LifecycleState` or
    /// its value (none: the service's default, generally available).
    #[new]
    #[pyo3(signature = (version_number, images = None, *, lifecycle_state = None))]
    fn new(
        version_number: &Bound<'_, PyAny>,
        images: Option<&Bound<'_, PyAny>>,
        lifecycle_state: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut list = Vec::new();
        if let Some(images) = images.filter(|i| !i.is_none()) {
            for item in images.try_iter()? {
                let item = item?;
                let image = item
                    .cast::<PyVmImage>()
                    .map_err(|_| args::wrong_type("images", "an iterable of VmImage", &item))?;
                list.push(image.get().inner.clone());
            }
        }
        let mut inner = VmImageVersion::new(args::string("version_number", version_number)?, list);
        if let Some(state) = lifecycle_state.filter(|s| !s.is_none()) {
            inner.lifecycle_state = Some(LifecycleState::from_wire(&enum_text(
                "lifecycle_state",
                state,
            )?));
        }
        Ok(PyIngestionVmImageVersion { inner })
    }

    #[getter]
    fn version_number(&self) -> &str {
        &self.inner.version_number
    }

    /// The `LifecycleState`, or `None` when the document has none.
    #[getter]
    fn lifecycle_state(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let members = IngestionMembers::get(py)?;
        Ok(self
            .inner
            .lifecycle_state
            .as_ref()
            .map(|s| members.lifecycle_state(py, s)))
    }

    #[getter]
    fn images(&self) -> Vec<PyVmImage> {
        self.inner
            .images
            .iter()
            .map(|i| PyVmImage { inner: i.clone() })
            .collect()
    }

    /// `{"date", "date_offset", "reason"}`, or `None`.
    #[getter]
    fn deprecation_schedule<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(s) = &self.inner.deprecation_schedule else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        dict.set_item("date", &s.date)?;
        dict.set_item("date_offset", &s.date_offset)?;
        dict.set_item("reason", &s.reason)?;
        Ok(Some(dict))
    }

    fn __eq__(&self, other: &Bound<'_, PyIngestionVmImageVersion>) -> bool {
        self.inner == other.get().inner
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let images: Vec<String> = self
            .inner
            .images
            .iter()
            .map(|i| PyVmImage { inner: i.clone() }.__repr__(py))
            .collect();
        let state = self
            .inner
            .lifecycle_state
            .as_ref()
            .map(|s| repr_quoted(py, s.as_wire()))
            .unwrap_or_else(|| "None".to_owned());
        let shown = format!(
            "VmImageVersion(version_number={}, lifecycle_state={state}, images=[{}])",
            repr_quoted(py, &self.inner.version_number),
            images.join(", ")
        );
        redact_sas(&shown).into_owned()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        pickling::reduce_version(py, &self.inner)
    }
}
