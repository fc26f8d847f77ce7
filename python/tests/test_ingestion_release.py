"""``release(...)`` of the ingestion clients against the emulator (DESIGN §10): to live,
at review, a certification failure, a dry run, resumed after ``on_progress`` raised
(nothing sent twice), a refusal while a submission runs; sync and async."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingestion_support import FAST, OS_DISK, cert_failure_scenario, configures
from support import run

import cloudpartner
from cloudpartner import ReleaseOutcome
from cloudpartner.ingestion import (
    IngestionClient,
    JobResult,
    ProductStage,
    ProductStatus,
    ReleaseEvent,
)
from cloudpartner.testing import Emulator


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(time_scale=FAST) as emulator:
        yield emulator


@pytest.fixture
def client(emulator: Emulator) -> IngestionClient:
    return emulator.ingestion_client()


def test_a_release_to_live_reports_each_phase(emulator: Emulator, client: IngestionClient) -> None:
    events: list[ReleaseEvent] = []
    result = client.release(
        "vm-release",
        plan="standard",
        version="2.0.0",
        os_disk_uri=OS_DISK,
        data_disks=[(0, OS_DISK)],
        go_live=True,
        on_progress=events.append,
    )
    assert result.outcome is ReleaseOutcome.LIVE
    assert result.status is not None and result.status.stage is ProductStage.LIVE
    assert result.job is None and result.diff is None and result.phase is None
    started = [e.phase for e in events if e.kind == "phase_started"]
    assert started == ["read", "change", "write", "publish", "review", "go-live", "live"]
    statuses = [e.status for e in events if e.kind == "status"]
    assert statuses and all(isinstance(s, ProductStatus) for s in statuses)
    assert all(isinstance(e, cloudpartner.ReleaseEvent) for e in events)
    for event in events:
        assert "s3cr3t" not in repr(event)
        assert "s3cr3t" not in (event.summary or "")
    live = client.resource_tree("vm-release", target="live").technical_configuration("standard")
    assert "2.0.0" in [v.version_number for v in live.vm_image_versions()]
    # Again: already live, nothing is sent.
    before = len(configures(emulator))
    again = client.release(
        "vm-release",
        plan="standard",
        version="2.0.0",
        os_disk_uri=OS_DISK,
        data_disks=[cloudpartner.ingestion.DataDisk(0, OS_DISK)],
        go_live=True,
    )
    assert again.outcome is ReleaseOutcome.LIVE
    assert len(configures(emulator)) == before


def test_without_go_live_it_stops_at_review(emulator: Emulator, client: IngestionClient) -> None:
    result = client.release("vm-new", plan="standard", version="2.0.0", os_disk_uri=OS_DISK)
    assert result.outcome is ReleaseOutcome.AT_REVIEW
    assert result.status is not None
    assert result.status.stage is ProductStage.WAITING_FOR_GO_LIVE
    assert result.status.needs_publisher_action
    assert not any("submission:live" in c for c in configures(emulator))


def test_a_certification_failure_is_the_failed_outcome_with_its_job() -> None:
    with Emulator(cert_failure_scenario(), time_scale=FAST) as emulator:
        client = emulator.ingestion_client()
        result = client.release(
            "vm-cert", plan="standard", version="2.0.0", os_disk_uri=OS_DISK, go_live=True
        )
        assert result.outcome is ReleaseOutcome.FAILED
        assert result.phase == "review"
        assert result.status is not None and result.status.stage is ProductStage.PREVIEW_FAILED
        job = result.job
        assert job is not None
        assert job.result is JobResult.FAILED and job.is_certification_failure
        assert any(line.startswith("  ") for line in job.error_lines()), "nested"
        assert any(d.is_certification for e in job.errors for d in e.details)
        assert "job=Job(" in repr(result)
        assert not any("submission:live" in c for c in configures(emulator))


def test_a_dry_run_sends_nothing_and_gives_the_diff(
    emulator: Emulator, client: IngestionClient
) -> None:
    result = client.release(
        "vm-release", plan="standard", version="2.0.0", os_disk_uri=OS_DISK, dry_run=True
    )
    assert result.outcome is ReleaseOutcome.DRY_RUN
    assert result.diff is not None and "2.0.0" in result.diff
    assert "s3cr3t" not in result.diff
    assert configures(emulator) == []
    assert all(r.method == "GET" for r in emulator.requests if "/rp/" in r.path)


class Stop(Exception):
    pass


@pytest.mark.parametrize(
    ("stop_at", "says"),
    [("publish", "not sent again"), ("review", None), ("go-live", "not published again")],
)
def test_resumed_after_on_progress_raised_nothing_is_sent_twice(
    emulator: Emulator, client: IngestionClient, stop_at: str, says: str | None
) -> None:
    def stop(event: ReleaseEvent) -> None:
        if event.kind == "phase_started" and event.phase == stop_at:
            raise Stop(stop_at)

    args = {"plan": "standard", "version": "2.0.0", "os_disk_uri": OS_DISK, "go_live": True}
    with pytest.raises(Stop):
        client.release("vm-release", on_progress=stop, **args)  # type: ignore[arg-type]
    summaries: list[str] = []
    result = client.release(
        "vm-release",
        on_progress=lambda e: summaries.append(e.summary or ""),
        **args,  # type: ignore[arg-type]
    )
    assert result.outcome is ReleaseOutcome.LIVE
    flat = [r for c in configures(emulator) for r in c]
    assert sum("technical-configuration" in r for r in flat) == 1, flat
    assert flat.count("submission:preview") == 1, flat
    assert flat.count("submission:live") == 1, flat
    if says:
        assert any(says in s for s in summaries), summaries


def test_a_release_while_a_submission_runs_is_a_conflict() -> None:
    with Emulator(time_scale=1.0) as emulator:
        client = emulator.ingestion_client()
        client.publish("vm-new")
        with pytest.raises(cloudpartner.ConflictError, match="in progress"):
            client.release("vm-new", plan="standard", version="2.0.0", os_disk_uri=OS_DISK)


def test_bad_arguments_are_refused_before_anything_is_sent(
    emulator: Emulator, client: IngestionClient
) -> None:
    with pytest.raises(TypeError, match="on_progress"):
        client.release(
            "vm-new",
            plan="standard",
            version="2.0.0",
            os_disk_uri=OS_DISK,
            on_progress=3,  # type: ignore[arg-type]
        )
    with pytest.raises(cloudpartner.InvalidArgumentError):
        client.release("vm-new", plan="standard", version="2.0", os_disk_uri=OS_DISK)
    assert configures(emulator) == []


def test_the_async_release_to_live_and_resumed(emulator: Emulator) -> None:
    async def go() -> None:
        client = emulator.ingestion_async_client()
        phases: list[str] = []

        def stop(event: ReleaseEvent) -> None:
            phases.append(event.phase)
            if event.kind == "phase_started" and event.phase == "review":
                raise Stop("review")

        with pytest.raises(Stop):
            await client.release(
                "vm-release",
                plan="standard",
                version="2.0.0",
                os_disk_uri=OS_DISK,
                go_live=True,
                on_progress=stop,
            )
        assert "read" in phases
        events: list[ReleaseEvent] = []
        result = await client.release(
            "vm-release",
            plan="standard",
            version="2.0.0",
            os_disk_uri=OS_DISK,
            go_live=True,
            on_progress=events.append,
        )
        assert result.outcome is ReleaseOutcome.LIVE
        assert events and events[0].phase == "read"
        flat = [r for c in configures(emulator) for r in c]
        assert sum("technical-configuration" in r for r in flat) == 1, flat
        assert flat.count("submission:preview") == 1, flat

    run(go())
