"""Release a new VM image version with ``client.release``: read the offer, add the image
to a plan, write the offer back, publish, wait for the preview, go live, wait until live
— one line per phase and per change of state.

    python examples/release.py [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]

With CLOUDPARTNER_TOKEN set it talks to the service (or to CLOUDPARTNER_BASE_URL);
otherwise it starts the emulator in-process, 100 000 times faster than real time, and
releases ``contoso/vm-release``.
"""

from __future__ import annotations

import os
import sys

import cloudpartner
from cloudpartner.testing import Emulator

DEFAULTS = [
    "contoso",
    "vm-release",
    "standard",
    "2.0.0",
    "https://example.blob.core.windows.net/vhds/os.vhd?sv=2022-11-02&sr=b&sp=r&sig=s3cr3t",
]


class Progress:
    """Prints each finished phase, and each change of state or step while waiting."""

    def __init__(self) -> None:
        self.shown = ""

    def __call__(self, event: cloudpartner.ReleaseEvent) -> None:
        if event.kind == "phase_finished":
            print(f"{event.phase:8} {event.summary}")  # sig=REDACTED in the summary
        elif event.kind == "status" and event.status is not None:
            step = event.status.current_step
            line = f"{event.phase:8} {event.status.status.value} {step.name if step else ''}"
            if line != self.shown:
                print(line)
                self.shown = line


def release(client: cloudpartner.Client, args: list[str]) -> cloudpartner.ReleaseResult:
    publisher, offer_id, plan, version, vhd = args
    result = client.release(
        publisher,
        offer_id,
        plan=plan,
        version=version,
        os_vhd_url=vhd,
        label=f"{offer_id} {version}",
        notification_emails=["release@contoso.com"],
        go_live=True,
        on_progress=Progress(),
        timeout=7 * 86400,
    )
    if result.operation is not None:
        print(f"  {result.phase} ended at the service: operation {result.operation.id}")
    for operation in client.operations(publisher, offer_id):
        print(f"  operation {operation.submission_type} {operation.state.value}")
    return result


def main() -> int:
    args = sys.argv[1:] or DEFAULTS
    if len(args) != len(DEFAULTS):
        print(__doc__, file=sys.stderr)
        return 2
    if os.environ.get("CLOUDPARTNER_TOKEN"):
        result = release(cloudpartner.Client(), args)
    else:
        with Emulator(time_scale=100_000) as emulator:
            result = release(emulator.client(), args)
    status = result.status.status.value if result.status is not None else ""
    print(f"{args[0]}/{args[1]}: {result.outcome.value} {status}")
    return 0 if result.outcome is cloudpartner.ReleaseOutcome.LIVE else 1


if __name__ == "__main__":
    sys.exit(main())
