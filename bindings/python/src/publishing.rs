//! The calls of the clients' method table (`crate::client_methods`), once for both: each turns the Python
//! arguments into a call of the core, which `Client` runs blocking (GIL released,
//! Ctrl-C heard) and `AsyncClient` as an awaitable. Arguments are checked when the
//! method is called; the result becomes Python objects once the core answered.

use std::future::Future;
use std::pin::Pin;

use cloudpartner::{
    Client, Offer, OfferSelector, OfferStatus, Operation, OperationRef, OperationState,
    Precondition, Publisher,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

use crate::awaitable::future_into_py;
use crate::concurrency::concurrency_limit;
use crate::errors::{IntoPyResult, to_py_err};
use crate::logging::refresh_levels;
use crate::offer::{PyOffer, offer_argument, offer_list};
use crate::offer_ids::offer_id_list;
use crate::operation::{PyOperation, PyOperationRef, operation_list, publisher_list};
use crate::outcome::{Batch, Fetched};
use crate::runtime::block_on;
use crate::to_python::ToPython;

type CoreFuture<T> = Pin<Box<dyn Future<Output = cloudpartner::Result<T>> + Send>>;

impl ToPython for OfferStatus {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Fetched(Ok(self)).into_pyobject(py)
    }
}

/// The answers of `offer_statuses`, each a status or an error (not raised).
type Statuses = Vec<(String, cloudpartner::Result<OfferStatus>)>;

impl ToPython for Statuses {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Batch(self).into_pyobject(py)?.into_any())
    }
}

impl ToPython for Vec<Publisher> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(publisher_list(py, self)?.into_any())
    }
}

impl ToPython for Vec<Offer> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(offer_list(py, self)?.into_any())
    }
}

impl ToPython for Offer {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyOffer::from_core(self))?.into_any())
    }
}

impl ToPython for OperationRef {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyOperationRef { inner: self })?.into_any())
    }
}

impl ToPython for Option<OperationRef> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        match self {
            Some(reference) => reference.to_python(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl ToPython for Vec<Operation> {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(operation_list(py, self)?.into_any())
    }
}

impl ToPython for Operation {
    fn to_python(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(Bound::new(py, PyOperation::from_core(self))?.into_any())
    }
}

/// The core's answer: its Python object, or the exception to raise.
struct Answer<T>(cloudpartner::Result<T>);

impl<'py, T: ToPython> IntoPyObject<'py> for Answer<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(value) => value.to_python(py),
            Err(error) => Err(to_py_err(py, &error)),
        }
    }
}

/// A call of the core, ready to run.
pub struct Call<T> {
    future: CoreFuture<T>,
}

impl<T: ToPython> Call<T> {
    pub fn new(future: impl Future<Output = cloudpartner::Result<T>> + Send + 'static) -> Call<T> {
        Call {
            future: Box::pin(future),
        }
    }

    /// Runs it to its end: `Client`'s methods.
    pub fn blocking(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        refresh_levels(py);
        let answer = block_on(py, self.future)?;
        Answer(answer).into_pyobject(py)
    }

    /// An asyncio awaitable of it (cancelling it cancels the call): `AsyncClient`'s.
    pub fn awaitable(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        refresh_levels(py);
        let future = self.future;
        future_into_py(py, async move { Ok(Answer(future.await)) })
    }
}

/// `offer_status(publisher_id, offer_id)`.
pub fn offer_status(client: &Client, publisher_id: String, offer_id: String) -> Call<OfferStatus> {
    let client = client.clone();
    Call::new(async move { client.offer_status(&publisher_id, &offer_id).await })
}

/// `offer_statuses(publisher_id, offer_ids, *, concurrency=8)`: the ids and the count
/// are checked when the method is called.
pub fn offer_statuses(
    py: Python<'_>,
    client: &Client,
    publisher_id: String,
    offer_ids: &Bound<'_, PyAny>,
    concurrency: i64,
) -> PyResult<Call<Statuses>> {
    let ids = offer_id_list(offer_ids)?;
    let concurrency = concurrency_limit(py, concurrency)?;
    let client = client.clone();
    Ok(Call::new(async move {
        Ok(client.offer_statuses(&publisher_id, ids, concurrency).await)
    }))
}

/// `publishers()`.
pub fn publishers(client: &Client) -> Call<Vec<Publisher>> {
    let client = client.clone();
    Call::new(async move { client.publishers().await })
}

/// `offers(publisher_id)`.
pub fn offers(client: &Client, publisher_id: String) -> Call<Vec<Offer>> {
    let client = client.clone();
    Call::new(async move { client.offers(&publisher_id).await })
}

/// `offer(publisher_id, offer_id, *, slot=None, version=None)`.
pub fn offer(
    py: Python<'_>,
    client: &Client,
    publisher_id: String,
    offer_id: String,
    slot: Option<String>,
    version: Option<i64>,
) -> PyResult<Call<Offer>> {
    let selector = OfferSelector::from_parts(slot.as_deref(), version).into_py_result(py)?;
    let client = client.clone();
    Ok(Call::new(async move {
        client.offer(&publisher_id, &offer_id, selector).await
    }))
}

/// `put_offer(offer, *, if_match=None, force=False, create=False)`: the offer as it
/// is now (its definition's edits included), read when the method is called.
pub fn put_offer(
    py: Python<'_>,
    client: &Client,
    offer: &Bound<'_, PyAny>,
    if_match: Option<String>,
    force: bool,
    create: bool,
) -> PyResult<Call<Offer>> {
    let precondition =
        Precondition::from_parts(if_match.as_deref(), force, create).into_py_result(py)?;
    let offer = offer_argument(offer)?;
    let client = client.clone();
    Ok(Call::new(async move {
        client.put_offer(&offer, precondition).await
    }))
}

/// `publish(publisher_id, offer_id, *, notification_emails=None)`.
pub fn publish(
    client: &Client,
    publisher_id: String,
    offer_id: String,
    emails: Vec<String>,
) -> Call<OperationRef> {
    let client = client.clone();
    Call::new(async move { client.publish(&publisher_id, &offer_id, emails).await })
}

/// `go_live(publisher_id, offer_id)`.
pub fn go_live(client: &Client, publisher_id: String, offer_id: String) -> Call<OperationRef> {
    let client = client.clone();
    Call::new(async move { client.go_live(&publisher_id, &offer_id).await })
}

/// `cancel(publisher_id, offer_id, *, notification_emails=None)`.
pub fn cancel(
    client: &Client,
    publisher_id: String,
    offer_id: String,
    emails: Vec<String>,
) -> Call<Option<OperationRef>> {
    let client = client.clone();
    Call::new(async move { client.cancel(&publisher_id, &offer_id, emails).await })
}

/// `operations(publisher_id, offer_id, *, state=None)`.
pub fn operations(
    client: &Client,
    publisher_id: String,
    offer_id: String,
    state: Option<OperationState>,
) -> Call<Vec<Operation>> {
    let client = client.clone();
    Call::new(async move { client.operations(&publisher_id, &offer_id, state).await })
}

/// `operation(publisher_id, offer_id, operation_id)`.
pub fn operation(
    client: &Client,
    publisher_id: String,
    offer_id: String,
    operation_id: String,
) -> Call<Operation> {
    let client = client.clone();
    Call::new(async move {
        client
            .operation(&publisher_id, &offer_id, &operation_id)
            .await
    })
}

/// `operation_at(ref_or_url)`.
pub fn operation_at(client: &Client, url: String) -> Call<Operation> {
    let client = client.clone();
    Call::new(async move { client.operation_at(&url).await })
}

static OPERATION_STATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The `state` argument of `operations`: `None`, an `OperationState` (not `UNKNOWN`)
/// or its value as a string (read leniently: `"Running"`, `"not started"`).
pub fn state_argument(value: &Bound<'_, PyAny>) -> PyResult<Option<OperationState>> {
    let py = value.py();
    if value.is_none() {
        return Ok(None);
    }
    let class = OPERATION_STATE.import(py, "cloudpartner._enums", "OperationState")?;
    let text: String = if value.is_instance(class)? {
        value.getattr("value")?.extract()?
    } else if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else {
        return Err(PyTypeError::new_err(format!(
            "state must be an OperationState, a str or None, got {}",
            value.get_type().name()?
        )));
    };
    let state = OperationState::parse_filter(&text).into_py_result(py)?;
    Ok(Some(state))
}

/// The `ref_or_url` argument of `operation_at`: an `OperationRef` or a URL.
pub fn url_argument(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(reference) = value.cast::<PyOperationRef>() {
        return Ok(reference.get().inner.url.clone());
    }
    match value.cast::<PyString>() {
        Ok(text) => Ok(text.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "ref_or_url must be an OperationRef or a str, got {}",
            value.get_type().name()?
        ))),
    }
}
