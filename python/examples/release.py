"""Release a new VM image version: read the offer, add the image to a plan, write the
offer back, publish, wait for the preview, go live, wait until live.

    python examples/release.py [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]

With CLOUDPARTNER_TOKEN set it talks to the service (or to CLOUDPARTNER_BASE_URL);
otherwise it starts the emulator in-process, 100 000 times faster than real time, and
releases ``contoso/vm-release``.
"""

from __future__ import annotations

import os
import sys
from typing import Literal

import cloudpartner
from cloudpartner.testing import Emulator

DEFAULTS = [
    "contoso",
    "vm-release",
    "standard",
    "2.0.0",
    "https://example.blob.core.windows.net/vhds/os.vhd?sv=2022-11-02&sr=b&sp=r&sig=s3cr3t",
]


def add_image(
    client: cloudpartner.Client,
    publisher: str,
    offer_id: str,
    plan: str,
    image: cloudpartner.VmImageVersion,
) -> cloudpartner.Offer:
    """Adds the image with the ETag read; when someone changed the offer meanwhile, reads
    it again and redoes the change."""
    while True:
        offer = client.offer(publisher, offer_id)
        offer.set_vm_image_version(plan, image)
        try:
            return client.put_offer(offer)
        except cloudpartner.ConflictError:
            print("the offer changed since it was read: again")


def wait(
    client: cloudpartner.Client, publisher: str, offer_id: str, until: Literal["review", "terminal"]
) -> cloudpartner.OfferStatus:
    """Watches the offer, one line per change of state or step; the last status."""
    last = None
    shown = ""
    for status in client.watch(publisher, offer_id, until=until, timeout=7 * 86400):
        step = status.current_step
        line = f"  {status.status.value} {step.name if step else ''}"
        if line != shown:
            print(line)
            shown = line
        last = status
    assert last is not None, "a watch yields at least one status"
    return last


def release(client: cloudpartner.Client, args: list[str]) -> cloudpartner.OfferStatus:
    publisher, offer_id, plan, version, vhd = args
    image = cloudpartner.VmImageVersion(version, vhd, label=f"{offer_id} {version}")
    print(f"adding {image!r}")  # the signature of the URL is shown as sig=REDACTED
    written = add_image(client, publisher, offer_id, plan, image)
    print(f"{publisher}/{offer_id}: {plan} {version} written (offer version {written.version})")

    publish = client.publish(publisher, offer_id, notification_emails=["release@contoso.com"])
    print(f"publishing: {publish.id}")
    review = wait(client, publisher, offer_id, "review")
    if not review.needs_publisher_action:
        return review  # failed or canceled before the preview
    client.go_live(publisher, offer_id)
    live = wait(client, publisher, offer_id, "terminal")
    for operation in client.operations(publisher, offer_id):
        print(f"  operation {operation.submission_type} {operation.state.value}")
    return live


def main() -> int:
    args = sys.argv[1:] or DEFAULTS
    if len(args) != len(DEFAULTS):
        print(__doc__, file=sys.stderr)
        return 2
    if os.environ.get("CLOUDPARTNER_TOKEN"):
        final = release(cloudpartner.Client(), args)
    else:
        with Emulator(time_scale=100_000) as emulator:
            final = release(emulator.client(), args)
    print(f"{args[0]}/{args[1]}: {final.status.value}")
    return 0 if final.status is cloudpartner.OfferState.SUCCEEDED else 1


if __name__ == "__main__":
    sys.exit(main())
