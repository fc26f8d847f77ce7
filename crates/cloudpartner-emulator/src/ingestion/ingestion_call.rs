//! The request the Product Ingestion API's handlers take, the checks it
//! passes first, and its query and path read the way the peers send them:
//! query keys in any case and percent-encoded (`%24version`), `//` in paths.

use axum::http::StatusCode;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::Response;
use percent_encoding::percent_decode_str;

use crate::http::api_call::ApiCall;
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;
use crate::ingestion::product_store::ProductStore;
use crate::ingestion::wire_error::{error_response, status_error, unauthorized};

/// A request to the Product Ingestion API, past its checks.
pub(crate) type IngestionCall = ApiCall<ProductStore>;

/// The `$version` a request gets when it sends none.
pub(crate) const DEFAULT_VERSION: &str = "2022-07-01";

/// The Product Ingestion API's rules: the bearer token (401 `unauthorized`),
/// then `$version` when present (a date, optionally with a suffix such as
/// `-preview2`; 400 `badRequest` otherwise); errors with a `details` list.
pub(crate) const INGESTION_REQUEST_RULES: RequestRules = RequestRules {
    check: ingestion_checks,
    status_error,
};

/// The token, then the `$version`.
fn ingestion_checks(parts: &Parts, shared: &SharedState) -> Option<Response> {
    let authorization = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .trim();
    let (scheme, credentials) = authorization
        .split_once(|c: char| c.is_ascii_whitespace())
        .unwrap_or((authorization, ""));
    if authorization.is_empty() {
        return Some(unauthorized("The 'Authorization' header is missing."));
    }
    if !scheme.eq_ignore_ascii_case("bearer") || credentials.trim() != shared.token {
        return Some(unauthorized("The access token is invalid or has expired."));
    }
    let version = query_value(parts.uri.query().unwrap_or(""), "$version")?;
    if is_version(&version) {
        return None;
    }
    Some(error_response(
        StatusCode::BAD_REQUEST,
        "badRequest",
        &format!("\"{version}\" is not a valid $version; use a date such as {DEFAULT_VERSION}."),
    ))
}

/// Whether a `$version` looks like one: `YYYY-MM-DD`, optionally followed
/// by `-suffix` (e.g. `2022-03-01-preview2`).
fn is_version(version: &str) -> bool {
    let (date, suffix) = match version.get(10..) {
        Some(rest) => (&version[..10], rest),
        None => return false,
    };
    let date_ok = date.bytes().enumerate().all(|(index, byte)| match index {
        4 | 7 => byte == b'-',
        _ => byte.is_ascii_digit(),
    });
    date_ok
        && (suffix.is_empty()
            || suffix
                .strip_prefix('-')
                .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric())))
}

/// The decoded value of the first query parameter whose decoded key equals
/// `name`, ignoring case (`externalid`, `externalId`, `%24version`).
pub(crate) fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| decode(key).eq_ignore_ascii_case(name))
        .map(|(_, value)| decode(value))
}

/// Percent-decodes a query component (`+` as a space).
fn decode(text: &str) -> String {
    percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// The decoded segments of a path after `prefix`, empty ones (from `//` or
/// a trailing `/`) left out.
pub(crate) fn path_segments(path: &str, prefix: &str) -> Vec<String> {
    path.strip_prefix(prefix)
        .unwrap_or(path)
        .split('/')
        .filter(|segment| !segment.is_empty())
        .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_match_in_any_case_and_encoding() {
        let query = "externalid=vm-release&%24version=2022-07-01&%24maxPageSize=2";
        assert_eq!(
            query_value(query, "externalId").as_deref(),
            Some("vm-release")
        );
        assert_eq!(
            query_value(query, "$version").as_deref(),
            Some("2022-07-01")
        );
        assert_eq!(query_value(query, "$maxpagesize").as_deref(), Some("2"));
        assert_eq!(query_value(query, "type"), None);
    }

    #[test]
    fn versions_are_dates_with_an_optional_suffix() {
        assert!(is_version("2022-07-01"));
        assert!(is_version("2022-03-01-preview2"));
        assert!(!is_version("2022-07"));
        assert!(!is_version("latest"));
        assert!(!is_version("2022-07-01-"));
    }

    #[test]
    fn double_slashes_are_single() {
        assert_eq!(
            path_segments(
                "/rp/product-ingestion//configure/j1/status",
                "/rp/product-ingestion/"
            ),
            ["configure", "j1", "status"]
        );
    }
}
