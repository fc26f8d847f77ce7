//! JSON values between the core (`serde_json::Value`, key order kept) and Python
//! (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`), and writing a changed value
//! back into the Python objects it came from, in place.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deeper than this is refused when reading a Python value (a dict that contains
/// itself would never end); the service's documents are a few levels deep.
const MAX_DEPTH: usize = 512;

/// The Python value of a JSON value: a `dict` keeps the document's key order.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number_to_python(py, n)?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => map_to_python(py, map)?.into_any(),
    })
}

/// The `dict` of a JSON object, in its key order.
pub fn map_to_python<'py>(
    py: Python<'py>,
    map: &Map<String, Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, item) in map {
        dict.set_item(PyString::new(py, key), to_python(py, item)?)?;
    }
    Ok(dict)
}

fn number_to_python<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        Ok(i.into_pyobject(py)?.into_any())
    } else if let Some(u) = n.as_u64() {
        Ok(u.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

/// One step of the way to a value, for error messages: `['plans'][0]`.
enum Step {
    Key(String),
    Index(usize),
}

fn describe(root: &str, path: &[Step]) -> String {
    let mut text = root.to_owned();
    for step in path {
        match step {
            Step::Key(key) => {
                let key = key.replace('\\', "\\\\").replace('\'', "\\'");
                text.push_str(&format!("['{key}']"));
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// The JSON value of a Python value (`dict` with `str` keys, `list` or `tuple`, `str`,
/// `int`, `float`, `bool`, `None`); `root` names it in errors: a `TypeError` for
/// another type, a `ValueError` for NaN, infinities and integers beyond 64 bits.
pub fn from_python(root: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut path = Vec::new();
    read(root, value, &mut path)
}

/// The JSON object of a Python `dict` (see [`from_python`]).
pub fn map_from_python(root: &str, value: &Bound<'_, PyAny>) -> PyResult<Map<String, Value>> {
    match from_python(root, value)? {
        Value::Object(map) => Ok(map),
        _ => Err(PyTypeError::new_err(format!(
            "{root} must be a dict, got {}",
            type_name(value)
        ))),
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

fn read(root: &str, value: &Bound<'_, PyAny>, path: &mut Vec<Step>) -> PyResult<Value> {
    if path.len() > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "{}: nested more than {MAX_DEPTH} levels deep (does it contain itself?)",
            describe(root, path)
        )));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(PyValueError::new_err(format!(
            "{}: the integer {} does not fit in 64 bits",
            describe(root, path),
            value.repr()?
        )));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let number = Number::from_f64(f.value()).ok_or_else(|| {
            PyValueError::new_err(format!(
                "{}: {} is not a JSON number",
                describe(root, path),
                value.repr().map(|r| r.to_string()).unwrap_or_default()
            ))
        })?;
        return Ok(Value::Number(number));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "{}: keys must be str, got {}",
                    describe(root, path),
                    type_name(&key)
                )));
            };
            let key = key.to_cow()?.into_owned();
            path.push(Step::Key(key.clone()));
            let item = read(root, &item, path)?;
            path.pop();
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    let items = if let Ok(list) = value.cast::<PyList>() {
        list.iter().collect::<Vec<_>>()
    } else if let Ok(tuple) = value.cast::<PyTuple>() {
        tuple.iter().collect::<Vec<_>>()
    } else {
        return Err(PyTypeError::new_err(format!(
            "{}: {} is not a JSON value (dict, list, str, int, float, bool or None)",
            describe(root, path),
            type_name(value)
        )));
    };
    let mut array = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        path.push(Step::Index(i));
        array.push(read(root, item, path)?);
        path.pop();
    }
    Ok(Value::Array(array))
}

/// Makes `target` hold `new`, in place: objects and arrays that are in both stay the
/// same Python objects (their contents updated), keys gone from `new` are deleted, new
/// keys are added, and the keys end in `new`'s order.
pub fn update_dict(target: &Bound<'_, PyDict>, new: &Map<String, Value>) -> PyResult<()> {
    let py = target.py();
    let gone: Vec<Bound<'_, PyAny>> = target
        .keys()
        .iter()
        .filter(|key| {
            key.cast::<PyString>()
                .ok()
                .and_then(|k| k.to_cow().ok().map(|k| !new.contains_key(k.as_ref())))
                .unwrap_or(true)
        })
        .collect();
    for key in gone {
        target.del_item(key)?;
    }
    for (key, value) in new {
        match target.get_item(key)? {
            Some(old) => {
                if let Some(replacement) = update_value(&old, value)? {
                    target.set_item(key, replacement)?;
                }
            }
            None => target.set_item(key, to_python(py, value)?)?,
        }
    }
    let in_order = target.keys().iter().zip(new.keys()).all(|(old, new)| {
        old.cast::<PyString>()
            .is_ok_and(|k| k.to_cow().is_ok_and(|k| k == new.as_str()))
    });
    if !in_order {
        for key in new.keys() {
            if let Some(value) = target.get_item(key)? {
                target.del_item(key)?;
                target.set_item(key, value)?;
            }
        }
    }
    Ok(())
}

fn update_list(target: &Bound<'_, PyList>, new: &[Value]) -> PyResult<()> {
    let py = target.py();
    let kept = target.len().min(new.len());
    for (i, value) in new.iter().enumerate().take(kept) {
        if let Some(replacement) = update_value(&target.get_item(i)?, value)? {
            target.set_item(i, replacement)?;
        }
    }
    if target.len() > new.len() {
        target.del_slice(new.len(), target.len())?;
    }
    for value in &new[kept..] {
        target.append(to_python(py, value)?)?;
    }
    Ok(())
}

/// Updates `old` in place when it is a `dict` or a `list` and `new` the same kind
/// (`None` then); else the Python value to put in its place.
fn update_value<'py>(old: &Bound<'py, PyAny>, new: &Value) -> PyResult<Option<Bound<'py, PyAny>>> {
    match new {
        Value::Object(map) => {
            if let Ok(dict) = old.cast::<PyDict>() {
                update_dict(dict, map)?;
                return Ok(None);
            }
        }
        Value::Array(items) => {
            if let Ok(list) = old.cast::<PyList>() {
                update_list(list, items)?;
                return Ok(None);
            }
        }
        _ => {}
    }
    Ok(Some(to_python(old.py(), new)?))
}
