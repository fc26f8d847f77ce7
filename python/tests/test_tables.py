"""The core's lists of names (``_native.ERROR_KINDS``, ``OFFER_STATES``, ...) map
exactly onto the package's exception classes and enums: a name added in the core fails
here until it is mapped, and nothing falls back to a base class or to ``UNKNOWN``."""

from __future__ import annotations

import enum
import json

import pytest

import cloudpartner
from cloudpartner import MessageLevel, OfferState, OperationState, StepState, _errors, _native

LISTS = {
    "ERROR_KINDS": _native.ERROR_KINDS,
    "OFFER_STATES": _native.OFFER_STATES,
    "STEP_STATES": _native.STEP_STATES,
    "OPERATION_STATES": _native.OPERATION_STATES,
    "MESSAGE_LEVELS": _native.MESSAGE_LEVELS,
}

ENUMS: list[tuple[type[enum.Enum], tuple[str, ...]]] = [
    (OfferState, _native.OFFER_STATES),
    (StepState, _native.STEP_STATES),
    (OperationState, _native.OPERATION_STATES),
    (MessageLevel, _native.MESSAGE_LEVELS),
]


@pytest.mark.parametrize("name", LISTS)
def test_the_lists_are_tuples_of_distinct_strings(name: str) -> None:
    names = LISTS[name]
    assert isinstance(names, tuple)
    assert names, f"{name} is empty"
    assert all(isinstance(n, str) and n for n in names)
    assert len(set(names)) == len(names)


def test_every_error_kind_has_exactly_one_class() -> None:
    assert set(_errors._BY_KIND) == set(_native.ERROR_KINDS)
    assert len(set(_errors._BY_KIND.values())) == len(_native.ERROR_KINDS)
    for kind in _native.ERROR_KINDS:
        cls = _errors._BY_KIND[kind]
        assert cls is not cloudpartner.CloudPartnerError, kind
        assert issubclass(cls, cloudpartner.CloudPartnerError)
        assert cls.kind == kind
        assert getattr(cloudpartner, cls.__name__) is cls, f"{cls.__name__} is not exported"
        assert cls.__name__ in cloudpartner.__all__


def test_every_exported_error_class_has_a_kind_of_the_core() -> None:
    exported = {
        value
        for value in (getattr(cloudpartner, name) for name in cloudpartner.__all__)
        if isinstance(value, type) and issubclass(value, cloudpartner.CloudPartnerError)
    }
    exported.discard(cloudpartner.CloudPartnerError)
    assert {cls.kind for cls in exported} == set(_native.ERROR_KINDS)


@pytest.mark.parametrize("kind", _native.ERROR_KINDS)
def test_native_errors_become_their_class(kind: str) -> None:
    error = _errors._from_native(kind, "boom", 409, "Code", "rid", None, None, False)
    assert type(error) is _errors._BY_KIND[kind]
    assert (error.kind, error.status_code, error.api_code, error.request_id) == (
        kind,
        409,
        "Code",
        "rid",
    )


def test_an_unknown_kind_is_not_passed_off_as_the_base_class() -> None:
    with pytest.raises(KeyError):
        _errors._from_native("gremlins", "boom", None, None, None, None, None, False)


def test_conflict_is_a_kind() -> None:
    assert "conflict" in _native.ERROR_KINDS
    assert cloudpartner.ConflictError.kind == "conflict"


@pytest.mark.parametrize(("cls", "names"), ENUMS, ids=[cls.__name__ for cls, _ in ENUMS])
def test_every_state_has_exactly_one_member(cls: type[enum.Enum], names: tuple[str, ...]) -> None:
    known = [member.value for member in cls if member.name != "UNKNOWN"]
    assert known == list(names), "the members follow the core's list, in its order"
    assert cls["UNKNOWN"].value == "unknown"
    assert "unknown" not in names
    assert getattr(cloudpartner, cls.__name__) is cls
    assert cls.__name__ in cloudpartner.__all__
    assert cls.__module__ == "cloudpartner"


@pytest.mark.parametrize("wire", _native.OFFER_STATES)
def test_each_offer_state_is_read_as_its_member(wire: str) -> None:
    status = cloudpartner.parse_offer_status(json.dumps({"status": wire}))
    assert status.status is OfferState(wire)
    assert status.status is not OfferState.UNKNOWN


@pytest.mark.parametrize("wire", _native.STEP_STATES)
def test_each_step_state_is_read_as_its_member(wire: str) -> None:
    status = cloudpartner.parse_offer_status(
        json.dumps({"status": "running", "steps": [{"id": "s", "status": wire}]})
    )
    assert status.steps[0].status is StepState(wire)
    assert status.steps[0].status is not StepState.UNKNOWN


@pytest.mark.parametrize("wire", _native.MESSAGE_LEVELS)
def test_each_message_level_is_read_as_its_member(wire: str) -> None:
    status = cloudpartner.parse_offer_status(
        json.dumps({"status": "running", "messages": [{"messageHtml": "m", "level": wire}]})
    )
    assert status.messages[0].level is MessageLevel(wire)
    assert status.messages[0].level is not MessageLevel.UNKNOWN
