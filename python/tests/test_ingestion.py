"""Every method of ``IngestionClient`` and ``AsyncIngestionClient`` against the
emulator (DESIGN §10), and the objects they give."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator

import pytest
from ingestion_support import FAST, OS_DISK, configures
from support import run

import cloudpartner
from cloudpartner import ingestion
from cloudpartner.ingestion import (
    IngestionClient,
    JobResult,
    JobStatus,
    LifecycleState,
    ProductStage,
    Target,
)
from cloudpartner.testing import Emulator


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(time_scale=FAST) as emulator:
        yield emulator


@pytest.fixture
def client(emulator: Emulator) -> IngestionClient:
    return emulator.ingestion_client()


def test_the_client_takes_the_options_and_names_its_url(emulator: Emulator) -> None:
    client = cloudpartner.IngestionClient(
        emulator.token, base_url=emulator.ingestion_base_url, version="2022-07-01"
    )
    assert client.base_url == emulator.ingestion_base_url
    assert emulator.ingestion_base_url == emulator.base_url + "/rp/product-ingestion"
    assert client.version == "2022-07-01"
    assert repr(client).startswith("IngestionClient(base_url='http://127.0.0.1")
    assert [p.external_id for p in client.products()] == ["vm-new", "vm-release"]
    assert cloudpartner.AsyncIngestionClient is ingestion.AsyncIngestionClient


def test_products_and_one_product(client: IngestionClient) -> None:
    products = client.products()
    assert all(isinstance(p, ingestion.Product) for p in products)
    product = client.product("vm-release")
    assert isinstance(product, ingestion.Resource)
    assert product.type == "product"
    assert product.id.startswith("product/")
    assert product.guid == product.id.removeprefix("product/")
    assert product.product_type == "azureVirtualMachine"
    assert product.lifecycle_state is LifecycleState.GENERALLY_AVAILABLE
    # By durable id and by the Product itself.
    assert client.product(product.id) == product
    assert client.product(product) == product
    with pytest.raises(cloudpartner.NotFoundError, match="no-such-offer"):
        client.product("no-such-offer")
    with pytest.raises(TypeError, match="product must be"):
        client.product(3)  # type: ignore[arg-type]


def test_plans_and_resources(client: IngestionClient) -> None:
    plans = client.plans("vm-release")
    assert sorted(p.external_id for p in plans) == ["byol", "standard"]
    assert all(p.type == "plan" for p in plans)
    again = client.resource(plans[0].id)
    assert again == plans[0]


def test_products_by_pages_of_a_size() -> None:
    scenario = {
        "ingestion": {
            "products": {
                f"offer-{n}": {
                    "plans": {"standard": {"skus": [{"imageType": "x64Gen2", "skuId": "s"}]}}
                }
                for n in range(5)
            }
        }
    }
    with Emulator(scenario) as emulator:
        client = emulator.ingestion_client()
        every = sorted(p.external_id for p in client.products())
        assert every == [f"offer-{n}" for n in range(5)]
        assert sorted(p.external_id for p in client.products(page_size=2)) == every
        pages = [
            r.query or ""
            for r in emulator.requests
            if r.method == "GET" and r.path.endswith("/product")
        ]
        assert len(pages) == 1 + 3, pages
        assert all("maxpagesize=2" in q for q in pages[1:])
        assert sum("continuationToken" in q for q in pages) == 2
        assert len(run(emulator.ingestion_async_client().products(page_size=4))) == 5
        with pytest.raises(cloudpartner.InvalidArgumentError, match="page size"):
            client.products(page_size=0)
        with pytest.raises(TypeError, match="page_size"):
            client.products(page_size="2")  # type: ignore[arg-type]


def test_a_tree_of_each_target(client: IngestionClient) -> None:
    draft = client.resource_tree("vm-release")
    assert draft.target is Target.DRAFT
    assert draft.plan_ids == ["byol", "standard"]
    assert draft.product is not None and draft.product.external_id == "vm-release"
    assert draft.submission is not None and draft.submission.type == "submission"
    assert draft.root == draft.product.id
    live = client.resource_tree("vm-release", target="live")
    assert live.target is Target.LIVE
    preview = client.resource_tree("vm-release", target=Target.PREVIEW)
    assert preview.target is Target.PREVIEW
    assert json.loads(draft.to_json()) == draft.to_dict()
    with pytest.raises(cloudpartner.InvalidArgumentError, match="target"):
        client.resource_tree("vm-release", target="staging")  # type: ignore[arg-type]


def test_technical_configuration_helpers(client: IngestionClient) -> None:
    tree = client.resource_tree("vm-release")
    config = tree.technical_configuration("standard")
    assert config.plan_id == "standard"
    assert config.image_types == ["x64Gen1", "x64Gen2"]
    assert [v.version_number for v in config.vm_image_versions()] == ["1.0.0"]
    assert config.published_versions == ["1.0.0"]
    # A published version cannot be removed: the list is full-state.
    with pytest.raises(cloudpartner.InvalidArgumentError, match="published"):
        config.remove_vm_image_version("1.0.0")
    image = ingestion.VmImage("x64Gen1", OS_DISK, [(0, OS_DISK)])
    config.set_vm_image_version(ingestion.VmImageVersion("2.0.0", [image]))
    versions = config.vm_image_versions()
    assert [v.version_number for v in versions] == ["1.0.0", "2.0.0"]
    assert versions[1].images[0].data_disks == [ingestion.DataDisk(0, OS_DISK)]
    config.deprecate_vm_image_version("1.0.0", reason="endOfSupport", date_offset="P90D")
    first = config.vm_image_versions()[0]
    assert first.lifecycle_state is LifecycleState.DEPRECATED
    assert first.deprecation_schedule is not None
    assert first.deprecation_schedule["reason"] == "endOfSupport"
    config.restore_vm_image_version("1.0.0")
    assert config.vm_image_versions()[0].lifecycle_state is LifecycleState.GENERALLY_AVAILABLE
    removed = config.remove_vm_image_version("2.0.0")
    assert removed.version_number == "2.0.0"
    with pytest.raises(cloudpartner.InvalidArgumentError, match="image type"):
        config.set_vm_image_version(
            ingestion.VmImageVersion("3.0.0", [ingestion.VmImage("arm64Gen2", OS_DISK)])
        )
    with pytest.raises(cloudpartner.InvalidArgumentError, match="no plan"):
        tree.technical_configuration("nope")


def test_a_technical_configuration_definition_is_a_live_dict(
    emulator: Emulator, client: IngestionClient
) -> None:
    config = client.resource_tree("vm-new").technical_configuration("standard")
    definition = config.definition
    assert definition is config.definition, "one dict, held by the configuration"
    versions = definition["vmImageVersions"]
    # Edits to the dict are the configuration: the helpers see them...
    definition["x-big"] = 2**64 - 1
    definition["x-float"] = 0.1 + 0.2
    definition["x-negative"] = -(2**63)
    versions.append({"versionNumber": "1.5.0", "vmImages": [], "x-entry": 1})
    assert [v.version_number for v in config.vm_image_versions()] == ["1.5.0"]
    # ...and their change lands in the same dict and list, key order kept.
    config.set_vm_image_version(
        ingestion.VmImageVersion("2.0.0", [ingestion.VmImage("x64Gen1", OS_DISK)])
    )
    config.deprecate_vm_image_version("1.5.0", reason="other")
    assert definition is config.definition and definition["vmImageVersions"] is versions
    assert [v["versionNumber"] for v in versions] == ["1.5.0", "2.0.0"]
    assert versions[0]["lifecycleState"] == "deprecated" and versions[0]["x-entry"] == 1
    assert list(definition)[-3:] == ["x-big", "x-float", "x-negative"]
    text = config.to_json()
    assert '"x-big":18446744073709551615,"x-float":0.30000000000000004,' in text
    assert '"x-negative":-9223372036854775808}' in text
    assert list(json.loads(text)) == list(definition)
    assert json.loads(config.resource.to_json()) == definition
    # What configure sends is the configuration as it is now.
    client.configure([config])
    body = next(r for r in emulator.requests if r.path.endswith("/configure")).body or b""
    assert text.encode() in body
    # A value that is not JSON is refused where it is, and changes nothing.
    definition["x-bad"] = object()
    with pytest.raises(TypeError, match=r"\['x-bad'\]"):
        config.to_json()
    with pytest.raises(TypeError, match=r"\['x-bad'\]"):
        config.set_vm_image_version(ingestion.VmImageVersion("3.0.0"))
    del definition["x-bad"]
    assert config.to_json() == text
    # The dict can be replaced by another one.
    config.definition = json.loads(text) | {"x-new": True}
    assert config.definition is not definition
    assert config.to_json() == text[:-1] + ',"x-new":true}'
    with pytest.raises(TypeError, match="must be a dict"):
        config.definition = []  # type: ignore[assignment]


def test_a_configuration_read_as_a_dict_writes_its_numbers_as_read() -> None:
    tree = ingestion.parse_resource_tree(
        b'{"root": "product/p", "target": {"targetType": "draft"}, "resources": ['
        b'{"$schema": "https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2",'
        b' "id": "plan/p/a", "identity": {"externalId": "standard"}},'
        b'{"$schema": "https://schema.mp.microsoft.com/schema/'
        b'virtual-machine-plan-technical-configuration/2022-03-01-preview2",'
        b' "plan": "plan/p/a", "z": 1.10, "a": 18446744073709551615, "m": -1e2,'
        b' "f": 0.30000000000000004, "skus": [], "vmImageVersions": []}]}'
    )
    config = tree.technical_configuration("standard")
    before = config.to_json()
    assert '"z":1.1,"a":18446744073709551615,"m":-100.0,"f":0.30000000000000004' in before
    assert list(config.definition) == [
        "$schema",
        "plan",
        "z",
        "a",
        "m",
        "f",
        "skus",
        "vmImageVersions",
    ]
    assert config.definition["a"] == 18446744073709551615
    assert config.to_json() == before, "reading the dict changed nothing"
    config.set_vm_image_version(
        ingestion.VmImageVersion("1.0.0", [ingestion.VmImage("x64Gen2", OS_DISK)])
    )
    assert config.definition["vmImageVersions"][0]["versionNumber"] == "1.0.0"
    assert config.to_json().startswith(before[: before.index('"vmImageVersions"')])


def test_configure_sends_the_resources_as_edited_and_a_job_follows(
    emulator: Emulator, client: IngestionClient
) -> None:
    tree = client.resource_tree("vm-new")
    listing = next(r for r in tree.resources if r.type == "listing")
    listing.definition["summary"] = "Edited from Python"
    listing.definition["x-exact"] = 1.50
    config = tree.technical_configuration("standard")
    config.set_vm_image_version(
        ingestion.VmImageVersion("2.0.0", [ingestion.VmImage("x64Gen1", OS_DISK)])
    )
    job = client.configure([listing, config])
    assert job.id and job.status in (JobStatus.NOT_STARTED, JobStatus.RUNNING, JobStatus.COMPLETED)
    body = json.loads(
        next(r for r in emulator.requests if r.path.endswith("/configure")).body or b""
    )
    sent = body["resources"][0]
    assert sent["summary"] == "Edited from Python"
    assert list(sent)[-1] == "x-exact"
    assert configures(emulator) == [["listing", "virtual-machine-plan-technical-configuration"]]
    done = client.wait_for_job(job)
    assert done.is_done and done.succeeded and done.result is JobResult.SUCCEEDED
    assert done.status is JobStatus.COMPLETED
    assert client.job(job.id).succeeded
    assert isinstance(client.job_detail(job), list)
    after = client.resource_tree("vm-new").technical_configuration("standard")
    assert "2.0.0" in [v.version_number for v in after.vm_image_versions()]
    listing_after = next(r for r in client.resource_tree("vm-new").resources if r.type == "listing")
    assert listing_after.definition["summary"] == "Edited from Python"


def test_submissions_status_and_publish(client: IngestionClient) -> None:
    status = client.product_status("vm-release")
    assert status.stage is ProductStage.LIVE
    assert status.is_terminal and not status.needs_publisher_action
    assert status.live is not None and status.live.target is Target.LIVE
    assert status.live.succeeded
    subs = client.submissions("vm-release")
    assert {s.target for s in subs} >= {Target.LIVE, Target.PREVIEW}
    assert client.product_status("vm-new").stage is ProductStage.NEVER_PUBLISHED
    job = client.publish("vm-new")
    assert client.wait_for_job(job).succeeded
    statuses = list(client.watch("vm-new", until="review"))
    assert statuses[-1].stage is ProductStage.WAITING_FOR_GO_LIVE
    assert statuses[-1].needs_publisher_action
    live = client.go_live("vm-new")
    assert client.wait_for_job(live).succeeded
    with client.watch("vm-new") as watch:
        last = list(watch)[-1]
    assert last.stage is ProductStage.LIVE
    assert watch.closed


def test_a_watch_closes(client: IngestionClient) -> None:
    watch = client.watch("vm-release")
    watch.close()
    watch.close()
    assert watch.closed
    assert list(watch) == []


def test_conflicts_name_what_blocks_them() -> None:
    with Emulator(time_scale=1.0) as emulator:
        client = emulator.ingestion_client()
        with pytest.raises(
            cloudpartner.ConflictError, match="no succeeded preview newer than live"
        ):
            client.go_live("vm-release")
        job = client.publish("vm-new")
        with pytest.raises(cloudpartner.ConflictError, match="is in progress") as raised:
            client.publish("vm-new")
        assert "preview" in str(raised.value)
        canceled = client.cancel_job(job)
        assert canceled.result is JobResult.CANCELLED
        with pytest.raises(cloudpartner.BadRequestError, match="already completed"):
            client.cancel_job(job.id)


def test_configure_is_not_resent_after_a_500(emulator: Emulator, client: IngestionClient) -> None:
    config = client.resource_tree("vm-new").technical_configuration("standard")
    emulator.add_fault(
        {"kind": "status", "status": 500, "route": "ingestion.configure", "times": 1}
    )
    before = len(configures(emulator))
    with pytest.raises(cloudpartner.ServerError) as raised:
        client.configure([config])
    assert raised.value.status_code == 500
    assert len(configures(emulator)) == before + 1
    # The next one goes through.
    assert client.configure([config]).id


def test_a_job_that_does_not_end_times_out_naming_it() -> None:
    with Emulator(time_scale=1.0) as emulator:
        client = emulator.ingestion_client()
        job = client.publish("vm-new")
        with pytest.raises(cloudpartner.RequestTimeoutError) as raised:
            client.wait_for_job(job, timeout=0.3)
        assert job.id in str(raised.value)


def test_resources_pickle_and_copy_losslessly(client: IngestionClient) -> None:
    tree = client.resource_tree("vm-release")
    for resource in tree.resources:
        again = pickle.loads(pickle.dumps(resource))
        assert type(again) is type(resource)
        assert again.to_json() == resource.to_json()
    assert pickle.loads(pickle.dumps(tree)).to_json() == tree.to_json()
    disk = ingestion.DataDisk(1, OS_DISK)
    assert pickle.loads(pickle.dumps(disk)) == disk
    created = ingestion.Resource({"$schema": "https://x/schema/listing/1", "id": "", "n": 2})
    assert created.type == "listing" and created.to_dict()["n"] == 2


def test_the_async_client_has_every_method(emulator: Emulator) -> None:
    async def go() -> None:
        client = emulator.ingestion_async_client()
        assert client.base_url == emulator.ingestion_base_url and client.version
        assert len(await client.products()) == 2
        product = await client.product("vm-new")
        assert len(await client.plans(product)) == 1
        tree = await client.resource_tree(product, target="draft")
        assert (await client.resource(tree.plans[0].id)).type == "plan"
        config = tree.technical_configuration("standard")
        config.set_vm_image_version(
            ingestion.VmImageVersion("2.0.0", [ingestion.VmImage("x64Gen1", OS_DISK)])
        )
        job = await client.configure([config])
        assert (await client.job(job)).id == job.id
        assert (await client.wait_for_job(job.id)).succeeded
        assert isinstance(await client.job_detail(job), list)
        assert (await client.product_status(product)).stage is ProductStage.NEVER_PUBLISHED
        publish = await client.publish(product)
        assert (await client.wait_for_job(publish)).succeeded
        seen = [s.stage async for s in client.watch(product, until="review")]
        assert seen[-1] is ProductStage.WAITING_FOR_GO_LIVE
        live = await client.go_live(product)
        assert (await client.wait_for_job(live)).succeeded
        async with client.watch(product) as watch:
            stages = [s.stage async for s in watch]
        assert stages[-1] is ProductStage.LIVE
        assert watch.closed
        assert len(await client.submissions(product)) >= 2
        with pytest.raises(cloudpartner.BadRequestError):
            await client.cancel_job(live)
        with pytest.raises(cloudpartner.NotFoundError):
            await client.product("no-such-offer")

    run(go())
