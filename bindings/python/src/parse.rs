//! `parse_offer_status(data, *, strict=False)`.

use cloudpartner::{ParseOptions, parse_offer_status_with};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::errors::IntoPyResult;
use crate::model::{PyOfferStatus, offer_status_to_py};

/// Documents larger than this are parsed with the GIL released.
const DETACH_ABOVE_BYTES: usize = 64 * 1024;

/// Parses an offer status document (`str`, `bytes` or `bytearray` of JSON).
///
/// Lenient by default: unknown enum values are kept as `UNKNOWN` with the raw text;
/// with `strict=True` they are a `ParseError`. Invalid JSON raises `ParseError` with
/// `line` and `column`.
#[pyfunction]
#[pyo3(signature = (data, *, strict = false))]
pub fn parse_offer_status<'py>(
    data: &Bound<'py, PyAny>,
    strict: bool,
) -> PyResult<Bound<'py, PyOfferStatus>> {
    let py = data.py();
    let options = ParseOptions { strict };
    let parsed = if let Ok(text) = data.cast::<PyString>() {
        parse(py, text.to_cow()?.as_bytes(), options)
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        parse(py, bytes.as_bytes(), options)
    } else if let Ok(array) = data.cast::<PyByteArray>() {
        parse(py, &array.to_vec(), options)
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse_offer_status() expects str or bytes, got {}",
            data.get_type().name()?
        )));
    };
    offer_status_to_py(py, parsed.into_py_result(py)?)
}

fn parse(
    py: Python<'_>,
    bytes: &[u8],
    options: ParseOptions,
) -> cloudpartner::Result<cloudpartner::OfferStatus> {
    if bytes.len() > DETACH_ABOVE_BYTES {
        py.detach(|| parse_offer_status_with(bytes, options))
    } else {
        parse_offer_status_with(bytes, options)
    }
}
