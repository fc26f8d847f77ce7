"""The exceptions: ``CloudPartnerError`` and one subclass per kind of error.

The kinds are spelled as in every cloudpartner interface (``"not_found"``, ...).
"""

from __future__ import annotations

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "CanceledError",
    "CloudPartnerError",
    "ConflictError",
    "InternalError",
    "InvalidArgumentError",
    "NotFoundError",
    "ParseError",
    "PermissionDeniedError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ServerError",
    "ThrottledError",
    "TransportError",
]


class CloudPartnerError(Exception):
    """An error from parsing, a credential or the Cloud Partner Portal API.

    ``message`` is one line, with the HTTP status and the API's code and message when
    known; ``status_code``, ``api_code`` (the body's ``error.code``) and ``request_id``
    (``x-ms-request-id``, else the client request id sent, and then
    ``request_id_is_client`` is true: no service answered with an id of its own) are kept
    apart. Parse errors also have ``line`` and ``column`` when the problem has a position.
    """

    #: The kind of error, e.g. ``"not_found"``.
    kind: str = "internal"

    def __init__(
        self,
        message: str,
        *,
        kind: str | None = None,
        status_code: int | None = None,
        api_code: str | None = None,
        request_id: str | None = None,
        line: int | None = None,
        column: int | None = None,
        request_id_is_client: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind if kind is not None else type(self).kind
        self.status_code = status_code
        self.api_code = api_code
        self.request_id = request_id
        self.request_id_is_client = request_id_is_client
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.request_id:
            which = "client request id" if self.request_id_is_client else "request id"
            return f"{self.message} ({which} {self.request_id})"
        return self.message


class InvalidArgumentError(CloudPartnerError, ValueError):
    """An argument was rejected before any request (an empty id, a bad URL, ...)."""

    kind = "invalid_argument"


class AuthenticationError(CloudPartnerError):
    """HTTP 401, or no token could be obtained from the credential."""

    kind = "authentication"


class PermissionDeniedError(CloudPartnerError):
    """HTTP 403: the identity is not allowed on this publisher account."""

    kind = "permission_denied"


class NotFoundError(CloudPartnerError):
    """HTTP 404: unknown publisher or offer."""

    kind = "not_found"


class BadRequestError(CloudPartnerError):
    """HTTP 400 and other 4xx answers that are not retried."""

    kind = "bad_request"


class ConflictError(CloudPartnerError):
    """HTTP 409 or 412: the offer changed since it was read, it already exists, or
    another operation is running. Read the offer again and retry the change."""

    kind = "conflict"


class ThrottledError(CloudPartnerError):
    """HTTP 429, still throttled after every retry."""

    kind = "throttled"


class ServerError(CloudPartnerError):
    """HTTP 5xx, still failing after every retry."""

    kind = "server"


class RequestTimeoutError(CloudPartnerError, TimeoutError):
    """The request, or a watch, ran out of time."""

    kind = "timeout"


class TransportError(CloudPartnerError, ConnectionError):
    """The connection failed: refused, reset, TLS, DNS."""

    kind = "transport"


class ParseError(CloudPartnerError, ValueError):
    """The document is not a readable offer status (``line`` and ``column`` say where)."""

    kind = "parse"


class ResponseTooLargeError(CloudPartnerError):
    """The response body is larger than the limit."""

    kind = "too_large"


class CanceledError(CloudPartnerError):
    """The operation was canceled."""

    kind = "canceled"


class InternalError(CloudPartnerError):
    """A bug or an unexpected state inside the library."""

    kind = "internal"


_BY_KIND: dict[str, type[CloudPartnerError]] = {
    cls.kind: cls
    for cls in (
        InvalidArgumentError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        BadRequestError,
        ConflictError,
        ThrottledError,
        ServerError,
        RequestTimeoutError,
        TransportError,
        ParseError,
        ResponseTooLargeError,
        CanceledError,
        InternalError,
    )
}


def _from_native(
    kind: str,
    message: str,
    status_code: int | None,
    api_code: str | None,
    request_id: str | None,
    line: int | None,
    column: int | None,
    request_id_is_client: bool,
) -> CloudPartnerError:
    """The exception for an error of the native module (called from Rust).

    Every kind of the core has its class here: an unknown one is a bug of this package
    (the tests check ``_BY_KIND`` against ``_native.ERROR_KINDS``), so it raises
    ``KeyError`` rather than passing for a plain ``CloudPartnerError``.
    """
    cls = _BY_KIND[kind]
    return cls(
        message,
        kind=kind,
        status_code=status_code,
        api_code=api_code,
        request_id=request_id,
        line=line,
        column=column,
        request_id_is_client=request_id_is_client,
    )
