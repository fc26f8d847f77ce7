//! Requests as the emulator received them, for tests to inspect.

/// A request the emulator received: method, raw path, query and headers.
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
}

impl RecordedRequest {
    /// The value of the first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Records the method, path, query and headers of a request.
    pub(crate) fn of<B>(request: &axum::http::Request<B>) -> RecordedRequest {
        RecordedRequest {
            method: request.method().as_str().to_owned(),
            path: request.uri().path().to_owned(),
            query: request.uri().query().map(str::to_owned),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_case_insensitively() {
        let request = axum::http::Request::get("/x?y=1")
            .header("X-Ms-Client-Request-Id", "abc")
            .body(())
            .unwrap();
        let recorded = RecordedRequest::of(&request);
        assert_eq!(recorded.method, "GET");
        assert_eq!(recorded.path, "/x");
        assert_eq!(recorded.query.as_deref(), Some("y=1"));
        assert_eq!(recorded.headers[0].0, "x-ms-client-request-id");
        assert_eq!(recorded.header("X-MS-CLIENT-REQUEST-ID"), Some("abc"));
        assert_eq!(recorded.header("authorization"), None);
    }
}
