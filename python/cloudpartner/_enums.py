"""The enumerations of the API, with the canonical wire spellings as values.

Each has one member per name in the core's list (``_native.OFFER_STATES``, ...), in the
same order, and ``UNKNOWN``; the tests hold them to those lists.
"""

from __future__ import annotations

import enum

__all__ = ["MessageLevel", "OfferState", "OperationState", "ReleaseOutcome", "StepState"]


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
