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

Without a scenario it serves publisher ``contoso`` with an offer in every state,
``vm-offer`` (a publish that starts with the emulator) and ``vm-release`` (a VM offer
never published, for whole releases through the publishing API). A scenario (a dict,
JSON text or a file path; see ``ScenarioSpec``) sets the token, the offers (fixed
documents, simulated publishes, or offer documents), the form of ``Location`` headers,
whether ETags are sent, and faults; ``time_scale`` speeds up simulated publishes, and
the clients of ``client()`` and ``async_client()`` poll on that clock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Literal, NamedTuple, TypedDict, Union

import cloudpartner
from cloudpartner import _native

__all__ = [
    "ClientSpec",
    "Emulator",
    "FaultSpec",
    "LocationForm",
    "OfferSpec",
    "PublishSpec",
    "PublisherSpec",
    "RecordedRequest",
    "Scenario",
    "ScenarioSpec",
    "StepSpec",
]

#: The form of the ``Location`` headers of publish, go-live and cancel:
#: ``/api/publishers/{p}/offers/{o}/operations/{id}`` (``operations``, the default),
#: ``/api/operations/{p}${o}${n}$preview`` (``legacy``), or the first made absolute.
LocationForm = Union[Literal["operations"], Literal["legacy"], Literal["absolute"]]


class StepSpec(TypedDict, total=False):
    """A step of a simulated publish (``id``, ``stepName`` and ``durationSeconds`` are
    required)."""

    id: str
    stepName: str
    description: str
    estimatedTimeFrame: str
    durationSeconds: float
    #: ``complete`` (the default), ``rejected`` (fails the offer) or
    #: ``waitingForPublisherReview`` (parks it there).
    outcome: str
    message: str


class PublishSpec(TypedDict, total=False):
    """A simulated publish; next to ``offer``, the steps a publish through the API plays."""

    startedSecondsAgo: float
    steps: list[StepSpec]


class OfferSpec(TypedDict, total=False):
    """An offer: a fixed ``status`` document, a simulated ``publish``, or an ``offer``
    document (its draft, stored losslessly) with optional ``publish.steps``."""

    status: dict[str, Any]
    publish: PublishSpec
    notificationEmails: str | list[str]
    #: The offer document (``id``, ``publisherId``, ``offerTypeId``, ``definition``, ...).
    offer: dict[str, Any]
    #: Leave ETag headers out for this offer (it needs an ``offer`` document).
    omitEtag: bool


class PublisherSpec(TypedDict):
    """A publisher: its offers by id."""

    offers: dict[str, OfferSpec]


class ClientSpec(TypedDict):
    """A service principal the token endpoints know."""

    tenant: str
    clientId: str
    clientSecret: str


class FaultSpec(TypedDict, total=False):
    """A fault: ``kind`` (``status``, ``latency``, ``malformed``, ``html``, ``reset``,
    ``slowBody``, ``oversize``, ``redirect``) and its fields, optionally limited to an
    offer, a publisher, a route, a method and a number of times."""

    kind: str
    status: int
    retryAfterSeconds: float
    ms: int
    bytesPerSecond: int
    bytes: int
    location: str
    offerId: str
    publisherId: str
    route: str
    method: str
    times: int


class ScenarioSpec(TypedDict, total=False):
    """A scenario file's top level (every field optional)."""

    token: str
    timeScale: float
    clients: list[ClientSpec]
    publishers: dict[str, PublisherSpec]
    faults: list[FaultSpec]
    locationForm: LocationForm
    #: Leave ETag headers out, as the service sometimes does.
    omitEtag: bool


#: A scenario: a dict as in the scenario file, its JSON text, or the path of the file.
Scenario = Union[ScenarioSpec, Mapping[str, Any], str, "os.PathLike[str]"]


class RecordedRequest(NamedTuple):
    """A request the emulator received."""

    method: str
    #: The path as sent, still percent-encoded.
    path: str
    #: The query string without ``?``, or ``None``.
    query: str | None
    #: The headers, names in lowercase; ``authorization`` without its token
    #: (``"Bearer REDACTED"``).
    headers: dict[str, str]
    #: The body of a write to the API (``PUT``, ``POST``, ...) as received; ``None`` for
    #: reads and for the token endpoints.
    body: bytes | None = None
    #: Whether it carried the emulator's token (``Authorization: Bearer <token>``).
    authorized: bool = False

    def header(self, name: str) -> str | None:
        """The value of a header (case-insensitive), or ``None``."""
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body read as JSON (``None`` without a body)."""
        return None if self.body is None else json.loads(self.body)


class Emulator:
    """The emulator running in this process on ``127.0.0.1``; also a context manager.

    ``scenario`` is a dict, JSON text, or a path (``str`` or ``os.PathLike``) of a
    scenario file; ``None`` serves the default scenario. ``time_scale`` (simulated
    seconds per real second) overrides the scenario's. ``port`` 0 picks a free port.
    ``request_log_capacity`` is how many requests ``requests`` keeps (the last ones;
    ``None``: 1000). ``location_form`` overrides the scenario's ``locationForm``.
    """

    def __init__(
        self,
        scenario: Scenario | None = None,
        *,
        time_scale: float | None = None,
        port: int = 0,
        request_log_capacity: int | None = None,
        location_form: LocationForm | None = None,
    ) -> None:
        options: dict[str, Any] = {
            "time_scale": time_scale,
            "port": port,
            "request_log_capacity": request_log_capacity,
            "location_form": location_form,
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
            RecordedRequest(method, path, query, dict(headers), body, authorized)
            for method, path, query, headers, body, authorized in self._native.requests()
        ]

    def client(self) -> cloudpartner.Client:
        """A ``Client`` of this emulator: its base URL and token, and a watch that polls
        on the emulator's clock (``time_scale`` times more often than against the
        service, the same number of polls per simulated step)."""
        return self._native.client()

    def async_client(self) -> cloudpartner.AsyncClient:
        """An ``AsyncClient`` of this emulator (see ``client()``)."""
        return cloudpartner.AsyncClient._wrap(self._native.async_client())

    @property
    def ingestion_base_url(self) -> str:
        """The URL to give Product Ingestion clients: ``<base_url>/rp/product-ingestion``."""
        return self._native.ingestion_base_url

    def ingestion_client(self) -> cloudpartner.IngestionClient:
        """An ``IngestionClient`` of this emulator: its URL and token, and waits that
        poll on the emulator's clock."""
        return self._native.ingestion_client()

    def ingestion_async_client(self) -> cloudpartner.AsyncIngestionClient:
        """An ``AsyncIngestionClient`` of this emulator (see ``ingestion_client()``)."""
        return cloudpartner.AsyncIngestionClient._wrap(self._native.ingestion_async_client())

    def set_offer_status(
        self, publisher_id: str, offer_id: str, document: Mapping[str, Any] | str
    ) -> None:
        """Serves ``document`` (a dict or JSON text) for the offer from now on."""
        text = document if isinstance(document, str) else json.dumps(document)
        self._native.set_offer_status(publisher_id, offer_id, text)

    def offer_document(
        self,
        publisher_id: str,
        offer_id: str,
        slot: Literal["draft", "preview", "production"] = "draft",
    ) -> dict[str, Any] | None:
        """The offer document the emulator stores in a slot (what the service would
        hold after the requests so far), a dict in its key order; ``None`` when the
        offer, or that slot, has none."""
        document: dict[str, Any] | None = self._native.offer_document(publisher_id, offer_id, slot)
        return document

    def set_offer_document(
        self, publisher_id: str, offer_id: str, document: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Writes an offer's draft as a second writer would: stored as the next version
        with a fresh ETag, so that a client's earlier ETag no longer matches. Returns the
        stored document."""
        given = dict(document) if isinstance(document, Mapping) else document
        stored: dict[str, Any] = self._native.set_offer_document(publisher_id, offer_id, given)
        return stored

    def offer_etag(self, publisher_id: str, offer_id: str) -> str | None:
        """The current ETag of the offer's draft (also with ``omitEtag``), or ``None``."""
        return self._native.offer_etag(publisher_id, offer_id)

    def add_fault(self, fault: FaultSpec | Mapping[str, Any] | str) -> None:
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
