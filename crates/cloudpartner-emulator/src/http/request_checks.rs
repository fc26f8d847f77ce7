//! The checks every API request passes first, in the service's order: the
//! bearer token (401), then the api-version (400 `InvalidAPIVersion`).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use percent_encoding::percent_decode_str;

use crate::http::error_response::api_error;

/// The only api-version the API accepts.
pub(crate) const API_VERSION: &str = "2017-10-31";

/// The 401 response when the request lacks `Authorization: Bearer <token>`
/// (scheme case-insensitive); `None` when it has it.
pub(crate) fn authorization_failure(headers: &HeaderMap, token: &str) -> Option<Response> {
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
pub(crate) fn api_version_failure(query: Option<&str>) -> Option<Response> {
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
pub(crate) fn query_parameter(query: &str, name: &str) -> Option<String> {
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
