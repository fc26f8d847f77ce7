"""Every vector of fixtures/offer/ and fixtures/operation/ (DESIGN §7): through
parse_offer / parse_offers and parse_operation / parse_operations, with the lossless
round trip of every offer, through the definition dict as well."""

from __future__ import annotations

import json
import pickle
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from support import REPO
from test_vectors import close, expected_for, inputs

import cloudpartner

OFFERS = REPO / "fixtures" / "offer"
OPERATIONS = REPO / "fixtures" / "operation"

TIMESTAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z")


def utc(text: str | None) -> datetime | None:
    """A canonical UTC timestamp as Python has it (fraction cut to microseconds)."""
    if text is None:
        return None
    found = TIMESTAMP.fullmatch(text)
    assert found, text
    year, month, day, hour, minute, second = (int(part) for part in found.groups()[:6])
    micros = int((found.group(7) or "0").ljust(6, "0")[:6])
    return datetime(year, month, day, hour, minute, second, micros, tzinfo=timezone.utc)


def ordered(text: str | bytes) -> Any:
    """JSON with the key order visible: objects as lists of pairs."""
    return json.loads(text, object_pairs_hook=list)


def image_fields(image: cloudpartner.VmImageVersion) -> dict[str, Any]:
    return {
        "version": image.version,
        "osVhdUrl": image.os_vhd_url,
        "label": image.label,
        "mediaName": image.media_name,
        "description": image.description,
        "publishedDate": image.published_date,
        "showInGui": image.show_in_gui,
        "dataDisks": [{"lun": d.lun, "vhdUrl": d.vhd_url} for d in image.data_disks],
    }


def offer_fields(offer: cloudpartner.Offer) -> dict[str, Any]:
    versions = {plan: offer.vm_image_versions(plan) for plan in offer.plan_ids}
    return {
        "id": offer.id,
        "publisherId": offer.publisher_id,
        "offerTypeId": offer.offer_type_id,
        "status": offer.status,
        "version": offer.version,
        "displayText": offer.display_text,
        "planIds": offer.plan_ids,
        "imageVersions": {plan: [i.version for i in images] for plan, images in versions.items()},
        "images": {
            plan: [image_fields(i) for i in images] for plan, images in versions.items() if images
        },
    }


VALID_OFFERS = inputs(OFFERS)
INVALID_OFFERS = inputs(OFFERS / "invalid")
VALID_OPERATIONS = inputs(OPERATIONS)
INVALID_OPERATIONS = inputs(OPERATIONS / "invalid")


def test_the_folders_have_vectors() -> None:
    assert len(VALID_OFFERS) >= 10 and len(INVALID_OFFERS) >= 5
    assert len(VALID_OPERATIONS) >= 8 and len(INVALID_OPERATIONS) >= 5


@pytest.mark.parametrize("path", VALID_OFFERS, ids=lambda p: p.name)
def test_offer_vector(path: Path) -> None:
    expected = expected_for(path)
    data = path.read_bytes()
    offers = (
        cloudpartner.parse_offers(data) if expected["list"] else [cloudpartner.parse_offer(data)]
    )
    assert len(offers) == len(expected["offers"])
    documents = ordered(data.decode("utf-8-sig"))
    if not expected["list"]:
        documents = [documents]
    for offer, want, document in zip(offers, expected["offers"], documents):
        fields = offer_fields(offer)
        assert close(fields, {k: v for k, v in want.items() if k in fields})
        assert offer.changed_time == utc(want["changedTime"])
        # Lossless, key order included: as parsed, and once the definition is a dict.
        assert ordered(offer.to_json()) == document
        offer.definition  # noqa: B018
        assert ordered(offer.to_json()) == document
        assert offer_fields(offer) == fields
        again = pickle.loads(pickle.dumps(offer))
        assert again == offer and ordered(again.to_json()) == document
        if expected.get("byteForByte"):
            assert offer.to_json() == data.decode("utf-8").rstrip("\n")


@pytest.mark.parametrize("path", INVALID_OFFERS, ids=lambda p: p.name)
def test_invalid_offer_vector(path: Path) -> None:
    expected = expected_for(path)
    with pytest.raises(cloudpartner.ParseError) as caught:
        cloudpartner.parse_offer(path.read_bytes())
    assert caught.value.kind == expected["kind"] == "parse"
    assert (caught.value.line, caught.value.column) == (
        expected.get("line"),
        expected.get("column"),
    )


def operation_fields(operation: cloudpartner.Operation) -> dict[str, Any]:
    wire = json.loads(operation.to_json())
    state = operation.state
    return {
        "id": operation.id,
        "submissionType": operation.submission_type,
        "state": operation.raw_state
        if state is cloudpartner.OperationState.UNKNOWN
        else state.value,
        "rawState": operation.raw_state,
        "isTerminal": operation.is_terminal,
        "created": wire["createdDateTime"],
        "lastAction": wire["lastActionDateTime"],
        "publishingVersion": operation.publishing_version,
        "offerVersion": operation.offer_version,
        "slot": operation.slot,
        "cancellationRequestState": operation.cancellation_request_state,
        "error": operation.error,
        "detail": None if operation.detail is None else operation.detail.to_dict(),
    }


@pytest.mark.parametrize("path", VALID_OPERATIONS, ids=lambda p: p.name)
def test_operation_vector(path: Path) -> None:
    expected = expected_for(path)
    data = path.read_bytes()
    if expected["list"]:
        operations = cloudpartner.parse_operations(data)
    else:
        operations = [cloudpartner.parse_operation(data)]
    assert len(operations) == len(expected["operations"])
    for operation, want in zip(operations, expected["operations"]):
        assert close(operation_fields(operation), want)
        assert operation.created == utc(want["created"])
        assert operation.last_action == utc(want["lastAction"])
        again = pickle.loads(pickle.dumps(operation))
        assert again == operation and again.raw_state == operation.raw_state
        assert cloudpartner.parse_operation(operation.to_json()) == operation


@pytest.mark.parametrize("path", INVALID_OPERATIONS, ids=lambda p: p.name)
def test_invalid_operation_vector(path: Path) -> None:
    expected = expected_for(path)
    with pytest.raises(cloudpartner.ParseError) as caught:
        cloudpartner.parse_operation(path.read_bytes())
    assert caught.value.kind == expected["kind"] == "parse"
    assert (caught.value.line, caught.value.column) == (
        expected.get("line"),
        expected.get("column"),
    )
