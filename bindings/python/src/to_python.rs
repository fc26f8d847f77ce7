//! `ToPython`: a core result made into its Python object once the GIL is held — what
//! every call, watch and release hands back to Python.

use pyo3::prelude::*;

/// A core result made into a Python object, with the GIL.
pub trait ToPython: Send + 'static {
    /// The Python object of the result.
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
}
