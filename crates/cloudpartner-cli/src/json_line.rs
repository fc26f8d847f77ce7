//! The JSON lines of the command: documents that say which publisher and offer they are
//! about, and failures in the place of the document they stand for.

use cloudpartner::Error;
use serde_json::{Map, Value, json};

/// `{"publisherId": …, "offerId": …, …fields of document}`: the ids first, then the
/// document's own fields (a field of the document with the same name wins).
pub fn with_ids(publisher: &str, offer: &str, document: Value) -> Value {
    let mut line = Map::new();
    line.insert("publisherId".into(), publisher.into());
    line.insert("offerId".into(), offer.into());
    merge(line, document)
}

/// `fields`, then the fields of `document` (an object; anything else goes under
/// `"document"`).
pub fn merge(mut fields: Map<String, Value>, document: Value) -> Value {
    match document {
        Value::Object(document) => {
            for (key, value) in document {
                fields.insert(key, value);
            }
        }
        other => {
            fields.insert("document".into(), other);
        }
    }
    Value::Object(fields)
}

/// `{"kind", "message", "statusCode", "apiCode", "requestId"}` of an error (`null` where
/// unknown).
pub fn error_value(error: &Error) -> Value {
    json!({
        "kind": error.kind().as_str(),
        "message": error.to_string(),
        "statusCode": error.status_code(),
        "apiCode": error.api_code(),
        "requestId": error.request_id(),
    })
}

/// The line that takes the place of a document that could not be had:
/// `{"publisherId", "offerId", "error": {…}}`.
pub fn failure_line(publisher: &str, offer: &str, error: &Error) -> Value {
    json!({
        "publisherId": publisher,
        "offerId": offer,
        "error": error_value(error),
    })
}

/// A value on one line.
pub fn to_line(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("a JSON value serializes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_first() {
        let line = with_ids("p", "o", json!({"status": "running"}));
        assert_eq!(
            to_line(&line),
            r#"{"publisherId":"p","offerId":"o","status":"running"}"#
        );
    }

    #[test]
    fn a_failure_has_every_error_field() {
        let error = Error::invalid_argument("bad");
        let line = failure_line("p", "o", &error);
        assert_eq!(line["error"]["kind"], "invalid_argument");
        assert_eq!(line["error"]["statusCode"], Value::Null);
        assert!(line["error"].as_object().unwrap().contains_key("requestId"));
    }
}
