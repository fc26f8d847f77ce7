"""watch() on simulated publishes: to success, to failure, to publisher review."""

from __future__ import annotations

import time
from typing import Any

import pytest
from support import PUBLISH_TIME_SCALE, publish_scenario

import cloudpartner
from cloudpartner import OfferState, StepState
from cloudpartner.testing import Emulator

FAST = {"min_interval": 0.02, "max_interval": 0.1, "timeout": 30.0}


def watch_to_the_end(outcome: str, until: str = "terminal") -> list[cloudpartner.OfferStatus]:
    with Emulator(publish_scenario(outcome), time_scale=PUBLISH_TIME_SCALE) as emulator:
        client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
        return list(client.watch("contoso", "pub", until=until, **FAST))  # type: ignore[arg-type]


def test_watch_a_publish_to_success() -> None:
    seen = watch_to_the_end("complete")
    assert len(seen) >= 2
    last = seen[-1]
    assert last.status is OfferState.SUCCEEDED
    assert last.progress == 1.0
    assert all(not s.is_terminal for s in seen[:-1])
    # Each status yielded differs from the one before.
    assert all(a != b for a, b in zip(seen, seen[1:]))
    progress = [s.progress for s in seen]
    assert progress == sorted(progress)


def test_watch_a_publish_to_failure() -> None:
    seen = watch_to_the_end("rejected")
    last = seen[-1]
    assert last.status is OfferState.FAILED
    assert last.is_terminal
    certify = next(s for s in last.steps if s.id == "certify")
    assert certify.status is StepState.REJECTED


def test_watch_until_publisher_review() -> None:
    seen = watch_to_the_end("waitingForPublisherReview", until="review")
    last = seen[-1]
    assert last.needs_publisher_action
    assert not last.is_terminal
    assert last.status is OfferState.WAITING_FOR_PUBLISHER_REVIEW


def test_watch_times_out() -> None:
    with Emulator(publish_scenario("complete"), time_scale=1.0) as emulator:
        client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
        watch = client.watch("contoso", "pub", min_interval=0.05, timeout=0.5)
        first = next(watch)
        assert first.status is OfferState.RUNNING
        started = time.monotonic()
        with pytest.raises(cloudpartner.RequestTimeoutError, match="timed out"):
            for _ in watch:
                pass
        assert time.monotonic() - started < 3
        assert list(watch) == []


def test_watch_of_a_terminal_offer_yields_it_once(client: cloudpartner.Client) -> None:
    assert [s.status for s in client.watch("contoso", "live-offer")] == [OfferState.SUCCEEDED]


def test_watch_survives_transient_errors(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 503, "times": 6, "offerId": "live-offer"})
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url, max_retries=1)
    seen = list(client.watch("contoso", "live-offer", min_interval=0.02, timeout=20))
    assert [s.status for s in seen] == [OfferState.SUCCEEDED]


def test_watch_ends_with_a_permanent_error(client: cloudpartner.Client) -> None:
    watch = client.watch("contoso", "no-such-offer", min_interval=0.02)
    with pytest.raises(cloudpartner.NotFoundError):
        next(watch)
    with pytest.raises(StopIteration):
        next(watch)


def test_closing_a_watch_stops_it() -> None:
    with Emulator(publish_scenario("complete"), time_scale=1.0) as emulator:
        client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
        with client.watch("contoso", "pub", min_interval=0.05) as watch:
            assert next(watch).status is OfferState.RUNNING
        assert list(watch) == []
        polls = len(emulator.requests)
        time.sleep(0.3)
        assert len(emulator.requests) == polls


@pytest.mark.parametrize(
    "options",
    [
        {"min_interval": 0},
        {"max_interval": 0},
        {"timeout": 0},
        {"min_interval": -1},
        {"timeout": -0.5},
        {"max_interval": float("nan")},
        {"min_interval": 2, "max_interval": 1},
    ],
)
def test_watch_options_out_of_range_are_invalid(
    client: cloudpartner.Client, emulator: Emulator, options: dict[str, Any]
) -> None:
    with pytest.raises(cloudpartner.InvalidArgumentError) as caught:
        client.watch("contoso", "live-offer", **options)
    assert isinstance(caught.value, ValueError)
    async_client = emulator.async_client()
    with pytest.raises(cloudpartner.InvalidArgumentError):
        async_client.watch("contoso", "live-offer", **options)
    assert emulator.requests == [], "nothing is fetched for a refused watch"


def test_none_keeps_the_default_intervals(client: cloudpartner.Client) -> None:
    watch = client.watch("contoso", "live-offer", min_interval=None, max_interval=None)
    assert [s.status for s in watch] == [OfferState.SUCCEEDED]


def test_closing_twice_is_fine(client: cloudpartner.Client) -> None:
    watch = client.watch("contoso", "review-offer")
    assert not watch.closed
    assert next(watch).needs_publisher_action
    watch.close()
    watch.close()
    assert watch.closed
    with pytest.raises(StopIteration):
        next(watch)
    with watch:
        pass
    assert list(watch) == []
