"""`make bench-release`: one VM image version released by Red Hat's cloudpub
(`cloudpub.ms_azure.service.AzureService.publish`), against the emulator.

The publishing code runs unchanged. What the script sets, and why:

- the session's base URL (`session._prefix_url`, fixed to
  https://graph.microsoft.com/rp/product-ingestion in cloudpub) is the emulator's;
- the session's token (`session._token`) is the emulator's, preset: cloudpub's login
  goes to login.microsoftonline.com, which is not reachable here (cloudpartner gets the
  token with --token likewise);
- the session's retrying adapter, mounted for https:// only, is mounted for http:// too,
  so its retries on 5xx apply to the emulator's http URL as they would to the service;
- `retry_interval`, the constructor's argument (default 300 seconds between job polls),
  is its default on the emulator's clock: 300 simulated seconds, 300 / time scale real
  ones. cloudpartner's polls are on that clock by themselves.

It exits 0 when `publish` returned; cloudpub raises on any failure (exit 1, traceback).
"""

import sys
import time

from cloudpub.ms_azure.service import AzureService
from cloudpub.ms_azure.session import AccessToken
from cloudpub.ms_azure.utils import AzurePublishingMetadata

import peer_args

# cloudpub's default seconds between polls of a configure job.
CLOUDPUB_RETRY_INTERVAL = 300.0


def service_on_emulator(args) -> AzureService:
    """An AzureService whose session talks to the emulator."""
    credentials = {
        # Checked to be present, never sent: the token is preset below.
        "AZURE_CLIENT_ID": "bench-client",
        "AZURE_TENANT_ID": "bench-tenant",
        "AZURE_API_SECRET": "bench-secret",
    }
    service = AzureService(
        credentials,
        retry_interval=CLOUDPUB_RETRY_INTERVAL / args.time_scale,
    )
    session = service.session
    session._prefix_url = args.ingestion_url
    session._token = AccessToken(
        {"access_token": args.token, "expires_on": str(int(time.time()) + 3600)}
    )
    session.session.mount("http://", session.session.get_adapter("https://"))
    return service


def main() -> int:
    args = peer_args.parse(__doc__.splitlines()[0])
    service = service_on_emulator(args)
    metadata = AzurePublishingMetadata(
        disk_version=args.version,
        image_path=args.os_disk_url,
        architecture="x86_64",
        destination=f"{args.offer}/{args.plan}",
        generation="V2",
        keepdraft=False,
    )
    # Raises on any failure (the traceback goes to the bench's log, the exit code is 1).
    service.publish(metadata)
    print(f"cloudpub: {args.offer} released image {args.version} of plan {args.plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
