//! Merging a document edited in a language whose numbers are doubles (JavaScript,
//! Python's `json` round trips) back over the document as the service sent it, so
//! that nothing the edit did not touch changes spelling, precision or key order.

use serde_json::{Map, Number, Value};

/// `edited` laid over `original`: numbers that read as the same double keep
/// `original`'s spelling and precision; objects keep `original`'s key order for the
/// keys they still have (new keys follow, in `edited`'s order); arrays are merged
/// element by element. Anything else is `edited`.
///
/// ```
/// use serde_json::json;
/// use cloudpartner::document::merge_edited;
/// let original: serde_json::Value =
///     serde_json::from_str(r#"{"b": 1.0, "a": 18446744073709551615, "c": [1, 2]}"#).unwrap();
/// // What JavaScript gives back after an edit: doubles, its own key order.
/// let edited = json!({"a": 18446744073709552000.0, "b": 1, "c": [1], "d": true});
/// assert_eq!(
///     merge_edited(edited, &original).to_string(),
///     r#"{"b":1.0,"a":18446744073709551615,"c":[1],"d":true}"#
/// );
/// ```
pub fn merge_edited(edited: Value, original: &Value) -> Value {
    match (edited, original) {
        (Value::Number(n), Value::Number(o)) if same_double(&n, o) => Value::Number(o.clone()),
        (Value::Object(mut n), Value::Object(o)) => {
            let mut out = Map::new();
            for (key, old_value) in o {
                if let Some(value) = n.get_mut(key) {
                    out.insert(key.clone(), merge_edited(value.take(), old_value));
                }
            }
            for (key, value) in n {
                if !o.contains_key(&key) {
                    out.insert(key, value);
                }
            }
            Value::Object(out)
        }
        (Value::Array(n), Value::Array(o)) => Value::Array(
            n.into_iter()
                .enumerate()
                .map(|(i, value)| match o.get(i) {
                    Some(old_value) => merge_edited(value, old_value),
                    None => value,
                })
                .collect(),
        ),
        (edited, _) => edited,
    }
}

/// Whether two numbers read as the same double.
fn same_double(a: &Number, b: &Number) -> bool {
    matches!((a.as_f64(), b.as_f64()), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merged(new: &str, old: &str) -> String {
        let new: Value = serde_json::from_str(new).unwrap();
        let old: Value = serde_json::from_str(old).unwrap();
        merge_edited(new, &old).to_string()
    }

    #[test]
    fn numbers_javascript_cannot_hold_are_kept() {
        let old = r#"{"big":18446744073709551615,"min":-9223372036854775808,"one":1.0,"e":1E+2,"z":-0.0}"#;
        // What JSON.stringify(JSON.parse(old)) gives.
        let js = r#"{"big":18446744073709552000,"min":-9223372036854776000,"one":1,"e":100,"z":0}"#;
        assert_eq!(
            merged(js, old),
            r#"{"big":18446744073709551615,"min":-9223372036854775808,"one":1.0,"e":100.0,"z":-0.0}"#
        );
        assert_eq!(merged(r#"{"one":2}"#, old), r#"{"one":2}"#);
    }

    #[test]
    fn key_order_is_the_documents_then_new_keys() {
        let old = r#"{"b":1,"10":2,"a":{"y":1,"2":2}}"#;
        let js = r#"{"10":2,"b":1,"c":3,"a":{"2":2,"y":1,"x":0}}"#;
        assert_eq!(
            merged(js, old),
            r#"{"b":1,"10":2,"a":{"y":1,"2":2,"x":0},"c":3}"#
        );
        assert_eq!(merged(r#"{"a":1}"#, old), r#"{"a":1}"#);
    }

    #[test]
    fn arrays_merge_by_index_and_types_may_change() {
        assert_eq!(merged("[1, 2, 3]", "[1.0, 2.5]"), "[1.0,2,3]");
        assert_eq!(merged(r#"{"a":"1"}"#, r#"{"a":1}"#), r#"{"a":"1"}"#);
        assert_eq!(merge_edited(json!(null), &json!({"a": 1})), json!(null));
    }
}
