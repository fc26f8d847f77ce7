"""The enumerations of the API, with the canonical wire spellings as values.

Each has one member per name in the core's list (``_native.OFFER_STATES``, ...), in the
same order, and ``UNKNOWN``; the tests hold them to those lists.
"""

from __future__ import annotations

import enum

__all__ = [
    "JobResult",
    "JobStatus",
    "LifecycleState",
    "MessageLevel",
    "OfferState",
    "OperationState",
    "ProductStage",
    "ReleaseOutcome",
    "StepState",
    "SubmissionResult",
    "SubmissionStatus",
    "Target",
]


class OfferState(enum.Enum):
    """Where an offer stands in its publishing pipeline."""

    NEVER_PUBLISHED = "neverPublished"
    NOT_STARTED = "notStarted"
    WAITING_FOR_PUBLISHER_REVIEW = "waitingForPublisherReview"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    CANCELED = "canceled"
    FAILED = "failed"
    #: A value this version does not know; the text is in ``raw_status``.
    UNKNOWN = "unknown"


class StepState(enum.Enum):
    """The state of one step of a publish."""

    NOT_STARTED = "notStarted"
    IN_PROGRESS = "inProgress"
    WAITING_FOR_PUBLISHER_REVIEW = "waitingForPublisherReview"
    WAITING_FOR_APPROVAL = "waitingForApproval"
    BLOCKED = "blocked"
    REJECTED = "rejected"
    COMPLETE = "complete"
    CANCELED = "canceled"
    #: A value this version does not know; the text is in ``raw_status``.
    UNKNOWN = "unknown"


class MessageLevel(enum.Enum):
    """The level of a message."""

    INFORMATION = "information"
    WARNING = "warning"
    ERROR = "error"
    #: A value this version does not know; the text is in ``raw_level``.
    UNKNOWN = "unknown"


class OperationState(enum.Enum):
    """The state of an operation (a publish, a go-live, a cancel)."""

    NOT_STARTED = "notStarted"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    #: A value this version does not know; the text is in ``raw_state``.
    UNKNOWN = "unknown"


class ReleaseOutcome(enum.Enum):
    """How a release ended (``ReleaseResult.outcome``); one member per name in the
    core's ``_native.RELEASE_OUTCOMES``."""

    LIVE = "live"
    AT_REVIEW = "at_review"
    FAILED = "failed"
    CANCELED = "canceled"
    DRY_RUN = "dry_run"


class JobStatus(enum.Enum):
    """Where a Product Ingestion configure job is (``_native.JOB_STATUSES``)."""

    NOT_STARTED = "notStarted"
    RUNNING = "running"
    COMPLETED = "completed"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class JobResult(enum.Enum):
    """How a configure job ended (``_native.JOB_RESULTS``)."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class SubmissionStatus(enum.Enum):
    """Where a submission (a publish to preview or live) is (``_native.SUBMISSION_STATUSES``)."""

    NOT_STARTED = "notStarted"
    RUNNING = "running"
    COMPLETED = "completed"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class SubmissionResult(enum.Enum):
    """How a submission ended (``_native.SUBMISSION_RESULTS``)."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class Target(enum.Enum):
    """Which copy of a product: the draft, the preview, or live (``_native.TARGETS``)."""

    DRAFT = "draft"
    PREVIEW = "preview"
    LIVE = "live"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class ProductStage(enum.Enum):
    """Where a product stands, from its preview and live submissions
    (``_native.PRODUCT_STAGES``)."""

    NEVER_PUBLISHED = "never_published"
    PREVIEW_IN_PROGRESS = "preview_in_progress"
    PREVIEW_FAILED = "preview_failed"
    WAITING_FOR_GO_LIVE = "waiting_for_go_live"
    LIVE_IN_PROGRESS = "live_in_progress"
    LIVE_FAILED = "live_failed"
    LIVE = "live"
    #: A value this version does not know.
    UNKNOWN = "unknown"


class LifecycleState(enum.Enum):
    """The lifecycle of a resource or an image version (``_native.LIFECYCLE_STATES``)."""

    GENERALLY_AVAILABLE = "generallyAvailable"
    DEPRECATED = "deprecated"
    DELETED = "deleted"
    #: A value this version does not know.
    UNKNOWN = "unknown"
