//! The responses of firing faults: error statuses, broken and HTML bodies,
//! slow and oversized bodies, redirects and dropped connections.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use futures_util::stream;

use crate::faults::fault_kind::FaultKind;
use crate::http::connection_control::ConnectionControl;
use crate::http::error_response::{api_error, json_response};

/// The response of a fault that answers *instead of* the route (`status`,
/// `html`, `reset`, `redirect`); `path_and_query` is the request's target,
/// `status_error` the API's error response for a status.
/// The kinds that break a real response are answered by
/// [`broken_response`]; handed one of them (or `latency`) this answers 500.
pub(crate) async fn fault_response(
    kind: FaultKind,
    path_and_query: &str,
    connection: Option<&ConnectionControl>,
    status_error: fn(StatusCode) -> Response,
) -> Response {
    match kind {
        FaultKind::Status {
            status,
            retry_after_seconds,
        } => with_retry_after(status_error(status_code(status)), retry_after_seconds),
        FaultKind::Html {
            status,
            retry_after_seconds,
        } => with_retry_after(html_page(status_code(status)), retry_after_seconds),
        FaultKind::Reset => match connection {
            Some(connection) => {
                connection.reset();
                // The connection task drops the connection, and this future with it.
                std::future::pending().await
            }
            None => broken_body_response(),
        },
        FaultKind::Redirect { location, status } => {
            let location = location.replace("{path}", path_and_query);
            match HeaderValue::try_from(location) {
                Ok(location) => {
                    let mut response = Response::new(Body::empty());
                    *response.status_mut() = status_code(status);
                    response.headers_mut().insert(header::LOCATION, location);
                    response
                }
                Err(_) => api_error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "InvalidRedirectFault",
                    "The redirect fault's location is not a valid header value.",
                ),
            }
        }
        FaultKind::Latency { .. }
        | FaultKind::Malformed
        | FaultKind::SlowBody { .. }
        | FaultKind::Oversize { .. } => api_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "This fault breaks a real response and cannot answer on its own.",
        ),
    }
}

/// The route's real `response` broken by a fault (`malformed`, `slowBody`,
/// `oversize`): status and headers kept (but `Content-Length`), the body
/// made invalid JSON, trickled, or padded past `bytes`. Other kinds leave it
/// as it is.
pub(crate) async fn broken_response(kind: FaultKind, response: Response) -> Response {
    if !kind.breaks_the_real_response() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let document = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            log::warn!("emulator: cannot read a response to break it: {error}");
            String::new()
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = match kind {
        FaultKind::Malformed => Body::from(malformed(&document)),
        FaultKind::SlowBody { bytes_per_second } => {
            Body::from_stream(trickle(Bytes::from(document), bytes_per_second))
        }
        FaultKind::Oversize { bytes } => Body::from_stream(padded_document(&document, bytes)),
        _ => Body::from(document),
    };
    Response::from_parts(parts, body)
}

/// A status code from a validated fault, 500 if it is somehow invalid.
fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Adds a `Retry-After` header when asked to.
fn with_retry_after(mut response: Response, retry_after_seconds: Option<u64>) -> Response {
    if let Some(seconds) = retry_after_seconds {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// A document made invalid JSON the way the reference sample is: the opening
/// quote of the `liveLinks` key (or of the first string) removed.
pub(crate) fn malformed(document: &str) -> String {
    let quote = document
        .rfind("\"liveLinks\"")
        .or_else(|| document.find('"'));
    let broken = match quote {
        Some(index) => format!("{}{}", &document[..index], &document[index + 1..]),
        None => document.to_owned(),
    };
    if serde_json::from_str::<serde::de::IgnoredAny>(&broken).is_ok() {
        // Still valid (a document without strings): add a stray brace.
        format!("{broken}}}")
    } else {
        broken
    }
}

/// An HTML error page as a gateway in front of the service would send it.
fn html_page(status: StatusCode) -> Response {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let page = format!(
        "<!DOCTYPE html>\r\n<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<p>The server encountered a temporary error and could not complete your request. Please try again later.</p>\r\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n"
    );
    let mut response = Response::new(Body::from(page));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// A 200 response whose body fails at once, for when the connection cannot
/// be dropped: the client still sees a transport error.
fn broken_body_response() -> Response {
    let failing = stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection reset by an emulator fault",
        ))
    });
    json_response(StatusCode::OK, Body::from_stream(failing))
}

/// Yields `body` at about `bytes_per_second`: a tenth of a second's worth of
/// bytes every 100 ms (or one byte at a time for rates under 10 bytes/s).
fn trickle(
    body: Bytes,
    bytes_per_second: u64,
) -> impl futures_util::Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let bytes_per_second = bytes_per_second.max(1);
    let (chunk_size, pause) = if bytes_per_second >= 10 {
        (
            usize::try_from(bytes_per_second / 10).unwrap_or(usize::MAX),
            Duration::from_millis(100),
        )
    } else {
        (1, Duration::from_secs_f64(1.0 / bytes_per_second as f64))
    };
    stream::unfold((body, true), move |(rest, first)| async move {
        if rest.is_empty() {
            return None;
        }
        if !first {
            tokio::time::sleep(pause).await;
        }
        let split = chunk_size.min(rest.len());
        Some((Ok(rest.slice(..split)), (rest.slice(split..), false)))
    })
}

/// Padding bytes for oversized documents.
static PADDING: [u8; 64 * 1024] = [b'x'; 64 * 1024];

/// A valid JSON document of at least `bytes` bytes: the real document with
/// an `emulatorPadding` string member appended, produced chunk by chunk.
fn padded_document(
    document: &str,
    bytes: u64,
) -> impl futures_util::Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let trimmed = document.trim_end();
    let is_object_with_members = matches!(
        serde_json::from_str::<serde_json::Value>(document),
        Ok(serde_json::Value::Object(members)) if !members.is_empty()
    );
    let prefix = if is_object_with_members && trimmed.ends_with('}') {
        format!("{},\"emulatorPadding\":\"", &trimmed[..trimmed.len() - 1])
    } else if document.trim().is_empty() || document.trim() == "{}" {
        String::from("{\"emulatorPadding\":\"")
    } else {
        format!("{{\"document\":{},\"emulatorPadding\":\"", document.trim())
    };
    const SUFFIX: &str = "\"}";
    let fixed_length = (prefix.len() + SUFFIX.len()) as u64;
    let padding = bytes.saturating_sub(fixed_length);

    enum Part {
        Prefix(String),
        Padding(u64),
        Done,
    }
    stream::unfold(Part::Prefix(prefix), move |part| async move {
        match part {
            Part::Prefix(prefix) => Some((Ok(Bytes::from(prefix)), Part::Padding(padding))),
            Part::Padding(0) => Some((Ok(Bytes::from_static(SUFFIX.as_bytes())), Part::Done)),
            Part::Padding(left) => {
                let size = left.min(PADDING.len() as u64);
                let chunk = Bytes::from_static(&PADDING[..size as usize]);
                Some((Ok(chunk), Part::Padding(left - size)))
            }
            Part::Done => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[test]
    fn malformed_documents_do_not_parse() {
        let documents = [
            r#"{"status":"succeeded","previewLinks":[],"liveLinks":[],"notificationEmails":""}"#,
            r#"{"status":"succeeded"}"#,
            "{}",
            "42",
        ];
        for document in documents {
            let broken = malformed(document);
            assert!(
                serde_json::from_str::<serde_json::Value>(&broken).is_err(),
                "{broken}"
            );
        }
        assert_eq!(
            malformed(r#"{"a":[],"liveLinks":[]}"#),
            r#"{"a":[],liveLinks":[]}"#
        );
    }

    async fn collect(
        stream: impl futures_util::Stream<Item = Result<Bytes, Infallible>>,
    ) -> Vec<u8> {
        let chunks: Vec<_> = stream.collect().await;
        chunks
            .into_iter()
            .flat_map(|chunk| chunk.map(|bytes| bytes.to_vec()).unwrap_or_default())
            .collect()
    }

    #[tokio::test]
    async fn padded_documents_are_valid_and_big_enough() {
        for document in [r#"{"status":"succeeded"}"#, "{}", "[1]", ""] {
            let body = collect(padded_document(document, 200_000)).await;
            assert!(body.len() >= 200_000, "{document}");
            let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert!(value["emulatorPadding"].is_string());
        }
        let body = collect(padded_document(r#"{"status":"x"}"#, 1)).await;
        assert_eq!(body, br#"{"status":"x","emulatorPadding":""}"#);
    }

    #[tokio::test]
    async fn trickled_bodies_arrive_whole() {
        let body = collect(trickle(Bytes::from_static(b"0123456789abcdef"), 100)).await;
        assert_eq!(body, b"0123456789abcdef");
    }
}
