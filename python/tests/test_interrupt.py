"""Ctrl-C interrupts a blocking call and a watch within a second."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest

SCRIPT = """
import sys
import cloudpartner
from cloudpartner.testing import Emulator

with Emulator() as emulator:
    emulator.add_fault({{"kind": "latency", "ms": 60000}})
    client = cloudpartner.Client(emulator.token, base_url=emulator.base_url)
    print("ready", flush=True)
    try:
        {call}
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(3)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
@pytest.mark.parametrize(
    "call",
    [
        'client.offer_status("contoso", "live-offer")',
        'list(client.watch("contoso", "live-offer"))',
        'client.offer_statuses("contoso", ["live-offer", "failed-offer"])',
        'client.release("contoso", "vm-release", plan="standard", version="2.0.0", '
        'os_vhd_url="https://a.blob.core.windows.net/v/os.vhd", go_live=True)',
    ],
)
def test_ctrl_c_interrupts_within_a_second(call: str) -> None:
    script = textwrap.dedent(SCRIPT.format(call=call))
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        process.kill()
        process.wait()
    assert process.stdout is not None and process.stderr is not None
    stdout, stderr = process.stdout.read(), process.stderr.read()
    assert process.returncode == 3, stderr
    assert "interrupted" in stdout
    assert elapsed < 1.5, f"took {elapsed:.2f} s to stop"
