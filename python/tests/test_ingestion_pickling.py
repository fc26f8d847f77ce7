"""Every Product Ingestion value pickles: ``pickle.loads(pickle.dumps(x))`` is equal to
``x`` and keeps each field (raw states, times to the nanosecond, what a draft knows of
its published versions), for the vectors of ``fixtures/ingestion/`` and for what the
emulator answers."""

from __future__ import annotations

import copy
import enum
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from ingestion_support import FAST, OS_DISK
from support import REPO

import cloudpartner
from cloudpartner import ingestion
from cloudpartner.testing import Emulator

VECTORS = REPO / "fixtures" / "ingestion"
T = TypeVar("T")


def again(value: T) -> T:
    """The value through pickle (protocol 2 and the highest give the same)."""
    copies: list[T] = [
        pickle.loads(pickle.dumps(value, protocol)) for protocol in (2, pickle.HIGHEST_PROTOCOL)
    ]
    assert all(type(c) is type(value) for c in copies)
    assert copies[0] == copies[1]
    return copies[-1]


def vectors(kind: str) -> list[Path]:
    return sorted(
        p
        for p in VECTORS.glob("*.json")
        if not p.name.endswith(".expected.json")
        and json.loads(p.with_name(p.stem + ".expected.json").read_text())["kind"] == kind
    )


def every_error(errors: list[ingestion.JobError]) -> Iterator[ingestion.JobError]:
    for error in errors:
        yield error
        yield from every_error(error.details)


def job_fields(job: ingestion.Job) -> tuple[Any, ...]:
    return (
        job.id,
        job.status,
        job.raw_status,
        job.result,
        job.raw_result,
        job.start,
        job.end,
        job.is_done,
        job.succeeded,
        job.is_certification_failure,
        job.error_lines(),
    )


def error_fields(error: ingestion.JobError) -> tuple[Any, ...]:
    return (
        error.code,
        error.message,
        error.resource_id,
        error.is_certification,
        error.lines(),
        [error_fields(d) for d in error.details],
    )


def submission_fields(submission: ingestion.Submission | None) -> tuple[Any, ...] | None:
    if submission is None:
        return None
    return (
        submission.id,
        submission.product,
        submission.target,
        submission.status,
        submission.result,
        submission.created,
        submission.in_progress,
        submission.succeeded,
        submission.failed,
    )


def status_fields(status: ingestion.ProductStatus) -> tuple[Any, ...]:
    return (
        status.product,
        submission_fields(status.preview),
        submission_fields(status.live),
        status.stage,
        status.is_terminal,
        status.needs_publisher_action,
        status.in_progress,
    )


def image_fields(image: ingestion.VmImage) -> tuple[Any, ...]:
    return (
        image.image_type,
        image.source_type,
        image.os_disk_uri,
        image.data_disks,
        image.shared_image_tenant_id,
        image.shared_image_resource_id,
    )


def version_fields(version: ingestion.VmImageVersion) -> tuple[Any, ...]:
    return (
        version.version_number,
        version.lifecycle_state,
        [image_fields(i) for i in version.images],
        version.deprecation_schedule,
    )


def config_fields(config: ingestion.TechnicalConfiguration) -> tuple[Any, ...]:
    return (
        config.plan_id,
        config.skus,
        config.image_types,
        config.published_versions,
        config.to_json(),
        config.definition,
        [version_fields(v) for v in config.vm_image_versions()],
    )


@pytest.mark.parametrize("path", vectors("job"), ids=lambda p: p.stem)
def test_jobs_and_their_errors(path: Path) -> None:
    job = ingestion.parse_job(path.read_bytes())
    copied = again(job)
    assert copied == job
    assert job_fields(copied) == job_fields(job)
    for error in every_error(job.errors):
        assert again(error) == error
        assert error_fields(again(error)) == error_fields(error)


def test_a_job_keeps_unknown_states_and_nanoseconds() -> None:
    job = ingestion.parse_job(
        json.dumps(
            {
                "jobId": "j",
                "jobStatus": "sleeping",
                "jobResult": "maybe",
                "jobStart": "2026-12-01T10:00:00.1234567Z",
                "jobEnd": "2026-12-01T10:00:00.1234568Z",
            }
        )
    )
    copied = again(job)
    assert copied.status is ingestion.JobStatus.UNKNOWN and copied.raw_status == "sleeping"
    assert copied.raw_result == "maybe"
    # Python's datetime keeps microseconds: the two times read the same, yet are kept apart.
    assert copied.start == copied.end
    assert copied == job
    other = ingestion.parse_job(json.dumps({"jobId": "j", "jobStatus": "sleeping"}))
    assert again(other) != job


@pytest.mark.parametrize("path", vectors("submissions"), ids=lambda p: p.stem)
def test_submissions_and_product_statuses(path: Path) -> None:
    submissions = ingestion.parse_submissions(path.read_bytes())
    for submission in submissions:
        assert again(submission) == submission
        assert submission_fields(again(submission)) == submission_fields(submission)
    status = ingestion.product_status_of("vm-offer", submissions)
    assert again(status) == status
    assert status_fields(again(status)) == status_fields(status)


def test_a_submission_time_keeps_its_seven_digits() -> None:
    def submission(created: str) -> ingestion.Submission:
        document = {
            "id": "submission/p/2",
            "product": "product/p",
            "target": {"targetType": "preview"},
            "status": "running",
            "created": created,
        }
        return ingestion.parse_submissions(json.dumps(document))[0]

    seven, six = (
        submission("2026-11-20T16:05:12.4818395Z"),
        submission("2026-11-20T16:05:12.481839Z"),
    )
    # Python's datetime keeps microseconds: they read the same, yet are kept apart.
    assert submission_fields(seven) == submission_fields(six)
    assert again(seven) == seven and again(seven) != six
    assert again(six) == six


@pytest.mark.parametrize("path", vectors("tree"), ids=lambda p: p.stem)
def test_trees_configurations_and_images(path: Path) -> None:
    tree = ingestion.parse_resource_tree(path.read_bytes())
    assert again(tree) == tree and again(tree).to_json() == tree.to_json()
    for resource in tree.resources:
        assert again(resource) == resource
        assert again(resource).to_json() == resource.to_json()
    for plan in tree.plan_ids:
        config = tree.technical_configuration(plan)
        assert again(config) == config
        assert config_fields(again(config)) == config_fields(config)
        for version in config.vm_image_versions():
            assert again(version) == version
            assert version_fields(again(version)) == version_fields(version)
            for image in version.images:
                assert again(image) == image
                assert image_fields(again(image)) == image_fields(image)
                for disk in image.data_disks:
                    assert again(disk) == disk


def test_the_vectors_hold_what_the_images_can_carry() -> None:
    versions = [
        v
        for path in vectors("tree")
        for plan in ingestion.parse_resource_tree(path.read_bytes()).plan_ids
        for v in ingestion.parse_resource_tree(path.read_bytes())
        .technical_configuration(plan)
        .vm_image_versions()
    ]
    assert any(v.deprecation_schedule for v in versions)
    assert any(i.data_disks for v in versions for i in v.images)
    assert any(i.shared_image_resource_id for v in versions for i in v.images)


def test_built_images_and_versions() -> None:
    image = ingestion.VmImage("x64Gen2", OS_DISK, [ingestion.DataDisk(3, OS_DISK), (4, OS_DISK)])
    version = ingestion.VmImageVersion(
        "2.0.0", [image], lifecycle_state=ingestion.LifecycleState.DEPRECATED
    )
    assert again(image) == image and image_fields(again(image)) == image_fields(image)
    assert again(version) == version and version_fields(again(version)) == version_fields(version)
    assert again(ingestion.VmImageVersion("2.0.0")) != version


ENUMS: list[type[enum.Enum]] = [
    ingestion.JobStatus,
    ingestion.JobResult,
    ingestion.SubmissionStatus,
    ingestion.SubmissionResult,
    ingestion.Target,
    ingestion.ProductStage,
    ingestion.LifecycleState,
    ingestion.ReleaseOutcome,
]


@pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
def test_enum_members(cls: type[enum.Enum]) -> None:
    for member in cls:
        assert again(member) is member


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(time_scale=FAST) as emulator:
        yield emulator


def test_what_the_emulator_answers(emulator: Emulator) -> None:
    client = emulator.ingestion_client()
    products = client.products()
    for product in products:
        copied = again(product)
        assert isinstance(copied, ingestion.Product) and copied == product
        assert (copied.guid, copied.alias, copied.product_type, copied.lifecycle_state) == (
            product.guid,
            product.alias,
            product.product_type,
            product.lifecycle_state,
        )
    status = client.product_status("vm-release")
    assert again(status) == status and status_fields(again(status)) == status_fields(status)
    for submission in client.submissions("vm-release"):
        assert again(submission) == submission
    config = client.resource_tree("vm-new").technical_configuration("standard")
    config.set_vm_image_version(
        ingestion.VmImageVersion("2.0.0", [ingestion.VmImage("x64Gen1", OS_DISK)])
    )
    job = client.configure([config])
    assert again(job) == job and job_fields(again(job)) == job_fields(job)
    done = client.wait_for_job(job)
    assert again(done) == done and job_fields(again(done)) == job_fields(done)
    assert again(done) != job


def test_a_draft_keeps_what_it_knows_of_preview_and_live(emulator: Emulator) -> None:
    client = emulator.ingestion_client()
    tree = client.resource_tree("vm-release")
    copied = again(tree)
    assert copied == tree
    config = copied.technical_configuration("standard")
    assert config.published_versions == ["1.0.0"]
    with pytest.raises(cloudpartner.InvalidArgumentError, match="is published"):
        config.remove_vm_image_version("1.0.0")
    # Parsed from its JSON alone, a draft knows nothing of them.
    parsed = ingestion.parse_resource_tree(tree.to_json())
    assert parsed.technical_configuration("standard").published_versions is None
    assert parsed != tree


def test_a_configuration_pickles_as_it_is_now(emulator: Emulator) -> None:
    client = emulator.ingestion_client()
    config = client.resource_tree("vm-release").technical_configuration("byol")
    config.definition["x-edited"] = [1, 2.5]
    config.deprecate_vm_image_version("1.0.0", reason="other", date_offset="P30D")
    copied = again(config)
    assert copied == config and config_fields(copied) == config_fields(config)
    assert copied.definition["x-edited"] == [1, 2.5]
    assert copied.published_versions == ["1.0.0"]
    # A copy: its dict is its own.
    duplicate = copy.deepcopy(config)
    duplicate.definition["x-edited"].append(3)
    assert config.definition["x-edited"] == [1, 2.5]
    assert duplicate != config
