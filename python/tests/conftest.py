"""Fixtures: an emulator with the default scenario, and a client pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cloudpartner
from cloudpartner.testing import Emulator


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def client(emulator: Emulator) -> cloudpartner.Client:
    return cloudpartner.Client(emulator.token, base_url=emulator.base_url)
