//! Requests as the emulator received them, for tests to inspect.

/// What replaces the credentials of an `Authorization` header that does not
/// carry the emulator's own token.
pub const REDACTED: &str = "REDACTED";

/// A request the emulator received: method, raw path, query, headers and,
/// for writes to the API, the body.
///
/// The `Authorization` header is kept as sent when it carries the emulator's
/// own token (no secret: [`crate::Emulator::token`] hands it out); any other
/// credentials are replaced by [`REDACTED`], keeping the scheme
/// (`Bearer REDACTED`), so a real token sent by mistake never lands in a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// The path as sent, still percent-encoded, e.g. `/api/publishers/a%2Fb/offers/o/status`.
    pub path: String,
    /// The query string without `?`, if the request had one.
    pub query: Option<String>,
    /// The headers in the order received, names in lowercase. Values that
    /// are not valid UTF-8 are converted lossily.
    pub headers: Vec<(String, String)>,
    /// The body of a `PUT`, `POST`, `PATCH` or `DELETE` under `/api/`, as
    /// received (possibly empty); `None` for other requests (reads, and the
    /// token endpoints, whose bodies hold client secrets).
    pub body: Option<Vec<u8>>,
}

impl RecordedRequest {
    /// The value of the first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path and, when there is one, `?` and the query, as sent.
    pub fn path_and_query(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// The recorded body parsed as JSON; `None` without a body or when it
    /// is not JSON.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(self.body.as_deref()?).ok()
    }

    /// The request as JSON, the shape the bindings expose:
    /// `{"method", "path" (still percent-encoded), "query" (or null),
    /// "headers": [[name, value], …] (in order, names in lowercase),
    /// "body" (the recorded body as UTF-8 text, lossily, or null),
    /// "authorized" (whether it carried `Bearer <emulator_token>`)}`.
    /// Every `Authorization` value is shown as its scheme followed by
    /// [`REDACTED`], the emulator's own token included.
    pub fn to_json(&self, emulator_token: &str) -> serde_json::Value {
        let mut authorized = false;
        let headers: Vec<serde_json::Value> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let value = if name.eq_ignore_ascii_case("authorization") {
                    let trimmed = value.trim();
                    let (scheme, credentials) = trimmed
                        .split_once(|c: char| c.is_ascii_whitespace())
                        .unwrap_or((trimmed, ""));
                    let bearer = scheme.eq_ignore_ascii_case("bearer");
                    authorized |= bearer && credentials.trim() == emulator_token;
                    if credentials.trim().is_empty() && !bearer {
                        String::from(REDACTED)
                    } else {
                        format!("{scheme} {REDACTED}")
                    }
                } else {
                    value.clone()
                };
                serde_json::json!([name, value])
            })
            .collect();
        serde_json::json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "body": self.body.as_deref().map(String::from_utf8_lossy),
            "authorized": authorized,
        })
    }

    /// Records the method, path, query and headers of a request, redacting
    /// credentials other than `token`, with the body read beforehand.
    pub(crate) fn of(
        parts: &axum::http::request::Parts,
        body: Option<Vec<u8>>,
        token: &str,
    ) -> RecordedRequest {
        RecordedRequest {
            method: parts.method.as_str().to_owned(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().map(str::to_owned),
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    let value = if name == axum::http::header::AUTHORIZATION {
                        redact_authorization(value, token)
                    } else {
                        value
                    };
                    (name.as_str().to_owned(), value)
                })
                .collect(),
            body,
        }
    }
}

/// Whether a request's body is recorded: writes to an API, whose paths
/// start with one of `api_prefixes`.
pub(crate) fn records_body(method: &axum::http::Method, path: &str, api_prefixes: &[&str]) -> bool {
    use axum::http::Method;
    api_prefixes.iter().any(|prefix| path.starts_with(prefix))
        && [Method::PUT, Method::POST, Method::PATCH, Method::DELETE].contains(method)
}

/// An `Authorization` value as recorded: kept when it is `Bearer <token>`,
/// otherwise the scheme followed by [`REDACTED`].
fn redact_authorization(value: String, token: &str) -> String {
    let trimmed = value.trim();
    let (scheme, credentials) = trimmed
        .split_once(|c: char| c.is_ascii_whitespace())
        .unwrap_or((trimmed, ""));
    if scheme.eq_ignore_ascii_case("bearer") && credentials.trim() == token {
        return value;
    }
    if credentials.trim().is_empty() && !scheme.eq_ignore_ascii_case("bearer") {
        // A bare value without a scheme: all of it may be a secret.
        return String::from(REDACTED);
    }
    format!("{scheme} {REDACTED}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(request: axum::http::Request<()>) -> axum::http::request::Parts {
        request.into_parts().0
    }

    #[test]
    fn headers_are_found_case_insensitively() {
        let request = axum::http::Request::get("/x?y=1")
            .header("X-Ms-Client-Request-Id", "abc")
            .body(())
            .unwrap();
        let recorded = RecordedRequest::of(&parts(request), None, "t");
        assert_eq!(recorded.method, "GET");
        assert_eq!(recorded.path, "/x");
        assert_eq!(recorded.query.as_deref(), Some("y=1"));
        assert_eq!(recorded.path_and_query(), "/x?y=1");
        assert_eq!(recorded.headers[0].0, "x-ms-client-request-id");
        assert_eq!(recorded.header("X-MS-CLIENT-REQUEST-ID"), Some("abc"));
        assert_eq!(recorded.header("authorization"), None);
        assert_eq!(recorded.body, None);
    }

    #[test]
    fn only_the_emulator_token_is_kept() {
        let record = |value: &str| {
            let request = axum::http::Request::get("/")
                .header("Authorization", value)
                .body(())
                .unwrap();
            RecordedRequest::of(&parts(request), None, "emulator-token")
                .header("authorization")
                .map(str::to_owned)
        };
        assert_eq!(
            record("Bearer emulator-token").as_deref(),
            Some("Bearer emulator-token")
        );
        assert_eq!(
            record("bearer emulator-token").as_deref(),
            Some("bearer emulator-token")
        );
        assert_eq!(
            record("Bearer eyJ0eXAiOiJKV1Qi.real").as_deref(),
            Some("Bearer REDACTED")
        );
        assert_eq!(
            record("Basic dXNlcjpwYXNz").as_deref(),
            Some("Basic REDACTED")
        );
        assert_eq!(record("s3cr3t").as_deref(), Some("REDACTED"));
        assert_eq!(record("Bearer").as_deref(), Some("Bearer REDACTED"));
    }

    #[test]
    fn json_redacts_every_credential_and_says_whether_it_was_the_token() {
        let request = axum::http::Request::put("/api/x?y=1")
            .header("authorization", "Bearer t")
            .header("x-a", "b")
            .body(())
            .unwrap();
        let recorded = RecordedRequest::of(&parts(request), Some(b"{}".to_vec()), "t");
        assert_eq!(
            recorded.to_json("t"),
            serde_json::json!({"method": "PUT", "path": "/api/x", "query": "y=1",
                "headers": [["authorization", "Bearer REDACTED"], ["x-a", "b"]],
                "body": "{}", "authorized": true})
        );
        assert_eq!(recorded.to_json("other")["authorized"], false);
    }

    #[test]
    fn bodies_of_api_writes_are_recorded() {
        use axum::http::Method;
        let records_body = |method, path| super::records_body(method, path, &["/api/"]);
        assert!(records_body(&Method::PUT, "/api/publishers/p/offers/o"));
        assert!(records_body(
            &Method::POST,
            "/api/publishers/p/offers/o/publish"
        ));
        assert!(!records_body(&Method::GET, "/api/publishers"));
        assert!(!records_body(&Method::POST, "/t/oauth2/token"));
        let request = axum::http::Request::post("/api/x").body(()).unwrap();
        let recorded = RecordedRequest::of(&parts(request), Some(br#"{"a":1}"#.to_vec()), "t");
        assert_eq!(recorded.body_json(), Some(serde_json::json!({"a": 1})));
    }
}
