"""cloudpartner: where your Azure Marketplace offers stand in their publishing pipeline.

A client of the Cloud Partner Portal API's offer status endpoint, on one Rust core::

    import cloudpartner

    client = cloudpartner.Client(token)  # or credential=DefaultAzureCredential()
    status = client.offer_status("contoso", "my-vm-offer")
    print(status.status, f"{status.progress:.0%}", status.current_step)

``AsyncClient`` has the same methods as coroutines; ``cloudpartner.testing.Emulator``
runs a local emulator of the API for tests.
"""

from __future__ import annotations

import logging

from cloudpartner._async import AsyncClient
from cloudpartner._enums import MessageLevel, OfferState, OperationState, StepState
from cloudpartner._errors import (
    AuthenticationError,
    BadRequestError,
    CanceledError,
    CloudPartnerError,
    ConflictError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    ParseError,
    PermissionDeniedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    ThrottledError,
    TransportError,
)
from cloudpartner._native import (
    AsyncWatch,
    Client,
    Link,
    Message,
    OfferStatus,
    Step,
    TimeFrame,
    Watch,
    __version__,
    parse_offer_status,
)
from cloudpartner._types import AccessTokenLike, TokenCredentialLike

__all__ = [
    "AccessTokenLike",
    "AsyncClient",
    "AsyncWatch",
    "AuthenticationError",
    "BadRequestError",
    "CanceledError",
    "Client",
    "CloudPartnerError",
    "ConflictError",
    "InternalError",
    "InvalidArgumentError",
    "Link",
    "Message",
    "MessageLevel",
    "NotFoundError",
    "OfferState",
    "OfferStatus",
    "OperationState",
    "ParseError",
    "PermissionDeniedError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ServerError",
    "Step",
    "StepState",
    "ThrottledError",
    "TimeFrame",
    "TokenCredentialLike",
    "TransportError",
    "Watch",
    "__version__",
    "parse_offer_status",
]

# Libraries leave handling to the application: silent unless it configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())

# The client, enums and exceptions are defined in private modules; they belong to the
# package.
for _public in (
    AsyncClient,
    MessageLevel,
    OfferState,
    OperationState,
    StepState,
    AuthenticationError,
    BadRequestError,
    CanceledError,
    CloudPartnerError,
    ConflictError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    ParseError,
    PermissionDeniedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    ThrottledError,
    TransportError,
):
    _public.__module__ = __name__
del _public
