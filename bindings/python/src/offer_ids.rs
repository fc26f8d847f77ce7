//! The `offer_ids` argument: any iterable of `str`, but not one `str`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The ids of `offer_ids`, a `TypeError` naming the culprit otherwise.
pub fn offer_id_list(offer_ids: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let type_error = |what: String| {
        PyTypeError::new_err(format!("offer_ids must be an iterable of str, got {what}"))
    };
    let type_name = |value: &Bound<'_, PyAny>| {
        value
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_owned())
    };
    if offer_ids.is_instance_of::<PyString>() {
        return Err(type_error(
            "a single str (wrap one id in a list: [offer_id])".to_owned(),
        ));
    }
    let items = offer_ids
        .try_iter()
        .map_err(|_| type_error(type_name(offer_ids)))?;
    items
        .map(|item| {
            let item = item?;
            item.extract::<String>()
                .map_err(|_| type_error(format!("an item of type {}", type_name(&item))))
        })
        .collect()
}
