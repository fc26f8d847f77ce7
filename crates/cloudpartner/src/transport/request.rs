//! One API request, sent with the client's token, retried by the rules of its method,
//! and read into a response or an [`Error`] with its kind, status, code and request id.
//!
//! - A GET is retried on every transient failure ([`Error::is_transient`]).
//! - A PUT or a POST is retried only where the service cannot have acted: a connection
//!   that failed before the request was sent, or an answer of 408, 429 or 503. Never on
//!   500, 502, 504, or a timeout after the request went out.
//! - Any request is sent again once with a fresh token after a 401, unless the token is
//!   fixed (the service refused it; nothing was done).

use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, RETRY_AFTER};

use super::api_transport::Transport;
use super::http_error::{describe, excerpt, status_error, transport_kind};
use super::retry::parse_retry_after;
use crate::document::sas::Redacted;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// The header in which an emulator announces how much faster than real time it plays
/// its publishes (honoured from loopback hosts only).
pub const TIME_SCALE: &str = "x-cloudpartner-time-scale";

/// What to send.
#[derive(Debug, Clone)]
pub(crate) struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(HeaderName, String)>,
    pub json_body: Option<Vec<u8>>,
}

impl ApiRequest {
    /// A GET of `url`.
    pub fn get(url: String) -> ApiRequest {
        ApiRequest {
            method: Method::GET,
            url,
            headers: Vec::new(),
            json_body: None,
        }
    }

    /// A request with a JSON body.
    pub fn with_json(method: Method, url: String, body: Vec<u8>) -> ApiRequest {
        ApiRequest {
            method,
            url,
            headers: Vec::new(),
            json_body: Some(body),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: HeaderName, value: impl Into<String>) -> ApiRequest {
        self.headers.push((name, value.into()));
        self
    }

    fn is_write(&self) -> bool {
        self.method != Method::GET && self.method != Method::HEAD
    }
}

/// A successful answer (2xx).
#[derive(Debug)]
pub(crate) struct ApiResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub request_id: String,
    pub content_type: String,
}

impl ApiResponse {
    /// A header's value, trimmed; `None` when absent, empty or not text.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The body, checked to look like JSON, for `parse`; its errors get the status and
    /// request id. A non-JSON body (an HTML gateway page) is a parse error naming the
    /// status and content type, with an excerpt.
    pub fn json<T>(&self, parse: impl FnOnce(&[u8]) -> Result<T>) -> Result<T> {
        let looks_like_json = self.content_type.to_ascii_lowercase().contains("json")
            || self
                .body
                .iter()
                .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF)
                .is_some_and(|b| *b == b'{' || *b == b'[');
        let reason = reqwest::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("");
        if !looks_like_json {
            let shown = if self.content_type.is_empty() {
                "no content type"
            } else {
                &self.content_type
            };
            return Err(Error::parse(format!(
                "HTTP {} {reason} returned {shown}, not JSON: {}",
                self.status,
                excerpt(&self.body, &self.content_type)
            ))
            .with_status(self.status)
            .with_request_id(Some(self.request_id.clone())));
        }
        parse(&self.body).map_err(|e| {
            e.context(format!("HTTP {} {reason} body", self.status))
                .with_status(self.status)
                .with_request_id(Some(self.request_id.clone()))
        })
    }
}

pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// A failed attempt, and whether the service may have acted on it.
struct Failed {
    error: Error,
    /// False only when the connection failed before the request was sent.
    sent: bool,
}

/// True when a failed write can be sent again: the service cannot have acted.
fn write_is_retryable(failed: &Failed) -> bool {
    match failed.error.status_code() {
        Some(status) if status >= 400 => matches!(status, 408 | 429 | 503),
        _ => !failed.sent,
    }
}

impl Transport {
    /// Sends `request` with retries (see the module's rules); a 2xx answer, or the error.
    pub(crate) async fn execute(&self, request: &ApiRequest) -> Result<ApiResponse> {
        let policy = self.retry_policy();
        let mut retry = 0;
        let mut refreshed_token = false;
        let method = &request.method;
        let url = &request.url;
        let shown = Redacted(url);
        loop {
            let token = self.tokens().token().await?;
            let failed = match self.attempt(request, &token).await {
                Ok(response) => return Ok(response),
                Err(failed) => failed,
            };
            let error = &failed.error;
            if error.status_code() == Some(401) && !refreshed_token && !self.tokens().is_fixed() {
                log::info!("{method} {shown}: token refused, asking the credential for a new one");
                refreshed_token = true;
                self.tokens().invalidate().await;
                continue;
            }
            let retryable = if request.is_write() {
                write_is_retryable(&failed)
            } else {
                error.is_transient()
            };
            if !retryable || retry >= policy.max_retries {
                return Err(failed.error);
            }
            let delay = policy.delay(retry, error.retry_after());
            log::info!(
                "{method} {shown}: {error}; retry {} of {} in {:.1} s",
                retry + 1,
                policy.max_retries,
                delay.as_secs_f64()
            );
            tokio::time::sleep(delay).await;
            retry += 1;
        }
    }

    /// One attempt.
    async fn attempt(
        &self,
        request: &ApiRequest,
        token: &Secret,
    ) -> std::result::Result<ApiResponse, Failed> {
        let method = &request.method;
        let url = &request.url;
        let shown = Redacted(url);
        let client_request_id = uuid::Uuid::new_v4().to_string();
        log::debug!("{method} {shown} (client request id {client_request_id})");
        let mut builder = self
            .http()
            .request(method.clone(), url)
            .bearer_auth(token.expose())
            .header(ACCEPT, "application/json")
            .header("x-ms-client-request-id", &client_request_id);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        match &request.json_body {
            Some(body) if body.is_empty() => builder = builder.body(Vec::new()),
            Some(body) => {
                builder = builder
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            None => {}
        }
        let response = builder.send().await.map_err(|e| Failed {
            sent: !e.is_connect(),
            error: Error::new(
                transport_kind(&e),
                format!("{method} {shown}: {}", describe(&e)),
            )
            .with_client_request_id(&client_request_id),
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let service_request_id = header(&headers, "x-ms-request-id")
            .or_else(|| header(&headers, "x-ms-correlation-request-id"))
            .map(str::to_owned);
        let request_id = service_request_id
            .clone()
            .unwrap_or_else(|| client_request_id.clone());
        let retry_after = header(&headers, RETRY_AFTER.as_str()).and_then(parse_retry_after);
        if let Some(scale) = header(&headers, TIME_SCALE) {
            self.adopt_time_scale(url, scale);
        }
        let content_type = header(&headers, CONTENT_TYPE.as_str())
            .unwrap_or("")
            .to_owned();
        log::debug!(
            "{method} {shown}: HTTP {} (request id {request_id})",
            status.as_u16()
        );
        let body = self
            .read_body(response, method, url)
            .await
            .map_err(|error| Failed {
                sent: true,
                error: error
                    .with_status(status.as_u16())
                    .with_request_id(service_request_id.clone())
                    .with_client_request_id(&client_request_id),
            })?;
        if !status.is_success() {
            return Err(Failed {
                sent: true,
                error: status_error(status, &content_type, &body, self.profile())
                    .with_request_id(service_request_id)
                    .with_client_request_id(&client_request_id)
                    .with_retry_after(retry_after),
            });
        }
        Ok(ApiResponse {
            status: status.as_u16(),
            headers,
            body,
            request_id,
            content_type,
        })
    }

    /// Reads the body, refusing more than the limit.
    async fn read_body(
        &self,
        mut response: reqwest::Response,
        method: &Method,
        url: &str,
    ) -> Result<Vec<u8>> {
        let shown = Redacted(url);
        let limit = self.max_body_bytes();
        let too_large = || {
            Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{method} {shown}: the response body is larger than the limit of {limit} bytes"
                ),
            )
        };
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        loop {
            let chunk = response.chunk().await.map_err(|e| {
                Error::new(
                    transport_kind(&e),
                    format!("{method} {shown}: reading the body: {}", describe(&e)),
                )
            })?;
            let Some(chunk) = chunk else { break };
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}
