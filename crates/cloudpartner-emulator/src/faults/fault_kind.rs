//! What a fault does to a request.

/// What a [`Fault`](crate::Fault) does to a request.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultKind {
    /// Answer with this HTTP status and a JSON error body
    /// `{"error":{"code","message"}}`; `retry_after_seconds` adds `Retry-After`.
    Status {
        /// The HTTP status code (200..=599).
        status: u16,
        /// The value of a `Retry-After` header, in seconds.
        retry_after_seconds: Option<u64>,
    },
    /// Delay the response by `ms` milliseconds; the request then goes on to
    /// the other faults and the normal answer.
    Latency {
        /// The delay in milliseconds.
        ms: u64,
    },
    /// Answer 200 `application/json` with broken JSON: the real document with
    /// a quote removed.
    Malformed,
    /// Answer with an HTML gateway error page (`text/html`).
    Html {
        /// The HTTP status code (default 502).
        status: u16,
        /// The value of a `Retry-After` header, in seconds.
        retry_after_seconds: Option<u64>,
    },
    /// Close the connection without sending any response bytes.
    Reset,
    /// Send the real document, but only `bytes_per_second` bytes per second.
    SlowBody {
        /// The transfer rate (at least 1).
        bytes_per_second: u64,
    },
    /// Send a valid 200 JSON document of at least `bytes` bytes, chunked,
    /// without `Content-Length`.
    Oversize {
        /// The minimum body size.
        bytes: u64,
    },
    /// Redirect to `location`, in which `{path}` is replaced by the request's
    /// path and query.
    Redirect {
        /// The `Location` header, with `{path}` as a placeholder.
        location: String,
        /// The redirect status code (default 307).
        status: u16,
    },
}

impl FaultKind {
    /// Whether the fault breaks the route's real response (so the route acts
    /// first) rather than answering instead of it.
    pub(crate) fn breaks_the_real_response(&self) -> bool {
        matches!(
            self,
            FaultKind::Malformed | FaultKind::SlowBody { .. } | FaultKind::Oversize { .. }
        )
    }
}
