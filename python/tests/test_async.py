"""AsyncClient: the same calls as coroutines, watch as an async iterator."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from support import PUBLISH_TIME_SCALE, publish_scenario, run

import cloudpartner
from cloudpartner import OfferState, StepState
from cloudpartner.testing import Emulator


def async_client(emulator: Emulator, **options: Any) -> cloudpartner.AsyncClient:
    return cloudpartner.AsyncClient(emulator.token, base_url=emulator.base_url, **options)


def test_offer_status(emulator: Emulator) -> None:
    async def main() -> cloudpartner.OfferStatus:
        return await async_client(emulator).offer_status("contoso", "live-offer")

    assert run(main()).status is OfferState.SUCCEEDED


def test_methods_are_coroutines_usable_as_tasks(emulator: Emulator) -> None:
    async def main() -> list[cloudpartner.OfferStatus]:
        client = async_client(emulator)
        tasks = [
            asyncio.create_task(client.offer_status("contoso", offer))
            for offer in ("live-offer", "failed-offer", "review-offer")
        ]
        return await asyncio.gather(*tasks)

    states = [s.status for s in run(main())]
    assert states == [
        OfferState.SUCCEEDED,
        OfferState.FAILED,
        OfferState.WAITING_FOR_PUBLISHER_REVIEW,
    ]


def test_errors_are_raised_with_their_details(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 503})

    async def main() -> None:
        await async_client(emulator, max_retries=0).offer_status("contoso", "live-offer")

    with pytest.raises(cloudpartner.ServerError) as caught:
        run(main())
    assert caught.value.status_code == 503
    assert caught.value.api_code == "ServiceUnavailable"
    assert caught.value.request_id


def test_retries_then_success(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "status", "status": 503, "times": 2})

    async def main() -> cloudpartner.OfferStatus:
        return await async_client(emulator).offer_status("contoso", "live-offer")

    assert run(main()).is_terminal
    assert len(emulator.requests) == 3


def test_timeout(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "slowBody", "bytesPerSecond": 50})

    async def main() -> None:
        client = async_client(emulator, timeout=0.3, max_retries=0)
        await client.offer_status("contoso", "live-offer")

    with pytest.raises(cloudpartner.RequestTimeoutError):
        run(main())


def test_the_event_loop_keeps_running_during_a_request(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "latency", "ms": 400})

    async def main() -> int:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.005)

        ticker = asyncio.create_task(tick())
        await async_client(emulator).offer_status("contoso", "live-offer")
        ticker.cancel()
        return ticks

    assert run(main()) > 20


def test_batch(emulator: Emulator) -> None:
    async def main() -> dict[str, cloudpartner.OfferStatus | cloudpartner.CloudPartnerError]:
        return await async_client(emulator).offer_statuses(
            "contoso", ["missing", "live-offer"], concurrency=4
        )

    results = run(main())
    assert list(results) == ["missing", "live-offer"]
    assert isinstance(results["missing"], cloudpartner.NotFoundError)
    assert isinstance(results["live-offer"], cloudpartner.OfferStatus)


def watch_to_the_end(outcome: str, until: str = "terminal") -> list[cloudpartner.OfferStatus]:
    async def main(emulator: Emulator) -> list[cloudpartner.OfferStatus]:
        client = async_client(emulator)
        seen = []
        async for status in client.watch(
            "contoso",
            "pub",
            until=until,  # type: ignore[arg-type]
            min_interval=0.02,
            max_interval=0.1,
            timeout=30,
        ):
            seen.append(status)
        return seen

    with Emulator(publish_scenario(outcome), time_scale=PUBLISH_TIME_SCALE) as emulator:
        return run(main(emulator))


def test_watch_to_success() -> None:
    seen = watch_to_the_end("complete")
    assert len(seen) >= 2
    assert seen[-1].status is OfferState.SUCCEEDED
    assert all(not s.is_terminal for s in seen[:-1])


def test_watch_to_failure() -> None:
    last = watch_to_the_end("rejected")[-1]
    assert last.status is OfferState.FAILED
    assert any(s.status is StepState.REJECTED for s in last.steps)


def test_watch_until_review() -> None:
    last = watch_to_the_end("waitingForPublisherReview", until="review")[-1]
    assert last.needs_publisher_action
    assert last.status is OfferState.WAITING_FOR_PUBLISHER_REVIEW


def test_watch_errors_and_closing(emulator: Emulator) -> None:
    async def main() -> None:
        client = async_client(emulator)
        with pytest.raises(cloudpartner.NotFoundError):
            async for _ in client.watch("contoso", "no-such-offer"):
                pass
        async with client.watch("contoso", "running-offer", min_interval=0.05) as watch:
            first = await watch.__anext__()
            assert first.status is OfferState.RUNNING
        with pytest.raises(StopAsyncIteration):
            await watch.__anext__()

    run(main())


def test_cancelling_a_task_cancels_the_request(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "latency", "ms": 5000})

    async def main() -> float:
        task = asyncio.ensure_future(async_client(emulator).offer_status("contoso", "live-offer"))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return time.monotonic() - started

    assert run(main()) < 1
