//! Results of the core made into Python objects with the GIL that the caller (or the
//! completion of an awaitable) already holds: a status, a batch, a watch step.

use cloudpartner::OfferStatus;
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{exception, to_py_err};
use crate::model::offer_status_to_py;
use crate::to_python::ToPython;

/// One fetched status: the `OfferStatus`, or the exception raised.
pub struct Fetched(pub cloudpartner::Result<OfferStatus>);

impl<'py> IntoPyObject<'py> for Fetched {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(status) => Ok(offer_status_to_py(py, status)?.into_any()),
            Err(error) => Err(to_py_err(py, &error)),
        }
    }
}

/// The statuses of several offers: a `dict` from offer id to its `OfferStatus` or its
/// `CloudPartnerError` (not raised), in the order asked.
pub struct Batch(pub Vec<(String, cloudpartner::Result<OfferStatus>)>);

impl<'py> IntoPyObject<'py> for Batch {
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (offer_id, result) in self.0 {
            let value = match result {
                Ok(status) => offer_status_to_py(py, status)?.into_any(),
                Err(error) => exception(py, &error)?,
            };
            dict.set_item(offer_id, value)?;
        }
        Ok(dict)
    }
}

/// The next item of an async watch; its end is `StopAsyncIteration`.
pub struct AsyncWatchStep<T>(pub Option<cloudpartner::Result<T>>);

impl<'py, T: ToPython> IntoPyObject<'py> for AsyncWatchStep<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Some(Ok(item)) => item.to_python(py),
            Some(Err(error)) => Err(to_py_err(py, &error)),
            None => Err(PyStopAsyncIteration::new_err(())),
        }
    }
}
