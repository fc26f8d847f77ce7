"""Every test vector of fixtures/status/ through parse_offer_status (DESIGN §7)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from support import FIXTURES

import cloudpartner


def inputs(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.endswith(".expected.json")
        and path.suffix in (".json", ".bin")
    )


def expected_for(path: Path) -> Any:
    stem = path.name.removesuffix(".json").removesuffix(".bin")
    return json.loads(path.with_name(f"{stem}.expected.json").read_text())


def close(actual: Any, expected: Any) -> bool:
    """Equal as JSON values, numbers within 1e-9."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    if isinstance(actual, (int, float)) and isinstance(expected, (int, float)):
        return math.isclose(actual, expected, rel_tol=0, abs_tol=1e-9)
    if isinstance(actual, list) and isinstance(expected, list):
        return len(actual) == len(expected) and all(map(close, actual, expected))
    if isinstance(actual, dict) and isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            close(actual[k], expected[k]) for k in actual
        )
    return bool(actual == expected)


def seconds(range_: tuple[Any, Any] | None) -> list[float] | None:
    return None if range_ is None else [range_[0].total_seconds(), range_[1].total_seconds()]


def derived(status: cloudpartner.OfferStatus) -> dict[str, Any]:
    frames = {
        step.id: None
        if step.estimated_time_frame is None or step.estimated_time_frame.min is None
        else seconds((step.estimated_time_frame.min, step.estimated_time_frame.max))
        for step in status.steps
    }
    current = status.current_step
    return {
        "isTerminal": status.is_terminal,
        "needsPublisherAction": status.needs_publisher_action,
        "currentStepId": None if current is None else current.id,
        "progress": status.progress,
        "estimatedRemaining": seconds(status.estimated_remaining),
        "timeFrames": frames,
    }


VALID = inputs(FIXTURES)
INVALID = inputs(FIXTURES / "invalid")


def test_the_folders_have_vectors() -> None:
    assert len(VALID) >= 15
    assert len(INVALID) >= 6


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_vector(path: Path) -> None:
    expected = expected_for(path)
    data = path.read_bytes()
    status = cloudpartner.parse_offer_status(data)
    assert close(json.loads(status.to_json()), expected["canonical"])
    assert close(status.to_dict(), expected["canonical"])
    assert close(derived(status), expected["derived"])
    # The same document given as text, and parse(to_json(x)) == x.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        assert cloudpartner.parse_offer_status(text) == status
    again = cloudpartner.parse_offer_status(status.to_json())
    assert again == status
    assert again.to_json() == status.to_json()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_vector(path: Path) -> None:
    expected = expected_for(path)
    with pytest.raises(cloudpartner.ParseError) as caught:
        cloudpartner.parse_offer_status(path.read_bytes())
    error = caught.value
    assert error.kind == expected["kind"] == "parse"
    assert isinstance(error, ValueError)
    assert error.line == expected.get("line")
    assert error.column == expected.get("column")
    assert error.message
    assert error.status_code is None
