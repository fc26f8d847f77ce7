"""The command line every peer release script of `make bench-release` takes.

The bench driver (bench/release/src) runs each script with the emulator's Product
Ingestion URL and token, the release to make, and the emulator's time scale (simulated
seconds per real second), so that a peer's own waits can be put on the emulator's clock
as cloudpartner's are.
"""

import argparse
import time


def parse(description: str) -> argparse.Namespace:
    """The arguments of a peer release script."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--ingestion-url",
        required=True,
        help="the emulator's Product Ingestion base URL",
    )
    parser.add_argument("--token", required=True, help="the emulator's bearer token")
    parser.add_argument(
        "--offer", required=True, help="the offer (product external id)"
    )
    parser.add_argument(
        "--plan", required=True, help="the plan (its external id and SKU id)"
    )
    parser.add_argument("--version", required=True, help="the image version, N.N.N")
    parser.add_argument(
        "--os-disk-url", required=True, help="the OS disk's https SAS URL"
    )
    parser.add_argument(
        "--time-scale",
        type=float,
        required=True,
        help="the emulator's simulated seconds per real second",
    )
    args = parser.parse_args()
    if not args.time_scale > 0:
        parser.error("--time-scale must be above 0")
    args.ingestion_url = args.ingestion_url.rstrip("/")
    return args


class EmulatorClock:
    """A stand-in for the `time` module whose `sleep` waits on the emulator's clock:
    `sleep(s)` sleeps s simulated seconds, s / time_scale real ones. Everything else is
    the `time` module's."""

    def __init__(self, time_scale: float) -> None:
        self._time_scale = time_scale

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / self._time_scale)

    def __getattr__(self, name: str) -> object:
        return getattr(time, name)
