"""Helpers shared by the tests: paths, scenarios, running coroutines."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures" / "status"

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Runs a coroutine on a fresh event loop (no pytest plugin needed)."""
    return asyncio.run(coroutine)


def publish_scenario(outcome: str, *, offer: str = "pub") -> dict[str, Any]:
    """A scenario with one simulated publish whose certification step ends by `outcome`
    (`complete`, `rejected` or `waitingForPublisherReview`). It takes 4800 simulated
    seconds: with `time_scale=4800` about one real second."""
    steps = [
        {
            "id": "validate",
            "stepName": "Validate",
            "estimatedTimeFrame": "< 15 min",
            "durationSeconds": 600,
        },
        {
            "id": "certify",
            "stepName": "Certification",
            "estimatedTimeFrame": "~2-3 days",
            "durationSeconds": 3600,
            "outcome": outcome,
        },
        {
            "id": "live",
            "stepName": "Live",
            "estimatedTimeFrame": "< 1 hour",
            "durationSeconds": 600,
        },
    ]
    return {"publishers": {"contoso": {"offers": {offer: {"publish": {"steps": steps}}}}}}


PUBLISH_TIME_SCALE = 4800.0
