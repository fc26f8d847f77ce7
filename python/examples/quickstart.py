"""The Python quick start, runnable as is: everything against the local emulator.

    python examples/quickstart.py

Against the real service, drop the emulator and build the client with
``cloudpartner.Client(credential=azure.identity.DefaultAzureCredential())``.
"""

from __future__ import annotations

import asyncio

import cloudpartner
from cloudpartner.testing import Emulator


def describe(status: cloudpartner.OfferStatus) -> str:
    """One line: state, progress, current step and what is left."""
    line = f"{status.status.value:<26} {status.progress:4.0%}"
    step = status.current_step
    if step is not None:
        line += f"  now: {step.name} ({step.status.value}, {step.progress_percentage}%)"
    remaining = status.estimated_remaining
    if remaining is not None:
        low, high = remaining
        line += f"  left: {low} to {high}"
    return line


def sync_example(emulator: Emulator) -> None:
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)

    # One offer.
    status = client.offer_status("contoso", "running-offer")
    print("running-offer:", describe(status))
    for step in status.steps:
        frame = step.estimated_time_frame
        print(f"  {step.name:<44} {step.status.value:<26} {frame.raw if frame else ''}")

    # Several offers at once: a dict of statuses or errors, in order.
    for offer_id, result in client.offer_statuses("contoso", ["live-offer", "nope"]).items():
        if isinstance(result, cloudpartner.CloudPartnerError):
            print(f"{offer_id}: {result.kind} (HTTP {result.status_code})")
        else:
            print(f"{offer_id}: {describe(result)}")

    # Errors are exceptions with the HTTP status, the API's code and the request id.
    try:
        client.offer_status("contoso", "no-such-offer")
    except cloudpartner.NotFoundError as error:
        print(f"not found: {error.api_code}, request id {error.request_id}")

    # Watch a publish until it ends; each change is yielded once.
    for change in client.watch("contoso", "vm-offer", min_interval=0.2, max_interval=0.5):
        print("vm-offer:", describe(change))


async def async_example(emulator: Emulator) -> None:
    client = cloudpartner.AsyncClient(emulator.token, base_url=emulator.base_url)
    live, failed = await asyncio.gather(
        client.offer_status("contoso", "live-offer"),
        client.offer_status("contoso", "failed-offer"),
    )
    print("async:", live.status.value, failed.status.value)
    async for change in client.watch("contoso", "review-offer", until="review"):
        print("review-offer needs the publisher:", change.needs_publisher_action)


def main() -> None:
    # A publish of vm-offer takes a few simulated days: run the clock 100,000 times faster.
    with Emulator(time_scale=100_000) as emulator:
        sync_example(emulator)
        asyncio.run(async_example(emulator))


if __name__ == "__main__":
    main()
