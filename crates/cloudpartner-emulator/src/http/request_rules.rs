//! What differs between APIs around every request: the checks a request
//! passes first, and the error body an injected error status answers with.

use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;

use crate::http::shared_state::SharedState;

/// An API's rules for every request, applied by
/// [`ApiCall`](crate::http::api_call::ApiCall).
#[derive(Debug)]
pub(crate) struct RequestRules {
    /// The checks a request passes before its route runs (token, version…):
    /// the error response when it fails them.
    pub check: fn(&Parts, &SharedState) -> Option<Response>,
    /// The API's error response for an injected error status (a `status`
    /// fault).
    pub status_error: fn(StatusCode) -> Response,
}
