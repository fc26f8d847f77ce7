//! Argument extraction with `TypeError`s that name the argument on every Python
//! version (PyO3 names it only in an exception note, which Python < 3.11 does not show):
//! `publisher_id must be str, got int`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

pub fn wrong_type(name: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "{name} must be {expected}, got {}",
        type_name(value)
    ))
}

/// A `str` argument.
pub fn string(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(text) => Ok(text.to_cow()?.into_owned()),
        Err(_) => Err(wrong_type(name, "str", value)),
    }
}

/// A `str | None` argument.
fn optional_string(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    string(name, value)
        .map(Some)
        .map_err(|_| wrong_type(name, "str or None", value))
}

/// An `int` argument (not a `bool`).
fn integer(name: &str, value: &Bound<'_, PyAny>) -> PyResult<i64> {
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        value.extract()
    } else {
        Err(wrong_type(name, "int", value))
    }
}

/// An `int | None` argument.
fn optional_integer(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    if value.is_none() {
        return Ok(None);
    }
    integer(name, value)
        .map(Some)
        .map_err(|_| wrong_type(name, "int or None", value))
}

/// A number of seconds (`int` or `float`) or `None`.
fn optional_seconds(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    if value.is_none() {
        return Ok(None);
    }
    let number = (value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>())
        && !value.is_instance_of::<PyBool>();
    if number {
        value.extract().map(Some)
    } else {
        Err(wrong_type(
            name,
            "a number of seconds (int or float) or None",
            value,
        ))
    }
}

/// A `bool` argument.
fn boolean(name: &str, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    match value.cast::<PyBool>() {
        Ok(flag) => Ok(flag.is_true()),
        Err(_) => Err(wrong_type(name, "bool", value)),
    }
}

macro_rules! named {
    ($($function:ident: $kind:ident -> $type:ty;)+) => {
        $(
            #[doc = concat!("The `", stringify!($function), "` argument.")]
            pub fn $function(value: &Bound<'_, PyAny>) -> PyResult<$type> {
                $kind(stringify!($function), value)
            }
        )+
    };
}

named! {
    publisher_id: string -> String;
    offer_id: string -> String;
    token: optional_string -> Option<String>;
    base_url: optional_string -> Option<String>;
    api_version: optional_string -> Option<String>;
    concurrency: integer -> i64;
    max_retries: optional_integer -> Option<i64>;
    timeout: optional_seconds -> Option<f64>;
    connect_timeout: optional_seconds -> Option<f64>;
    min_interval: optional_seconds -> Option<f64>;
    max_interval: optional_seconds -> Option<f64>;
    allow_http: boolean -> bool;
    operation_id: string -> String;
    slot: optional_string -> Option<String>;
    version: optional_integer -> Option<i64>;
    if_match: optional_string -> Option<String>;
    force: boolean -> bool;
    create: boolean -> bool;
    go_live: boolean -> bool;
    dry_run: boolean -> bool;
    durable_id: string -> String;
    page_size: optional_integer -> Option<i64>;
}

/// The `version` argument of the ingestion clients (the API's `$version`).
pub fn ingestion_version(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    optional_string("version", value)
}

/// The `notification_emails` argument: `None`, one `str` (comma- or
/// semicolon-separated) or an iterable of `str`.
pub fn notification_emails(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let expected = "a str, an iterable of str, or None";
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(vec![text.to_cow()?.into_owned()]);
    }
    let items = value
        .try_iter()
        .map_err(|_| wrong_type("notification_emails", expected, value))?;
    items
        .map(|item| {
            let item = item?;
            match item.cast::<PyString>() {
                Ok(text) => Ok(text.to_cow()?.into_owned()),
                Err(_) => Err(PyTypeError::new_err(format!(
                    "notification_emails must be {expected}, got an item of type {}",
                    type_name(&item)
                ))),
            }
        })
        .collect()
}
