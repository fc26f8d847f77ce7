//! The Product Ingestion API's errors: the HTTP error body
//! `{"error": {"code", "message", "details": []}}` (codes in lower camel
//! case: `badRequest`, `notFound`…) and the errors of a job,
//! `{code, message, resourceId?, details: [...]}`, every one with a
//! `details` list.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use crate::http::error_response::{api_error_code, api_error_message, json_response};

/// An HTTP error of the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WireError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl WireError {
    /// 400 `badRequest`.
    pub fn bad_request(message: impl Into<String>) -> WireError {
        WireError {
            status: StatusCode::BAD_REQUEST,
            code: "badRequest",
            message: message.into(),
        }
    }

    /// 404 `notFound`.
    pub fn not_found(message: impl Into<String>) -> WireError {
        WireError {
            status: StatusCode::NOT_FOUND,
            code: "notFound",
            message: message.into(),
        }
    }

    /// 405 `methodNotAllowed`.
    pub fn method_not_allowed(method: &str) -> WireError {
        WireError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            code: "methodNotAllowed",
            message: format!("The method {method} is not allowed on this resource."),
        }
    }

    /// The response carrying this error.
    pub fn into_response(self) -> Response {
        error_response(self.status, self.code, &self.message)
    }
}

/// An error response of the API.
pub(crate) fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({"error": {"code": code, "message": message, "details": []}});
    json_response(status, body.to_string())
}

/// The 401 of a request without the emulator's token.
pub(crate) fn unauthorized(message: &str) -> Response {
    let mut response = error_response(StatusCode::UNAUTHORIZED, "unauthorized", message);
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// The error response of an injected status (a `status` fault), e.g.
/// `{"error": {"code": "serviceUnavailable", …, "details": []}}`.
pub(crate) fn status_error(status: StatusCode) -> Response {
    let code = api_error_code(status);
    let mut characters = code.chars();
    let code: String = characters
        .next()
        .map(|first| first.to_ascii_lowercase())
        .into_iter()
        .chain(characters)
        .collect();
    error_response(status, &code, &api_error_message(status))
}

/// One error of a job: `{code, message, resourceId?, details}`.
pub(crate) fn job_error(
    code: &str,
    message: impl Into<String>,
    resource_id: Option<&str>,
    details: Vec<Value>,
) -> Value {
    let mut error = serde_json::Map::new();
    error.insert(String::from("code"), Value::from(code));
    error.insert(String::from("message"), Value::from(message.into()));
    if let Some(resource_id) = resource_id {
        error.insert(String::from("resourceId"), Value::from(resource_id));
    }
    error.insert(String::from("details"), Value::Array(details));
    Value::Object(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_errors_always_have_details() {
        assert_eq!(
            job_error("invalidState", "m", None, Vec::new()),
            json!({"code": "invalidState", "message": "m", "details": []})
        );
        assert_eq!(
            job_error("x", "m", Some("plan/a/b"), Vec::new())["resourceId"],
            "plan/a/b"
        );
    }
}
