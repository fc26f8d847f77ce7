//! Reading a whole document as a `serde_json::Value` — offers, operations, publishers:
//! documents that are kept as they are, or read field by field. A UTF-8 BOM and
//! surrounding whitespace are fine; invalid JSON fails with its line and column;
//! serde_json's nesting limit turns deep nesting into an error, never a crash. Then
//! lenient readers of single fields: a field of the wrong type reads as absent.

use serde_json::Value;

use crate::error::{Error, Result};

/// Reads `bytes` as one JSON value; `expected` (`"a JSON object"`) words the error for
/// an empty document.
pub(crate) fn read_value(bytes: &[u8], expected: &str) -> Result<Value> {
    let text = document_text(bytes, expected)?;
    serde_json::from_str(text).map_err(|e| json_error(&e))
}

/// Reads a document that is kept and written back: its numbers must be ones a `Value`
/// keeps exactly (see `exact_numbers`), else a *parse* error naming the number.
pub(crate) fn read_exact_value(bytes: &[u8], expected: &str) -> Result<Value> {
    let value = read_value(bytes, expected)?;
    crate::document::exact_numbers::check_exact_numbers(document_text(bytes, expected)?)?;
    Ok(value)
}

/// The text of a document: without a UTF-8 BOM, not blank, valid UTF-8 — else a parse
/// error with its position.
pub(crate) fn document_text<'a>(bytes: &'a [u8], expected: &str) -> Result<&'a str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(
            Error::parse(format!("empty document: expected {expected}")).with_position(1, 1)
        );
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position_of(bytes, e.valid_up_to());
        Error::parse(format!(
            "invalid JSON at line {line}, column {column}: invalid UTF-8"
        ))
        .with_position(line, column)
    })
}

/// The 1-based line and column of byte `offset`.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = offset
        - before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    (line, column)
}

/// A serde_json error as a parse error with its line and column.
pub(crate) fn json_error(e: &serde_json::Error) -> Error {
    // serde_json's Display ends with " at line L column C"; keep only the what.
    let text = e.to_string();
    let what = text.rfind(" at line ").map_or(&text[..], |i| &text[..i]);
    let (line, column) = (e.line(), e.column().max(1));
    Error::parse(format!(
        "invalid JSON at line {line}, column {column}: {what}"
    ))
    .with_position(line, column)
}

/// `"an object"`, `"a number"`, ... for error messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A string field as it is; anything else (absent, `null`, another type) is empty.
pub(crate) fn str_field<'a>(object: &'a Value, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A text field: strings as they are, numbers and booleans as text, anything else empty.
pub(crate) fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A text field that is absent when empty.
pub(crate) fn optional_text(value: Option<&Value>) -> Option<String> {
    Some(text(value)).filter(|s| !s.is_empty())
}

/// An integer field: an integer, an integral float or a numeric string; else `None`.
pub(crate) fn integer(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documents() {
        assert_eq!(
            read_value(b"\xEF\xBB\xBF \n{\"a\":1}\n ", "an object").unwrap(),
            json!({"a": 1})
        );
        let err = read_value(b"  ", "a JSON array").unwrap_err();
        assert!(err.message().contains("a JSON array"), "{err}");
        let err = read_value(b"{\"a\":\n  [1,}", "x").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(6)), "{err}");
        assert!(
            err.message()
                .starts_with("invalid JSON at line 2, column 6: "),
            "{err}"
        );
        let err = read_value(b"{\"a\":\n\"\xff\"}", "x").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(2)), "{err}");
        let err = read_value("[".repeat(100_000).as_bytes(), "x").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Parse);
        assert!(err.line().is_some());
    }

    #[test]
    fn fields() {
        let v = json!({"s": "x", "n": 3, "f": 2.0, "g": 2.5, "t": " 7 ", "b": true, "z": null, "o": {}});
        assert_eq!(str_field(&v, "s"), "x");
        assert_eq!(str_field(&v, "n"), "");
        assert_eq!(text(v.get("n")), "3");
        assert_eq!(text(v.get("b")), "true");
        assert_eq!(text(v.get("o")), "");
        assert_eq!(optional_text(v.get("z")), None);
        assert_eq!(integer(v.get("n")), Some(3));
        assert_eq!(integer(v.get("f")), Some(2));
        assert_eq!(integer(v.get("g")), None);
        assert_eq!(integer(v.get("t")), Some(7));
        assert_eq!(integer(v.get("b")), None);
        assert_eq!(integer(v.get("missing")), None);
        assert_eq!(integer(Some(&json!(u64::MAX))), None);
    }
}
