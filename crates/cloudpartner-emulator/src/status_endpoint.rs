//! `GET /api/publishers/{publisherId}/offers/{offerId}/status?api-version=2017-10-31`
//!
//! Checks in the service's order: the bearer token (401), the api-version
//! (400 `InvalidAPIVersion`), the publisher and offer (404
//! `PublisherNotFound` / `OfferNotFound`), then faults, then 200 with the
//! offer's status document.

use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::Response;
use percent_encoding::percent_decode_str;

use crate::error_response::{api_error, json_response};
use crate::fault_response::fault_response;
use crate::server::ConnectionControl;
use crate::state::{EmulatorState, OfferLookup};

/// The only api-version the endpoint accepts.
pub(crate) const API_VERSION: &str = "2017-10-31";

/// Answers a status request.
pub(crate) async fn offer_status(
    State(state): State<Arc<EmulatorState>>,
    ids: Result<Path<(String, String)>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    uri: Uri,
    connection: Option<Extension<ConnectionControl>>,
) -> Response {
    if let Some(response) = authorization_failure(&headers, &state.token) {
        return response;
    }
    if let Some(response) = api_version_failure(query.as_deref()) {
        return response;
    }
    let Path((publisher, offer)) = match ids {
        Ok(ids) => ids,
        Err(rejection) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "BadRequest",
                &format!("The request path is invalid: {rejection}"),
            );
        }
    };
    let document = match state.lookup(&publisher, &offer) {
        OfferLookup::Found(document) => document,
        OfferLookup::PublisherNotFound => {
            return api_error(
                StatusCode::NOT_FOUND,
                "PublisherNotFound",
                &format!("The publisher '{publisher}' was not found."),
            );
        }
        OfferLookup::OfferNotFound => {
            return api_error(
                StatusCode::NOT_FOUND,
                "OfferNotFound",
                &format!("The offer '{offer}' was not found for the publisher '{publisher}'."),
            );
        }
    };

    let plan = state.fire_faults(&publisher, &offer);
    if plan.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(plan.latency_ms)).await;
    }
    match plan.answer {
        None => json_response(StatusCode::OK, document),
        Some(kind) => {
            let path_and_query = uri
                .path_and_query()
                .map(|target| target.as_str())
                .unwrap_or_else(|| uri.path());
            fault_response(
                kind,
                document,
                path_and_query,
                connection.as_ref().map(|Extension(control)| control),
            )
            .await
        }
    }
}

/// The 401 response when the request lacks `Authorization: Bearer <token>`
/// (scheme case-insensitive); `None` when it has it.
fn authorization_failure(headers: &HeaderMap, token: &str) -> Option<Response> {
    let unauthorized = |message: &str| {
        let mut response = api_error(StatusCode::UNAUTHORIZED, "Unauthorized", message);
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        response
    };
    let Some(authorization) = headers.get(header::AUTHORIZATION) else {
        return Some(unauthorized(
            "Authentication failed. The 'Authorization' header is missing.",
        ));
    };
    let authorization = authorization.to_str().unwrap_or("").trim();
    let (scheme, credentials) = authorization
        .split_once(|c: char| c.is_ascii_whitespace())
        .unwrap_or((authorization, ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Some(unauthorized(
            "Authentication failed. The 'Authorization' header must use the Bearer scheme.",
        ));
    }
    if credentials.trim() != token {
        return Some(unauthorized(
            "Authentication failed. The access token is invalid or has expired.",
        ));
    }
    None
}

/// The 400 response when the query does not ask for the supported
/// api-version; `None` when it does.
fn api_version_failure(query: Option<&str>) -> Option<Response> {
    match query_parameter(query.unwrap_or(""), "api-version") {
        Some(version) if version == API_VERSION => None,
        Some(version) => Some(api_error(
            StatusCode::BAD_REQUEST,
            "InvalidAPIVersion",
            &format!(
                "The api-version '{version}' is invalid. The supported versions are '{API_VERSION}'."
            ),
        )),
        None => Some(api_error(
            StatusCode::BAD_REQUEST,
            "InvalidAPIVersion",
            &format!(
                "The api-version query parameter is missing. The supported versions are '{API_VERSION}'."
            ),
        )),
    }
}

/// The decoded value of the first query parameter with this name.
fn query_parameter(query: &str, name: &str) -> Option<String> {
    let decode = |text: &str| {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| decode(key) == name)
        .map(|(_, value)| decode(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_are_decoded() {
        assert_eq!(
            query_parameter("a=1&api-version=2017-10-31", "api-version").as_deref(),
            Some("2017-10-31")
        );
        assert_eq!(
            query_parameter("api%2Dversion=2017%2D10%2D31&api-version=x", "api-version").as_deref(),
            Some("2017-10-31")
        );
        assert_eq!(
            query_parameter("api-version", "api-version").as_deref(),
            Some("")
        );
        assert_eq!(query_parameter("", "api-version"), None);
    }

    fn authorization(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_bearer_scheme_is_case_insensitive() {
        assert!(authorization_failure(&authorization("Bearer t"), "t").is_none());
        assert!(authorization_failure(&authorization("bearer  t"), "t").is_none());
        assert!(authorization_failure(&authorization("BEARER t"), "t").is_none());
        assert!(authorization_failure(&authorization("Basic t"), "t").is_some());
        assert!(authorization_failure(&authorization("Bearer"), "t").is_some());
        assert!(authorization_failure(&authorization("Bearer u"), "t").is_some());
        assert!(authorization_failure(&HeaderMap::new(), "t").is_some());
    }
}
