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


OFFER_DOCUMENT = {
    "offerTypeId": "microsoft-azure-virtualmachines",
    "publisherId": "fabrikam",
    "status": "neverPublished",
    "id": "scenario-vm",
    "version": 1,
    "definition": {
        "displayText": "From the scenario",
        "z-unknown-first": {"kept": True},
        "plans": [
            {
                "planId": "only",
                "microsoft-azure-virtualmachines.vmImages": {
                    "1.0.0": {"osVhdUrl": "https://a.blob.core.windows.net/v/1.vhd"}
                },
                "diskGenerations": [],
            }
        ],
    },
}


def test_scenario_offer_documents_location_form_and_omit_etag() -> None:
    scenario = {
        "locationForm": "legacy",
        "publishers": {
            "fabrikam": {
                "offers": {
                    "scenario-vm": {
                        "offer": OFFER_DOCUMENT,
                        "omitEtag": True,
                        "publish": {
                            "steps": [
                                {"id": "only", "stepName": "Only", "durationSeconds": 10},
                            ]
                        },
                    }
                }
            }
        },
    }
    with Emulator(scenario, time_scale=10_000) as emulator:
        client = emulator.client()
        offer = client.offer("fabrikam", "scenario-vm")
        assert offer.etag is None, "omitEtag: no ETag header"
        assert emulator.offer_etag("fabrikam", "scenario-vm") is not None
        assert offer.definition == OFFER_DOCUMENT["definition"]
        assert list(offer.definition) == list(OFFER_DOCUMENT["definition"])
        client.put_offer(offer)
        assert emulator.requests[-1].header("if-match") == "*", "no ETag: If-Match *"
        reference = client.publish("fabrikam", "scenario-vm")
        assert "/api/operations/" in reference.url, "legacy Location form"
        publish = emulator.requests[-1]
        assert publish.method == "POST" and publish.json() == {
            "metadata": {"notification-emails": ""}
        }
        assert reference.id == "fabrikam$scenario-vm$1$preview"
        assert client.operation_at(reference).submission_type
        assert emulator.offer_document("fabrikam", "scenario-vm", "preview") is not None
        assert emulator.offer_document("fabrikam", "scenario-vm", "production") is None
        assert emulator.offer_document("fabrikam", "no-such-offer") is None
        with pytest.raises(cloudpartner.InvalidArgumentError, match="slot"):
            emulator.offer_document("fabrikam", "scenario-vm", "staging")  # type: ignore[arg-type]


def test_a_second_writer(emulator: Emulator) -> None:
    before = emulator.offer_etag("contoso", "vm-release")
    document = emulator.offer_document("contoso", "vm-release")
    assert document is not None and document["id"] == "vm-release"
    document["definition"]["displayText"] = "Second writer"
    stored = emulator.set_offer_document("contoso", "vm-release", document)
    assert stored["version"] == document["version"] + 1
    assert emulator.offer_etag("contoso", "vm-release") != before
    assert emulator.client().offer("contoso", "vm-release").display_text == "Second writer"
    with pytest.raises(TypeError, match="dict"):
        emulator.set_offer_document("contoso", "vm-release", [])  # type: ignore[arg-type]


def test_location_form_argument() -> None:
    with pytest.raises(cloudpartner.InvalidArgumentError, match="location_form"):
        Emulator(location_form="relative")  # type: ignore[arg-type]
    with Emulator(location_form="absolute") as emulator:
        reference = emulator.client().publish("contoso", "vm-release")
        assert reference.url.startswith(emulator.base_url + "/api/publishers/")


def test_recorded_requests_have_no_token(emulator: Emulator) -> None:
    client = emulator.client()
    client.offer_status("contoso", "live-offer")
    stranger = cloudpartner.Client("a-real-looking-token", base_url=emulator.base_url)
    with pytest.raises(cloudpartner.AuthenticationError):
        stranger.offer_status("contoso", "live-offer")
    ours, theirs = emulator.requests
    assert ours.authorized and not theirs.authorized
    for request in (ours, theirs):
        assert request.header("authorization") == "Bearer REDACTED"
        assert emulator.token not in repr(request)
        assert "a-real-looking-token" not in repr(request)
    assert ours.json() is None
