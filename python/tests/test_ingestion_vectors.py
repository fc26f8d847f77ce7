"""The Product Ingestion vectors (``fixtures/ingestion/``, see its README), read through
the native parsers: a new vector needs no code here. Every tree round-trips
losslessly, key order and numbers included, also after its resources' ``definition``
dicts were read."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support import REPO

import cloudpartner
from cloudpartner import ingestion

VECTORS = REPO / "fixtures" / "ingestion"


def ordered(text: str | bytes) -> Any:
    """JSON with objects as lists of pairs: equality then includes key order."""
    return json.loads(text, object_pairs_hook=list)


def expected(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    return result


def utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


def tree_summary(tree: ingestion.ResourceTree) -> dict[str, Any]:
    configs = {}
    for plan in tree.plan_ids:
        config = tree.technical_configuration(plan)
        versions = [
            {
                "versionNumber": v.version_number,
                "lifecycleState": None if v.lifecycle_state is None else v.lifecycle_state.value,
                "deprecationReason": (
                    None if v.deprecation_schedule is None else v.deprecation_schedule["reason"]
                ),
                "images": [
                    {
                        "imageType": i.image_type,
                        "sourceType": i.source_type,
                        "osDiskUri": i.os_disk_uri,
                        "dataDisks": [[d.lun, d.uri] for d in i.data_disks],
                        "sharedImageResourceId": i.shared_image_resource_id,
                    }
                    for i in v.images
                ],
            }
            for v in config.vm_image_versions()
        ]
        configs[plan] = {"imageTypes": config.image_types, "versions": versions}
    return {
        "kind": "tree",
        "root": tree.root,
        "target": tree.target.value,
        "productExternalId": None if tree.product is None else tree.product.external_id,
        "planIds": tree.plan_ids,
        "submission": None if tree.submission is None else tree.submission.id,
        "resourceCount": len(tree.resources),
        "technicalConfigurations": configs,
    }


def job_summary(job: ingestion.Job, want: dict[str, Any]) -> dict[str, Any]:
    assert job.start == utc(want["start"])
    assert job.end == utc(want["end"])
    return {
        "kind": "job",
        "id": job.id,
        "status": job.raw_status,
        "result": job.raw_result,
        "done": job.is_done,
        "succeeded": job.succeeded,
        "certification": job.is_certification_failure,
        "start": want["start"],
        "end": want["end"],
        "errorLines": job.error_lines(),
    }


DOCUMENTS = sorted(p for p in VECTORS.glob("*.json") if not p.name.endswith(".expected.json"))
INVALID = sorted(
    p for p in (VECTORS / "invalid").glob("*.json") if not p.name.endswith(".expected.json")
)


def test_there_are_vectors_of_every_kind() -> None:
    kinds = {expected(p)["kind"] for p in DOCUMENTS}
    assert kinds == {"tree", "job", "submissions", "page"}
    assert INVALID


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_vector(path: Path) -> None:
    want = expected(path)
    data = path.read_bytes()
    kind = want["kind"]
    if kind == "tree":
        tree = ingestion.parse_resource_tree(data)
        assert ordered(tree.to_json()) == ordered(data), "lossless"
        assert tree_summary(tree) == want
        for resource in tree.resources:
            before = resource.to_json()
            assert isinstance(resource.definition, dict)
            assert resource.to_json() == before, f"{resource.id}: reading the dict changed it"
            assert ordered(before) == ordered(ingestion.parse_resource(before).to_json())
            assert "sig=" not in repr(resource) or "sig=REDACTED" in repr(resource)
        # The text form parses the same.
        assert ingestion.parse_resource_tree(data.decode()).to_json() == tree.to_json()
    elif kind == "job":
        job = ingestion.parse_job(data)
        assert job_summary(job, want) == want
    elif kind == "submissions":
        submissions = ingestion.parse_submissions(data)
        status = ingestion.product_status_of("p", submissions)
        got = {
            "kind": "submissions",
            "count": len(submissions),
            "stage": status.stage.value,
            "preview": None if status.preview is None else status.preview.id,
            "live": None if status.live is None else status.live.id,
        }
        assert got == want
    elif kind == "page":
        resources, next_link = ingestion.parse_page(data)
        got = {
            "kind": "page",
            "externalIds": [r.external_id for r in resources],
            "nextLink": next_link,
        }
        assert got == want
    else:
        pytest.fail(f"unknown kind {kind}")


PARSERS = {"tree": ingestion.parse_resource_tree, "job": ingestion.parse_job}


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_vector(path: Path) -> None:
    want = expected(path)
    with pytest.raises(cloudpartner.ParseError) as raised:
        PARSERS[want["parser"]](path.read_bytes())
    assert raised.value.kind == want["kind"]
    if "line" in want:
        assert (raised.value.line, raised.value.column) == (want["line"], want["column"])
