//! Numbers an offer document can hold exactly. A document is kept as a
//! `serde_json::Value`, whose numbers are 64-bit integers or doubles: an integer beyond
//! 64 bits, or a decimal with more digits than a double keeps, would be written back as a
//! different number. Reading such a document fails instead, so that a write never
//! changes what the service sent.

use crate::error::{Error, Result};

/// Checks every number literal of `text` (valid JSON): a parse error with its line and
/// column for the first that a `Value` would change.
pub(crate) fn check_exact_numbers(text: &str) -> Result<()> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let literal = &text[start..i];
                if !is_exact(literal) {
                    let (line, column) = position(text, start);
                    return Err(Error::parse(format!(
                        "the number {literal} at line {line}, column {column} has more precision \
                         than a 64-bit number keeps: it could not be written back unchanged"
                    ))
                    .with_position(line, column));
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// True when serde_json keeps `literal` as the same number.
fn is_exact(literal: &str) -> bool {
    if !literal.contains(['.', 'e', 'E']) {
        return literal.parse::<i64>().is_ok() || literal.parse::<u64>().is_ok();
    }
    let Ok(value) = literal.parse::<f64>() else {
        return false;
    };
    if !value.is_finite() {
        return false;
    }
    // serde_json writes a double with the shortest digits that read back as it.
    let written = serde_json::Number::from_f64(value).map(|n| n.to_string());
    written.is_some_and(|w| decimal(&w) == decimal(literal))
}

/// A decimal literal as (negative, significant digits, power of ten); zero is
/// `(false, "", 0)`.
fn decimal(literal: &str) -> (bool, String, i64) {
    let (negative, unsigned) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (
            &unsigned[..at],
            unsigned[at + 1..].parse::<i64>().unwrap_or(0),
        ),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{whole}{fraction}")
        .trim_start_matches('0')
        .to_owned();
    let mut power = exponent - fraction.len() as i64;
    while digits.ends_with('0') {
        digits.pop();
        power += 1;
    }
    if digits.is_empty() {
        return (false, String::new(), 0);
    }
    (negative, digits, power)
}

fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = offset - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_value_keeps() {
        for exact in [
            "0",
            "-0",
            "12",
            "-9223372036854775808",
            "18446744073709551615",
            "1.5",
            "0.1",
            "-2.25e3",
            "1e2",
            "100.0",
            "1E-7",
            "3.141592653589793",
            "0.0",
            "-0.0",
        ] {
            assert!(is_exact(exact), "{exact}");
        }
        for inexact in [
            "18446744073709551616",
            "-9223372036854775809",
            "66666666666666666666666666666666658",
            "0.12345678901234567890123",
            "1e-400",
            "1.00000000000000000001",
        ] {
            assert!(!is_exact(inexact), "{inexact}");
        }
    }

    #[test]
    fn strings_are_skipped_and_the_position_is_given() {
        assert!(check_exact_numbers(r#"{"a": "18446744073709551616", "b\"": "1e-400"}"#).is_ok());
        let err =
            check_exact_numbers("{\"a\": 1,\n \"b\": [2, 18446744073709551616]}").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(11)));
    }
}
