"""A program may end right after its last ``await``: the results of the native module's
awaitables are handed over by its own threads, which must not enter Python once it
finalizes (that aborted the process, now and then, with "Fatal Python error")."""

from __future__ import annotations

import subprocess
import sys

from cloudpartner.testing import Emulator

PROGRAM = """
import asyncio, sys
import cloudpartner

async def main():
    client = cloudpartner.AsyncClient(sys.argv[1], base_url=sys.argv[2])
    await asyncio.gather(*[client.offer_status("contoso", "live-offer") for _ in range(5)])
    await client.offers("contoso")

asyncio.run(main())
"""

RUNS = 24


def test_exiting_right_after_async_calls_is_clean(emulator: Emulator) -> None:
    command = [sys.executable, "-c", PROGRAM, emulator.token, emulator.base_url]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(RUNS)
    ]
    outcomes = [(p.wait(timeout=60), p.communicate()[1]) for p in processes]
    failed = [(code, err) for code, err in outcomes if code != 0 or "Fatal" in err]
    assert not failed, failed[0]
    assert len(emulator.requests) == RUNS * 6
