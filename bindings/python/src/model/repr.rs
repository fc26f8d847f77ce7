//! Pieces of `__repr__` strings.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// The Python `repr()` of a string: `'it''s'` quoted the way Python prints it.
pub fn quoted(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("{text:?}"))
}

/// `text`, cut to `limit` characters with `…` when longer.
pub fn shortened(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
