"""The Product Ingestion enums follow the core's lists (``_native.JOB_STATUSES``, ...):
a value added in the core fails here until it is mapped. And ``IngestionClient`` and
``AsyncIngestionClient`` are one method table (``ingestion/client_methods.rs``)."""

from __future__ import annotations

import enum
import inspect
import json
from typing import Any

import pytest

import cloudpartner
from cloudpartner import _native, ingestion

ENUMS: list[tuple[type[enum.Enum], tuple[str, ...]]] = [
    (ingestion.JobStatus, _native.JOB_STATUSES),
    (ingestion.JobResult, _native.JOB_RESULTS),
    (ingestion.SubmissionStatus, _native.SUBMISSION_STATUSES),
    (ingestion.SubmissionResult, _native.SUBMISSION_RESULTS),
    (ingestion.Target, _native.TARGETS),
    (ingestion.ProductStage, _native.PRODUCT_STAGES),
    (ingestion.LifecycleState, _native.LIFECYCLE_STATES),
]


@pytest.mark.parametrize(("cls", "names"), ENUMS, ids=[cls.__name__ for cls, _ in ENUMS])
def test_every_value_has_exactly_one_member(cls: type[enum.Enum], names: tuple[str, ...]) -> None:
    known = [member.value for member in cls if member.name != "UNKNOWN"]
    assert known == list(names), "the members follow the core's list, in its order"
    assert cls["UNKNOWN"].value == "unknown"
    assert getattr(ingestion, cls.__name__) is cls
    assert cls.__name__ in ingestion.__all__
    assert cls.__module__ == "cloudpartner.ingestion"


def test_the_stages_are_spelled_as_designed() -> None:
    assert _native.PRODUCT_STAGES == (
        "never_published",
        "preview_in_progress",
        "preview_failed",
        "waiting_for_go_live",
        "live_in_progress",
        "live_failed",
        "live",
    )
    assert "cancelled" in _native.JOB_RESULTS


@pytest.mark.parametrize("status", _native.JOB_STATUSES)
@pytest.mark.parametrize("result", _native.JOB_RESULTS)
def test_each_job_state_is_read_as_its_member(status: str, result: str) -> None:
    job = ingestion.parse_job(json.dumps({"jobId": "j", "jobStatus": status, "jobResult": result}))
    assert job.status is ingestion.JobStatus(status)
    assert job.result is ingestion.JobResult(result)


def test_an_unknown_value_is_unknown_with_the_raw_text() -> None:
    job = ingestion.parse_job(json.dumps({"jobId": "j", "jobStatus": "sleeping", "jobResult": "x"}))
    assert job.status is ingestion.JobStatus.UNKNOWN
    assert job.raw_status == "sleeping"


def public(cls: type) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def parameters(function: Any) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


METHODS = [
    n for n in public(ingestion.IngestionClient) if callable(getattr(ingestion.IngestionClient, n))
]


def test_the_table_has_every_method_of_the_design() -> None:
    for name in (
        "products", "product", "resource_tree", "configure", "job", "wait_for_job",
        "cancel_job", "submissions", "product_status", "watch", "publish", "go_live", "release",
    ):  # fmt: skip
        assert name in METHODS


@pytest.mark.parametrize("cls", [ingestion.AsyncIngestionClient, _native.AsyncIngestionClient])
def test_every_public_name_is_on_the_async_clients(cls: type) -> None:
    assert public(cls) == public(ingestion.IngestionClient)


@pytest.mark.parametrize("name", METHODS)
def test_the_async_methods_take_the_same_parameters_and_are_coroutines(name: str) -> None:
    sync = parameters(getattr(ingestion.IngestionClient, name))[1:]
    assert parameters(getattr(_native.AsyncIngestionClient, name))[1:] == sync
    assert parameters(getattr(ingestion.AsyncIngestionClient, name))[1:] == sync
    method = getattr(ingestion.AsyncIngestionClient, name)
    assert inspect.iscoroutinefunction(method) is (name != "watch")


def test_the_constructors_take_the_options_of_client_with_version() -> None:
    sync = parameters(ingestion.IngestionClient)
    assert parameters(_native.AsyncIngestionClient) == sync
    assert parameters(ingestion.AsyncIngestionClient) == sync
    names = [n for n, _, _ in parameters(cloudpartner.Client)]
    assert [n for n, _, _ in sync] == [("version" if n == "api_version" else n) for n in names]
