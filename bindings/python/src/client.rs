//! `Client`: the blocking client. Each call runs on the shared runtime with the GIL
//! released, and Ctrl-C interrupts it. Its methods are the table of
//! [`crate::client_methods`], run with `blocking`.

use pyo3::prelude::*;

use cloudpartner::OperationState;

use crate::args;
use crate::client_methods::client_methods;
use crate::client_options::ClientArgs;
use crate::errors::IntoPyResult;
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::publishing;
use crate::release::{ReleaseArgs, ReleaseCall};
use crate::watch::PyWatch;
use crate::watch_options::watch_options;

/// A client of the Cloud Partner Portal API whose calls block (and release the GIL).
#[pyclass(frozen, module = "cloudpartner", name = "Client")]
pub struct PyClient {
    inner: cloudpartner::Client,
}

impl PyClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::Client) -> PyClient {
        PyClient { inner }
    }
}

client_methods!(PyClient, "Client", blocking, PyWatch);
