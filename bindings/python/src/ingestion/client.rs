//! `IngestionClient` (blocking, GIL released, Ctrl-C heard) and the native half of
//! `AsyncIngestionClient` (awaitables): the table of `ingestion::client_methods`, run
//! with `blocking` and with `awaitable`.

use cloudpartner::ingestion::{Resource, Target};
use pyo3::prelude::*;

use crate::args;
use crate::client_options::ClientArgs;
use crate::errors::IntoPyResult;
use crate::ingestion::calls;
use crate::ingestion::client_methods::ingestion_client_methods;
use crate::ingestion::release::{IngestionReleaseArgs, IngestionReleaseCall};
use crate::ingestion::resource::{ProductArg, product_argument};
use crate::ingestion::resources_argument::resources_argument;
use crate::logging::refresh_levels;
use crate::model::repr_quoted;
use crate::watch::watch_classes;
use crate::watch_options::watch_options;

watch_classes!(
    PyProductWatch,
    "ProductWatch",
    PyAsyncProductWatch,
    "AsyncProductWatch",
    "cloudpartner.ingestion",
    cloudpartner::ingestion::ProductStatus
);

/// A client of the Product Ingestion API whose calls block (and release the GIL).
#[pyclass(frozen, module = "cloudpartner.ingestion", name = "IngestionClient")]
pub struct PyIngestionClient {
    inner: cloudpartner::ingestion::Client,
}

/// A client of the Product Ingestion API for asyncio (the native half).
#[pyclass(frozen, module = "cloudpartner._native", name = "AsyncIngestionClient")]
pub struct PyAsyncIngestionClient {
    inner: cloudpartner::ingestion::Client,
}

impl PyIngestionClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::ingestion::Client) -> Self {
        PyIngestionClient { inner }
    }
}

impl PyAsyncIngestionClient {
    /// The Python object of a core client built elsewhere (the emulator's).
    pub fn from_core(inner: cloudpartner::ingestion::Client) -> Self {
        PyAsyncIngestionClient { inner }
    }
}

ingestion_client_methods!(
    PyIngestionClient,
    "IngestionClient",
    blocking,
    PyProductWatch
);
ingestion_client_methods!(
    PyAsyncIngestionClient,
    "AsyncIngestionClient",
    awaitable,
    PyAsyncProductWatch
);
