"""``release`` (DESIGN §8 "Release in every language") against the emulator, with
``Client`` and with ``AsyncClient``: to live with its progress events in order, stopped
at review, a rejected publish, a dry run that only reads, an exception of
``on_progress`` and a cancelled task stopping it, and its names held to the core's
tables."""

from __future__ import annotations

import ast
import asyncio
import inspect
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support import run

import cloudpartner
from cloudpartner import OfferState, ReleaseEvent, ReleaseOutcome, ReleaseResult, _native
from cloudpartner.testing import Emulator

P, OFFER, PLAN = "contoso", "vm-release", "standard"
IMAGES = "microsoft-azure-virtualmachines.vmImages"
SECRET = "TOPSECRETsig%3D"
SAS = f"https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2020-08-04&sr=b&sig={SECRET}"
# The default publish takes about four simulated days: a fraction of a second here.
FAST = 1_000_000.0

FLAVOURS = ["sync", "async"]

REJECTED: dict[str, Any] = {
    "timeScale": FAST,
    "publishers": {
        P: {
            "offers": {
                "rejected": {
                    "offer": {
                        "offerTypeId": "microsoft-azure-virtualmachines",
                        "publisherId": P,
                        "id": "rejected",
                        "version": 1,
                        "status": "neverPublished",
                        "definition": {
                            "displayText": "Rejected",
                            "offer": {},
                            "plans": [
                                {
                                    "planId": PLAN,
                                    IMAGES: {
                                        "1.0.0": {
                                            "osVhdUrl": "https://a.blob.core.windows.net/v/1.vhd"
                                        }
                                    },
                                }
                            ],
                        },
                    },
                    "publish": {
                        "steps": [
                            {
                                "id": "certify",
                                "stepName": "Certification",
                                "estimatedTimeFrame": "~2-3 days",
                                "durationSeconds": 3600,
                                "outcome": "rejected",
                                "message": "<p>The disk is <b>not generalized</b>.</p>",
                            }
                        ]
                    },
                }
            }
        }
    },
}


class Stop(Exception):
    """What the tests' ``on_progress`` raises."""


def release(emulator: Emulator, flavour: str, offer: str = OFFER, **options: Any) -> ReleaseResult:
    """``release`` through ``Client`` or ``AsyncClient`` (on a fresh event loop)."""
    arguments: dict[str, Any] = {"plan": PLAN, "version": "2.0.0", "os_vhd_url": SAS}
    arguments.update(options)
    if flavour == "sync":
        return emulator.client().release(P, offer, **arguments)

    async def main() -> ReleaseResult:
        return await emulator.async_client().release(P, offer, **arguments)

    return run(main())


def collapsed(events: list[ReleaseEvent]) -> list[str]:
    """``phase kind`` per event, the statuses of one wait as one ``phase status``."""
    lines: list[str] = []
    for event in events:
        line = f"{event.phase} {event.kind}"
        if not lines or lines[-1] != line or event.kind != "status":
            lines.append(line)
    return lines


def paths(emulator: Emulator, method: str | None = None) -> list[str]:
    return [r.path for r in emulator.requests if method is None or r.method == method]


@pytest.fixture
def fast() -> Iterator[Emulator]:
    with Emulator(time_scale=FAST) as emulator:
        yield emulator


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_whole_release_to_live_with_its_events_in_order(fast: Emulator, flavour: str) -> None:
    events: list[ReleaseEvent] = []
    result = release(fast, flavour, go_live=True, on_progress=events.append, label="Two")

    assert result.outcome is ReleaseOutcome.LIVE
    assert result.status is not None and result.status.status is OfferState.SUCCEEDED
    assert (result.diff, result.phase, result.operation) == (None, None, None)
    assert collapsed(events) == [
        "read phase_started",
        "read phase_finished",
        "change phase_started",
        "change phase_finished",
        "write phase_started",
        "write phase_finished",
        "publish phase_started",
        "publish phase_finished",
        "review phase_started",
        "review status",
        "review phase_finished",
        "go-live phase_started",
        "go-live phase_finished",
        "live phase_started",
        "live status",
    ]
    for event in events:
        if event.kind == "status":
            assert isinstance(event.status, cloudpartner.OfferStatus)
            assert (event.summary, event.fields) == (None, {})
        elif event.kind == "phase_finished":
            assert event.status is None
            assert event.summary and SECRET not in event.summary
            assert SECRET not in repr(event)
        else:
            assert (event.summary, event.fields, event.status) == (None, {}, None)
    finished = {e.phase: e for e in events if e.kind == "phase_finished"}
    assert finished["read"].fields["plans"][0] == PLAN
    assert finished["change"].fields["version"] == "2.0.0"
    publish = finished["publish"].fields["operation"]
    assert set(publish) == {"id", "url"} and publish["id"] in publish["url"]
    assert events[-1].status is not None and events[-1].status.status is OfferState.SUCCEEDED

    # What the service holds: the image, with its real URL; the offer went live.
    assert result.offer is not None
    written = fast.client().offer(P, OFFER)
    assert written.version == result.offer.version
    image = next(i for i in written.vm_image_versions(PLAN) if i.version == "2.0.0")
    assert (image.os_vhd_url, image.label) == (SAS, "Two")
    assert any(p.endswith("/golive") for p in paths(fast, "POST"))
    assert fast.client().offer_status(P, OFFER).status is OfferState.SUCCEEDED


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_without_go_live_it_stops_at_review(fast: Emulator, flavour: str) -> None:
    phases: list[str] = []
    result = release(fast, flavour, on_progress=lambda e: phases.append(e.phase))
    assert result.outcome is ReleaseOutcome.AT_REVIEW
    assert result.status is not None
    assert result.status.status is OfferState.WAITING_FOR_PUBLISHER_REVIEW
    assert result.status.needs_publisher_action
    assert "go-live" not in phases and "review" in phases
    assert not any(p.endswith("/golive") for p in paths(fast))
    assert [p for p in paths(fast, "POST")] == [f"/api/publishers/{P}/offers/{OFFER}/publish"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_rejected_publish_is_the_failed_outcome(flavour: str) -> None:
    with Emulator(REJECTED) as emulator:
        result = release(emulator, flavour, offer="rejected", go_live=True)
        assert result.outcome is ReleaseOutcome.FAILED
        assert result.phase == "review"
        assert result.status is not None and result.status.status is OfferState.FAILED
        assert result.operation is not None and result.operation.id
        certify = result.status.steps[0]
        assert certify.status is cloudpartner.StepState.REJECTED
        assert "not generalized" in " ".join(m.text for m in certify.messages)
        assert not any(p.endswith("/golive") for p in paths(emulator))
        assert repr(result).startswith("ReleaseResult(outcome='failed', phase='review'")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_dry_run_returns_the_diff_and_only_reads(fast: Emulator, flavour: str) -> None:
    before = fast.client().offer(P, OFFER)
    sent = len(fast.requests)
    events: list[ReleaseEvent] = []
    result = release(fast, flavour, go_live=True, dry_run=True, on_progress=events.append)

    assert result.outcome is ReleaseOutcome.DRY_RUN
    assert result.status is None
    assert result.diff is not None
    added = [line for line in result.diff.splitlines() if line.startswith("+")]
    assert any('"2.0.0"' in line for line in added), result.diff
    assert any("sig=REDACTED" in line for line in added), result.diff
    assert SECRET not in result.diff
    # The offer as it would be written keeps the real URL; nothing was written.
    assert result.offer is not None
    assert any(i.os_vhd_url == SAS for i in result.offer.vm_image_versions(PLAN))
    assert {r.method for r in fast.requests[sent:]} == {"GET"}
    assert {e.phase for e in events} == {"read", "change"}
    after = fast.client().offer(P, OFFER)
    assert (after.version, after.etag) == (before.version, before.etag)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_exception_of_on_progress_stops_the_release(flavour: str) -> None:
    # Slow enough that the review is still running when the callback raises.
    with Emulator(time_scale=100.0) as emulator:
        seen: list[ReleaseEvent] = []

        def on_progress(event: ReleaseEvent) -> None:
            seen.append(event)
            if event.kind == "status":
                raise Stop("enough")

        with pytest.raises(Stop, match="enough"):
            release(emulator, flavour, go_live=True, on_progress=on_progress, min_interval=0.05)
        assert seen[-1].kind == "status" and seen[-1].phase == "review"
        assert [e for e in seen if e.kind == "status"] == [seen[-1]], "no event after it"
        time.sleep(0.2)
        polled = len(emulator.requests)
        time.sleep(0.5)
        assert len(emulator.requests) == polled, "the release stopped polling"
        assert not any(p.endswith("/golive") for p in paths(emulator))


def test_cancelling_the_async_task_stops_the_release() -> None:
    with Emulator(time_scale=100.0) as emulator:

        async def main() -> list[ReleaseEvent]:
            client = emulator.async_client()
            seen: list[ReleaseEvent] = []
            waiting = asyncio.Event()

            def on_progress(event: ReleaseEvent) -> None:
                seen.append(event)
                if event.kind == "status":
                    waiting.set()

            task = asyncio.create_task(
                client.release(
                    P,
                    OFFER,
                    plan=PLAN,
                    version="2.0.0",
                    os_vhd_url=SAS,
                    go_live=True,
                    on_progress=on_progress,
                    min_interval=0.05,
                )
            )
            await asyncio.wait_for(waiting.wait(), 10)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return seen

        seen = run(main())
        assert seen[-1].phase == "review"
        time.sleep(0.2)
        polled = len(emulator.requests)
        time.sleep(0.5)
        assert len(emulator.requests) == polled, "the release stopped polling"
        assert not any(p.endswith("/golive") for p in paths(emulator))


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_arguments_are_checked_before_any_request(fast: Emulator, flavour: str) -> None:
    sent = len(fast.requests)
    invalid: list[tuple[dict[str, Any], type[BaseException]]] = [
        ({"plan": ""}, cloudpartner.InvalidArgumentError),
        ({"os_vhd_url": "http://a.blob.core.windows.net/v/os.vhd"}, ValueError),
        ({"version": "two"}, cloudpartner.InvalidArgumentError),
        ({"min_interval": 0}, cloudpartner.InvalidArgumentError),
        ({"timeout": -1}, cloudpartner.InvalidArgumentError),
        ({"on_progress": "print"}, TypeError),
        ({"go_live": "yes"}, TypeError),
        ({"data_disks": "disk"}, TypeError),
        ({"version": 2}, TypeError),
    ]
    for options, error in invalid:
        with pytest.raises(error):
            release(fast, flavour, **options)
    assert len(fast.requests) == sent


def test_an_error_names_the_phase(fast: Emulator) -> None:
    with pytest.raises(cloudpartner.NotFoundError, match="release failed at read"):
        release(fast, "sync", offer="no-such-offer")


def stub_literal(alias: str) -> tuple[str, ...]:
    """The strings of ``alias = Literal[...]`` in ``_native.pyi`` (the types of
    ``ReleaseEvent.phase`` and ``.kind``)."""
    tree = ast.parse((Path(cloudpartner.__file__).parent / "_native.pyi").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == alias:
            value = node.value
            assert isinstance(value, ast.Subscript) and ast.unparse(value.value) == "Literal"
            elements = value.slice.elts if isinstance(value.slice, ast.Tuple) else [value.slice]
            return tuple(ast.literal_eval(e) for e in elements)
    raise AssertionError(f"{alias} is not in _native.pyi")


def test_the_names_are_the_core_tables() -> None:
    assert [m.value for m in ReleaseOutcome] == list(_native.RELEASE_OUTCOMES)
    assert stub_literal("_ReleasePhase") == _native.RELEASE_PHASES
    assert stub_literal("_ReleaseEventKind") == _native.RELEASE_EVENT_KINDS
    assert ReleaseOutcome.__module__ == "cloudpartner"
    for name in ("ReleaseOutcome", "ReleaseEvent", "ReleaseResult"):
        assert name in cloudpartner.__all__


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_event_uses_the_core_names(fast: Emulator, flavour: str) -> None:
    events: list[ReleaseEvent] = []
    release(fast, flavour, go_live=True, on_progress=events.append)
    assert {e.phase for e in events} <= set(_native.RELEASE_PHASES)
    assert {e.kind for e in events} == set(_native.RELEASE_EVENT_KINDS)


def test_async_on_progress_runs_on_the_event_loop(fast: Emulator) -> None:
    async def main() -> set[bool]:
        loop = asyncio.get_running_loop()
        on_loop: set[bool] = set()

        def on_progress(event: ReleaseEvent) -> None:
            on_loop.add(asyncio.get_running_loop() is loop)

        client = fast.async_client()
        await client.release(
            P, OFFER, plan=PLAN, version="2.0.0", os_vhd_url=SAS, on_progress=on_progress
        )
        return on_loop

    assert run(main()) == {True}


def _signature_of(method: Callable[..., Any]) -> list[str]:
    return [str(p) for p in inspect.signature(method).parameters.values()]


def test_both_clients_take_the_same_arguments() -> None:
    sync = _signature_of(cloudpartner.Client.release)[1:]
    asynchronous = _signature_of(cloudpartner.AsyncClient.release)[1:]
    assert [p.split(":")[0].split("=")[0] for p in sync] == [
        p.split(":")[0].split("=")[0] for p in asynchronous
    ]
    assert "data_disks=()" in sync
