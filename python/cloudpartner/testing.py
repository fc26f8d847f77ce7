"""A local emulator of the Cloud Partner Portal API, for tests.

::

    import pytest
    import cloudpartner
    from cloudpartner.testing import Emulator

    @pytest.fixture
    def emulator():
        with Emulator() as emulator:
            yield emulator

    def test_live_offer(emulator):
        client = emulator.client()  # its base URL and token, polling on its clock
        assert client.offer_status("contoso", "live-offer").is_terminal

Without a scenario it serves publisher ``contoso`` with an offer in every state and
``vm-offer``, a publish that starts with the emulator. A scenario (a dict, JSON text or
a file path) sets the token, the offers (fixed documents or simulated publishes) and
faults; ``time_scale`` speeds up simulated publishes, and the clients of ``client()`` and
``async_client()`` poll on that clock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from types import TracebackType
from typing import Any, NamedTuple, Union

import cloudpartner
from cloudpartner import _native

__all__ = ["Emulator", "RecordedRequest", "Scenario"]

#: A scenario: a dict as in the scenario file, its JSON text, or the path of the file.
Scenario = Union[Mapping[str, Any], str, "os.PathLike[str]"]


class RecordedRequest(NamedTuple):
    """A request the emulator received."""

    method: str
    #: The path as sent, still percent-encoded.
    path: str
    #: The query string without ``?``, or ``None``.
    query: str | None
    #: The headers, names in lowercase.
    headers: dict[str, str]
    #: The body of a write to the API (``PUT``, ``POST``, ...) as received; ``None`` for
    #: reads and for the token endpoints.
    body: bytes | None = None

    def header(self, name: str) -> str | None:
        """The value of a header (case-insensitive), or ``None``."""
        return self.headers.get(name.lower())


class Emulator:
    """The emulator running in this process on ``127.0.0.1``; also a context manager.

    ``scenario`` is a dict, JSON text, or a path (``str`` or ``os.PathLike``) of a
    scenario file; ``None`` serves the default scenario. ``time_scale`` (simulated
    seconds per real second) overrides the scenario's. ``port`` 0 picks a free port.
    ``request_log_capacity`` is how many requests ``requests`` keeps (the last ones;
    ``None``: 1000).
    """

    def __init__(
        self,
        scenario: Scenario | None = None,
        *,
        time_scale: float | None = None,
        port: int = 0,
        request_log_capacity: int | None = None,
    ) -> None:
        options: dict[str, Any] = {
            "time_scale": time_scale,
            "port": port,
            "request_log_capacity": request_log_capacity,
        }
        if scenario is None:
            self._native = _native.Emulator(**options)
        elif isinstance(scenario, Mapping):
            self._native = _native.Emulator(json.dumps(scenario), **options)
        elif isinstance(scenario, str) and scenario.lstrip().startswith("{"):
            self._native = _native.Emulator(scenario, **options)
        elif isinstance(scenario, (str, os.PathLike)):
            self._native = _native.Emulator(scenario_path=os.fspath(scenario), **options)
        else:
            raise TypeError(
                f"scenario must be a dict, JSON text or a path, got {type(scenario).__name__}"
            )

    @property
    def base_url(self) -> str:
        """The URL to give clients (``base_url=``), e.g. ``http://127.0.0.1:41234``."""
        return self._native.base_url

    @property
    def token(self) -> str:
        """The bearer token the emulator accepts."""
        return self._native.token

    @property
    def time_scale(self) -> float:
        """Simulated seconds per real second of its clock."""
        return self._native.time_scale

    @property
    def running(self) -> bool:
        """True until ``stop()``."""
        return self._native.running

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, in order; still readable after ``stop()``."""
        return [
            RecordedRequest(method, path, query, dict(headers), body)
            for method, path, query, headers, body in self._native.requests()
        ]

    def client(self) -> cloudpartner.Client:
        """A ``Client`` of this emulator: its base URL and token, and a watch that polls
        on the emulator's clock (``time_scale`` times more often than against the
        service, the same number of polls per simulated step)."""
        return self._native.client()

    def async_client(self) -> cloudpartner.AsyncClient:
        """An ``AsyncClient`` of this emulator (see ``client()``)."""
        return cloudpartner.AsyncClient._wrap(self._native.async_client())

    def set_offer_status(
        self, publisher_id: str, offer_id: str, document: Mapping[str, Any] | str
    ) -> None:
        """Serves ``document`` (a dict or JSON text) for the offer from now on."""
        text = document if isinstance(document, str) else json.dumps(document)
        self._native.set_offer_status(publisher_id, offer_id, text)

    def add_fault(self, fault: Mapping[str, Any] | str) -> None:
        """Adds a fault, as in a scenario's ``faults``:
        ``{"kind": "status", "status": 503, "times": 2}``."""
        text = fault if isinstance(fault, str) else json.dumps(fault)
        self._native.add_fault(text)

    def stop(self) -> None:
        """Stops the server and waits for it; does nothing when already stopped.
        ``requests`` stays readable."""
        self._native.stop()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"Emulator(base_url={self.base_url!r}, {state})"
