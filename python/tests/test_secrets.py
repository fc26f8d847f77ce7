"""No secret is ever shown: a run with a client secret, the token it gets and a SAS image
URL shows none of them in any repr, str, error message or log record (DEBUG), while the
service receives them as they are."""

from __future__ import annotations

import logging

import pytest

import cloudpartner
from cloudpartner.testing import Emulator

CLIENT_SECRET = "contoso-secret"  # the default scenario's client
SIG = "s1gnature-never-shown"
SAS = f"https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2020&sr=b&sig={SIG}"


def test_no_secret_is_ever_shown(
    emulator: Emulator, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CLOUDPARTNER_TOKEN", "AZURE_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AZURE_TENANT_ID", "contoso-tenant")
    monkeypatch.setenv("AZURE_CLIENT_ID", "contoso-app")
    monkeypatch.setenv("AZURE_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("AZURE_AUTHORITY_HOST", emulator.base_url)
    shown: list[str] = []
    with caplog.at_level(logging.DEBUG, logger="cloudpartner"):
        client = cloudpartner.Client(base_url=emulator.base_url)
        shown += [repr(client), str(client)]
        offer = client.offer("contoso", "vm-release")
        image = cloudpartner.VmImageVersion(
            "3.0.0", SAS, label="Three", data_disks=[cloudpartner.DataDisk(0, SAS)]
        )
        shown += [repr(image), str(image)]
        offer.set_vm_image_version("standard", image)
        shown += [repr(offer), str(offer)]
        stored = client.put_offer(offer)
        shown += [repr(stored)] + [repr(v) for v in stored.vm_image_versions("standard")]
        ref = client.publish("contoso", "vm-release", notification_emails=["a@x.com"])
        shown += [repr(ref), repr(client.operation_at(ref))]
        for bad in (
            lambda: offer.set_vm_image_version(
                "standard",
                cloudpartner.VmImageVersion("3.0.1", f"http://insecure/os.vhd?sig={SIG}"),
            ),
            lambda: client.put_offer(offer, create=True),
            lambda: client.operation_at(f"http://127.0.0.2:1/x?sig={SIG}"),
            lambda: cloudpartner.Client(
                f"{emulator.token}-wrong", base_url=emulator.base_url
            ).offer_status("contoso", "live-offer"),
        ):
            with pytest.raises(cloudpartner.CloudPartnerError) as caught:
                bad()
            shown += [str(caught.value), repr(caught.value)]
    shown += [record.getMessage() for record in caplog.records]
    assert len(caplog.records) > 5, "the run logged"
    for text in shown:
        for secret in (emulator.token, CLIENT_SECRET, SIG):
            assert secret not in text, f"{secret!r} shown in {text!r}"
    # The service got the real values, and to_json keeps them.
    assert SIG in stored.to_json()
    assert any(r.method == "PUT" and SIG.encode() in (r.body or b"") for r in emulator.requests)


def test_no_secret_is_shown_by_an_ingestion_run(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Emulator(time_scale=1_000_000) as emulator:
        ingestion_run(emulator, caplog, monkeypatch)


def ingestion_run(
    emulator: Emulator, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole run with a client made as a user makes it (a client secret from the
    environment, polling as against the service: fast intervals asked)."""
    from cloudpartner import ingestion

    for name in ("CLOUDPARTNER_TOKEN", "AZURE_TOKEN", "CLOUDPARTNER_INGESTION_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AZURE_TENANT_ID", "contoso-tenant")
    monkeypatch.setenv("AZURE_CLIENT_ID", "contoso-app")
    monkeypatch.setenv("AZURE_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("AZURE_AUTHORITY_HOST", emulator.base_url)
    shown: list[str] = []
    events: list[ingestion.ReleaseEvent] = []
    with caplog.at_level(logging.DEBUG, logger="cloudpartner"):
        client = cloudpartner.IngestionClient(base_url=emulator.ingestion_base_url)
        shown += [repr(client), str(client)]
        tree = client.resource_tree("vm-new")
        config = tree.technical_configuration("standard")
        image = ingestion.VmImage("x64Gen1", SAS, [ingestion.DataDisk(0, SAS)])
        version = ingestion.VmImageVersion("3.0.0", [image])
        config.set_vm_image_version(version)
        shown += [repr(tree), repr(config), repr(version), repr(image), repr(image.data_disks[0])]
        shown += [repr(config.resource)] + [repr(r) for r in tree.resources]
        job = client.configure([config])
        done = client.wait_for_job(job, min_interval=0.01, max_interval=0.05)
        shown += [repr(job), repr(done), repr(client.product_status("vm-new"))]
        result = client.release(
            "vm-release",
            plan="standard",
            version="2.0.0",
            os_disk_uri=SAS,
            data_disks=[(0, SAS)],
            go_live=True,
            on_progress=events.append,
            min_interval=0.01,
            max_interval=0.05,
        )
        shown += [repr(result), repr(result.status)] + [repr(e) for e in events]
        shown += [e.summary or "" for e in events] + [str(e.fields) for e in events]
        dry = client.release(
            "vm-new", plan="standard", version="4.0.0", os_disk_uri=SAS, dry_run=True
        )
        shown += [repr(dry), dry.diff or ""]
        for bad in (
            lambda: client.release(
                "vm-new", plan="standard", version="5.0.0", os_disk_uri=f"http://x/os.vhd?sig={SIG}"
            ),
            lambda: config.set_vm_image_version(
                ingestion.VmImageVersion("6.0.0", [ingestion.VmImage("arm64Gen2", SAS)])
            ),
            lambda: cloudpartner.IngestionClient(
                f"{emulator.token}-wrong", base_url=emulator.ingestion_base_url
            ).products(),
            lambda: client.product("no-such-offer"),
        ):
            with pytest.raises(cloudpartner.CloudPartnerError) as caught:
                bad()
            shown += [str(caught.value), repr(caught.value)]
    shown += [record.getMessage() for record in caplog.records]
    assert len(caplog.records) > 5, "the run logged"
    assert result.outcome is cloudpartner.ReleaseOutcome.LIVE
    for text in shown:
        for secret in (emulator.token, CLIENT_SECRET, SIG):
            assert secret not in text, f"{secret!r} shown in {text!r}"
    # The service got the real values, and to_json keeps them.
    assert SIG in config.to_json()
    assert any(r.method == "POST" and SIG.encode() in (r.body or b"") for r in emulator.requests)
