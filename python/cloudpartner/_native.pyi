"""The native half of cloudpartner (Rust). Use the names re-exported by ``cloudpartner``."""

from collections.abc import Awaitable, Iterable, Iterator
from datetime import datetime, timedelta
from os import PathLike
from types import TracebackType
from typing import Any, Literal, final

from typing_extensions import Self

from cloudpartner._enums import MessageLevel, OfferState, StepState
from cloudpartner._errors import CloudPartnerError
from cloudpartner._types import TokenCredentialLike

__all__ = [
    "ERROR_KINDS",
    "MESSAGE_LEVELS",
    "OFFER_STATES",
    "OPERATION_STATES",
    "STEP_STATES",
    "AsyncClient",
    "AsyncWatch",
    "Client",
    "Emulator",
    "Link",
    "Message",
    "OfferStatus",
    "Step",
    "TimeFrame",
    "Watch",
    "__version__",
    "_unpickle",
    "parse_offer_status",
]

__version__: str

# The core's lists of names, in its order: error kinds (``"not_found"``) and the
# canonical wire spellings of the states and levels (``"inProgress"``).
ERROR_KINDS: tuple[str, ...]
OFFER_STATES: tuple[str, ...]
STEP_STATES: tuple[str, ...]
OPERATION_STATES: tuple[str, ...]
MESSAGE_LEVELS: tuple[str, ...]

_Until = Literal["terminal", "review"]

def parse_offer_status(data: str | bytes | bytearray, *, strict: bool = False) -> OfferStatus:
    """Parses an offer status document (JSON text or bytes).

    Lenient by default: unknown enum values are kept as ``UNKNOWN`` with the raw text;
    ``strict=True`` makes them a ``ParseError``. Invalid JSON raises ``ParseError``
    with ``line`` and ``column``.
    """

def _unpickle(kind: str, data: str) -> Any: ...

@final
class OfferStatus:
    """Where an offer stands in its publishing pipeline."""

    @property
    def status(self) -> OfferState: ...
    @property
    def raw_status(self) -> str: ...
    @property
    def messages(self) -> list[Message]: ...
    @property
    def steps(self) -> list[Step]: ...
    @property
    def preview_links(self) -> list[Link]: ...
    @property
    def live_links(self) -> list[Link]: ...
    @property
    def notification_emails(self) -> list[str]: ...
    @property
    def is_terminal(self) -> bool: ...
    @property
    def needs_publisher_action(self) -> bool: ...
    @property
    def current_step(self) -> Step | None: ...
    @property
    def progress(self) -> float: ...
    @property
    def estimated_remaining(self) -> tuple[timedelta, timedelta] | None: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Step:
    """One step of the publishing pipeline."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def status(self) -> StepState: ...
    @property
    def raw_status(self) -> str: ...
    @property
    def progress_percentage(self) -> int: ...
    @property
    def estimated_time_frame(self) -> TimeFrame | None: ...
    @property
    def messages(self) -> list[Message]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Message:
    """A message from the pipeline."""

    @property
    def html(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> MessageLevel: ...
    @property
    def raw_level(self) -> str: ...
    @property
    def timestamp(self) -> datetime | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Link:
    """A link to the preview or to the live offer."""

    @property
    def display_text(self) -> str: ...
    @property
    def uri(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TimeFrame:
    """A step's estimated time frame: the text and, when readable, its range."""

    def __new__(cls, raw: str) -> Self: ...
    @property
    def raw(self) -> str: ...
    @property
    def min(self) -> timedelta | None: ...
    @property
    def max(self) -> timedelta | None: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Client:
    """A client of the Cloud Partner Portal API whose calls block (releasing the GIL)."""

    def __new__(
        cls,
        token: str | None = None,
        *,
        credential: TokenCredentialLike | None = None,
        base_url: str | None = None,
        api_version: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        allow_http: bool = False,
    ) -> Self: ...
    @property
    def base_url(self) -> str: ...
    @property
    def api_version(self) -> str: ...
    def offer_status(self, publisher_id: str, offer_id: str) -> OfferStatus: ...
    def offer_statuses(
        self, publisher_id: str, offer_ids: Iterable[str], *, concurrency: int = 8
    ) -> dict[str, OfferStatus | CloudPartnerError]: ...
    def watch(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        until: _Until = "terminal",
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> Watch: ...

@final
class AsyncClient:
    """The native half of ``cloudpartner.AsyncClient``: methods return awaitables."""

    def __new__(
        cls,
        token: str | None = None,
        *,
        credential: TokenCredentialLike | None = None,
        base_url: str | None = None,
        api_version: str | None = None,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        max_retries: int | None = None,
        allow_http: bool = False,
    ) -> Self: ...
    @property
    def base_url(self) -> str: ...
    @property
    def api_version(self) -> str: ...
    def offer_status(self, publisher_id: str, offer_id: str) -> Awaitable[OfferStatus]: ...
    def offer_statuses(
        self, publisher_id: str, offer_ids: Iterable[str], *, concurrency: int = 8
    ) -> Awaitable[dict[str, OfferStatus | CloudPartnerError]]: ...
    def watch(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        until: _Until = "terminal",
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> AsyncWatch: ...

@final
class Watch(Iterator[OfferStatus]):
    """Each new status of an offer until its publish ends (or needs the publisher)."""

    def __iter__(self) -> Self: ...
    def __next__(self) -> OfferStatus: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
        /,
    ) -> None: ...

@final
class AsyncWatch:
    """The async iterator of ``AsyncClient.watch``."""

    def __aiter__(self) -> Self: ...
    def __anext__(self) -> Awaitable[OfferStatus]: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def aclose(self) -> Awaitable[None]: ...
    def __aenter__(self) -> Awaitable[Self]: ...
    def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
        /,
    ) -> Awaitable[None]: ...

@final
class Emulator:
    """The emulator, running in-process (see ``cloudpartner.testing.Emulator``)."""

    def __new__(
        cls,
        scenario_json: str | None = None,
        *,
        scenario_path: str | PathLike[str] | None = None,
        time_scale: float | None = None,
        port: int = 0,
        request_log_capacity: int | None = None,
    ) -> Self: ...
    @property
    def base_url(self) -> str: ...
    @property
    def token(self) -> str: ...
    @property
    def time_scale(self) -> float: ...
    @property
    def running(self) -> bool: ...
    def requests(
        self,
    ) -> list[tuple[str, str, str | None, list[tuple[str, str]], bytes | None]]: ...
    def set_offer_status(self, publisher_id: str, offer_id: str, document_json: str) -> None: ...
    def add_fault(self, fault_json: str) -> None: ...
    def client(self) -> Client: ...
    def async_client(self) -> AsyncClient: ...
    def stop(self) -> None: ...
