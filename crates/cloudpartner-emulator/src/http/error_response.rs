//! JSON responses in the service's shapes.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

/// The `Content-Type` of JSON responses.
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// A response with this status and JSON text as its body.
pub(crate) fn json_response(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(JSON_CONTENT_TYPE),
    );
    response
}

/// An API error: `{"error":{"code":…,"message":…}}` with this status.
pub(crate) fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({"error": {"code": code, "message": message}});
    json_response(status, body.to_string())
}

/// An API error as a value: the HTTP status, the `error.code` and the
/// `error.message` of the body it answers with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 `BadRequest`.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "BadRequest", message)
    }

    /// 404 `PublisherNotFound`.
    pub fn publisher_not_found(publisher: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "PublisherNotFound",
            format!("The publisher '{publisher}' was not found."),
        )
    }

    /// 404 `OfferNotFound`.
    pub fn offer_not_found(publisher: &str, offer: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "OfferNotFound",
            format!("The offer '{offer}' was not found for the publisher '{publisher}'."),
        )
    }

    /// The response carrying this error.
    pub fn into_response(self) -> Response {
        api_error(self.status, self.code, &self.message)
    }
}

/// The API error code the service would use for an HTTP status.
pub(crate) fn api_error_code(status: StatusCode) -> String {
    match status.as_u16() {
        400 => String::from("BadRequest"),
        401 => String::from("Unauthorized"),
        403 => String::from("Forbidden"),
        404 => String::from("NotFound"),
        408 => String::from("RequestTimeout"),
        409 => String::from("Conflict"),
        429 => String::from("TooManyRequests"),
        500 => String::from("InternalServerError"),
        502 => String::from("BadGateway"),
        503 => String::from("ServiceUnavailable"),
        504 => String::from("GatewayTimeout"),
        _ => status
            .canonical_reason()
            .map(|reason| {
                reason
                    .split_whitespace()
                    .flat_map(|word| {
                        let mut characters = word.chars();
                        characters
                            .next()
                            .map(|first| first.to_ascii_uppercase())
                            .into_iter()
                            .chain(characters)
                    })
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|code| !code.is_empty())
            .unwrap_or_else(|| format!("Http{}", status.as_u16())),
    }
}

/// A human-readable message for an injected error status.
pub(crate) fn api_error_message(status: StatusCode) -> String {
    match status.as_u16() {
        403 => String::from(
            "The service principal does not have access to this publisher. Add it to the publisher account.",
        ),
        429 => String::from("Too many requests. Retry after the delay given in Retry-After."),
        500 => String::from("An internal server error occurred. Retry the request."),
        502 | 504 => String::from("The gateway could not get a response from the backend service."),
        503 => String::from("The service is temporarily unavailable. Retry later."),
        _ => format!(
            "The request failed with status {} {}.",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )
        .replace(" .", "."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_status() {
        assert_eq!(
            api_error_code(StatusCode::SERVICE_UNAVAILABLE),
            "ServiceUnavailable"
        );
        assert_eq!(
            api_error_code(StatusCode::TOO_MANY_REQUESTS),
            "TooManyRequests"
        );
        assert_eq!(api_error_code(StatusCode::IM_A_TEAPOT), "ImATeapot");
        assert_eq!(
            api_error_code(StatusCode::from_u16(599).unwrap()),
            "Http599"
        );
        assert_eq!(
            api_error_message(StatusCode::from_u16(599).unwrap()),
            "The request failed with status 599."
        );
    }
}
