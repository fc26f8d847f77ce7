"""credential=: azure-identity's get_token(*scopes) protocol, cached by the core."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any, NamedTuple

import pytest
from support import run

import cloudpartner
from cloudpartner.testing import Emulator


class AccessToken(NamedTuple):
    """Like azure.core.credentials.AccessToken."""

    token: str
    expires_on: int


class CountingCredential:
    """A credential that counts its calls and hands out the emulator's token."""

    def __init__(self, token: str, lifetime: int = 3600) -> None:
        self.token = token
        self.lifetime = lifetime
        self.scopes: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken(self.token, int(time.time()) + self.lifetime)


def test_fresh_token_is_asked_for_once(emulator: Emulator) -> None:
    credential = CountingCredential(emulator.token)
    client = cloudpartner.Client(credential=credential, base_url=emulator.base_url)
    for _ in range(3):
        assert client.offer_status("contoso", "live-offer").is_terminal
    client.offer_statuses("contoso", ["live-offer", "failed-offer", "review-offer"])
    assert credential.scopes == [("https://cloudpartner.azure.com/.default",)]
    assert emulator.requests[-1].authorized


def test_token_close_to_expiry_is_refreshed(emulator: Emulator) -> None:
    credential = CountingCredential(emulator.token, lifetime=60)
    client = cloudpartner.Client(credential=credential, base_url=emulator.base_url)
    client.offer_status("contoso", "live-offer")
    client.offer_status("contoso", "live-offer")
    assert len(credential.scopes) == 2


def test_refused_token_is_asked_for_again(emulator: Emulator) -> None:
    credential = CountingCredential("stale-token")
    client = cloudpartner.Client(credential=credential, base_url=emulator.base_url)
    with pytest.raises(cloudpartner.AuthenticationError):
        client.offer_status("contoso", "live-offer")
    assert len(credential.scopes) == 2


def test_async_client_uses_the_credential(emulator: Emulator) -> None:
    credential = CountingCredential(emulator.token)
    client = cloudpartner.AsyncClient(credential=credential, base_url=emulator.base_url)

    async def main() -> None:
        for _ in range(3):
            await client.offer_status("contoso", "live-offer")

    run(main())
    assert len(credential.scopes) == 1


def test_expires_on_may_be_missing(emulator: Emulator) -> None:
    class Plain:
        token = emulator.token

    class NoExpiry:
        calls = 0

        def get_token(self, *scopes: str) -> Plain:
            NoExpiry.calls += 1
            return Plain()

    client = cloudpartner.Client(credential=NoExpiry(), base_url=emulator.base_url)  # type: ignore[arg-type]
    client.offer_status("contoso", "live-offer")
    client.offer_status("contoso", "live-offer")
    assert NoExpiry.calls == 1


@pytest.mark.parametrize(
    ("expires_on", "calls"),
    [
        (time.time() - 10, 2),  # expired: asked again for each request
        (time.time() + 3600.5, 1),  # a float of seconds, as azure-identity may give
        (float("nan"), 1),  # not a time: the core's rule, no known expiry
        (-1, 1),
    ],
)
def test_expires_on_is_read_by_the_core(emulator: Emulator, expires_on: float, calls: int) -> None:
    class Token:
        token = emulator.token

        def __init__(self) -> None:
            self.expires_on = expires_on

    class Counting:
        calls = 0

        def get_token(self, *scopes: str) -> Token:
            Counting.calls += 1
            return Token()

    client = cloudpartner.Client(credential=Counting(), base_url=emulator.base_url)
    client.offer_status("contoso", "live-offer")
    client.offer_status("contoso", "live-offer")
    assert Counting.calls == calls


def test_a_failing_credential_is_an_authentication_error(emulator: Emulator) -> None:
    class Broken:
        def get_token(self, *scopes: str) -> AccessToken:
            raise RuntimeError("no managed identity here")

    client = cloudpartner.Client(credential=Broken(), base_url=emulator.base_url)
    with pytest.raises(
        cloudpartner.AuthenticationError, match="no managed identity here"
    ) as caught:
        client.offer_status("contoso", "live-offer")
    assert "Broken.get_token" in str(caught.value)
    assert emulator.requests == []


def test_a_credential_answering_nonsense_is_an_authentication_error(emulator: Emulator) -> None:
    class Nonsense:
        def get_token(self, *scopes: str) -> int:
            return 42

    client = cloudpartner.Client(credential=Nonsense(), base_url=emulator.base_url)  # type: ignore[arg-type]
    with pytest.raises(cloudpartner.AuthenticationError, match="token"):
        client.offer_status("contoso", "live-offer")


class AsyncCredential:
    """Shaped like an azure.identity.aio credential: ``get_token`` is a coroutine, and it
    is an async context manager. It records the event loop each call ran on."""

    def __init__(self, token: str, lifetime: int = 3600) -> None:
        self.token = token
        self.lifetime = lifetime
        self.loops: list[asyncio.AbstractEventLoop] = []
        self.threads: list[str] = []
        self.closed = False

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        assert scopes == ("https://cloudpartner.azure.com/.default",)
        self.loops.append(asyncio.get_running_loop())
        self.threads.append(threading.current_thread().name)
        await asyncio.sleep(0.01)  # a real one awaits its HTTP call
        return AccessToken(self.token, int(time.time()) + self.lifetime)

    async def close(self) -> None:
        self.closed = True

    async def __aenter__(self) -> AsyncCredential:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.close()


def test_an_async_credential_with_the_async_client_runs_on_its_event_loop(
    emulator: Emulator,
) -> None:
    async def main() -> asyncio.AbstractEventLoop:
        async with AsyncCredential(emulator.token, lifetime=60) as credential:
            client = cloudpartner.AsyncClient(credential=credential, base_url=emulator.base_url)
            assert (await client.offer_status("contoso", "live-offer")).is_terminal
            offers = await client.offers("contoso")
            assert any(offer.id == "vm-release" for offer in offers)
            # lifetime 60 s is inside the refresh margin: each call asks again.
            assert len(credential.loops) == 2
            assert set(credential.loops) == {asyncio.get_running_loop()}
        assert credential.closed
        return asyncio.get_running_loop()

    run(main())
    assert all(request.authorized for request in emulator.requests)


def test_an_async_credential_with_the_blocking_client(emulator: Emulator) -> None:
    credential = AsyncCredential(emulator.token, lifetime=60)
    client = cloudpartner.Client(credential=credential, base_url=emulator.base_url)
    assert client.offer_status("contoso", "live-offer").is_terminal
    assert client.offer("contoso", "vm-release").id == "vm-release"
    assert client.offer_statuses("contoso", ["live-offer", "failed-offer"])
    assert len(credential.loops) == 4
    # Always the package's own loop thread, the same loop each time.
    assert len(set(credential.loops)) == 1
    assert set(credential.threads) == {"cloudpartner-credentials"}
    assert all(request.authorized for request in emulator.requests)


def test_a_failing_async_credential_is_an_authentication_error(emulator: Emulator) -> None:
    class Broken:
        async def get_token(self, *scopes: str) -> AccessToken:
            await asyncio.sleep(0)
            raise RuntimeError("CredentialUnavailableError: no az login")

    for flavour in ("sync", "async"):
        if flavour == "sync":
            with pytest.raises(cloudpartner.AuthenticationError, match="no az login") as caught:
                cloudpartner.Client(credential=Broken(), base_url=emulator.base_url).publishers()
        else:

            async def main() -> None:
                client = cloudpartner.AsyncClient(credential=Broken(), base_url=emulator.base_url)
                await client.publishers()

            with pytest.raises(cloudpartner.AuthenticationError, match="no az login") as caught:
                run(main())
        assert "Broken.get_token" in str(caught.value)
    assert emulator.requests == []


def test_objects_without_get_token_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="get_token"):
        cloudpartner.Client(credential="a-token")  # type: ignore[arg-type]
