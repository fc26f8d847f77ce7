"""make bench (Python part): cloudpartner against what a Python user would use instead.

- parse: ``cloudpartner.parse_offer_status`` against ``json.loads`` on the reference
  sample (the same bytes). The typed objects of steps, messages and links are made
  when first read, so this is the parse and the ``OfferStatus``;
- parse and read every field: the same, then every field of the status, its steps,
  their messages and the links read (typed: enums, datetimes, time frames), against
  ``json.loads`` and reading the same keys — so that laziness does not just move the
  cost;
- fetch: ``Client.offer_status`` against ``requests.Session().get(...).json()`` on one
  kept-alive connection to the same emulator.

Both sides run in the same process, interleaved, and the ratio of their medians is printed.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time
from typing import Any, Callable

import requests

import cloudpartner
from cloudpartner.testing import Emulator

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "fixtures" / "status" / "reference-sample.json").read_bytes()


def per_call(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def compare(name: str, ours: Callable[[], object], theirs: Callable[[], object], theirs_name: str, number: int) -> None:
    for fn in (ours, theirs):
        per_call(fn, max(1, number // 10))  # warm up
    a: list[float] = []
    b: list[float] = []
    for _ in range(7):
        a.append(per_call(ours, number))
        b.append(per_call(theirs, number))
    ours_s, theirs_s = statistics.median(a), statistics.median(b)
    print(
        f"{name:<40} cloudpartner {ours_s * 1e6:9.2f} µs   {theirs_name} {theirs_s * 1e6:9.2f} µs"
        f"   ratio {ours_s / theirs_s:.2f}x"
    )


def read_every_field(status: cloudpartner.OfferStatus) -> None:
    """Every field of a parsed status, as a program that shows it all would read them."""
    _ = (status.status, status.raw_status, status.notification_emails)
    for message in status.messages:
        _ = (message.html, message.level, message.raw_level, message.timestamp)
    for step in status.steps:
        _ = (step.id, step.name, step.description, step.status, step.raw_status)
        _ = (step.progress_percentage, step.estimated_time_frame)
        for message in step.messages:
            _ = (message.html, message.level, message.raw_level, message.timestamp)
    for link in (*status.preview_links, *status.live_links):
        _ = (link.display_text, link.uri)


def read_the_same_keys(document: dict[str, Any]) -> None:
    """The same fields, read from ``json.loads``'s dicts."""
    _ = (document["status"], document["notificationEmails"])
    for message in document["messages"]:
        _ = (message["messageHtml"], message["level"], message["timestamp"])
    for step in document["steps"]:
        _ = (step["id"], step["stepName"], step["description"], step["status"])
        _ = (step["progressPercentage"], step["estimatedTimeFrame"])
        for message in step["messages"]:
            _ = (message["messageHtml"], message["level"], message["timestamp"])
    for link in (*document["previewLinks"], *document["liveLinks"]):
        _ = (link["displayText"], link["uri"])


def main() -> None:
    print(f"python {sys.version.split()[0]}")
    compare(
        "parse reference sample",
        lambda: cloudpartner.parse_offer_status(SAMPLE),
        lambda: json.loads(SAMPLE),
        "json.loads",
        2000,
    )
    compare(
        "parse and read every field",
        lambda: read_every_field(cloudpartner.parse_offer_status(SAMPLE)),
        lambda: read_the_same_keys(json.loads(SAMPLE)),
        "json.loads",
        2000,
    )
    with Emulator() as emulator:
        client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {emulator.token}"
        url = f"{emulator.base_url}/api/publishers/contoso/offers/running-offer/status?api-version=2017-10-31"
        compare(
            "one call, kept-alive connection",
            lambda: client.offer_status("contoso", "running-offer"),
            lambda: session.get(url).json(),
            "requests.Session",
            200,
        )


if __name__ == "__main__":
    main()
