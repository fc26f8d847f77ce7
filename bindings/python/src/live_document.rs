//! The lossless document class shared by `Offer` and the Product Ingestion `Resource`
//! and `Product` (DESIGN §9, §11): a core document of which one part (an offer's
//! `definition`, a resource's whole document) becomes a real Python `dict` once it is
//! read. Edits made to that dict are what the document is from then on (`current`);
//! a core helper run with `edit` sees them and its change is written back into the
//! same dict (and the same nested dicts and lists), key order kept.
//!
//! Until the part is first read it stays in the core document only (listing builds no
//! dicts).

use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::PyDict;
use pyo3::{PyTraverseError, PyVisit};
use serde_json::{Map, Value};

use crate::errors::IntoPyResult;
use crate::json_value::{from_python, map_to_python, to_python, update_dict};

/// A core document with a part that Python may hold.
pub trait LosslessParts: Clone {
    /// How the part is named in errors (`"offer.definition"`).
    const PART: &'static str;
    /// Takes the part out (what stays in the document is stale until `put_part`); an
    /// absent part is an empty object.
    fn take_part(&mut self) -> Value;
    /// Puts the part back (a document without one gets one only when it is not empty).
    fn put_part(&mut self, part: Value);
}

struct Held<D> {
    /// The document; while `part` is `Some`, its part is stale and Python holds it.
    frame: D,
    part: Option<Py<PyAny>>,
}

/// A document whose part is a Python object once read.
pub struct LiveDocument<D> {
    held: Mutex<Held<D>>,
}

impl<D: LosslessParts> LiveDocument<D> {
    /// The document, its part still in the core.
    pub fn new(frame: D) -> LiveDocument<D> {
        LiveDocument {
            held: Mutex::new(Held { frame, part: None }),
        }
    }

    fn held<'a>(&'a self, py: Python<'_>) -> MutexGuard<'a, Held<D>> {
        self.held
            .lock_py_attached(py)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The document as it is now, the part's Python edits included.
    pub fn current(&self, py: Python<'_>) -> PyResult<D> {
        current_of(py, &self.held(py))
    }

    /// A value read from what stays in the core (never the part).
    pub fn frame<T>(&self, py: Python<'_>, read: impl FnOnce(&D) -> T) -> T {
        read(&self.held(py).frame)
    }

    /// A value read from the document as it is now.
    pub fn read<T>(&self, py: Python<'_>, read: impl FnOnce(&D) -> T) -> PyResult<T> {
        let held = self.held(py);
        if held.part.is_none() {
            return Ok(read(&held.frame));
        }
        Ok(read(&current_of(py, &held)?))
    }

    /// Runs `edit` (a core helper) on the document as it is now; when it succeeds, the
    /// change is kept: the part is written back into the same Python objects.
    pub fn edit<T>(
        &self,
        py: Python<'_>,
        edit: impl FnOnce(&mut D) -> cloudpartner::Result<T>,
    ) -> PyResult<T> {
        let mut held = self.held(py);
        let Some(part) = held.part.as_ref().map(|d| d.clone_ref(py)) else {
            return edit(&mut held.frame).into_py_result(py);
        };
        let mut document = current_of(py, &held)?;
        let answer = edit(&mut document).into_py_result(py)?;
        let part = part.into_bound(py);
        let new = document.take_part();
        match (part.cast::<PyDict>(), &new) {
            (Ok(dict), Value::Object(map)) => update_dict(dict, map)?,
            _ => held.part = Some(to_python(py, &new)?.unbind()),
        }
        held.frame = document;
        Ok(answer)
    }

    /// The part, a Python object held by the document (made on first use).
    pub fn part(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut held = self.held(py);
        if let Some(part) = &held.part {
            return Ok(part.clone_ref(py));
        }
        let value = held.frame.take_part();
        let object = match &value {
            Value::Object(map) => map_to_python(py, map)?.into_any(),
            other => to_python(py, other)?,
        };
        held.part = Some(object.clone().unbind());
        Ok(object.unbind())
    }

    /// Makes `part` (a `dict`) the part.
    pub fn set_part(&self, py: Python<'_>, part: &Bound<'_, PyAny>) -> PyResult<()> {
        if !part.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!(
                "{} must be a dict, got {}",
                D::PART,
                part.get_type().name()?
            )));
        }
        let mut held = self.held(py);
        if held.part.is_none() {
            held.frame.take_part();
        }
        held.part = Some(part.clone().unbind());
        Ok(())
    }

    /// Lets the garbage collector see the part (it may hold the document's owner).
    pub fn traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        if let Ok(held) = self.held.try_lock() {
            if let Some(part) = &held.part {
                visit.call(part)?;
            }
        }
        Ok(())
    }

    /// Drops the part (garbage collection of a cycle).
    pub fn clear(&self) {
        if let Ok(mut held) = self.held.try_lock() {
            held.part = None;
        }
    }
}

fn current_of<D: LosslessParts>(py: Python<'_>, held: &Held<D>) -> PyResult<D> {
    let mut document = held.frame.clone();
    if let Some(part) = &held.part {
        document.put_part(from_python(D::PART, part.bind(py))?);
    }
    Ok(document)
}

/// Takes a whole JSON object out, as the part.
pub fn take_map(map: &mut Map<String, Value>) -> Value {
    Value::Object(std::mem::take(map))
}
