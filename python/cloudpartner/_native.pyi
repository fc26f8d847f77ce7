"""The native half of cloudpartner (Rust). Use the names re-exported by ``cloudpartner``."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Iterator
from datetime import datetime, timedelta
from os import PathLike
from types import TracebackType
from typing import Any, Literal, final

from typing_extensions import Self

from cloudpartner._enums import (
    MessageLevel,
    OfferState,
    OperationState,
    ReleaseOutcome,
    StepState,
)
from cloudpartner._errors import CloudPartnerError
from cloudpartner._types import AsyncTokenCredentialLike, TokenCredentialLike

__all__ = [
    "ERROR_KINDS",
    "MESSAGE_LEVELS",
    "OFFER_STATES",
    "OPERATION_STATES",
    "RELEASE_EVENT_KINDS",
    "RELEASE_OUTCOMES",
    "RELEASE_PHASES",
    "STEP_STATES",
    "AsyncClient",
    "AsyncWatch",
    "Client",
    "DataDisk",
    "Emulator",
    "Link",
    "Message",
    "Offer",
    "OfferStatus",
    "Operation",
    "OperationRef",
    "Publisher",
    "ReleaseEvent",
    "ReleaseResult",
    "Step",
    "TimeFrame",
    "VmImageVersion",
    "Watch",
    "__version__",
    "_before_exit",
    "_construct",
    "_unpickle",
    "_unpickle_offer",
    "parse_offer",
    "parse_offer_status",
    "parse_offers",
    "parse_operation",
    "parse_operations",
]

__version__: str

# The core's lists of names, in its order: error kinds (``"not_found"``) and the
# canonical wire spellings of the states and levels (``"inProgress"``).
ERROR_KINDS: tuple[str, ...]
OFFER_STATES: tuple[str, ...]
STEP_STATES: tuple[str, ...]
OPERATION_STATES: tuple[str, ...]
MESSAGE_LEVELS: tuple[str, ...]
# The release workflow's names: its phases (``"go-live"``), outcomes (``"at_review"``)
# and progress event kinds (``"phase_started"``).
RELEASE_PHASES: tuple[str, ...]
RELEASE_OUTCOMES: tuple[str, ...]
RELEASE_EVENT_KINDS: tuple[str, ...]

_Until = Literal["terminal", "review"]
_Slot = Literal["draft", "preview", "production"]
_Credential = TokenCredentialLike | AsyncTokenCredentialLike
_Emails = str | Iterable[str] | None
# The core's RELEASE_PHASES and RELEASE_EVENT_KINDS (tests/test_release.py holds them).
_ReleasePhase = Literal["read", "change", "write", "publish", "review", "go-live", "live", "done"]
_ReleaseEventKind = Literal["phase_started", "phase_finished", "status"]

def parse_offer_status(data: str | bytes | bytearray, *, strict: bool = False) -> OfferStatus:
    """Parses an offer status document (JSON text or bytes).

    Lenient by default: unknown enum values are kept as ``UNKNOWN`` with the raw text;
    ``strict=True`` makes them a ``ParseError``. Invalid JSON raises ``ParseError``
    with ``line`` and ``column``.
    """

def _unpickle(kind: str, data: str) -> Any: ...
def _before_exit() -> None: ...
def parse_offer(data: str | bytes | bytearray) -> Offer:
    """Parses an offer document (JSON text or bytes), losslessly."""

def parse_offers(data: str | bytes | bytearray) -> list[Offer]:
    """Parses a list of offers."""

def parse_operation(data: str | bytes | bytearray) -> Operation:
    """Parses one operation: an object, or an array of exactly one."""

def parse_operations(data: str | bytes | bytearray) -> list[Operation]:
    """Parses a list of operations."""

def _unpickle_offer(json: str, etag: str | None) -> Offer: ...
def _construct(cls: type[Any], keywords: dict[str, Any]) -> Any: ...

@final
class Offer:
    """An offer document, kept losslessly; ``definition`` is a dict held by the offer."""

    def __new__(cls, document: dict[str, Any], *, etag: str | None = None) -> Self: ...
    @property
    def id(self) -> str: ...
    @property
    def publisher_id(self) -> str: ...
    @property
    def offer_type_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def changed_time(self) -> datetime | None: ...
    @property
    def etag(self) -> str | None: ...
    @property
    def display_text(self) -> str: ...
    @property
    def definition(self) -> dict[str, Any]: ...
    @definition.setter
    def definition(self, definition: dict[str, Any]) -> None: ...
    @property
    def plan_ids(self) -> list[str]: ...
    def images_key(self, plan_id: str) -> str: ...
    def vm_image_versions(self, plan_id: str) -> list[VmImageVersion]: ...
    def set_vm_image_version(self, plan_id: str, image: VmImageVersion) -> None: ...
    def remove_vm_image_version(
        self, plan_id: str, version: str, *, force: bool = False
    ) -> VmImageVersion: ...
    def deprecate_vm_image_version(self, plan_id: str, version: str) -> None: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DataDisk:
    """A data disk of an image version."""

    def __new__(cls, lun: int, vhd_url: str) -> Self: ...
    @property
    def lun(self) -> int: ...
    @property
    def vhd_url(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class VmImageVersion:
    """One version of a VM image in a plan; immutable (``replace`` makes a changed copy)."""

    def __new__(
        cls,
        version: str,
        os_vhd_url: str,
        *,
        label: str | None = None,
        media_name: str | None = None,
        description: str | None = None,
        published_date: str | None = None,
        show_in_gui: bool | None = None,
        data_disks: Iterable[DataDisk] | None = None,
    ) -> Self: ...
    @property
    def version(self) -> str: ...
    @property
    def os_vhd_url(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def media_name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def published_date(self) -> str: ...
    @property
    def show_in_gui(self) -> bool: ...
    @property
    def data_disks(self) -> tuple[DataDisk, ...]: ...
    def replace(
        self,
        *,
        version: str = ...,
        os_vhd_url: str = ...,
        label: str = ...,
        media_name: str = ...,
        description: str = ...,
        published_date: str = ...,
        show_in_gui: bool = ...,
        data_disks: Iterable[DataDisk] = ...,
    ) -> VmImageVersion: ...
    def validate(self) -> None: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Operation:
    """An operation on an offer: a publish, a go-live, a cancel."""

    @property
    def id(self) -> str: ...
    @property
    def submission_type(self) -> str: ...
    @property
    def state(self) -> OperationState: ...
    @property
    def raw_state(self) -> str: ...
    @property
    def is_terminal(self) -> bool: ...
    @property
    def created(self) -> datetime | None: ...
    @property
    def last_action(self) -> datetime | None: ...
    @property
    def publishing_version(self) -> int | None: ...
    @property
    def offer_version(self) -> int | None: ...
    @property
    def slot(self) -> str | None: ...
    @property
    def cancellation_request_state(self) -> str | None: ...
    @property
    def error(self) -> str | None: ...
    @property
    def detail(self) -> OfferStatus | None: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class OperationRef:
    """Where to follow an operation: its absolute ``url`` and its ``id``."""

    def __new__(cls, url: str, id: str) -> Self: ...
    @property
    def url(self) -> str: ...
    @property
    def id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Publisher:
    """A publisher account."""

    def __new__(cls, id: str, display_text: str = "", seller_id: str = "") -> Self: ...
    @property
    def id(self) -> str: ...
    @property
    def display_text(self) -> str: ...
    @property
    def seller_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

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
class ReleaseEvent:
    """One progress event of a release: a phase started or finished, or the status
    changed while a phase waits."""

    @property
    def kind(self) -> _ReleaseEventKind: ...
    @property
    def phase(self) -> _ReleasePhase: ...
    @property
    def summary(self) -> str | None: ...
    @property
    def fields(self) -> dict[str, Any]: ...
    @property
    def status(self) -> OfferStatus | None: ...

@final
class ReleaseResult:
    """How a release ended."""

    @property
    def outcome(self) -> ReleaseOutcome: ...
    @property
    def status(self) -> OfferStatus | None: ...
    @property
    def diff(self) -> str | None: ...
    @property
    def phase(self) -> _ReleasePhase | None: ...
    @property
    def operation(self) -> OperationRef | None: ...
    @property
    def offer(self) -> Offer | None: ...

@final
class Client:
    """A client of the Cloud Partner Portal API whose calls block (releasing the GIL)."""

    def __new__(
        cls,
        token: str | None = None,
        *,
        credential: _Credential | None = None,
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
    def publishers(self) -> list[Publisher]: ...
    def offers(self, publisher_id: str) -> list[Offer]: ...
    def offer(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        slot: _Slot | None = None,
        version: int | None = None,
    ) -> Offer: ...
    def put_offer(
        self,
        offer: Offer,
        *,
        if_match: str | None = None,
        force: bool = False,
        create: bool = False,
    ) -> Offer: ...
    def publish(
        self, publisher_id: str, offer_id: str, *, notification_emails: _Emails = None
    ) -> OperationRef: ...
    def go_live(self, publisher_id: str, offer_id: str) -> OperationRef: ...
    def cancel(
        self, publisher_id: str, offer_id: str, *, notification_emails: _Emails = None
    ) -> OperationRef | None: ...
    def operations(
        self, publisher_id: str, offer_id: str, *, state: OperationState | str | None = None
    ) -> list[Operation]: ...
    def operation(self, publisher_id: str, offer_id: str, operation_id: str) -> Operation: ...
    def operation_at(self, ref_or_url: OperationRef | str) -> Operation: ...
    def release(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        plan: str,
        version: str,
        os_vhd_url: str,
        data_disks: Iterable[DataDisk] = (),
        label: str | None = None,
        media_name: str | None = None,
        description: str | None = None,
        go_live: bool = False,
        dry_run: bool = False,
        notification_emails: _Emails = None,
        on_progress: Callable[[ReleaseEvent], object] | None = None,
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> ReleaseResult: ...

@final
class AsyncClient:
    """The native half of ``cloudpartner.AsyncClient``: methods return awaitables."""

    def __new__(
        cls,
        token: str | None = None,
        *,
        credential: _Credential | None = None,
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
    def publishers(self) -> Awaitable[list[Publisher]]: ...
    def offers(self, publisher_id: str) -> Awaitable[list[Offer]]: ...
    def offer(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        slot: _Slot | None = None,
        version: int | None = None,
    ) -> Awaitable[Offer]: ...
    def put_offer(
        self,
        offer: Offer,
        *,
        if_match: str | None = None,
        force: bool = False,
        create: bool = False,
    ) -> Awaitable[Offer]: ...
    def publish(
        self, publisher_id: str, offer_id: str, *, notification_emails: _Emails = None
    ) -> Awaitable[OperationRef]: ...
    def go_live(self, publisher_id: str, offer_id: str) -> Awaitable[OperationRef]: ...
    def cancel(
        self, publisher_id: str, offer_id: str, *, notification_emails: _Emails = None
    ) -> Awaitable[OperationRef | None]: ...
    def operations(
        self, publisher_id: str, offer_id: str, *, state: OperationState | str | None = None
    ) -> Awaitable[list[Operation]]: ...
    def operation(
        self, publisher_id: str, offer_id: str, operation_id: str
    ) -> Awaitable[Operation]: ...
    def operation_at(self, ref_or_url: OperationRef | str) -> Awaitable[Operation]: ...
    def release(
        self,
        publisher_id: str,
        offer_id: str,
        *,
        plan: str,
        version: str,
        os_vhd_url: str,
        data_disks: Iterable[DataDisk] = (),
        label: str | None = None,
        media_name: str | None = None,
        description: str | None = None,
        go_live: bool = False,
        dry_run: bool = False,
        notification_emails: _Emails = None,
        on_progress: Callable[[ReleaseEvent], object] | None = None,
        min_interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[ReleaseResult]: ...

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
        location_form: str | None = None,
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
    ) -> list[tuple[str, str, str | None, list[tuple[str, str]], bytes | None, bool]]: ...
    def offer_document(
        self, publisher_id: str, offer_id: str, slot: str = "draft"
    ) -> dict[str, Any] | None: ...
    def set_offer_document(
        self, publisher_id: str, offer_id: str, document: dict[str, Any]
    ) -> dict[str, Any]: ...
    def offer_etag(self, publisher_id: str, offer_id: str) -> str | None: ...
    def set_offer_status(self, publisher_id: str, offer_id: str, document_json: str) -> None: ...
    def add_fault(self, fault_json: str) -> None: ...
    def client(self) -> Client: ...
    def async_client(self) -> AsyncClient: ...
    def stop(self) -> None: ...
