"""The objects of a parsed status: fields, enums, derived values, repr, eq, pickling."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime, timedelta, timezone

import pytest
from support import FIXTURES

import cloudpartner
from cloudpartner import MessageLevel, OfferState, StepState

REFERENCE = (FIXTURES / "reference-sample.json").read_bytes()

RUNNING = """{
  "status": "Running",
  "messages": [{"messageHtml": "<p>Publish &amp; pray</p>", "level": "INFO",
                "timestamp": "2018-03-16T17:50:45.7215661Z"}],
  "steps": [
    {"id": "validate", "stepName": "Validate", "status": "Completed",
     "estimatedTimeFrame": "< 15 min", "progressPercentage": 100},
    {"id": "certify", "stepName": "Certification", "description": "Checks",
     "status": "in_progress", "estimatedTimeFrame": "~2-3 days", "progressPercentage": "50",
     "messages": [{"messageHtml": "half way", "level": "shouting"}]},
    {"id": "live", "stepName": "Live", "status": "notStarted", "estimatedTimeFrame": "soon"}
  ],
  "previewLinks": [{"displayText": "Preview", "uri": "https://example.com/p"}],
  "liveLinks": ["https://example.com/live"],
  "notificationEmails": "a@contoso.com; b@contoso.com"
}"""


@pytest.fixture
def running() -> cloudpartner.OfferStatus:
    return cloudpartner.parse_offer_status(RUNNING)


def test_fields_have_python_names_and_types(running: cloudpartner.OfferStatus) -> None:
    assert running.status is OfferState.RUNNING
    assert running.raw_status == "Running"
    assert running.notification_emails == ["a@contoso.com", "b@contoso.com"]
    assert [s.id for s in running.steps] == ["validate", "certify", "live"]
    certify = running.steps[1]
    assert certify.name == "Certification"
    assert certify.description == "Checks"
    assert certify.status is StepState.IN_PROGRESS
    assert certify.raw_status == "in_progress"
    assert certify.progress_percentage == 50
    frame = certify.estimated_time_frame
    assert frame is not None
    assert frame.raw == "~2-3 days"
    assert frame.min == timedelta(days=2)
    assert frame.max == timedelta(days=3)
    unreadable = running.steps[2].estimated_time_frame
    assert unreadable is not None
    assert (unreadable.raw, unreadable.min, unreadable.max) == ("soon", None, None)
    assert running.preview_links[0].display_text == "Preview"
    assert running.preview_links[0].uri == "https://example.com/p"
    assert running.live_links[0].display_text == ""
    assert running.live_links[0].uri == "https://example.com/live"


def test_messages(running: cloudpartner.OfferStatus) -> None:
    message = running.messages[0]
    assert message.html == "<p>Publish &amp; pray</p>"
    assert message.text == "Publish & pray"
    assert message.level is MessageLevel.INFORMATION
    assert message.raw_level == "INFO"
    assert message.timestamp == datetime(2018, 3, 16, 17, 50, 45, 721566, tzinfo=timezone.utc)
    assert message.timestamp is not None
    assert message.timestamp.utcoffset() == timedelta(0)
    unknown = running.steps[1].messages[0]
    assert unknown.level is MessageLevel.UNKNOWN
    assert unknown.raw_level == "shouting"
    assert unknown.timestamp is None


def test_derived_values(running: cloudpartner.OfferStatus) -> None:
    assert not running.is_terminal
    assert not running.needs_publisher_action
    current = running.current_step
    assert current is not None
    assert current.id == "certify"
    assert current is running.steps[1]
    assert running.progress == pytest.approx(0.5)
    # Half of certification is left, and the live step's frame is unreadable.
    assert running.estimated_remaining == (timedelta(days=1), timedelta(days=1, hours=12))
    assert running.estimated_remaining is running.estimated_remaining


def test_enum_values_are_the_wire_spellings() -> None:
    assert OfferState.SUCCEEDED.value == "succeeded"
    assert OfferState.WAITING_FOR_PUBLISHER_REVIEW.value == "waitingForPublisherReview"
    assert StepState.IN_PROGRESS.value == "inProgress"
    assert MessageLevel.INFORMATION.value == "information"
    for enum in (OfferState, StepState, MessageLevel):
        assert enum("unknown") is enum.UNKNOWN


def test_unknown_values_keep_the_raw_text_and_strict_mode_refuses_them() -> None:
    status = cloudpartner.parse_offer_status(b'{"status": "Paused"}')
    assert status.status is OfferState.UNKNOWN
    assert status.raw_status == "Paused"
    with pytest.raises(cloudpartner.ParseError, match="Paused"):
        cloudpartner.parse_offer_status(b'{"status": "Paused"}', strict=True)


def test_every_terminal_state() -> None:
    for state in ("succeeded", "failed", "canceled"):
        status = cloudpartner.parse_offer_status(json.dumps({"status": state}))
        assert status.is_terminal
        assert status.current_step is None
        assert status.estimated_remaining is None


def test_to_json_and_to_dict_are_canonical(running: cloudpartner.OfferStatus) -> None:
    wire = running.to_dict()
    assert wire == json.loads(running.to_json())
    assert wire["status"] == "running"
    assert wire["notificationEmails"] == "a@contoso.com, b@contoso.com"
    assert wire["steps"][1]["status"] == "inProgress"
    assert running.steps[1].to_dict() == wire["steps"][1]
    assert running.messages[0].to_dict() == wire["messages"][0]
    assert running.live_links[0].to_dict() == {"displayText": "", "uri": "https://example.com/live"}


def test_equality_ignores_spellings_and_compares_content(
    running: cloudpartner.OfferStatus,
) -> None:
    respelled = RUNNING.replace('"Running"', '"running"').replace('"Completed"', '"complete"')
    assert cloudpartner.parse_offer_status(respelled) == running
    changed = RUNNING.replace('"progressPercentage": "50"', '"progressPercentage": 51')
    assert cloudpartner.parse_offer_status(changed) != running
    assert running != "running"
    assert running.steps[0] == cloudpartner.parse_offer_status(RUNNING).steps[0]
    assert running.steps[0] != running.steps[1]
    assert cloudpartner.TimeFrame("< 15 min") == running.steps[0].estimated_time_frame
    assert len({cloudpartner.TimeFrame("1 h"), cloudpartner.TimeFrame("1 h")}) == 1
    with pytest.raises(TypeError):
        hash(running)


def test_pickling_keeps_everything_including_raw_spellings(
    running: cloudpartner.OfferStatus,
) -> None:
    again = pickle.loads(pickle.dumps(running))
    assert isinstance(again, cloudpartner.OfferStatus)
    assert again == running
    assert again.raw_status == "Running"
    assert again.steps[1].raw_status == "in_progress"
    assert again.messages[0].raw_level == "INFO"
    assert again.messages[0].timestamp == running.messages[0].timestamp
    for part in (
        running.steps[1],
        running.messages[0],
        running.steps[1].messages[0],
        running.preview_links[0],
        running.steps[0].estimated_time_frame,
    ):
        copied = pickle.loads(pickle.dumps(part))
        assert type(copied) is type(part)
        assert copied == part
    assert pickle.loads(pickle.dumps(running.steps[1])).raw_status == "in_progress"
    assert copy.deepcopy(running) == running


def test_repr_is_readable(running: cloudpartner.OfferStatus) -> None:
    assert repr(running) == (
        "OfferStatus(status='running', current_step='certify', progress=0.5, steps=3)"
    )
    assert repr(running.steps[1]) == (
        "Step(id='certify', name='Certification', status='inProgress', progress_percentage=50)"
    )
    assert repr(running.messages[0]) == (
        "Message(level='information', timestamp='2018-03-16T17:50:45.721566100Z', "
        "text='Publish & pray')"
    )
    assert repr(running.preview_links[0]) == (
        "Link(display_text='Preview', uri='https://example.com/p')"
    )
    assert repr(running.steps[0].estimated_time_frame) == "TimeFrame('< 15 min')"


def test_objects_are_read_only(running: cloudpartner.OfferStatus) -> None:
    with pytest.raises(AttributeError):
        running.status = OfferState.FAILED  # type: ignore[misc]
    with pytest.raises(AttributeError):
        running.steps[0].id = "x"  # type: ignore[misc]


def test_the_reference_sample() -> None:
    status = cloudpartner.parse_offer_status(REFERENCE)
    assert len(status.steps) == 6
    assert status.notification_emails == ["jdoe@contoso.com"]
    assert isinstance(status.progress, float)


@pytest.mark.parametrize("data", [None, 42, 1.5, ["{}"], {"status": "running"}])
def test_wrong_input_types_raise_type_error(data: object) -> None:
    with pytest.raises(TypeError, match="expects str or bytes"):
        cloudpartner.parse_offer_status(data)  # type: ignore[arg-type]


def test_bytearray_and_large_documents_are_accepted() -> None:
    assert cloudpartner.parse_offer_status(bytearray(b'{"status": "running"}')).raw_status == (
        "running"
    )
    steps = [{"id": f"s{i}", "status": "complete", "description": "x" * 100} for i in range(2000)]
    big = json.dumps({"status": "running", "steps": steps}).encode()
    assert len(big) > 64 * 1024
    assert len(cloudpartner.parse_offer_status(big).steps) == 2000


def test_parse_errors_say_where() -> None:
    with pytest.raises(cloudpartner.ParseError) as caught:
        cloudpartner.parse_offer_status('{"status": "running",\n "steps": [}')
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert "line 2" in str(caught.value)
    with pytest.raises(cloudpartner.ParseError):
        cloudpartner.parse_offer_status(b"\xff\xfe")
    with pytest.raises(cloudpartner.ParseError):
        cloudpartner.parse_offer_status("[" * 100_000)
