"""``AsyncClient``: the native client's awaitables as coroutines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from cloudpartner._errors import CloudPartnerError
from cloudpartner._native import AsyncClient as _NativeAsyncClient
from cloudpartner._native import AsyncWatch, OfferStatus
from cloudpartner._types import TokenCredentialLike

__all__ = ["AsyncClient"]


class AsyncClient:
    """A client of the Cloud Partner Portal API for asyncio.

    Takes the arguments of ``Client``; its methods are coroutines and ``watch`` is an
    async iterator. The requests run on the library's own threads, so the event loop
    is never blocked.
    """

    __slots__ = ("_native",)

    _native: _NativeAsyncClient

    def __init__(
        self,
        token: str | None = None,
        *,
        credential: TokenCredentialLike | None = None,
        base_url: str | None = None,
        api_version: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        allow_http: bool = False,
    ) -> None:
        self._native = _NativeAsyncClient(
            token,
            credential=credential,
            base_url=base_url,
            api_version=api_version,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            allow_http=allow_http,
        )

    @classmethod
    def _wrap(cls, native: _NativeAsyncClient) -> AsyncClient:
        """The client around a native one built elsewhere (``Emulator.async_client``)."""
        client = cls.__new__(cls)
        client._native = native
        return client

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return self._native.base_url

    @property
    def api_version(self) -> str:
        """The ``api-version`` sent."""
        return self._native.api_version

    async def offer_status(self, publisher_id: str, offer_id: str) -> OfferStatus:
        """The status of one offer, retried on transient failures."""
        return await self._native.offer_status(publisher_id, offer_id)

    async def offer_statuses(
        self, publisher_id: str, offer_ids: Iterable[str], *, concurrency: int = 8
    ) -> dict[str, OfferStatus | CloudPartnerError]:
        """The statuses of several offers, ``concurrency`` at a time: a dict from offer
        id to its ``OfferStatus`` or its ``CloudPartnerError``, in the order given."""
        return await self._native.offer_statuses(publisher_id, offer_ids, concurrency=concurrency)

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
        return self._native.watch(
            publisher_id,
            offer_id,
            until=until,
            min_interval=min_interval,
            max_interval=max_interval,
            timeout=timeout,
        )

    def __repr__(self) -> str:
        return repr(self._native)
