//! `VmImageVersion` and `DataDisk`: the core's image version of a plan, as immutable
//! Python values (build a changed one with `replace(...)`). `repr()` redacts `sig=`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use cloudpartner::{DataDisk, VmImageVersion, redact_sas};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyString, PyTuple};

use crate::args::{string, type_name, wrong_type};
use crate::errors::{IntoPyResult, invalid_argument};
use crate::model::repr_quoted;

/// A data disk of an image version: its LUN and its VHD (`{lun, lunVhdUrl}` on the wire).
#[pyclass(frozen, module = "cloudpartner", name = "DataDisk")]
#[derive(Clone)]
pub struct PyDataDisk {
    pub inner: DataDisk,
}

#[pymethods]
impl PyDataDisk {
    #[new]
    fn new(py: Python<'_>, lun: &Bound<'_, PyAny>, vhd_url: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyDataDisk {
            inner: DataDisk::new(lun_of(py, lun)?, string("vhd_url", vhd_url)?),
        })
    }

    /// The logical unit number.
    #[getter]
    fn lun(&self) -> u32 {
        self.inner.lun
    }

    /// The disk's VHD, an https URL (usually with a SAS token).
    #[getter]
    fn vhd_url(&self) -> &str {
        &self.inner.vhd_url
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        disk_repr(py, &self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyDataDisk>) -> bool {
        self.inner == other.get().inner
    }

    fn __hash__(&self) -> u64 {
        hash_of(&self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let disk = &slf.get().inner;
        (slf.get_type(), (disk.lun, disk.vhd_url.as_str())).into_pyobject(py)
    }
}

/// One version of a VM image in a plan: the OS disk, the data disks and how the
/// version is shown. Immutable; `replace(**changes)` gives a changed copy.
#[pyclass(frozen, module = "cloudpartner", name = "VmImageVersion")]
pub struct PyVmImageVersion {
    pub inner: VmImageVersion,
    data_disks: PyOnceLock<Py<PyTuple>>,
}

impl PyVmImageVersion {
    /// The Python object of a core image version.
    pub fn from_core(inner: VmImageVersion) -> PyVmImageVersion {
        PyVmImageVersion {
            inner,
            data_disks: PyOnceLock::new(),
        }
    }
}

#[pymethods]
impl PyVmImageVersion {
    #[new]
    #[pyo3(signature = (
        version, os_vhd_url, *, label = None, media_name = None, description = None,
        published_date = None, show_in_gui = None, data_disks = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        version: &Bound<'_, PyAny>,
        os_vhd_url: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
        media_name: Option<&Bound<'_, PyAny>>,
        description: Option<&Bound<'_, PyAny>>,
        published_date: Option<&Bound<'_, PyAny>>,
        show_in_gui: Option<&Bound<'_, PyAny>>,
        data_disks: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut image = VmImageVersion::new(
            string("version", version)?,
            string("os_vhd_url", os_vhd_url)?,
        );
        let fields = [
            ("label", label),
            ("media_name", media_name),
            ("description", description),
            ("published_date", published_date),
            ("show_in_gui", show_in_gui),
            ("data_disks", data_disks),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                set_field(&mut image, name, value)?;
            }
        }
        Ok(PyVmImageVersion::from_core(image))
    }

    /// The version: dot-separated integers (`"1.0.0"`, `"2026.12.01"`).
    #[getter]
    fn version(&self) -> &str {
        &self.inner.version
    }

    /// The OS disk's VHD, an https URL (usually with a SAS token).
    #[getter]
    fn os_vhd_url(&self) -> &str {
        &self.inner.os_vhd_url
    }

    /// The label shown for the version.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }

    /// The media name.
    #[getter]
    fn media_name(&self) -> &str {
        &self.inner.media_name
    }

    /// The description.
    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }

    /// When it was published, `MM/DD/YYYY`, or `""` (today's date when added to a plan).
    #[getter]
    fn published_date(&self) -> &str {
        &self.inner.published_date
    }

    /// Whether new deployments are offered the version; `False` once deprecated.
    #[getter]
    fn show_in_gui(&self) -> bool {
        self.inner.show_in_gui
    }

    /// The data disks, a tuple of `DataDisk`.
    #[getter]
    fn data_disks(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        self.data_disks
            .get_or_try_init(py, || {
                let disks = self
                    .inner
                    .data_disks
                    .iter()
                    .map(|d| Py::new(py, PyDataDisk { inner: d.clone() }))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok::<_, PyErr>(PyTuple::new(py, disks)?.unbind())
            })
            .map(|t| t.clone_ref(py))
    }

    /// A copy with the fields given changed: `image.replace(label="Ubuntu 24.04")`.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut image = self.inner.clone();
        if let Some(changes) = changes {
            for (name, value) in changes.iter() {
                let name: String = name.extract()?;
                match name.as_str() {
                    "version" => image.version = string("version", &value)?,
                    "os_vhd_url" => image.os_vhd_url = string("os_vhd_url", &value)?,
                    other => set_field(&mut image, other, &value)?,
                }
            }
        }
        Ok(PyVmImageVersion::from_core(image))
    }

    /// Checks it as `Offer.set_vm_image_version` will: the version is dot-separated
    /// integers, the URLs are https, the LUNs distinct, the date `MM/DD/YYYY` or empty.
    /// Raises `InvalidArgumentError` (the URLs in its message redacted).
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.inner.validate().into_py_result(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let image = &self.inner;
        let disks: Vec<String> = image.data_disks.iter().map(|d| disk_repr(py, d)).collect();
        let disks = match disks.len() {
            0 => "()".to_owned(),
            1 => format!("({},)", disks[0]),
            _ => format!("({})", disks.join(", ")),
        };
        let shown = format!(
            "VmImageVersion(version={}, os_vhd_url={}, label={}, media_name={}, description={}, \
             published_date={}, show_in_gui={}, data_disks={disks})",
            repr_quoted(py, &image.version),
            repr_quoted(py, &image.os_vhd_url),
            repr_quoted(py, &image.label),
            repr_quoted(py, &image.media_name),
            repr_quoted(py, &image.description),
            repr_quoted(py, &image.published_date),
            if image.show_in_gui { "True" } else { "False" },
        );
        redact_sas(&shown).into_owned()
    }

    fn __eq__(&self, other: &Bound<'_, PyVmImageVersion>) -> bool {
        self.inner == other.get().inner
    }

    fn __hash__(&self) -> u64 {
        hash_of(&self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let image = &slf.get().inner;
        let keywords = PyDict::new(py);
        keywords.set_item("version", &image.version)?;
        keywords.set_item("os_vhd_url", &image.os_vhd_url)?;
        keywords.set_item("label", &image.label)?;
        keywords.set_item("media_name", &image.media_name)?;
        keywords.set_item("description", &image.description)?;
        keywords.set_item("published_date", &image.published_date)?;
        keywords.set_item("show_in_gui", image.show_in_gui)?;
        keywords.set_item("data_disks", slf.get().data_disks(py)?)?;
        let construct = py.import("cloudpartner._native")?.getattr("_construct")?;
        (construct, (slf.get_type(), keywords)).into_pyobject(py)
    }
}

/// `cls(**keywords)`: how `VmImageVersion` objects are unpickled.
#[pyfunction]
#[pyo3(name = "_construct")]
pub fn construct<'py>(
    cls: &Bound<'py, PyAny>,
    keywords: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    cls.call((), Some(keywords))
}

/// An image version from `version`, `os_vhd_url` and the named optional fields (those
/// of the constructor); `None` keeps a field's default.
pub fn image_from_parts<const N: usize>(
    version: &Bound<'_, PyAny>,
    os_vhd_url: &Bound<'_, PyAny>,
    fields: [(&str, Option<&Bound<'_, PyAny>>); N],
) -> PyResult<VmImageVersion> {
    let mut image = VmImageVersion::new(
        string("version", version)?,
        string("os_vhd_url", os_vhd_url)?,
    );
    for (name, value) in fields {
        if let Some(value) = value.filter(|v| !v.is_none()) {
            set_field(&mut image, name, value)?;
        }
    }
    Ok(image)
}

fn set_field(image: &mut VmImageVersion, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    match name {
        "label" => image.label = string(name, value)?,
        "media_name" => image.media_name = string(name, value)?,
        "description" => image.description = string(name, value)?,
        "published_date" => image.published_date = string(name, value)?,
        "show_in_gui" => {
            image.show_in_gui = value
                .cast::<PyBool>()
                .map_err(|_| wrong_type(name, "bool", value))?
                .is_true();
        }
        "data_disks" => image.data_disks = data_disks_of(value)?,
        other => {
            return Err(PyTypeError::new_err(format!(
                "VmImageVersion has no field `{other}`"
            )));
        }
    }
    Ok(())
}

fn data_disks_of(value: &Bound<'_, PyAny>) -> PyResult<Vec<DataDisk>> {
    let expected = "an iterable of DataDisk";
    if value.is_instance_of::<PyString>() {
        return Err(wrong_type("data_disks", expected, value));
    }
    let items = value
        .try_iter()
        .map_err(|_| wrong_type("data_disks", expected, value))?;
    items
        .map(|item| {
            let item = item?;
            match item.cast::<PyDataDisk>() {
                Ok(disk) => Ok(disk.get().inner.clone()),
                Err(_) => Err(PyTypeError::new_err(format!(
                    "data_disks must be {expected}, got an item of type {}",
                    type_name(&item)
                ))),
            }
        })
        .collect()
}

fn lun_of(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<u32> {
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
        return Err(wrong_type("lun", "int", value));
    }
    let lun: i128 = value.extract()?;
    u32::try_from(lun)
        .map_err(|_| invalid_argument(py, format!("lun must be 0 to {}, got {lun}", u32::MAX)))
}

fn disk_repr(py: Python<'_>, disk: &DataDisk) -> String {
    redact_sas(&format!(
        "DataDisk(lun={}, vhd_url={})",
        disk.lun,
        repr_quoted(py, &disk.vhd_url)
    ))
    .into_owned()
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
