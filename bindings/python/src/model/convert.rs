//! Makes the Python object of a parsed status: the `OfferStatus` alone; its steps,
//! messages and links are made when first read.

use std::sync::Arc;

use cloudpartner::OfferStatus;
use pyo3::prelude::*;

use super::offer_status::PyOfferStatus;

/// The `OfferStatus` object for `status`.
pub fn offer_status_to_py(
    py: Python<'_>,
    status: OfferStatus,
) -> PyResult<Bound<'_, PyOfferStatus>> {
    Bound::new(py, PyOfferStatus::build(py, Arc::new(status))?)
}
