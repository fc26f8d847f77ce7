"""cloudpartner: where your Azure Marketplace offers stand in their publishing pipeline.

A client of the Cloud Partner Portal API — offer status, offers, image versions,
publish, go-live, operations — on one Rust core::

    import cloudpartner

    client = cloudpartner.Client(token)  # or credential=DefaultAzureCredential()
    status = client.offer_status("contoso", "my-vm-offer")
    print(status.status, f"{status.progress:.0%}", status.current_step)

    offer = client.offer("contoso", "my-vm-offer")
    offer.set_vm_image_version("standard", cloudpartner.VmImageVersion("2.0.0", vhd_url))
    client.put_offer(offer)  # If-Match: the ETag read; a change made meanwhile: ConflictError
    client.publish("contoso", "my-vm-offer")

``AsyncClient`` has the same methods as coroutines; ``cloudpartner.testing.Emulator``
runs a local emulator of the API for tests.
"""

from __future__ import annotations

import atexit
import logging

from cloudpartner import _native
from cloudpartner._async import AsyncClient
from cloudpartner._enums import (
    MessageLevel,
    OfferState,
    OperationState,
    ReleaseOutcome,
    StepState,
)
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
    DataDisk,
    Link,
    Message,
    Offer,
    OfferStatus,
    Operation,
    OperationRef,
    Publisher,
    ReleaseEvent,
    ReleaseResult,
    Step,
    TimeFrame,
    VmImageVersion,
    Watch,
    __version__,
    parse_offer,
    parse_offer_status,
    parse_offers,
    parse_operation,
    parse_operations,
)
from cloudpartner._types import AccessTokenLike, AsyncTokenCredentialLike, TokenCredentialLike
from cloudpartner.ingestion import AsyncIngestionClient, IngestionClient

__all__ = [
    "AccessTokenLike",
    "AsyncClient",
    "AsyncIngestionClient",
    "AsyncTokenCredentialLike",
    "AsyncWatch",
    "AuthenticationError",
    "BadRequestError",
    "CanceledError",
    "Client",
    "CloudPartnerError",
    "ConflictError",
    "DataDisk",
    "IngestionClient",
    "InternalError",
    "InvalidArgumentError",
    "Link",
    "Message",
    "MessageLevel",
    "NotFoundError",
    "Offer",
    "OfferState",
    "OfferStatus",
    "Operation",
    "OperationRef",
    "OperationState",
    "ParseError",
    "PermissionDeniedError",
    "Publisher",
    "ReleaseEvent",
    "ReleaseOutcome",
    "ReleaseResult",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ServerError",
    "Step",
    "StepState",
    "ThrottledError",
    "TimeFrame",
    "TokenCredentialLike",
    "TransportError",
    "VmImageVersion",
    "Watch",
    "__version__",
    "parse_offer",
    "parse_offer_status",
    "parse_offers",
    "parse_operation",
    "parse_operations",
]

# Native threads must not enter Python once it finalizes (an awaitable's result on its
# way, a credential call): at exit they stop, and those inside are waited for.
atexit.register(_native._before_exit)

# Libraries leave handling to the application: silent unless it configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())

# The client, enums and exceptions are defined in private modules; they belong to the
# package.
for _public in (
    AsyncClient,
    MessageLevel,
    OfferState,
    OperationState,
    ReleaseOutcome,
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
