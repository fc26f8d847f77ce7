//! The one error type of the crate, with a kind shared by every language binding.

use std::fmt;
use std::time::Duration;

/// What went wrong, in the spelling shared by the Rust, Python, Node and C interfaces.
///
/// ```
/// use cloudpartner::ErrorKind;
/// assert_eq!(ErrorKind::NotFound.as_str(), "not_found");
/// assert_eq!("too_large".parse::<ErrorKind>().unwrap(), ErrorKind::TooLarge);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument was rejected before any request (an empty id, a bad URL, ...).
    InvalidArgument,
    /// HTTP 401: the token is missing, expired or wrong; or no token could be obtained.
    Authentication,
    /// HTTP 403: the identity is not allowed on this publisher account.
    PermissionDenied,
    /// HTTP 404: unknown publisher or offer.
    NotFound,
    /// HTTP 400 and other 4xx answers that are not retried.
    BadRequest,
    /// HTTP 409, 412 or 423 (locked): the resource changed since it was read, it already exists, or
    /// another operation is running.
    Conflict,
    /// HTTP 429, still throttled after every retry.
    Throttled,
    /// HTTP 5xx, still failing after every retry.
    Server,
    /// The request (or a watch) ran out of time.
    Timeout,
    /// The connection failed: refused, reset, TLS, DNS.
    Transport,
    /// The body is not a readable offer status document.
    Parse,
    /// The body is larger than the configured limit.
    TooLarge,
    /// The operation was canceled by the caller.
    Canceled,
    /// A bug or an unexpected state inside the library.
    Internal,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 14] = [
        ErrorKind::InvalidArgument,
        ErrorKind::Authentication,
        ErrorKind::PermissionDenied,
        ErrorKind::NotFound,
        ErrorKind::BadRequest,
        ErrorKind::Conflict,
        ErrorKind::Throttled,
        ErrorKind::Server,
        ErrorKind::Timeout,
        ErrorKind::Transport,
        ErrorKind::Parse,
        ErrorKind::TooLarge,
        ErrorKind::Canceled,
        ErrorKind::Internal,
    ];

    /// The shared snake_case spelling (`"permission_denied"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::Authentication => "authentication",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::NotFound => "not_found",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Throttled => "throttled",
            ErrorKind::Server => "server",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Transport => "transport",
            ErrorKind::Parse => "parse",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Canceled => "canceled",
            ErrorKind::Internal => "internal",
        }
    }

    /// The kind an HTTP error status maps to once retries are over.
    pub fn from_http_status(status: u16) -> ErrorKind {
        match status {
            401 => ErrorKind::Authentication,
            403 => ErrorKind::PermissionDenied,
            404 => ErrorKind::NotFound,
            408 => ErrorKind::Timeout,
            409 | 412 | 423 => ErrorKind::Conflict,
            413 => ErrorKind::TooLarge,
            429 => ErrorKind::Throttled,
            400..=499 => ErrorKind::BadRequest,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Transport,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for ErrorKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ErrorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::invalid_argument(format!("unknown error kind `{s}`")))
    }
}

/// An error from parsing, a credential or the Cloud Partner Portal API.
///
/// The message is one line; the HTTP status, the API's error code and the request id are
/// kept apart so that programs can act on them. A token never appears in an error.
///
/// ```
/// let err = cloudpartner::parse_offer_status(b"{\"status\": ").unwrap_err();
/// assert_eq!(err.kind(), cloudpartner::ErrorKind::Parse);
/// assert_eq!(err.line(), Some(1));
/// ```
#[derive(Clone)]
pub struct Error(Box<ErrorInner>);

#[derive(Clone)]
struct ErrorInner {
    kind: ErrorKind,
    message: String,
    status_code: Option<u16>,
    api_code: Option<String>,
    request_id: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    retry_after: Option<Duration>,
    argument: Option<&'static str>,
    request_id_is_client: bool,
}

impl Error {
    /// A new error of `kind` with a one-line `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        let message: String = message.into();
        Error(Box::new(ErrorInner {
            kind,
            message: one_line(&message),
            status_code: None,
            api_code: None,
            request_id: None,
            line: None,
            column: None,
            retry_after: None,
            argument: None,
            request_id_is_client: false,
        }))
    }

    /// Shorthand for an [`ErrorKind::InvalidArgument`] error.
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// Shorthand for an [`ErrorKind::Parse`] error.
    pub fn parse(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Parse, message)
    }

    pub(crate) fn with_status(mut self, status: u16) -> Error {
        self.0.status_code = Some(status);
        self
    }

    pub(crate) fn with_api_code(mut self, code: Option<String>) -> Error {
        self.0.api_code = code.filter(|c| !c.is_empty());
        self
    }

    pub(crate) fn with_request_id(mut self, id: Option<String>) -> Error {
        if self.0.request_id.is_none() {
            self.0.request_id = id.filter(|c| !c.is_empty());
        }
        self
    }

    /// The request id this client sent (`x-ms-client-request-id`), for an error no
    /// service answered with an id of its own (nothing answered, or no id header).
    pub(crate) fn with_client_request_id(mut self, id: &str) -> Error {
        if self.0.request_id.is_none() && !id.is_empty() {
            self.0.request_id = Some(id.to_owned());
            self.0.request_id_is_client = true;
        }
        self
    }

    pub(crate) fn with_position(mut self, line: usize, column: usize) -> Error {
        self.0.line = Some(line);
        self.0.column = Some(column);
        self
    }

    /// Names the argument at fault, as the core names it (`os_vhd_url`, `force`).
    pub(crate) fn with_argument(mut self, argument: &'static str) -> Error {
        self.0.argument = Some(argument);
        self
    }

    pub(crate) fn with_retry_after(mut self, after: Option<Duration>) -> Error {
        self.0.retry_after = after;
        self
    }

    /// For an [`ErrorKind::InvalidArgument`] error about one argument, its name as the
    /// core's types name it (`os_vhd_url`, `data_disks`, `version`, `force`), so that an
    /// interface can name its own spelling of it (a flag, a keyword, a field).
    ///
    /// ```
    /// let image = cloudpartner::VmImageVersion::new("1.0.0", "http://a/os.vhd");
    /// let mut offer = cloudpartner::parse_offer(br#"{"offerTypeId": "microsoft-azure-virtualmachines",
    ///     "definition": {"plans": [{"planId": "p", "microsoft-azure-virtualmachines.vmImages": {}}]}}"#)?;
    /// let error = offer.set_vm_image_version("p", &image).unwrap_err();
    /// assert_eq!(error.argument(), Some("os_vhd_url"));
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn argument(&self) -> Option<&str> {
        self.0.argument
    }

    /// Whether [`Error::request_id`] is the id this client sent
    /// (`x-ms-client-request-id`) rather than the service's: no service answered (a
    /// refused connection, a timeout), or its answer had no request id. The message then
    /// says "client request id".
    pub fn request_id_is_client(&self) -> bool {
        self.0.request_id_is_client
    }

    /// Prefixes the message with context (`"offer status: "`).
    pub fn context(mut self, prefix: impl fmt::Display) -> Error {
        self.0.message = one_line(&format!("{prefix}: {}", self.0.message));
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The one-line message, without the kind.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The HTTP status of the answer that caused it, if there was one.
    pub fn status_code(&self) -> Option<u16> {
        self.0.status_code
    }

    /// The API's `error.code` (`"InvalidAPIVersion"`), when the body had one.
    pub fn api_code(&self) -> Option<&str> {
        self.0.api_code.as_deref()
    }

    /// The service's request id (`x-ms-request-id`), else the client request id sent.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// For parse errors: the 1-based line of the problem, when it has a position.
    pub fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// For parse errors: the 1-based column of the problem, when it has a position.
    pub fn column(&self) -> Option<usize> {
        self.0.column
    }

    /// How long the service asked to wait (`Retry-After`), when it said so.
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    /// True for errors worth trying again later — the one definition used by the
    /// client's retries and by a watch: an answer of 408, 429, 500, 502, 503 or 504
    /// ([`crate::is_retryable_status`]), or, with no answer, a timeout or a transport
    /// failure. A 501 or a 505 is not transient.
    ///
    /// ```
    /// use cloudpartner::{Error, ErrorKind};
    /// assert!(Error::new(ErrorKind::Transport, "reset").is_transient());
    /// assert!(!Error::new(ErrorKind::Parse, "bad").is_transient());
    /// ```
    pub fn is_transient(&self) -> bool {
        match self.0.status_code {
            Some(status) if status >= 400 => crate::transport::retry::is_retryable_status(status),
            _ => matches!(self.0.kind, ErrorKind::Timeout | ErrorKind::Transport),
        }
    }
}

/// The message on one line, SAS signatures redacted (a service's answer may quote an
/// image URL).
fn one_line(s: &str) -> String {
    let s = crate::document::sas::redact_sas(s);
    if s.contains(['\n', '\r']) {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.into_owned()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.kind, self.0.message)?;
        if let Some(id) = &self.0.request_id {
            let which = if self.0.request_id_is_client {
                "client request id"
            } else {
                "request id"
            };
            write!(f, " ({which} {id})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.0.kind)
            .field("message", &self.0.message);
        if let Some(s) = self.0.status_code {
            d.field("status_code", &s);
        }
        if let Some(c) = &self.0.api_code {
            d.field("api_code", c);
        }
        if let Some(r) = &self.0.request_id {
            d.field("request_id", r);
        }
        if let (Some(l), Some(c)) = (self.0.line, self.0.column) {
            d.field("line", &l).field("column", &c);
        }
        d.finish()
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
