"""Every ``python`` block of the README runs as written, as its reader would run it after
the install line: a block as a script, with ``CLOUDPARTNER_BASE_URL`` and
``CLOUDPARTNER_TOKEN`` pointing at an emulator of its own (and no other credential in
the environment); a block of tests through pytest.

The emulators serve the default scenario's offers, with publishes of a few seconds
whose steps say ``< 1 min``: a client made from the environment polls as it would the
service (every 5 s at least), not on the emulator's clock. The blocks run at once, each
in its own process, so that the whole takes about as long as the longest block."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import REPO

from cloudpartner.testing import Emulator

README = REPO / "README.md"
PACKAGE_README = REPO / "python" / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{2,4} (.+)$", re.MULTILINE)


def quick_step(step_id: str, name: str, outcome: str = "complete") -> dict[str, Any]:
    return {
        "id": step_id,
        "stepName": name,
        "estimatedTimeFrame": "< 1 min",
        "durationSeconds": 1,
        "outcome": outcome,
    }


QUICK_PUBLISH = [
    quick_step("validate", "Validate Pre-Requisites"),
    quick_step("certify", "Certification"),
    quick_step("publisher-signoff", "Publisher signoff", "waitingForPublisherReview"),
    quick_step("live", "Live"),
]


def readme_scenario() -> dict[str, Any]:
    """The default scenario's offers that the README names, with quick publishes."""
    with Emulator() as default:
        client = default.client()
        fixed = {
            offer_id: {"status": client.offer_status("contoso", offer_id).to_dict()}
            for offer_id in ("live-offer", "failed-offer", "review-offer")
        }
        release = default.offer_document("contoso", "vm-release")
    offers: dict[str, Any] = {
        **fixed,
        "vm-offer": {"publish": {"steps": QUICK_PUBLISH}},
        "vm-release": {"offer": release, "publish": {"steps": QUICK_PUBLISH}},
    }
    return {"publishers": {"contoso": {"offers": offers}}}


@dataclass
class Block:
    name: str
    code: str

    @property
    def is_tests(self) -> bool:
        return re.search(r"^def test_", self.code, re.MULTILINE) is not None


def readme_blocks(readme: Path, prefix: str = "") -> list[Block]:
    text = readme.read_text()
    blocks: list[Block] = []
    for found in BLOCK.finditer(text):
        headings = HEADING.findall(text, 0, found.start())
        heading = headings[-1] if headings else "top"
        slug = re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")
        blocks.append(Block(f"{prefix}{len(blocks) + 1:02d}-{slug}", found.group(1)))
    return blocks


# The project's README, and the package's (what PyPI shows).
BLOCKS = readme_blocks(README) + readme_blocks(PACKAGE_README, "package-")


@dataclass
class Running:
    block: Block
    process: subprocess.Popen[str]
    output: tuple[str, str] | None = None

    def finish(self) -> tuple[str, str]:
        """Waits for the process (at most 120 s): its stdout and stderr."""
        if self.output is None:
            try:
                self.output = self.process.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                self.process.kill()
                stdout, stderr = self.process.communicate()
                pytest.fail(f"{self.block.name} did not finish in 120 s:\n{stdout}\n{stderr}")
        return self.output


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Running]]:
    """Every block started at once, each against its own emulator."""
    folder = tmp_path_factory.mktemp("readme")
    base = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("CLOUDPARTNER_", "AZURE_"))
    }
    scenario = readme_scenario()
    emulators = [Emulator(scenario) for _ in BLOCKS]
    started: dict[str, Running] = {}
    try:
        for block, emulator in zip(BLOCKS, emulators):
            prefix = "test_" if block.is_tests else ""
            path = folder / f"{prefix}readme_{block.name.replace('-', '_')}.py"
            path.write_text(block.code)
            env = {
                **base,
                "CLOUDPARTNER_BASE_URL": emulator.base_url,
                "CLOUDPARTNER_TOKEN": emulator.token,
            }
            command = [sys.executable, str(path)]
            if block.is_tests:
                command = [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    str(path),
                ]
            process = subprocess.Popen(
                command,
                cwd=folder,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            started[block.name] = Running(block, process)
        yield started
    finally:
        for run in started.values():
            if run.output is None:
                run.process.kill()
                run.process.communicate()
        for emulator in emulators:
            emulator.stop()


def test_the_readme_has_python_blocks() -> None:
    names = [block.name for block in BLOCKS]
    assert len(BLOCKS) >= 7, names
    for part in ("fetch", "watch", "async", "release", "errors", "emulator", "package-"):
        assert any(part in name for name in names), (part, names)
    assert not any(
        "azure.identity" in line and not line.lstrip().startswith("#")
        for block in BLOCKS
        for line in block.code.splitlines()
    ), "azure-identity is not installed by the install line: show it as an option"


@pytest.mark.parametrize("name", [block.name for block in BLOCKS])
def test_readme_block_runs(name: str, running: dict[str, Running]) -> None:
    run = running[name]
    stdout, stderr = run.finish()
    assert run.process.returncode == 0, f"{name}:\n{run.block.code}\n{stdout}\n{stderr}"
    assert "Traceback" not in stderr, stderr
    if run.block.is_tests:
        assert re.search(r"\b\d+ passed\b", stdout), stdout
    else:
        assert stdout.strip(), f"{name} printed nothing"


def test_the_release_block_releases(running: dict[str, Running]) -> None:
    release = next(r for name, r in running.items() if name.endswith("release-a-vm-image-version"))
    stdout, _ = release.finish()
    assert "waitingForPublisherReview" in stdout
    assert "vm-release succeeded" in stdout
    assert "'2.0.0'" in stdout


def test_the_ingestion_block_releases_and_handles_a_certification_failure(
    running: dict[str, Running],
) -> None:
    block = next(r for name, r in running.items() if name.endswith("the-product-ingestion-api"))
    stdout, _ = block.finish()
    assert "never_published" in stdout
    assert "live live" in stdout
    assert "['2.0.0']" in stdout
    assert "certification: True" in stdout
    assert "  invalidState" in stdout, "nested errors"
    assert "refused:" in stdout
    assert "sig=c2ln" not in stdout
