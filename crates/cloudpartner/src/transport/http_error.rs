//! Turning HTTP failures into [`Error`]s: transport errors, status codes and error bodies.

use reqwest::StatusCode;
use serde_json::Value;

use super::profile::ApiProfile;
use crate::document::message_text::html_to_text;
use crate::error::{Error, ErrorKind};

/// A reqwest error with its causes, one line, without the URL's query.
pub(crate) fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        // reqwest appends " for url (...)"; keep the text without it.
        let tail = format!(" for url ({url})");
        text = text.replace(&tail, "");
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let part = s.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = s.source();
    }
    text
}

/// The kind of a failed send or body read.
pub(crate) fn transport_kind(e: &reqwest::Error) -> ErrorKind {
    if e.is_timeout() {
        ErrorKind::Timeout
    } else if e.is_redirect() || e.is_builder() {
        ErrorKind::InvalidArgument
    } else {
        ErrorKind::Transport
    }
}

/// The `{"error": {"code", "message"}}` of an error body, tolerating a few other shapes.
pub(crate) fn api_error(body: &[u8]) -> Option<(Option<String>, Option<String>)> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let str_of = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let obj = value.as_object()?;
    match obj.get("error") {
        Some(Value::Object(e)) => Some((str_of(e.get("code")), str_of(e.get("message")))),
        Some(Value::String(code)) => {
            Some((Some(code.clone()), str_of(obj.get("error_description"))))
        }
        _ => {
            let code = str_of(obj.get("code"));
            let message = str_of(obj.get("message")).or_else(|| str_of(obj.get("Message")));
            (code.is_some() || message.is_some()).then_some((code, message))
        }
    }
}

/// A short readable excerpt of a body that is not what was expected.
pub(crate) fn excerpt(body: &[u8], content_type: &str) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let text = if content_type.contains("html") || text.trim_start().starts_with('<') {
        html_to_text(&text)
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut short: String = text.chars().take(120).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The error for an HTTP error status, with the API's code and message when present.
pub(crate) fn status_error(
    status: StatusCode,
    content_type: &str,
    body: &[u8],
    profile: &ApiProfile,
) -> Error {
    let code = status.as_u16();
    let reason = status.canonical_reason().unwrap_or("");
    let head = format!("HTTP {code} {reason}").trim_end().to_owned();
    let (api_code, message) = match api_error(body) {
        Some((api_code, api_message)) => {
            let detail = [api_code.clone(), api_message]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(": ");
            (
                api_code,
                if detail.is_empty() {
                    head
                } else {
                    format!("{head}: {detail}")
                },
            )
        }
        None if body.iter().all(u8::is_ascii_whitespace) => (None, head),
        None => {
            let shown = if content_type.is_empty() {
                "no content type"
            } else {
                content_type
            };
            (
                None,
                format!("{head} ({shown}): {}", excerpt(body, content_type)),
            )
        }
    };
    let message = match code {
        401 => format!("{message} — {}", profile.unauthorized_hint),
        403 => format!("{message} — {}", profile.forbidden_hint),
        _ => message,
    };
    Error::new(ErrorKind::from_http_status(code), message)
        .with_status(code)
        .with_api_code(api_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies() {
        let e = status_error(
            StatusCode::BAD_REQUEST,
            "application/json",
            br#"{"error":{"code":"InvalidAPIVersion","message":"The api-version is invalid."}}"#,
            &crate::cpp::PROFILE,
        );
        assert_eq!(e.kind(), ErrorKind::BadRequest);
        assert_eq!(e.api_code(), Some("InvalidAPIVersion"));
        assert_eq!(
            e.message(),
            "HTTP 400 Bad Request: InvalidAPIVersion: The api-version is invalid."
        );
        let e = status_error(StatusCode::NOT_FOUND, "", b"", &crate::cpp::PROFILE);
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::NotFound, "HTTP 404 Not Found")
        );
        let e = status_error(
            StatusCode::BAD_GATEWAY,
            "text/html",
            b"<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>",
            &crate::cpp::PROFILE,
        );
        assert_eq!(e.kind(), ErrorKind::Server);
        assert_eq!(
            e.message(),
            "HTTP 502 Bad Gateway (text/html): 502 Bad Gateway nginx"
        );
        let e = status_error(
            StatusCode::IM_A_TEAPOT,
            "text/plain",
            b"short and stout",
            &crate::cpp::PROFILE,
        );
        assert_eq!(e.kind(), ErrorKind::BadRequest);
    }
}
