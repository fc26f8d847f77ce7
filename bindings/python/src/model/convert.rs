//! Builds the whole tree of Python objects for a parsed status, once.

use std::sync::Arc;

use cloudpartner::OfferStatus;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};

use super::link::PyLink;
use super::location::{LinkAt, MessageAt, Root};
use super::message::PyMessage;
use super::offer_status::PyOfferStatus;
use super::step::PyStep;
use crate::enums::EnumMembers;

/// The `OfferStatus` object for `status`, with its steps, messages and links.
pub fn offer_status_to_py(
    py: Python<'_>,
    status: OfferStatus,
) -> PyResult<Bound<'_, PyOfferStatus>> {
    let root: Root = Arc::new(status);
    let enums = EnumMembers::get(py)?;
    let messages = (0..root.messages.len())
        .map(|i| PyMessage::build(py, enums, &root, MessageAt::Offer(i)))
        .collect::<PyResult<Vec<_>>>()?;
    let step_objects = (0..root.steps.len())
        .map(|i| Py::new(py, PyStep::build(py, enums, &root, i)?))
        .collect::<PyResult<Vec<_>>>()?;
    let steps = PyList::new(py, step_objects.iter().map(|s| s.clone_ref(py)))?;
    let links = |at: fn(usize) -> LinkAt, count: usize| {
        PyList::new(py, (0..count).map(|i| PyLink::build(py, &root, at(i))))
    };
    let preview_links = links(LinkAt::Preview, root.preview_links.len())?;
    let live_links = links(LinkAt::Live, root.live_links.len())?;
    let notification_emails = PyList::new(
        py,
        root.notification_emails
            .iter()
            .map(|e| PyString::new(py, e)),
    )?;
    Bound::new(
        py,
        PyOfferStatus {
            status: enums.offer_state(py, &root.status),
            raw_status: PyString::new(py, &root.raw_status).unbind(),
            messages: PyList::new(py, messages)?.unbind(),
            steps: steps.unbind(),
            preview_links: preview_links.unbind(),
            live_links: live_links.unbind(),
            notification_emails: notification_emails.unbind(),
            step_objects,
            estimated_remaining: PyOnceLock::new(),
            root,
        },
    )
}
