"""`make bench-release`: one VM image version released by SUSE's azure-img-utils 2.x
(`azure_img_utils.azure_image.AzureImage`), against the emulator.

The release is its three calls, as its users make them: `add_image_to_offer` (reads the
draft, adds the version to the plan's technical configuration, configures and waits for
the job), `publish_offer` then `wait_on_operation` on its job (the preview's
certification), `go_live_with_offer` then `wait_on_operation` (the push to live).

The publishing code runs unchanged. What the script sets, and why:

- `INGESTION_API`, the module constant holding
  https://graph.microsoft.com/rp/product-ingestion/, is the emulator's, in both modules
  that read it (`cloud_partner`, and `azure_image`, which imports it by name);
- the token (`AzureImage._access_token`) is the emulator's, preset: azure-img-utils gets
  it from MSAL, whose authority must be https (cloudpartner gets the token with --token
  likewise);
- the `time` module those two modules see sleeps on the emulator's clock: their waits
  (`wait_on_operation`: 1, 2, 4, 8… seconds; `process_request`'s retries) are simulated
  seconds, real seconds / time scale, as cloudpartner's polls are by themselves;
- `wait_on_operation`'s `timeout` (default 600 s, shorter than a certification) is 7
  days for the preview and the push to live, as a caller waiting for them would pass.

The OS disk URL is given (`blob_url`), so no storage account is read; the image name
carries the date that azure-img-utils makes the version number of (YYYY.MM.DD).
It exits 0 when both submissions' jobs succeeded, 1 otherwise (with a traceback when
azure-img-utils raised).
"""

import sys

from azure_img_utils import azure_image, cloud_partner
from azure_img_utils.azure_image import AzureImage

import peer_args

# What a caller waiting for a certification passes to wait_on_operation (its default
# is 600 seconds).
SUBMISSION_TIMEOUT = 7 * 24 * 3600


def image_on_emulator(args) -> AzureImage:
    """An AzureImage whose Product Ingestion calls go to the emulator."""
    api = args.ingestion_url + "/"
    cloud_partner.INGESTION_API = api
    azure_image.INGESTION_API = api
    clock = peer_args.EmulatorClock(args.time_scale)
    cloud_partner.time = clock
    azure_image.time = clock
    # The container is only checked to be set: with blob_url given nothing reads it.
    image = AzureImage(container="bench-vhds")
    image._access_token = args.token
    return image


def image_name(version: str) -> str:
    """The image name azure-img-utils turns into `version` (YYYY.MM.DD)."""
    year, month, day = version.split(".")
    return f"bench-release-{int(year):04d}{int(month):02d}{int(day):02d}"


def wait_for(image: AzureImage, job_id: str, what: str) -> bool:
    """Waits for a submission's job; whether it succeeded."""
    job = image.wait_on_operation(job_id, timeout=SUBMISSION_TIMEOUT)
    if job.get("jobResult") != "succeeded":
        print(
            f"azure-img-utils: {what} ended {job.get('jobResult')}: {job.get('errors')}",
            file=sys.stderr,
        )
        return False
    return True


def main() -> int:
    args = peer_args.parse(__doc__.splitlines()[0])
    image = image_on_emulator(args)
    name = image_name(args.version)
    # Raises when a request or the configure job fails (exit 1, traceback).
    image.add_image_to_offer(
        blob_name=f"{name}.vhd",
        image_name=name,
        offer_id=args.offer,
        sku=args.plan,
        blob_url=args.os_disk_url,
    )
    if not wait_for(image, image.publish_offer(args.offer), "the preview"):
        return 1
    if not wait_for(image, image.go_live_with_offer(args.offer), "the push to live"):
        return 1
    print(
        f"azure-img-utils: {args.offer} released image {args.version} of plan {args.plan}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
