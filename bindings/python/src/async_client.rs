//! `AsyncClient`'s native half: the methods of `Client` (the table of
//! [`crate::client_methods`]) run with `awaitable`, returning awaitables that run on the
//! shared tokio runtime. `cloudpartner.AsyncClient` (Python) wraps it and makes them
//! coroutines.

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
use crate::watch::PyAsyncWatch;
use crate::watch_options::watch_options;

/// A client of the Cloud Partner Portal API for asyncio.
#[pyclass(frozen, module = "cloudpartner._native", name = "AsyncClient")]
pub struct PyAsyncClient {
    inner: cloudpartner::Client,
}

impl PyAsyncClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::Client) -> PyAsyncClient {
        PyAsyncClient { inner }
    }
}

client_methods!(PyAsyncClient, "AsyncClient", awaitable, PyAsyncWatch);
