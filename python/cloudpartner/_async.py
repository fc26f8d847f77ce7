"""``AsyncClient``: the native client's awaitables as coroutines."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Generic, Literal, TypeVar

from cloudpartner._enums import OperationState
from cloudpartner._errors import CloudPartnerError
from cloudpartner._native import AsyncClient as _NativeAsyncClient
from cloudpartner._native import (
    AsyncWatch,
    DataDisk,
    Offer,
    OfferStatus,
    Operation,
    OperationRef,
    Publisher,
    ReleaseEvent,
    ReleaseResult,
)
from cloudpartner._types import AsyncTokenCredentialLike, TokenCredentialLike

__all__ = ["AsyncClient"]

_T = TypeVar("_T")
_E = TypeVar("_E")


class _LoopProgress(Generic[_E]):
    """A release's ``on_progress`` on the event loop of the call: each event is handed
    to the loop; the first exception the callback raises cancels the release and is
    raised by ``run`` instead."""

    def __init__(self, on_progress: Callable[[_E], object] | None) -> None:
        self.forward: Callable[[_E], None] | None = None
        self._raised: list[BaseException] = []
        self._awaitable: Awaitable[Any] | None = None
        if on_progress is None:
            return
        if not callable(on_progress):
            raise TypeError(
                f"on_progress must be a callable or None, got {type(on_progress).__name__}"
            )
        callback = on_progress
        loop = asyncio.get_running_loop()

        def deliver(event: _E) -> None:
            if self._raised:
                return
            try:
                callback(event)
            except BaseException as error:  # raised again by run()
                self._raised.append(error)
                if isinstance(self._awaitable, asyncio.Future):
                    self._awaitable.cancel()

        def forward(event: _E) -> None:
            loop.call_soon_threadsafe(deliver, event)

        self.forward = forward

    async def run(self, awaitable: Awaitable[_T]) -> _T:
        """Awaits the release; what the callback raised is raised instead."""
        self._awaitable = awaitable
        try:
            return await awaitable
        except asyncio.CancelledError:
            if self._raised:
                raise self._raised[0] from None
            raise


class AsyncClient:
    """A client of the Cloud Partner Portal API for asyncio.

    Takes the arguments of ``Client``; its methods are coroutines and ``watch`` is an
    async iterator. The requests run on the library's own threads, so the event loop
    is never blocked; cancelling a task cancels its request. An async credential
    (``azure.identity.aio``) is awaited on the event loop of the call that needs a token.
    """

    __slots__ = ("_native",)

    _native: _NativeAsyncClient

    def __init__(
        self,
        token: str | None = None,
        *,
        credential: TokenCredentialLike | AsyncTokenCredentialLike | None = None,
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

    async def publishers(self) -> list[Publisher]:
        """The publisher accounts the identity may work on."""
        return await self._native.publishers()

    async def offers(self, publisher_id: str) -> list[Offer]:
        """A publisher's offers, as summaries (no plans)."""
        return await self._native.offers(publisher_id)

    async def offer(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        slot: Literal["draft", "preview", "production"] | None = None,
        version: int | None = None,
    ) -> Offer:
        """One offer: the draft (with its ETag), a slot, or a past version."""
        return await self._native.offer(publisher_id, offer_id, slot=slot, version=version)

    async def put_offer(
        self,
        offer: Offer,
        *,
        if_match: str | None = None,
        force: bool = False,
        create: bool = False,
    ) -> Offer:
        """Writes the offer as it is now (its definition's edits included) and returns
        it as stored, with its new ETag (see ``Client.put_offer``)."""
        return await self._native.put_offer(offer, if_match=if_match, force=force, create=create)

    async def publish(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        notification_emails: str | Iterable[str] | None = None,
    ) -> OperationRef:
        """Publishes the draft; the publish then waits for the publisher's review."""
        return await self._native.publish(
            publisher_id, offer_id, notification_emails=notification_emails
        )

    async def go_live(self, publisher_id: str, offer_id: str) -> OperationRef:
        """Makes the reviewed preview live."""
        return await self._native.go_live(publisher_id, offer_id)

    async def cancel(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        notification_emails: str | Iterable[str] | None = None,
    ) -> OperationRef | None:
        """Cancels the running operation: an ``OperationRef`` to follow, or ``None``."""
        return await self._native.cancel(
            publisher_id, offer_id, notification_emails=notification_emails
        )

    async def operations(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        state: OperationState | str | None = None,
    ) -> list[Operation]:
        """The offer's operations, only those in ``state`` when given."""
        return await self._native.operations(publisher_id, offer_id, state=state)

    async def operation(self, publisher_id: str, offer_id: str, operation_id: str) -> Operation:
        """One operation by id."""
        return await self._native.operation(publisher_id, offer_id, operation_id)

    async def operation_at(self, ref_or_url: OperationRef | str) -> Operation:
        """The operation an ``OperationRef`` (or its URL) points at; another origin than
        the client's raises ``InvalidArgumentError``."""
        return await self._native.operation_at(ref_or_url)

    async def release(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        plan: str,
        version: str,
        os_vhd_url: str,
        data_disks: Iterable[DataDisk] = (),
        label: str | None = None,
        media_name: str | None = None,
        description: str | None = None,
        go_live: bool = False,
        dry_run: bool = False,
        notification_emails: str | Iterable[str] | None = None,
        on_progress: Callable[[ReleaseEvent], object] | None = None,
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> ReleaseResult:
        """Releases an image version (see ``Client.release``). ``on_progress`` is called
        on this event loop with each ``ReleaseEvent``; an exception it raises stops the
        release and is raised here. Cancelling the task stops the release."""
        progress = _LoopProgress(on_progress)
        awaitable = self._native.release(
            publisher_id,
            offer_id,
            plan=plan,
            version=version,
            os_vhd_url=os_vhd_url,
            data_disks=data_disks,
            label=label,
            media_name=media_name,
            description=description,
            go_live=go_live,
            dry_run=dry_run,
            notification_emails=notification_emails,
            on_progress=progress.forward,
            min_interval=min_interval,
            max_interval=max_interval,
            timeout=timeout,
        )
        return await progress.run(awaitable)

    def __repr__(self) -> str:
        return repr(self._native)
