//! `cloudpartner image list|add|remove|deprecate` against the emulator: what each
//! writes (with the ETag read), `--dry-run` sending no write, the refusals, and SAS
//! signatures never shown.

mod common;

use cloudpartner_emulator::{Fault, FaultKind, FaultRoute, OfferSlot};
use common::{DEFAULT_SIG, SAS_URL, Server, finish, json_lines, run};

const IMAGES: &str = "microsoft-azure-virtualmachines.vmImages";

fn draft(server: &Server) -> serde_json::Value {
    server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap()
}

#[test]
fn image_list_shows_every_plan_and_json_keeps_the_urls() {
    let server = Server::start();
    let out = run(server.cli(&["image", "list", "contoso", "vm-release"])).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("PLAN           VERSION  PUBLISHED   SHOWN  DATA DISKS  LABEL"),
        "{}",
        out.stdout
    );
    assert_eq!(lines.len(), 5, "{}", out.stdout);
    assert!(
        lines[2].starts_with("standard       1.1.0    11/20/2026  yes    1 "),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("standard-gen2  1.1.0 "),
        "{}",
        lines[3]
    );
    assert!(out.stdout.contains("sig=REDACTED"));
    out.assert_no_signature();

    let out = run(server.cli(&[
        "image",
        "list",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--json",
    ]))
    .expect_code(0);
    let images = json_lines(&out.stdout);
    assert_eq!(images.len(), 2);
    assert_eq!(
        (
            images[1]["publisherId"].as_str(),
            images[1]["offerId"].as_str(),
            images[1]["planId"].as_str(),
            images[1]["version"].as_str()
        ),
        (
            Some("contoso"),
            Some("vm-release"),
            Some("standard"),
            Some("1.1.0")
        )
    );
    assert_eq!(
        images[1]["osVhdUrl"],
        draft(&server)["definition"]["plans"][0][IMAGES]["1.1.0"]["osVhdUrl"]
    );
    assert!(
        images[1]["lunVhdDetails"][0]["lunVhdUrl"]
            .as_str()
            .unwrap()
            .contains(DEFAULT_SIG)
    );

    let out = run(server.cli(&[
        "image",
        "list",
        "contoso",
        "vm-release",
        "--plan",
        "premium",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("has plans `standard`, `standard-gen2`, `byol`"),
        "{}",
        out.stderr
    );
}

#[test]
fn image_add_writes_with_the_etag_read() {
    let server = Server::start();
    let etag = server
        .emulator()
        .offer_etag("contoso", "vm-release")
        .unwrap();
    let out = run(server.cli(&[
        "image",
        "add",
        "contoso",
        "vm-release",
        "--plan",
        "standard-gen2",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
        "--label",
        "Two",
        "--media-name",
        "two",
        "--description",
        "The second",
        "--data-disk",
        "0=https://contosoimages.blob.core.windows.net/vhds/d0.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
        "--data-disk",
        "1=https://contosoimages.blob.core.windows.net/vhds/d1.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
    ]))
    .expect_code(0);
    assert_eq!(
        out.stdout,
        "contoso/vm-release: standard-gen2: image 2.0.0 added (os disk https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2021-08-06&sr=b&sp=rl&sig=REDACTED, 2 data disks); offer version 2 written\n"
    );
    out.assert_no_signature();
    let put = server
        .emulator()
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .unwrap();
    assert_eq!(put.header("if-match"), Some(etag.as_str()));
    let image = &draft(&server)["definition"]["plans"][0]["diskGenerations"][0][IMAGES]["2.0.0"];
    assert_eq!(image["osVhdUrl"], SAS_URL);
    assert_eq!(image["label"], "Two");
    assert_eq!(image["mediaName"], "two");
    assert_eq!(image["description"], "The second");
    assert_eq!(image["lunVhdDetails"][1]["lun"], 1);
    // The same version again replaces it.
    let out = run(server.cli(&[
        "image",
        "add",
        "contoso",
        "vm-release",
        "--plan",
        "standard-gen2",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
    ]))
    .expect_code(0);
    assert!(
        out.stdout.contains("image 2.0.0 replaced"),
        "{}",
        out.stdout
    );
    assert_eq!(
        draft(&server)["definition"]["plans"][0]["diskGenerations"][0][IMAGES]["2.0.0"]["label"],
        "Two"
    );
}

#[test]
fn dry_run_prints_the_diff_and_sends_only_gets() {
    let server = Server::start();
    let out = run(server.cli(&[
        "image",
        "deprecate",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "1.0.0",
        "--dry-run",
    ]))
    .expect_code(0);
    assert!(
        out.stdout
            .contains("\n-          \"showInGui\": true,\n+          \"showInGui\": false,\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with("contoso/vm-release: standard: image 1.0.0 deprecated (hidden from new deployments) (dry run: nothing was written)\n"), "{}", out.stdout);
    let out2 = run(server.cli(&[
        "image",
        "add",
        "contoso",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
        "--dry-run",
    ]))
    .expect_code(0);
    let out3 = run(server.cli(&[
        "image",
        "remove",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "1.0.0",
        "--dry-run",
    ]))
    .expect_code(0);
    assert!(
        out3.stdout.contains("\n-        \"1.0.0\": {\n"),
        "{}",
        out3.stdout
    );
    for out in [&out, &out2, &out3] {
        out.assert_no_signature();
    }
    assert!(
        server.methods().iter().all(|m| m == "GET"),
        "{:?}",
        server.methods()
    );
    assert_eq!(draft(&server)["version"], 1);
}

#[test]
fn remove_and_deprecate_write_the_change() {
    let server = Server::start();
    let out = run(server.cli(&[
        "image",
        "deprecate",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "1.0.0",
    ]))
    .expect_code(0);
    assert!(
        out.stdout.ends_with("; offer version 2 written\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        draft(&server)["definition"]["plans"][0][IMAGES]["1.0.0"]["showInGui"],
        false
    );
    let out = run(server.cli(&[
        "image",
        "list",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
    ]))
    .expect_code(0);
    assert!(
        out.stdout.contains("1.0.0    11/02/2026  no (deprecated)"),
        "{}",
        out.stdout
    );

    run(server.cli(&[
        "image",
        "remove",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "1.0.0",
    ]))
    .expect_code(0);
    assert!(
        draft(&server)["definition"]["plans"][0][IMAGES]
            .get("1.0.0")
            .is_none()
    );
    // The last version of a plan only with --force.
    let out = run(server.cli(&[
        "image",
        "remove",
        "contoso",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "1.1.0",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("is the last one of plan `byol`"),
        "{}",
        out.stderr
    );
    run(server.cli(&[
        "image",
        "remove",
        "contoso",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "1.1.0",
        "--force",
    ]))
    .expect_code(0);
    // A version that is not there.
    let out = run(server.cli(&[
        "image",
        "deprecate",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "9.9.9",
    ]))
    .expect_code(2);
    assert!(out.error_lines()[0].contains("9.9.9"), "{}", out.stderr);
    assert!(out.hint_lines()[0].contains("cloudpartner image list contoso vm-release"));
}

#[test]
fn refused_changes_are_usage_errors_that_send_no_write() {
    let server = Server::start();
    for (extra, what) in [
        (
            &[
                "--plan",
                "premium",
                "--version",
                "2.0.0",
                "--os-vhd-url",
                SAS_URL,
            ][..],
            "unknown plan `premium`",
        ),
        (
            &[
                "--plan",
                "standard",
                "--version",
                "v2",
                "--os-vhd-url",
                SAS_URL,
            ],
            "not dot-separated integers",
        ),
        (
            &[
                "--plan",
                "standard",
                "--version",
                "2.0.0",
                "--os-vhd-url",
                "http://a/os.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
            ],
            "https",
        ),
    ] {
        let mut args = vec!["image", "add", "contoso", "vm-release"];
        args.extend_from_slice(extra);
        let out = run(server.cli(&args)).expect_code(2);
        assert!(
            out.error_lines()[0].contains(what),
            "{extra:?}: {}",
            out.stderr
        );
        out.assert_no_signature();
    }
    assert!(server.methods().iter().all(|m| m == "GET"));
    run(server.cli(&[
        "image",
        "add",
        "contoso",
        "nope",
        "--plan",
        "a",
        "--version",
        "1.0.0",
        "--os-vhd-url",
        SAS_URL,
    ]))
    .expect_code(1);
}

#[test]
fn a_stale_etag_is_a_conflict_and_the_other_change_is_kept() {
    let server = Server::start();
    server.emulator().add_fault(
        Fault::new(FaultKind::Latency { ms: 1_500 })
            .for_route(FaultRoute::Put)
            .times(1),
    );
    let child = server.spawn(&[
        "-v",
        "image",
        "add",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
    ]);
    server.wait_for_request("PUT");
    let mut document = draft(&server);
    document["definition"]["displayText"] = "Someone else's".into();
    server
        .emulator()
        .set_offer_document("contoso", "vm-release", document)
        .unwrap();
    let out = finish(child).expect_code(1);
    assert!(
        out.error_lines()[0].starts_with("error: contoso/vm-release: conflict: HTTP 412"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.hint_lines(),
        ["hint: the offer changed since it was read: run again"]
    );
    out.assert_no_signature();
    assert_eq!(
        draft(&server)["definition"]["displayText"],
        "Someone else's"
    );
}
