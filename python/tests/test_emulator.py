"""cloudpartner.testing.Emulator: scenarios as dict, JSON text or path; lifecycle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
