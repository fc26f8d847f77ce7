//! Pickling, the rebuilding half: `_unpickle(kind, wire_json)` parses the wire JSON
//! back (raw spellings included) and builds the same object with [`offer_status_to_py`].

use cloudpartner::parse_offer_status;
use pyo3::prelude::*;
use serde_json::{Value, json};

use super::convert::offer_status_to_py;
use crate::errors::{IntoPyResult, invalid_argument};

/// Rebuilds a pickled `OfferStatus`, `Step`, `Message` or `Link` from its wire JSON.
#[pyfunction]
#[pyo3(name = "_unpickle")]
pub fn unpickle(py: Python<'_>, kind: &str, data: &str) -> PyResult<Py<PyAny>> {
    let part: Value = serde_json::from_str(data)
        .map_err(|e| invalid_argument(py, format!("unpickling a {kind}: {e}")))?;
    let (document, list) = match kind {
        "OfferStatus" => (part, None),
        "Step" => (json!({"status": "", "steps": [part]}), Some("steps")),
        "Message" => (json!({"status": "", "messages": [part]}), Some("messages")),
        "Link" => (
            json!({"status": "", "previewLinks": [part]}),
            Some("preview_links"),
        ),
        other => {
            return Err(invalid_argument(
                py,
                format!("unpickling: unknown kind `{other}`"),
            ));
        }
    };
    let status = parse_offer_status(document.to_string().as_bytes()).into_py_result(py)?;
    let object = offer_status_to_py(py, status)?.into_any();
    match list {
        None => Ok(object.unbind()),
        Some(attribute) => Ok(object.getattr(attribute)?.get_item(0)?.unbind()),
    }
}
