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
from collections.abc import Iterable
from typing import Literal

from cloudpartner import _native
from cloudpartner._enums import MessageLevel, OfferState, StepState
from cloudpartner._errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CanceledError,
    CloudPartnerError,
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
    "ConflictError",
    "CanceledError",
    "Client",
    "CloudPartnerError",
    "InternalError",
    "InvalidArgumentError",
    "Link",
    "Message",
    "MessageLevel",
    "NotFoundError",
    "OfferState",
    "OfferStatus",
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

# The enums and exceptions are defined in private modules; they belong to the package.
for _public in (
    MessageLevel,
    OfferState,
    StepState,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CanceledError,
    CloudPartnerError,
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


class AsyncClient(_native.AsyncClient):
    """A client of the Cloud Partner Portal API for asyncio.

    Takes the arguments of ``Client``; its methods are coroutines and ``watch`` is an
    async iterator. The requests run on the library's own threads, so the event loop
    is never blocked.
    """

    async def offer_status(self, publisher_id: str, offer_id: str) -> OfferStatus:
        """The status of one offer, retried on transient failures."""
        return await super().offer_status(publisher_id, offer_id)

    async def offer_statuses(
        self, publisher_id: str, offer_ids: Iterable[str], *, concurrency: int = 8
    ) -> dict[str, OfferStatus | CloudPartnerError]:
        """The statuses of several offers, ``concurrency`` at a time: a dict from offer
        id to its ``OfferStatus`` or its ``CloudPartnerError``, in the order given."""
        return await super().offer_statuses(publisher_id, offer_ids, concurrency=concurrency)

    def watch(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        until: Literal["terminal", "review"] = "terminal",
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> AsyncWatch:
        """An async iterator over each new status of the offer until its publish ends
        (``until="terminal"``) or needs the publisher (``until="review"``)."""
        return super().watch(
            publisher_id,
            offer_id,
            until=until,
            min_interval=min_interval,
            max_interval=max_interval,
            timeout=timeout,
        )
