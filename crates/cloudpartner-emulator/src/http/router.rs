//! The router: the token endpoints, then the routes of every API, and the
//! answers to unknown routes and methods.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;

use crate::http::error_response::api_error;

/// The largest request body the emulator reads (32 MiB).
pub(crate) const REQUEST_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Mounts the token endpoints' routes and each API's routes (every router
/// already holding its state) into one.
pub(crate) fn router(token_routes: Router, api_routes: Vec<Router>) -> Router {
    api_routes
        .into_iter()
        .fold(token_routes, Router::merge)
        .fallback(|| async {
            api_error(
                StatusCode::NOT_FOUND,
                "NotFound",
                "The requested resource does not exist.",
            )
        })
        .method_not_allowed_fallback(|| async {
            api_error(
                StatusCode::METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                "The HTTP method is not allowed for this resource.",
            )
        })
        .layer(DefaultBodyLimit::max(REQUEST_BODY_LIMIT))
}
