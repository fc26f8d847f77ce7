"""The publishing API against the emulator: every method with ``Client`` and with
``AsyncClient``, a whole release, in-place edits reaching the service, conflicts,
cancel, operation URLs, secrets in image URLs, cancelling an async publish."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support import run

import cloudpartner
from cloudpartner import OfferState, OperationState
from cloudpartner.testing import Emulator

P, OFFER = "contoso", "vm-release"
IMAGES = "microsoft-azure-virtualmachines.vmImages"
SECRET = "TOPSECRETsig%3D"
SAS = f"https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2020-08-04&sr=b&sig={SECRET}&se=2030-01-01"
# The default publish takes about four simulated days: seconds at this scale.
FAST = 1_000_000.0

FLAVOURS = ["sync", "async"]


class Calls:
    """The same calls through ``Client`` (``sync``) or ``AsyncClient`` (``async``, each
    awaited on a fresh event loop), so that one test covers both."""

    def __init__(self, emulator: Emulator, flavour: str) -> None:
        self.flavour = flavour
        self.client = emulator.client()
        self.async_client = emulator.async_client()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if self.flavour == "sync":
            method: Callable[..., Any] = getattr(self.client, name)
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            async def main() -> Any:
                return await getattr(self.async_client, name)(*args, **kwargs)

            return run(main())

        return call


@pytest.fixture
def fast() -> Iterator[Emulator]:
    with Emulator(time_scale=FAST) as emulator:
        yield emulator


def requests_of(emulator: Emulator, method: str) -> list[Any]:
    return [r for r in emulator.requests if r.method == method]


def image_versions(offer: cloudpartner.Offer, plan: str) -> list[str]:
    return [image.version for image in offer.vm_image_versions(plan)]


def last_status(watch: Iterator[cloudpartner.OfferStatus]) -> cloudpartner.OfferStatus:
    last = None
    for status in watch:
        last = status
    assert last is not None, "a watch yields at least one status"
    return last


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_method(flavour: str, fast: Emulator) -> None:
    calls = Calls(fast, flavour)
    publishers = calls.publishers()
    assert [p.id for p in publishers] == ["contoso"]
    assert isinstance(publishers[0], cloudpartner.Publisher)
    assert publishers[0].display_text == "Contoso"

    offers = calls.offers(P)
    assert all(isinstance(o, cloudpartner.Offer) for o in offers)
    assert "vm-release" in [o.id for o in offers]

    offer = calls.offer(P, OFFER)
    assert isinstance(offer, cloudpartner.Offer)
    assert (offer.id, offer.publisher_id, offer.version) == (OFFER, P, 1)
    assert offer.etag
    assert calls.offer(P, OFFER, version=1).to_dict() == offer.to_dict()
    assert calls.offer(P, OFFER, slot="draft").id == OFFER
    with pytest.raises(cloudpartner.NotFoundError):
        calls.offer(P, OFFER, slot="production")  # never published

    stored = calls.put_offer(offer)
    assert isinstance(stored, cloudpartner.Offer)
    assert stored.version == 2 and stored.etag != offer.etag
    assert requests_of(fast, "PUT")[-1].header("if-match") == offer.etag

    reference = calls.publish(P, OFFER, notification_emails=["a@contoso.com", "b@contoso.com"])
    assert isinstance(reference, cloudpartner.OperationRef)
    assert reference.url.startswith(fast.base_url) and f"/{reference.id}?" in reference.url
    assert str(reference) == reference.url
    body = requests_of(fast, "POST")[-1].json()
    assert body == {"metadata": {"notification-emails": "a@contoso.com,b@contoso.com"}}

    operations = calls.operations(P, OFFER)
    assert [op.id for op in operations] == [reference.id]
    assert all(isinstance(op, cloudpartner.Operation) for op in operations)
    assert calls.operations(P, OFFER, state=OperationState.RUNNING)[0].id == reference.id
    assert calls.operations(P, OFFER, state="completed") == []
    by_id = calls.operation(P, OFFER, reference.id)
    by_url = calls.operation_at(reference)
    # (on the fast clock its steps move between two reads)
    assert by_id.id == by_url.id == calls.operation_at(reference.url).id == reference.id
    assert by_id.submission_type == by_url.submission_type == "publish"
    assert by_id.state is OperationState.RUNNING
    assert by_id.detail is not None and by_id.detail.steps

    with pytest.raises(cloudpartner.ConflictError):
        calls.go_live(P, OFFER)  # not waiting for the review yet
    canceled = calls.cancel(P, OFFER, notification_emails="a@contoso.com")
    assert isinstance(canceled, cloudpartner.OperationRef)
    assert calls.cancel(P, OFFER) is None, "nothing runs any more"

    # A publish again, watched to the review, then go-live.
    calls.publish(P, OFFER)
    client = fast.client()
    assert last_status(client.watch(P, OFFER, until="review")).needs_publisher_action
    live = calls.go_live(P, OFFER)
    assert isinstance(live, cloudpartner.OperationRef)
    assert last_status(client.watch(P, OFFER)).status is OfferState.SUCCEEDED
    assert calls.operation_at(live).state is OperationState.COMPLETED


def test_a_whole_release() -> None:
    with Emulator(time_scale=FAST) as emulator:
        client = emulator.client()
        offer = client.offer(P, OFFER)
        read_etag = offer.etag
        offer.set_vm_image_version(
            "standard",
            cloudpartner.VmImageVersion(
                "2.0.0",
                SAS,
                label="Contoso Release VM 2.0.0",
                data_disks=[cloudpartner.DataDisk(0, SAS.replace("os-", "data-"))],
            ),
        )
        stored = client.put_offer(offer)
        assert requests_of(emulator, "PUT")[0].header("if-match") == read_etag
        assert stored.version == offer.version + 1
        assert "2.0.0" in image_versions(stored, "standard")
        held = emulator.offer_document(P, OFFER)
        assert held is not None and SECRET in json.dumps(held), "the real signature is sent"

        reference = client.publish(P, OFFER, notification_emails="release@contoso.com")
        review = last_status(client.watch(P, OFFER, until="review", timeout=60))
        assert review.needs_publisher_action
        assert review.status is OfferState.WAITING_FOR_PUBLISHER_REVIEW
        assert client.operation_at(reference).state is OperationState.COMPLETED
        preview = client.offer(P, OFFER, slot="preview")
        assert "2.0.0" in image_versions(preview, "standard")

        client.go_live(P, OFFER)
        live = last_status(client.watch(P, OFFER, timeout=60))
        assert live.status is OfferState.SUCCEEDED
        production = client.offer(P, OFFER, slot="production")
        assert "2.0.0" in image_versions(production, "standard")
        assert [op.state for op in client.operations(P, OFFER)] == [OperationState.COMPLETED] * 2


def test_a_whole_release_async() -> None:
    async def release(emulator: Emulator) -> cloudpartner.OfferStatus:
        client = emulator.async_client()
        offer = await client.offer(P, OFFER)
        offer.set_vm_image_version("standard", cloudpartner.VmImageVersion("2.0.0", SAS))
        await client.put_offer(offer)
        await client.publish(P, OFFER, notification_emails=["release@contoso.com"])
        async for status in client.watch(P, OFFER, until="review", timeout=60):
            last = status
        assert last.needs_publisher_action
        await client.go_live(P, OFFER)
        async for status in client.watch(P, OFFER, timeout=60):
            last = status
        production = await client.offer(P, OFFER, slot="production")
        assert "2.0.0" in image_versions(production, "standard")
        return last

    with Emulator(time_scale=FAST) as emulator:
        assert run(release(emulator)).status is OfferState.SUCCEEDED


def test_in_place_edits_reach_the_service(emulator: Emulator) -> None:
    client = emulator.client()
    offer = client.offer(P, OFFER)
    definition = offer.definition
    definition["displayText"] = "Edited in place"
    definition["offer"]["x-added-by-python"] = {"nested": [1, 2.5, None, True]}
    plan = definition["plans"][0]
    plan["microsoft-azure-virtualmachines.skuTitle"] = "Standard, edited"
    del definition["plans"][-1]  # the byol plan
    # An image helper after the edits keeps them, and edits the same dict.
    offer.deprecate_vm_image_version("standard", "1.0.0")
    assert plan[IMAGES]["1.0.0"]["showInGui"] is False
    assert offer.definition is definition

    stored = client.put_offer(offer)
    held = emulator.offer_document(P, OFFER)
    assert held is not None
    assert held["definition"]["displayText"] == "Edited in place"
    assert held["definition"]["offer"]["x-added-by-python"] == {"nested": [1, 2.5, None, True]}
    assert [p["planId"] for p in held["definition"]["plans"]] == ["standard"]
    assert held["definition"]["plans"][0]["microsoft-azure-virtualmachines.skuTitle"] == (
        "Standard, edited"
    )
    assert held["definition"]["plans"][0][IMAGES]["1.0.0"]["showInGui"] is False
    # Key order is the dict's, at every level.
    assert list(held["definition"]) == list(definition)
    assert list(held["definition"]["plans"][0]) == list(plan)
    sent = json.loads(requests_of(emulator, "PUT")[-1].body or b"")
    assert sent["definition"] == definition
    assert stored.display_text == "Edited in place"
    assert stored.plan_ids == ["standard", "standard-gen2"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_stale_etag_is_a_conflict(flavour: str, emulator: Emulator) -> None:
    calls = Calls(emulator, flavour)
    offer = calls.offer(P, OFFER)
    # A second writer between our read and our write.
    theirs = emulator.offer_document(P, OFFER)
    assert theirs is not None
    theirs["definition"]["displayText"] = "Changed by someone else"
    emulator.set_offer_document(P, OFFER, theirs)
    offer.definition["displayText"] = "Ours"
    with pytest.raises(cloudpartner.ConflictError) as caught:
        calls.put_offer(offer)
    error = caught.value
    assert error.kind == "conflict" and error.status_code == 412
    assert isinstance(error, cloudpartner.CloudPartnerError)
    assert calls.offer(P, OFFER).display_text == "Changed by someone else", "nothing was lost"
    assert len(requests_of(emulator, "PUT")) == 1, "a conflict is not retried"

    # With the current ETag, or forced, the write goes through.
    current = emulator.offer_etag(P, OFFER)
    assert current is not None and current != offer.etag
    assert calls.put_offer(offer, if_match=current).display_text == "Ours"
    assert requests_of(emulator, "PUT")[-1].header("if-match") == current
    offer.definition["displayText"] = "Forced"
    assert calls.put_offer(offer, force=True).display_text == "Forced"
    assert requests_of(emulator, "PUT")[-1].header("if-match") == "*"
    with pytest.raises(cloudpartner.ConflictError):
        calls.put_offer(offer, create=True)
    assert requests_of(emulator, "PUT")[-1].header("if-none-match") == "*"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_creating_an_offer(flavour: str, emulator: Emulator) -> None:
    calls = Calls(emulator, flavour)
    document = calls.offer(P, OFFER).to_dict()
    document["id"] = "vm-new"
    created = calls.put_offer(cloudpartner.Offer(document), create=True)
    assert created.id == "vm-new" and created.version >= 1
    assert emulator.offer_document(P, "vm-new") is not None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_cancel(flavour: str, emulator: Emulator) -> None:
    calls = Calls(emulator, flavour)
    calls.publish(P, OFFER)
    with pytest.raises(cloudpartner.ConflictError) as caught:
        calls.publish(P, OFFER)
    assert caught.value.api_code == "OperationInProgress"
    reference = calls.cancel(P, OFFER, notification_emails=["a@contoso.com"])
    assert isinstance(reference, cloudpartner.OperationRef)
    assert calls.operation_at(reference).state is OperationState.CANCELED
    assert calls.offer_status(P, OFFER).status is OfferState.CANCELED
    assert len(calls.operations(P, OFFER, state=OperationState.CANCELED)) == 1
    assert len(calls.operations(P, OFFER, state="Cancelled")) == 1, "read leniently"
    assert calls.cancel(P, OFFER) is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_operation_url_on_another_origin_is_refused(flavour: str, emulator: Emulator) -> None:
    calls = Calls(emulator, flavour)
    reference = calls.publish(P, OFFER)
    with Emulator() as elsewhere:
        foreign = reference.url.replace(emulator.base_url, elsewhere.base_url)
        for target in (foreign, cloudpartner.OperationRef(foreign, reference.id)):
            with pytest.raises(cloudpartner.InvalidArgumentError, match="origin"):
                calls.operation_at(target)
        assert elsewhere.requests == [], "nothing was sent there"
    # A relative URL is on the client's own origin.
    path = reference.url.replace(emulator.base_url, "")
    assert calls.operation_at(path).id == reference.id


@pytest.mark.parametrize("form", ["operations", "legacy", "absolute"])
def test_every_location_form_is_followed(form: str) -> None:
    with Emulator(location_form=form) as emulator:  # type: ignore[arg-type]
        client = emulator.client()
        reference = client.publish(P, OFFER)
        if form == "legacy":
            assert "/api/operations/" in reference.url
        assert client.operation_at(reference).state is OperationState.RUNNING


def test_signatures_are_redacted_in_repr_and_errors(emulator: Emulator) -> None:
    image = cloudpartner.VmImageVersion(
        "2.0.0", SAS, data_disks=[cloudpartner.DataDisk(1, SAS)], description=SAS
    )
    for shown in (repr(image), repr(image.data_disks[0]), str(image)):
        assert SECRET not in shown and "sig=REDACTED" in shown, shown
    client = emulator.client()
    offer = client.offer(P, OFFER)
    offer.definition["displayText"] = f"see {SAS}"
    assert SECRET not in repr(offer) and "sig=REDACTED" in repr(offer)
    assert SECRET in offer.to_json(), "to_json keeps the real value"

    plain = SAS.replace("https://", "http://")
    with pytest.raises(cloudpartner.InvalidArgumentError) as caught:
        offer.set_vm_image_version("standard", cloudpartner.VmImageVersion("2.0.0", plain))
    assert SECRET not in str(caught.value) and "sig=REDACTED" in str(caught.value)
    with pytest.raises(cloudpartner.InvalidArgumentError) as caught:
        cloudpartner.VmImageVersion("2.0.0", plain).validate()
    assert SECRET not in caught.value.message

    # Past the client's checks (edited in the dict), the service refuses it: 422.
    offer.definition["plans"][0][IMAGES]["1.0.0"]["osVhdUrl"] = plain
    client.put_offer(offer)
    with pytest.raises(cloudpartner.BadRequestError) as refused:
        client.publish(P, OFFER)
    assert refused.value.status_code == 422
    assert SECRET not in str(refused.value), str(refused.value)


def test_cancelling_an_async_publish_task(emulator: Emulator) -> None:
    emulator.add_fault({"kind": "latency", "ms": 5000, "route": "publish"})

    async def main() -> float:
        client = emulator.async_client()
        task = asyncio.create_task(client.publish(P, OFFER))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        elapsed = time.monotonic() - started
        # The client is still usable.
        assert [p.id for p in await client.publishers()] == ["contoso"]
        return elapsed

    assert run(main()) < 1
    assert len(requests_of(emulator, "POST")) == 1, "the publish was sent once"


def test_arguments_are_checked_before_any_request(emulator: Emulator) -> None:
    client = emulator.client()
    offer = client.offer(P, OFFER)
    sent = len(emulator.requests)
    invalid: list[Callable[[], Any]] = [
        lambda: client.offer(P, OFFER, slot="staging"),  # type: ignore[arg-type]
        lambda: client.offer(P, OFFER, slot="preview", version=1),
        lambda: client.offer(P, OFFER, version=-1),
        lambda: client.offer("", OFFER),
        lambda: client.put_offer(offer, if_match="e", force=True),
        lambda: client.put_offer(offer, force=True, create=True),
        lambda: client.put_offer(offer, if_match=" "),
        lambda: client.operations(P, OFFER, state="queued"),
        lambda: client.operations(P, OFFER, state=OperationState.UNKNOWN),
        lambda: client.operation(P, OFFER, ""),
    ]
    for call in invalid:
        with pytest.raises(cloudpartner.InvalidArgumentError):
            call()
    wrong_types: list[Callable[[], Any]] = [
        lambda: client.offer(P, OFFER, version=True),
        lambda: client.offer(P, OFFER, slot=1),  # type: ignore[arg-type]
        lambda: client.put_offer(offer.to_dict()),  # type: ignore[arg-type]
        lambda: client.put_offer(offer, force="yes"),  # type: ignore[arg-type]
        lambda: client.publish(P, OFFER, notification_emails=3),  # type: ignore[arg-type]
        lambda: client.publish(P, OFFER, notification_emails=["a", 3]),  # type: ignore[list-item]
        lambda: client.operations(P, OFFER, state=3),  # type: ignore[arg-type]
        lambda: client.operation_at(3),  # type: ignore[arg-type]
        lambda: client.offers(3),  # type: ignore[arg-type]
    ]
    for call in wrong_types:
        with pytest.raises(TypeError):
            call()
    assert len(emulator.requests) == sent


def test_a_write_that_may_have_acted_is_not_sent_again(emulator: Emulator) -> None:
    client = emulator.client()
    emulator.add_fault({"kind": "status", "status": 500, "route": "publish", "times": 1})
    with pytest.raises(cloudpartner.ServerError):
        client.publish(P, OFFER)
    assert len(requests_of(emulator, "POST")) == 1
    emulator.add_fault({"kind": "status", "status": 503, "route": "publish", "times": 1})
    client.publish(P, OFFER)
    assert len(requests_of(emulator, "POST")) == 3, "a 503 cannot have acted: sent again"
