//! Errors across the boundary: a core [`cloudpartner::Error`] becomes a napi error
//! whose message is a JSON object, `{"cloudpartner": {kind, message, statusCode, …}}`.
//! The JavaScript layer turns it into a `CloudPartnerError`; nothing else reads it.

use cloudpartner::{Error, ErrorKind};
use serde_json::{Map, Value, json};

/// The JSON description of a core error, as the JavaScript layer reads it.
pub fn error_json(error: &Error) -> String {
    let mut fields = Map::new();
    fields.insert("kind".into(), json!(error.kind().as_str()));
    fields.insert("message".into(), json!(error.message()));
    fields.insert("statusCode".into(), json!(error.status_code()));
    fields.insert("apiCode".into(), json!(error.api_code()));
    fields.insert("requestId".into(), json!(error.request_id()));
    fields.insert(
        "requestIdIsClient".into(),
        json!(error.request_id_is_client()),
    );
    if let (Some(line), Some(column)) = (error.line(), error.column()) {
        fields.insert("line".into(), json!(line));
        fields.insert("column".into(), json!(column));
    }
    if let Some(after) = error.retry_after() {
        fields.insert("retryAfterMs".into(), json!(after.as_millis() as f64));
    }
    json!({ "cloudpartner": Value::Object(fields) }).to_string()
}

/// A core error as a napi error (thrown or rejected by the addon).
pub fn to_napi(error: &Error) -> napi::Error {
    napi::Error::new(napi::Status::GenericFailure, error_json(error))
}

/// A new error of `kind` as a napi error.
pub fn napi_error(kind: ErrorKind, message: impl Into<String>) -> napi::Error {
    to_napi(&Error::new(kind, message))
}
