//! The request the CPP API's handlers take, and the checks it passes first.

use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;

use crate::cpp::offer_store::OfferStore;
use crate::http::api_call::ApiCall;
use crate::http::error_response::{api_error, api_error_code, api_error_message};
use crate::http::request_checks::{api_version_failure, authorization_failure};
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;

/// A request to the CPP API, past its checks.
pub(crate) type CppCall = ApiCall<OfferStore>;

/// The CPP API's rules: the bearer token (401), then the api-version (400
/// `InvalidAPIVersion`); errors `{"error": {"code", "message"}}`.
pub(crate) const CPP_REQUEST_RULES: RequestRules = RequestRules {
    check: cpp_checks,
    status_error: cpp_status_error,
};

/// The token, then the api-version.
fn cpp_checks(parts: &Parts, shared: &SharedState) -> Option<Response> {
    authorization_failure(&parts.headers, &shared.token)
        .or_else(|| api_version_failure(parts.uri.query()))
}

/// The CPP error body for an injected status.
fn cpp_status_error(status: StatusCode) -> Response {
    api_error(status, &api_error_code(status), &api_error_message(status))
}
