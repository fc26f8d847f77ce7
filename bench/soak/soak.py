"""make soak, the Python form: status requests from one client in many threads against the
emulator (in-process), with faults added as it goes; errors by kind, latency, peak memory.

    .venv/bin/python bench/soak/soak.py [REQUESTS]
"""

from __future__ import annotations

import collections
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import cloudpartner
from cloudpartner.testing import Emulator

FAULTS = [
    {"kind": "status", "status": 503, "route": "status", "times": 10},
    {"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 3},
    {"kind": "reset", "route": "status", "times": 3},
    {"kind": "latency", "ms": 5, "times": 50},
]
INJECTED = {"server", "throttled", "transport"}
CONCURRENCY = 16
PHASES = 10


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    errors: collections.Counter[str] = collections.Counter()
    took: list[float] = []
    memory: list[tuple[int, float]] = []
    with Emulator() as emulator:
        client = emulator.client()

        def one(_: int) -> None:
            started = time.perf_counter()
            try:
                client.offer_status("contoso", "live-offer")
            except cloudpartner.CloudPartnerError as error:
                errors[error.kind] += 1
            took.append(time.perf_counter() - started)

        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for phase in range(PHASES):
                for fault in FAULTS:
                    emulator.add_fault(fault)
                list(pool.map(one, range(total // PHASES)))
                # The first phase warms up (threads, connections): measure from the second.
                if phase in (1, PHASES - 1):
                    memory.append((len(took), peak_rss_mib()))
    took.sort()
    p50, p99 = took[len(took) // 2], took[int(len(took) * 0.99)]
    shown = ", ".join(f"{n} {kind}" for kind, n in sorted(errors.items())) or "none"
    print(f"python soak: {len(took)} status requests at concurrency {CONCURRENCY}, errors: {shown}")
    print(f"  p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
    (n0, m0), (n1, m1) = memory
    growth = (m1 - m0) / m0 * 100
    print(f"  peak memory {m0:.1f} MiB after {n0}, {m1:.1f} MiB after {n1} ({growth:+.1f} %)")
    ok = set(errors) <= INJECTED and growth <= 10
    if not ok:
        print("python soak: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
