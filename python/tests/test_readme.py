"""Every ``python`` block of the README runs as written, as its reader would run it after
the install line: a block as a script, with ``CLOUDPARTNER_BASE_URL`` and
``CLOUDPARTNER_TOKEN`` pointing at an emulator of its own (and no other credential in
the environment); a block of tests through pytest.

Each emulator is the one a user starts as the README shows, ``cloudpartner serve
--time-scale 100000``: the default scenario (its offers and their publishes as they are,
days of simulated steps), played 100 000 times faster than real time. Nothing tells the
blocks' clients about it: they take the time scale the emulator announces
(``x-cloudpartner-time-scale``) and poll on its clock, so that a publish of simulated
days is watched in seconds. The blocks run at once, each in its own process, so that the
whole takes about as long as the longest block."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import REPO

from cloudpartner.testing import Emulator

README = REPO / "README.md"
PACKAGE_README = REPO / "python" / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^#{2,4} (.+)$", re.MULTILINE)


#: The time scale of the README's ``cloudpartner serve --time-scale 100000``.
TIME_SCALE = 100_000.0
#: How long a block may take (they take seconds; a loaded machine is slower).
BLOCK_SECONDS = 60


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
        """Waits for the process (at most ``BLOCK_SECONDS``): its stdout and stderr."""
        if self.output is None:
            try:
                self.output = self.process.communicate(timeout=BLOCK_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                stdout, stderr = self.process.communicate()
                pytest.fail(
                    f"{self.block.name} did not finish in {BLOCK_SECONDS} s:\n{stdout}\n{stderr}"
                )
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
    emulators = [Emulator(time_scale=TIME_SCALE) for _ in BLOCKS]
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
