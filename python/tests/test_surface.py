"""The cross-language table of client-surface cases (``fixtures/surface/cases.json``,
DESIGN §9), run through the Python interface: each case with ``Client`` and with
``AsyncClient``, against the default emulator scenario, with exactly the case's
environment variables."""

from __future__ import annotations

import asyncio
import json
import os
import time
from typing import Any

import pytest
from support import REPO

import cloudpartner
from cloudpartner.testing import Emulator

SURFACE = REPO / "fixtures" / "surface"
TABLE = json.loads((SURFACE / "cases.json").read_text())
CASES = TABLE["cases"]


class StaticCredential:
    """A credential object (azure-identity's protocol) that hands out one token."""

    class _Token:
        def __init__(self, token: str) -> None:
            self.token = token
            self.expires_on = int(time.time()) + 3600

    def __init__(self, token: str) -> None:
        self._token = token

    def get_token(self, *scopes: str) -> StaticCredential._Token:
        return StaticCredential._Token(self._token)


def fill(text: str, emulator: Emulator) -> str:
    return (
        text.replace("{token}", emulator.token)
        .replace("{base_url}", emulator.base_url)
        .replace("{fake_az_dir}", str((SURFACE / "bin").resolve()))
    )


def only_the_case_environment(
    case: dict[str, Any], emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No CLOUDPARTNER_*, no AZURE_*, and PATH only when the case gives it."""
    for name in list(os.environ):
        if name.startswith(("CLOUDPARTNER_", "AZURE_")) or name == "PATH":
            monkeypatch.delenv(name)
    for name, value in case.get("env", {}).items():
        monkeypatch.setenv(name, fill(value, emulator))


def client_options(case: dict[str, Any], emulator: Emulator) -> dict[str, Any]:
    """The case's client arguments: token, base_url and a credential object."""
    given = {key: fill(value, emulator) for key, value in case.get("client", {}).items()}
    credential = given.get("credentialToken")
    return {
        "token": given.get("token"),
        "base_url": given.get("baseUrl"),
        "credential": StaticCredential(credential) if credential is not None else None,
    }


def make_client(case: dict[str, Any], emulator: Emulator) -> cloudpartner.Client:
    return cloudpartner.Client(**client_options(case, emulator))


def make_async_client(case: dict[str, Any], emulator: Emulator) -> cloudpartner.AsyncClient:
    return cloudpartner.AsyncClient(**client_options(case, emulator))


def watch_options(case: dict[str, Any]) -> dict[str, Any]:
    watch = case.get("watch", {})
    return {
        "until": watch.get("until", "terminal"),
        "min_interval": watch.get("minIntervalSeconds"),
        "timeout": watch.get("timeoutSeconds"),
    }


def run_sync(case: dict[str, Any], emulator: Emulator) -> None:
    action = case["action"]
    offer = case.get("watch", {}).get("offerId", "")
    client = emulator.client() if action == "emulator-client-watch" else make_client(case, emulator)
    if action == "status":
        client.offer_status("contoso", "live-offer")
    elif action == "watch":
        next(client.watch("contoso", offer, **watch_options(case)))
    elif action == "watch-close-twice":
        watch = client.watch("contoso", offer, **watch_options(case))
        next(watch)
        watch.close()
        watch.close()
        assert watch.closed
        assert list(watch) == [], "a closed watch has no more items"
    elif action == "emulator-stop-twice":
        client.offer_status("contoso", "live-offer")
        emulator.stop()
        emulator.stop()
        assert len(emulator.requests) == 1, "the requests stay readable"
    elif action == "emulator-client-watch":
        started = time.monotonic()
        seen = list(client.watch("contoso", offer, **watch_options(case)))
        check_fast_watch(case, seen, time.monotonic() - started)
    else:
        pytest.fail(f"unknown action {action}: map it in test_surface.py")


async def run_async(case: dict[str, Any], emulator: Emulator) -> None:
    action = case["action"]
    offer = case.get("watch", {}).get("offerId", "")
    client = (
        emulator.async_client()
        if action == "emulator-client-watch"
        else make_async_client(case, emulator)
    )
    if action == "status":
        await client.offer_status("contoso", "live-offer")
    elif action == "watch":
        await client.watch("contoso", offer, **watch_options(case)).__anext__()
    elif action == "watch-close-twice":
        watch = client.watch("contoso", offer, **watch_options(case))
        await watch.__anext__()
        await watch.aclose()
        watch.close()
        assert watch.closed
        assert [s async for s in watch] == [], "a closed watch has no more items"
    elif action == "emulator-stop-twice":
        await client.offer_status("contoso", "live-offer")
        emulator.stop()
        emulator.stop()
        assert len(emulator.requests) == 1, "the requests stay readable"
    elif action == "emulator-client-watch":
        started = time.monotonic()
        seen = [s async for s in client.watch("contoso", offer, **watch_options(case))]
        check_fast_watch(case, seen, time.monotonic() - started)
    else:
        pytest.fail(f"unknown action {action}: map it in test_surface.py")


def check_fast_watch(
    case: dict[str, Any], seen: list[cloudpartner.OfferStatus], elapsed: float
) -> None:
    assert seen, "the watch yielded nothing"
    last = seen[-1]
    assert last.needs_publisher_action or last.is_terminal, last
    assert elapsed < case["expect"]["withinSeconds"], elapsed


def test_the_table_is_there() -> None:
    assert len(CASES) >= 11
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_surface_case(case: dict[str, Any], flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expect = case["expect"]
    time_scale = case.get("emulator", {}).get("timeScale")
    with Emulator(time_scale=time_scale) as emulator:
        only_the_case_environment(case, emulator, monkeypatch)
        try:
            if flavour == "sync":
                run_sync(case, emulator)
            else:
                asyncio.run(run_async(case, emulator))
        except cloudpartner.CloudPartnerError as error:
            if expect.get("ok"):
                pytest.fail(f"{case['id']}: expected success, got {error!r}")
            assert error.kind == expect["kind"], f"{case['id']}: {error}"
            for part in expect.get("messageIncludes", []):
                assert part in error.message, f"{case['id']}: no {part!r} in {error.message}"
        else:
            assert expect.get("ok"), f"{case['id']}: expected {expect}, got success"
