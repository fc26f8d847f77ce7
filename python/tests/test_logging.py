"""The core's log records reach Python's logging under `cloudpartner`, without the token."""

from __future__ import annotations

import logging

import pytest

import cloudpartner
from cloudpartner.testing import Emulator


def test_requests_and_retries_are_logged_without_the_token(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    emulator.add_fault({"kind": "status", "status": 503, "times": 1})
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
    with caplog.at_level(logging.DEBUG, logger="cloudpartner"):
        client.offer_status("contoso", "live-offer")
    records = [r for r in caplog.records if r.name.startswith("cloudpartner.")]
    assert records, "no log record from the core"
    messages = [r.getMessage() for r in records]
    assert any("GET " in m and "live-offer" in m for m in messages)
    # A retry is routine: INFO, not WARNING (the core's choice, shared by the CLI's -v).
    retries = [r for r in records if "retry" in r.getMessage()]
    assert retries and "503" in retries[0].getMessage()
    assert retries[0].levelno == logging.INFO
    for record in caplog.records:
        assert emulator.token not in record.getMessage()


def test_levels_set_later_are_honoured(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
    with caplog.at_level(logging.WARNING, logger="cloudpartner"):
        client.offer_status("contoso", "live-offer")
    assert not [r for r in caplog.records if r.name.startswith("cloudpartner.")]
    with caplog.at_level(logging.DEBUG, logger="cloudpartner"):
        client.offer_status("contoso", "live-offer")
    assert [r for r in caplog.records if r.name.startswith("cloudpartner.")]


def test_the_package_logger_has_a_null_handler() -> None:
    handlers = logging.getLogger("cloudpartner").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)
