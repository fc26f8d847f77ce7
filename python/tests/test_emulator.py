"""cloudpartner.testing.Emulator: scenarios as dict, JSON text or path; lifecycle."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from support import publish_scenario

import cloudpartner
from cloudpartner.testing import Emulator

SCENARIO = {
    "token": "scenario-token",
    "publishers": {
        "fabrikam": {
            "offers": {"fixed": {"status": {"status": "Succeeded", "steps": []}}},
        }
    },
}


def status_of(emulator: Emulator, publisher: str, offer: str) -> cloudpartner.OfferStatus:
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
    return client.offer_status(publisher, offer)


def test_scenario_as_dict() -> None:
    with Emulator(SCENARIO) as emulator:
        assert emulator.token == "scenario-token"
        assert status_of(emulator, "fabrikam", "fixed").raw_status == "Succeeded"


def test_scenario_as_json_text() -> None:
    with Emulator(json.dumps(SCENARIO)) as emulator:
        assert status_of(emulator, "fabrikam", "fixed").is_terminal


def test_scenario_as_path(tmp_path: Path) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO))
    for scenario in (path, str(path)):
        with Emulator(scenario) as emulator:
            assert status_of(emulator, "fabrikam", "fixed").is_terminal


def test_default_scenario_has_an_offer_in_every_state(emulator: Emulator) -> None:
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
    offers = [
        "never-published",
        "not-started",
        "review-offer",
        "running-offer",
        "live-offer",
        "canceled-offer",
        "failed-offer",
        "vm-offer",
    ]
    results = client.offer_statuses("contoso", offers)
    assert all(isinstance(r, cloudpartner.OfferStatus) for r in results.values())
    states = {r.status for r in results.values() if isinstance(r, cloudpartner.OfferStatus)}
    assert states >= set(cloudpartner.OfferState) - {cloudpartner.OfferState.UNKNOWN}


def test_set_offer_status_and_stop() -> None:
    emulator = Emulator()
    assert emulator.running
    emulator.set_offer_status("contoso", "new", {"status": "notStarted"})
    assert status_of(emulator, "contoso", "new").status is cloudpartner.OfferState.NOT_STARTED
    base_url = emulator.base_url
    emulator.stop()
    emulator.stop()
    assert not emulator.running
    assert "stopped" in repr(emulator)
    assert emulator.requests, "the requests stay readable after stop"
    client = cloudpartner.Client(emulator.token, base_url=base_url, max_retries=0)
    with pytest.raises(cloudpartner.TransportError):
        client.offer_status("contoso", "new")
    with pytest.raises(cloudpartner.InvalidArgumentError, match="stopped"):
        emulator.add_fault({"kind": "reset"})


def test_bad_scenarios_say_what_and_where(tmp_path: Path) -> None:
    bad = {"publishers": {"p": {"offers": {"o": {"publish": {"steps": [{"id": "x"}]}}}}}}
    with pytest.raises(cloudpartner.InvalidArgumentError, match=r"publishers\.p\.offers\.o"):
        Emulator(bad)
    with pytest.raises(cloudpartner.InvalidArgumentError, match="scenario"):
        Emulator("{not json")
    with pytest.raises(cloudpartner.InvalidArgumentError, match=r"missing\.json"):
        Emulator(tmp_path / "missing.json")
    with pytest.raises(cloudpartner.InvalidArgumentError, match="time scale"):
        Emulator(time_scale=-1)
    with pytest.raises(TypeError, match="scenario"):
        Emulator(42)  # type: ignore[arg-type]
    with pytest.raises(cloudpartner.InvalidArgumentError, match="kind"), Emulator() as emulator:
        emulator.add_fault({"kind": "gremlins"})


def test_client_is_ready_and_polls_on_the_emulator_clock() -> None:
    with Emulator(publish_scenario("waitingForPublisherReview"), time_scale=48_000) as emulator:
        assert emulator.time_scale == 48_000
        client = emulator.client()
        assert isinstance(client, cloudpartner.Client)
        assert client.base_url.startswith(emulator.base_url)
        started = time.monotonic()
        seen = list(client.watch("contoso", "pub", until="review", timeout=30))
        assert seen[-1].needs_publisher_action
        # 4800 simulated seconds at 48 000x: a tenth of a second, and polls 48 000 times
        # more often than the service's 5 s minimum allows (never below 50 ms).
        assert time.monotonic() - started < 5
        request = emulator.requests[-1]
        assert request.authorized
        user_agent = request.header("user-agent")
        assert user_agent is not None and user_agent.endswith("(python)")


def test_async_client_is_ready() -> None:
    async def main(emulator: Emulator) -> list[cloudpartner.OfferStatus]:
        client = emulator.async_client()
        assert isinstance(client, cloudpartner.AsyncClient)
        assert repr(client).startswith("AsyncClient(base_url='http://127.0.0.1:")
        first = await client.offer_status("contoso", "pub")
        assert first.status is cloudpartner.OfferState.RUNNING
        return [s async for s in client.watch("contoso", "pub", until="review", timeout=30)]

    with Emulator(publish_scenario("waitingForPublisherReview"), time_scale=48_000) as emulator:
        seen = asyncio.run(main(emulator))
    assert seen[-1].needs_publisher_action


def test_stop_is_idempotent_and_keeps_the_requests() -> None:
    with Emulator() as emulator:
        emulator.client().offer_status("contoso", "live-offer")
        emulator.stop()
        emulator.stop()
        assert not emulator.running
        requests = emulator.requests
        assert [r.path for r in requests] == ["/api/publishers/contoso/offers/live-offer/status"]
        assert requests[0].body is None, "reads record no body"
        with pytest.raises(cloudpartner.InvalidArgumentError, match="stopped"):
            emulator.client()
        with pytest.raises(cloudpartner.InvalidArgumentError, match="stopped"):
            emulator.async_client()
    assert emulator.requests == requests, "leaving the with block stops it once more"


def test_request_log_capacity_keeps_the_last_requests() -> None:
    with Emulator(request_log_capacity=2) as emulator:
        client = emulator.client()
        for offer in ("live-offer", "failed-offer", "review-offer"):
            client.offer_status("contoso", offer)
        assert [r.path.split("/")[-2] for r in emulator.requests] == [
            "failed-offer",
            "review-offer",
        ]
    with Emulator(request_log_capacity=0) as emulator:
        emulator.client().offer_status("contoso", "live-offer")
        assert emulator.requests == []
