"""A process forked after the package started works on its own runtime."""

from __future__ import annotations

import asyncio
import multiprocessing
import sys

import pytest

import cloudpartner
from cloudpartner.testing import Emulator


def fetch_in_child(base_url: str, token: str, results: multiprocessing.Queue[str]) -> None:
    client = cloudpartner.Client(token, base_url=base_url, timeout=5)
    results.put(client.offer_status("contoso", "live-offer").status.value)

    async def fetch() -> str:
        async_client = cloudpartner.AsyncClient(token, base_url=base_url, timeout=5)
        return (await async_client.offer_status("contoso", "failed-offer")).status.value

    results.put(asyncio.run(fetch()))


@pytest.mark.skipif(sys.platform != "linux", reason="fork is the default only on Linux")
# Python 3.12+ warns that forking a multi-threaded process is risky; it is what we test.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_can_make_calls(emulator: Emulator, client: cloudpartner.Client) -> None:
    # The parent uses the runtime first, so the child inherits a started one.
    assert client.offer_status("contoso", "live-offer").is_terminal
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[str] = context.Queue()
    child = context.Process(
        target=fetch_in_child, args=(emulator.base_url, emulator.token, results)
    )
    child.start()
    child.join(timeout=30)
    assert child.exitcode == 0
    assert [results.get(timeout=5), results.get(timeout=5)] == ["succeeded", "failed"]
    # And the parent still works.
    assert client.offer_status("contoso", "review-offer").needs_publisher_action
