"""The three enumerations of the API, with the canonical wire spellings as values."""

from __future__ import annotations

import enum

__all__ = ["MessageLevel", "OfferState", "StepState"]


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
