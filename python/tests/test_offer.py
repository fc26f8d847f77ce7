"""Offer, VmImageVersion and DataDisk without a network: the definition dict held by
the offer, the image helpers editing that same dict, lossless JSON, eq, pickling."""

from __future__ import annotations

import copy
import gc
import json
import pickle
import weakref
from datetime import datetime, timezone
from typing import Any

import pytest

import cloudpartner
from cloudpartner import DataDisk, Offer, VmImageVersion

IMAGES = "microsoft-azure-virtualmachines.vmImages"
URL = "https://contoso.blob.core.windows.net/vhds/{}.vhd?sv=1&sig=s3cr3t%3D"

DOCUMENT = {
    "offerTypeId": "microsoft-azure-virtualmachines",
    "publisherId": "contoso",
    "status": "published",
    "id": "contoso-vm",
    "version": 3,
    "definition": {
        "displayText": "Contoso VM",
        "offer": {"x-unknown": [1, 2.5, None], "zz-first": True},
        "plans": [
            {
                "planId": "gen1",
                "x-kept": {"a": 1},
                IMAGES: {
                    "1.10.0": {"osVhdUrl": URL.format("10"), "x-entry": "kept"},
                    "1.2.0": {"osVhdUrl": URL.format("2"), "showInGui": True},
                },
                "diskGenerations": [{"planId": "gen2"}],
            },
            {"planId": "empty"},
        ],
    },
    "changedTime": "2019-04-30T21:23:31.2134045Z",
    "x-top-level-unknown": {"kept": [True]},
}


def ordered(text: str) -> Any:
    """JSON read with the key order visible (objects as lists of pairs)."""
    return json.loads(text, object_pairs_hook=list)


@pytest.fixture
def offer() -> Offer:
    return cloudpartner.parse_offer(json.dumps(DOCUMENT))


def test_fields(offer: Offer) -> None:
    assert (offer.id, offer.publisher_id, offer.status, offer.version) == (
        "contoso-vm",
        "contoso",
        "published",
        3,
    )
    assert offer.offer_type_id == "microsoft-azure-virtualmachines"
    assert offer.display_text == "Contoso VM"
    assert offer.etag is None
    assert offer.changed_time == datetime(2019, 4, 30, 21, 23, 31, 213404, tzinfo=timezone.utc)
    assert offer.plan_ids == ["gen1", "gen2", "empty"]
    assert offer.images_key("gen2") == IMAGES
    assert [i.version for i in offer.vm_image_versions("gen1")] == ["1.2.0", "1.10.0"]
    assert offer.vm_image_versions("gen2") == []
    for data in (json.dumps(DOCUMENT).encode(), bytearray(json.dumps(DOCUMENT).encode())):
        assert cloudpartner.parse_offer(data) == offer
    with pytest.raises(TypeError, match="str or bytes"):
        cloudpartner.parse_offer(DOCUMENT)  # type: ignore[arg-type]
    with pytest.raises(cloudpartner.ParseError) as caught:
        cloudpartner.parse_offer('{"id": "x",\n "version": }')
    assert (caught.value.line, caught.value.column) == (2, 13)


def test_the_definition_is_one_dict_held_by_the_offer(offer: Offer) -> None:
    definition = offer.definition
    assert isinstance(definition, dict)
    assert offer.definition is definition
    assert definition == DOCUMENT["definition"]
    definition["displayText"] = "Renamed"
    definition["plans"][0]["x-kept"]["a"] = 2
    assert offer.display_text == "Renamed"
    assert json.loads(offer.to_json())["definition"]["plans"][0]["x-kept"] == {"a": 2}
    # Plans added in the dict are plans of the offer.
    definition["plans"].append({"planId": "added"})
    assert offer.plan_ids[-1] == "added"
    offer.set_vm_image_version("added", VmImageVersion("1.0.0", URL.format("a")))
    assert list(definition["plans"][-1][IMAGES]) == ["1.0.0"]


def test_the_helpers_edit_the_same_dicts_in_place(offer: Offer) -> None:
    definition = offer.definition
    plans = definition["plans"]
    plan = plans[0]
    images = plan[IMAGES]
    entry = images["1.10.0"]
    offer.set_vm_image_version(
        "gen1",
        VmImageVersion(
            "2.0.0", URL.format("20"), label="Two", data_disks=[DataDisk(0, URL.format("d"))]
        ),
    )
    assert offer.definition is definition and definition["plans"] is plans
    assert plans[0] is plan and plan[IMAGES] is images and images["1.10.0"] is entry
    assert list(images) == ["1.10.0", "1.2.0", "2.0.0"], "added last, order kept"
    added = images["2.0.0"]
    assert added["osVhdUrl"] == URL.format("20") and added["label"] == "Two"
    assert added["lunVhdDetails"] == [{"lun": 0, "lunVhdUrl": URL.format("d")}]
    assert added["publishedDate"], "today's date"

    # Replacing keeps the entry's own fields and its place.
    offer.set_vm_image_version("gen1", VmImageVersion("1.10.0", URL.format("10b")))
    assert images["1.10.0"] is entry
    assert entry["x-entry"] == "kept" and entry["osVhdUrl"] == URL.format("10b")
    assert list(images) == ["1.10.0", "1.2.0", "2.0.0"]

    offer.deprecate_vm_image_version("gen1", "1.2.0")
    assert images["1.2.0"]["showInGui"] is False
    assert not offer.vm_image_versions("gen1")[0].show_in_gui

    removed = offer.remove_vm_image_version("gen1", "1.10.0")
    assert removed.version == "1.10.0" and removed.os_vhd_url == URL.format("10b")
    assert list(images) == ["1.2.0", "2.0.0"]
    assert list(plan) == ["planId", "x-kept", IMAGES, "diskGenerations"], "plan keys in order"
    assert list(offer.definition) == ["displayText", "offer", "plans"]
    # The document sent is what the dict holds.
    sent = ordered(offer.to_json())
    assert sent == ordered(json.dumps({**DOCUMENT, "definition": definition}))


def test_a_failing_helper_changes_nothing(offer: Offer) -> None:
    before = copy.deepcopy(offer.definition)
    with pytest.raises(cloudpartner.InvalidArgumentError, match="gen1"):
        offer.set_vm_image_version("nope", VmImageVersion("1.0.0", URL.format("x")))
    with pytest.raises(cloudpartner.InvalidArgumentError, match="https"):
        offer.set_vm_image_version("gen1", VmImageVersion("1.0.0", "http://a/x.vhd"))
    with pytest.raises(cloudpartner.InvalidArgumentError, match=r"1\.2\.0"):
        offer.remove_vm_image_version("gen1", "9.9.9")
    with pytest.raises(cloudpartner.InvalidArgumentError):
        offer.deprecate_vm_image_version("empty", "1.0.0")
    assert offer.definition == before
    # The last version of a plan goes only when forced.
    offer.remove_vm_image_version("gen1", "1.2.0")
    with pytest.raises(cloudpartner.InvalidArgumentError, match="last"):
        offer.remove_vm_image_version("gen1", "1.10.0")
    offer.remove_vm_image_version("gen1", "1.10.0", force=True)
    assert offer.definition["plans"][0][IMAGES] == {}


def test_helpers_work_before_the_definition_is_read(offer: Offer) -> None:
    offer.set_vm_image_version("gen2", VmImageVersion("1.0.0", URL.format("g2")))
    assert [i.version for i in offer.vm_image_versions("gen2")] == ["1.0.0"]
    generation = offer.definition["plans"][0]["diskGenerations"][0]
    assert generation[IMAGES]["1.0.0"]["osVhdUrl"] == URL.format("g2")


def test_values_that_are_not_json_are_refused_when_used(offer: Offer) -> None:
    offer.definition["plans"][1]["bad"] = {1, 2}
    with pytest.raises(TypeError, match=r"\['plans'\]\[1\]\['bad'\].*set"):
        offer.to_json()
    assert "not JSON" in repr(offer), "repr() never fails"
    offer.definition["plans"][1]["bad"] = float("nan")
    with pytest.raises(ValueError, match="nan"):
        offer.to_json()
    offer.definition["plans"][1]["bad"] = 2**70
    with pytest.raises(ValueError, match="64 bits"):
        offer.plan_ids  # noqa: B018
    offer.definition["plans"][1]["bad"] = ("a", 1)
    assert json.loads(offer.to_json())["definition"]["plans"][1]["bad"] == ["a", 1]
    offer.definition[3] = "x"  # type: ignore[index]
    with pytest.raises(TypeError, match="keys must be str"):
        offer.to_json()
    del offer.definition[3]  # type: ignore[arg-type]
    cyclic: dict[str, Any] = {}
    cyclic["self"] = cyclic
    offer.definition["cyclic"] = cyclic
    with pytest.raises(ValueError, match="deep"):
        offer.to_json()


def test_setting_the_definition(offer: Offer) -> None:
    replacement = {"displayText": "New", "plans": [{"planId": "p"}]}
    offer.definition = replacement
    assert offer.definition is replacement
    assert offer.plan_ids == ["p"]
    assert list(json.loads(offer.to_json())) == list(DOCUMENT), "its place is kept"
    with pytest.raises(TypeError, match="dict"):
        offer.definition = []  # type: ignore[assignment]


def test_lossless_json_and_a_copy_as_a_dict(offer: Offer) -> None:
    assert ordered(offer.to_json()) == ordered(json.dumps(DOCUMENT))
    offer.definition  # noqa: B018  (read: the dict now holds it)
    assert ordered(offer.to_json()) == ordered(json.dumps(DOCUMENT))
    as_dict = offer.to_dict()
    assert as_dict == DOCUMENT and list(as_dict) == list(DOCUMENT)
    as_dict["definition"]["displayText"] = "Not the offer"
    assert offer.display_text == "Contoso VM"


def test_an_offer_without_a_definition() -> None:
    bare = cloudpartner.parse_offer('{"id": "bare"}')
    assert bare.to_json() == '{"id":"bare"}'
    assert bare.plan_ids == [] and bare.display_text == ""
    assert bare.definition == {}
    assert bare.to_json() == '{"id":"bare"}', "reading it adds nothing"
    bare.definition["displayText"] = "Given"
    assert bare.to_json() == '{"id":"bare","definition":{"displayText":"Given"}}'


def test_the_constructor_copies_the_document() -> None:
    document = copy.deepcopy(DOCUMENT)
    offer = Offer(document, etag='W/"1"')
    assert offer.etag == 'W/"1"'
    assert offer.definition == document["definition"]
    assert offer.definition is not document["definition"]
    with pytest.raises(TypeError, match="dict"):
        Offer([1])  # type: ignore[arg-type]


def test_equality(offer: Offer) -> None:
    same = cloudpartner.parse_offer(json.dumps(DOCUMENT, indent=2, sort_keys=True))
    assert offer == same, "key order and layout aside"
    assert offer != Offer(DOCUMENT, etag="x")
    same.definition["displayText"] = "Changed"
    assert offer != same
    assert offer != "an offer"
    with pytest.raises(TypeError):
        hash(offer)


def test_pickling_and_copies(offer: Offer) -> None:
    offer.definition["plans"][0]["x-kept"]["a"] = 42
    tagged = Offer(offer.to_dict(), etag="W/\"datetime'2019'\"")
    for original in (offer, tagged):
        for again in (
            pickle.loads(pickle.dumps(original)),
            copy.copy(original),
            copy.deepcopy(original),
        ):
            assert again == original
            assert again.etag == original.etag
            assert again.to_json() == original.to_json()
            assert again.definition is not original.definition


def test_repr_redacts_signatures(offer: Offer) -> None:
    offer.definition["displayText"] = URL.format("in-the-name")
    shown = repr(offer)
    assert shown.startswith("Offer(id='contoso-vm', publisher_id='contoso'")
    assert "plan_ids=['gen1', 'gen2', 'empty']" in shown
    assert "s3cr3t" not in shown and "sig=REDACTED" in shown


def test_vm_image_version() -> None:
    image = VmImageVersion("1.0.0", URL.format("os"))
    assert (image.version, image.os_vhd_url) == ("1.0.0", URL.format("os"))
    assert (image.label, image.media_name, image.description, image.published_date) == (
        "",
        "",
        "",
        "",
    )
    assert image.show_in_gui is True and image.data_disks == ()
    full = VmImageVersion(
        version="2.0.0",
        os_vhd_url=URL.format("os2"),
        label="L",
        media_name="M",
        description="D",
        published_date="04/30/2019",
        show_in_gui=False,
        data_disks=(DataDisk(0, URL.format("d0")), DataDisk(lun=1, vhd_url=URL.format("d1"))),
    )
    assert [d.lun for d in full.data_disks] == [0, 1]
    assert full.replace(label="L2").label == "L2" and full.label == "L"
    assert full.replace(version="3.0.0", show_in_gui=True).show_in_gui
    assert full.replace() == full and hash(full.replace()) == hash(full)
    assert full != image and DataDisk(0, "u") == DataDisk(0, "u")
    assert len({full, full.replace(), image}) == 2
    for value in (full, full.data_disks[0]):
        assert pickle.loads(pickle.dumps(value)) == value
    full.validate()
    with pytest.raises(cloudpartner.InvalidArgumentError, match="dot-separated"):
        image.replace(version="v1").validate()
    with pytest.raises(TypeError, match="no field"):
        image.replace(colour="blue")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="label must be str"):
        VmImageVersion("1.0.0", "u", label=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="show_in_gui must be bool"):
        VmImageVersion("1.0.0", "u", show_in_gui=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="DataDisk"):
        VmImageVersion("1.0.0", "u", data_disks=[(0, "u")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        VmImageVersion("1.0.0", "u", "label")  # type: ignore[call-arg]
    with pytest.raises(cloudpartner.InvalidArgumentError, match="lun"):
        DataDisk(-1, "u")
    with pytest.raises(TypeError, match="lun must be int"):
        DataDisk(True, "u")


def test_publisher_and_operation_ref_values() -> None:
    publisher = cloudpartner.Publisher("contoso", "Contoso", "22976")
    assert publisher == cloudpartner.Publisher("contoso", display_text="Contoso", seller_id="22976")
    assert pickle.loads(pickle.dumps(publisher)) == publisher
    assert repr(publisher) == "Publisher(id='contoso', display_text='Contoso', seller_id='22976')"
    reference = cloudpartner.OperationRef("https://x/api/operations/abc", "abc")
    assert pickle.loads(pickle.dumps(reference)) == reference
    assert {reference: 1}[cloudpartner.OperationRef(reference.url, "abc")] == 1


def test_an_offer_in_its_own_definition_is_collected() -> None:
    class Marker:
        pass

    offer = cloudpartner.parse_offer(json.dumps(DOCUMENT))
    marker = Marker()
    offer.definition["cycle"] = [offer, marker]
    alive = weakref.ref(marker)
    del offer, marker
    gc.collect()
    assert alive() is None
