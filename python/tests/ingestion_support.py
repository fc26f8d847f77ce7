"""Helpers of the Product Ingestion tests: a fast emulator and the configure requests
it received."""

from __future__ import annotations

import json
from typing import Any

from cloudpartner.testing import Emulator

#: Simulated seconds per real second: a whole release (a simulated day of certification
#: and four hours to live) takes well under a second.
FAST = 1_000_000.0

#: An OS disk URL with a SAS signature that must never be shown.
OS_DISK = "https://contosoimages.blob.core.windows.net/vhds/2.0.0-os.vhd?sv=1&sig=s3cr3t"


def configures(emulator: Emulator) -> list[list[str]]:
    """Each configure request's resources as `type` or `type:target`."""
    out: list[list[str]] = []
    for request in emulator.requests:
        if request.method != "POST" or not request.path.rstrip("/").endswith("/configure"):
            continue
        body: dict[str, Any] = json.loads(request.body or b"{}")
        kinds = []
        for resource in body["resources"]:
            kind = resource["$schema"].split("/schema/")[1].split("/")[0]
            target = resource.get("target", {}).get("targetType")
            kinds.append(f"{kind}:{target}" if target else kind)
        out.append(kinds)
    return out


def cert_failure_scenario(offer: str = "vm-cert") -> dict[str, Any]:
    """A product whose preview fails certification."""
    return {
        "ingestion": {
            "products": {
                offer: {
                    "plans": {
                        "standard": {"skus": [{"imageType": "x64Gen2", "skuId": "standard"}]}
                    },
                    "preview": {"seconds": 3600, "outcome": "certificationFailed"},
                }
            }
        }
    }
