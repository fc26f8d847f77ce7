//! `cloudpartner release` against the emulator on a fast clock: a whole release to live,
//! one that stops for review, a rejected certification, a stale ETag, `--dry-run`,
//! `--json`, `--timeout`, Ctrl-C, and SAS signatures never shown.

mod common;

use cloudpartner_emulator::{Emulator, Fault, FaultKind, FaultRoute, OfferSlot};
use common::{FAST, FAST_POLL, SAS_URL, SIG, Server, finish, json_lines, run};

/// `release contoso OFFER --plan standard --version 2.0.0 --os-vhd-url SAS_URL ...`
fn release_args<'a>(offer: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "release",
        "contoso",
        offer,
        "--plan",
        "standard",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
    ];
    args.extend(FAST_POLL);
    args.extend_from_slice(extra);
    args
}

/// The phase column of each stdout line.
fn phases(stdout: &str) -> Vec<&str> {
    let mut phases: Vec<&str> = stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    phases.dedup();
    phases
}

#[test]
fn a_whole_release_goes_live_and_production_has_the_new_version() {
    let server = Server::fast();
    let out = run(server.cli(&release_args("vm-release", &["--go-live"]))).expect_code(0);
    assert_eq!(
        phases(&out.stdout),
        [
            "read", "change", "write", "publish", "review", "go-live", "live", "done"
        ],
        "{}",
        out.stdout
    );
    let text = &out.stdout;
    assert!(
        text.starts_with("contoso/vm-release: release image 2.0.0 of plan standard (until live)\n"),
        "{text}"
    );
    assert!(text.contains("\nread     draft version 1 (neverPublished), plans standard, standard-gen2, byol, ETag W/\""), "{text}");
    assert!(text.contains("\nchange   standard: image 2.0.0 added (os disk https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2021-08-06&sr=b&sp=rl&sig=REDACTED)\n"), "{text}");
    assert!(
        text.contains("\nwrite    offer version 2 written\n"),
        "{text}"
    );
    assert!(text.contains("\npublish  operation "), "{text}");
    assert!(
        text.contains("\nreview   the preview waits for your review (Publisher signoff), after "),
        "{text}"
    );
    assert!(text.contains("  waiting for publisher review  "), "{text}");
    assert!(
        text.contains("\nlive     ") && text.contains("  succeeded  100%\n"),
        "{text}"
    );
    assert!(text.contains("\ndone     contoso/vm-release is live with image 2.0.0 of plan standard (offer version 2), after "), "{text}");
    out.assert_no_signature();
    assert_eq!(out.stderr, "");

    // The write carried the ETag read, and the real URL.
    let put = server
        .emulator()
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .unwrap();
    assert!(
        put.header("if-match").unwrap().starts_with("W/\""),
        "{put:?}"
    );
    let body = put.body_json().unwrap();
    assert_eq!(
        body["definition"]["plans"][0]["microsoft-azure-virtualmachines.vmImages"]["2.0.0"]["osVhdUrl"],
        SAS_URL
    );

    // The production slot has it.
    let live = run(server.cli(&[
        "offer",
        "show",
        "contoso",
        "vm-release",
        "--slot",
        "production",
        "--json",
    ]))
    .expect_code(0);
    let document: serde_json::Value = serde_json::from_str(live.stdout.trim()).unwrap();
    let images = &document["definition"]["plans"][0]["microsoft-azure-virtualmachines.vmImages"];
    assert_eq!(
        images["2.0.0"]["osVhdUrl"], SAS_URL,
        "--json keeps the real URL"
    );
    assert!(images.get("1.1.0").is_some());
    let status = run(server.cli(&["status", "contoso", "vm-release", "--json"])).expect_code(0);
    assert_eq!(json_lines(&status.stdout)[0]["status"], "succeeded");
}

#[test]
fn without_go_live_it_stops_for_review_with_5_and_says_what_is_next() {
    let server = Server::fast();
    let out = run(server.cli(&release_args(
        "vm-release",
        &[
            "--notification-emails",
            "a@contoso.com,b@contoso.com",
            "--label",
            "Two",
            "--data-disk",
            "0=https://contosoimages.blob.core.windows.net/vhds/d0.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
        ],
    )))
    .expect_code(5);
    out.assert_no_signature();
    let publish = server
        .emulator()
        .requests()
        .into_iter()
        .find(|r| r.method == "POST")
        .unwrap();
    assert_eq!(
        publish.body_json().unwrap()["metadata"]["notification-emails"],
        "a@contoso.com,b@contoso.com"
    );
    let draft = server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    let image =
        &draft["definition"]["plans"][0]["microsoft-azure-virtualmachines.vmImages"]["2.0.0"];
    assert_eq!(image["label"], "Two");
    assert_eq!(image["lunVhdDetails"][0]["lun"], 0);
    assert_eq!(
        phases(&out.stdout),
        ["read", "change", "write", "publish", "review", "done"],
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "done     review the preview, then: cloudpartner go-live contoso vm-release --watch\n"
        ),
        "{}",
        out.stdout
    );
    let posts: Vec<String> = server
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(posts, ["/api/publishers/contoso/offers/vm-release/publish"]);
    // Then go-live --watch finishes it.
    let mut args = vec!["go-live", "contoso", "vm-release", "--watch"];
    args.extend(FAST_POLL);
    let out = run(server.cli(&args)).expect_code(0);
    assert!(
        out.stdout.contains("contoso/vm-release  succeeded"),
        "{}",
        out.stdout
    );
}

#[test]
fn dry_run_prints_the_diff_and_sends_no_write() {
    let server = Server::fast();
    let out = run(server.cli(&release_args(
        "vm-release",
        &["--dry-run", "--go-live", "-v"],
    )))
    .expect_code(0);
    let text = &out.stdout;
    assert!(
        text.contains(
            "--- contoso/vm-release definition (read)\n+++ contoso/vm-release definition (to write)\n@@ "
        ),
        "{text}"
    );
    assert!(text.contains("\n+        \"2.0.0\": {\n"), "{text}");
    assert!(text.contains("+          \"osVhdUrl\": \"https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2021-08-06&sr=b&sp=rl&sig=REDACTED\",\n"), "{text}");
    assert!(
        text.ends_with(
            "done     dry run: nothing was sent (without --dry-run: write, publish, review, go-live, live)\n"
        ),
        "{text}"
    );
    out.assert_no_signature();
    assert_eq!(server.methods(), ["GET"]);
    assert!(
        server
            .emulator()
            .requests()
            .iter()
            .all(|r| r.method == "GET")
    );
    let draft = server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    assert_eq!(draft["version"], 1);
}

#[test]
fn a_rejected_certification_exits_3_with_the_phase_the_messages_and_what_to_run() {
    let server = Server::scenario(
        r#"{"timeScale": 1000000, "publishers": {"contoso": {"offers": {"rejected-release": {
        "offer": {"offerTypeId": "microsoft-azure-virtualmachines", "publisherId": "contoso",
          "id": "rejected-release", "version": 1, "status": "neverPublished",
          "definition": {"displayText": "Rejected", "offer": {}, "plans": [{"planId": "standard",
            "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "https://a.blob.core.windows.net/v/1.vhd?sv=1&sig=Zm9yLXRlc3RzLW9ubHk%3D"}},
            "diskGenerations": []}]}},
        "publish": {"steps": [
          {"id": "validate", "stepName": "Validate Pre-Requisites", "estimatedTimeFrame": "< 15 min", "durationSeconds": 600},
          {"id": "certify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days", "durationSeconds": 3600,
           "outcome": "rejected", "message": "<p>The operating system disk is <b>not generalized</b>.</p>"}]}}}}}}"#,
    );
    let out =
        run(server.cli(&release_args("rejected-release", &["--go-live", "-v"]))).expect_code(3);
    assert_eq!(
        phases(&out.stdout),
        ["read", "change", "write", "publish", "review"],
        "{}",
        out.stdout
    );
    let errors = out.error_lines();
    assert_eq!(
        errors,
        ["error: release failed at review: contoso/rejected-release: Certification rejected"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("\n  Certification: The operating system disk is not generalized.\n"),
        "{}",
        out.stderr
    );
    let hints = out.hint_lines();
    assert_eq!(hints.len(), 1, "{}", out.stderr);
    assert!(
        hints[0].starts_with(
            "hint: see what happened: cloudpartner operations contoso rejected-release --state failed (this one: cloudpartner operation contoso rejected-release "
        ),
        "{}",
        hints[0]
    );
    out.assert_no_signature();
    // No go-live was tried.
    assert!(
        !server
            .emulator()
            .requests()
            .iter()
            .any(|r| r.path.ends_with("/golive"))
    );
    // The command it names works, and shows the failed publish.
    let ops = run(server.cli(&[
        "operations",
        "contoso",
        "rejected-release",
        "--state",
        "failed",
        "--json",
    ]))
    .expect_code(0);
    let ops = json_lines(&ops.stdout);
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0]["status"], "failed");
}

#[test]
fn a_stale_etag_exits_1_with_conflict_and_says_to_run_again() {
    let server = Server::fast();
    // The PUT waits 1.5 s before it is handled: the second writer goes in between.
    server.emulator().add_fault(
        Fault::new(FaultKind::Latency { ms: 1_500 })
            .for_route(FaultRoute::Put)
            .times(1),
    );
    let child = server.spawn(&release_args("vm-release", &["--go-live"]));
    server.wait_for_request("PUT");
    let mut document = server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    document["definition"]["displayText"] = "Changed by someone else".into();
    server
        .emulator()
        .set_offer_document("contoso", "vm-release", document)
        .unwrap();
    let out = finish(child).expect_code(1);
    assert_eq!(
        phases(&out.stdout),
        ["read", "change"],
        "nothing after the write:\n{}",
        out.stdout
    );
    let errors = out.error_lines();
    assert_eq!(errors.len(), 1, "{}", out.stderr);
    assert!(
        errors[0]
            .starts_with("error: release failed at write: contoso/vm-release: conflict: HTTP 412"),
        "{}",
        errors[0]
    );
    assert_eq!(
        out.hint_lines(),
        ["hint: the offer changed since it was read: run again"]
    );
    out.assert_no_signature();
    assert!(!server.methods().iter().any(|m| m == "POST"), "no publish");
    // The other writer's change is kept.
    let draft = server
        .emulator()
        .offer_document("contoso", "vm-release", OfferSlot::Draft)
        .unwrap();
    assert_eq!(
        draft["definition"]["displayText"],
        "Changed by someone else"
    );

    // Run again: it works.
    run(server.cli(&release_args("vm-release", &[]))).expect_code(5);
}

#[test]
fn json_prints_one_document_per_phase_and_change() {
    let server = Server::fast();
    let out = run(server.cli(&release_args("vm-release", &["--go-live", "--json"]))).expect_code(0);
    let lines = json_lines(&out.stdout);
    let mut phases: Vec<&str> = lines.iter().map(|l| l["phase"].as_str().unwrap()).collect();
    phases.dedup();
    assert_eq!(
        phases,
        [
            "read", "change", "write", "publish", "review", "go-live", "live", "done"
        ]
    );
    for line in &lines {
        assert_eq!(line["publisherId"], "contoso");
        assert_eq!(line["offerId"], "vm-release");
    }
    assert_eq!(lines[0]["version"], 1);
    assert!(lines[0]["etag"].as_str().unwrap().starts_with("W/"));
    assert_eq!(lines[1]["planId"], "standard");
    assert_eq!(lines[2]["version"], 2);
    assert!(
        lines[3]["operation"]["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
    let review: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["phase"] == "review" && l.get("steps").is_some())
        .collect();
    assert!(!review.is_empty());
    assert!(
        review
            .iter()
            .all(|l| cloudpartner::parse_offer_status(l.to_string().as_bytes()).is_ok())
    );
    let last = lines.last().unwrap();
    assert_eq!(
        (last["result"].as_str(), last["exitCode"].as_i64()),
        (Some("live"), Some(0))
    );
    // The dry run's document keeps the real URL.
    let dry = run(server.cli(&[
        "release",
        "contoso",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "3.0.0",
        "--os-vhd-url",
        SAS_URL,
        "--dry-run",
        "--json",
    ]))
    .expect_code(0);
    let lines = json_lines(&dry.stdout);
    let last = lines.last().unwrap();
    assert_eq!(last["result"], "dry-run");
    assert_eq!(
        last["offer"]["definition"]["plans"][1]["microsoft-azure-virtualmachines.vmImages"]["3.0.0"]
            ["osVhdUrl"],
        SAS_URL
    );
    assert!(!dry.stderr.contains(SIG));
}

#[test]
fn a_failure_in_json_is_a_line_with_the_phase_and_the_error() {
    let server = Server::fast();
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 409,
            retry_after_seconds: None,
        })
        .for_route(FaultRoute::Publish),
    );
    let out = run(server.cli(&release_args("vm-release", &["--json"]))).expect_code(1);
    let last = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(last["phase"], "publish");
    assert_eq!(last["error"]["kind"], "conflict");
    assert_eq!(last["error"]["statusCode"], 409);
    assert!(last["error"]["requestId"].is_string());
    assert!(
        last["hint"]
            .as_str()
            .unwrap()
            .contains("cloudpartner operations contoso vm-release --state running")
    );
    assert_eq!(last["exitCode"], 1);
    assert!(
        out.error_lines()[0].starts_with(
            "error: release failed at publish: contoso/vm-release: conflict: HTTP 409"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn the_timeout_bounds_the_whole_release_with_124() {
    // A real-time clock: the publish would take days.
    let server = Server::with(Emulator::builder().time_scale(1.0));
    let out = run(server.cli(&release_args("vm-release", &["--timeout", "0.5"]))).expect_code(124);
    assert!(
        out.error_lines()[0].starts_with("error: release failed at review: timeout: "),
        "{}",
        out.stderr
    );
    out.assert_no_signature();
}

#[test]
fn bad_flags_are_usage_errors_before_any_request() {
    let server = Server::fast();
    for (extra, what) in [
        (
            &[
                "--os-vhd-url",
                "http://plain/os.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
            ][..],
            "https",
        ),
        (
            &[
                "--os-vhd-url",
                SAS_URL,
                "--data-disk",
                "zero=https://a/d.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
            ],
            "LUN",
        ),
        (
            &[
                "--os-vhd-url",
                SAS_URL,
                "--data-disk",
                "https://a/d.vhd?sig=Zm9yLXRlc3RzLW9ubHk%3D",
            ],
            "LUN=URL",
        ),
        (
            &[
                "--os-vhd-url",
                SAS_URL,
                "--min-interval",
                "1",
                "--max-interval",
                "0.5",
            ],
            "--max-interval",
        ),
        (
            &["--os-vhd-url", SAS_URL, "--version", "2.0.0"],
            "cannot be used multiple times",
        ),
    ] {
        let mut args = vec![
            "release",
            "contoso",
            "vm-release",
            "--plan",
            "standard",
            "--version",
            "2.0.0",
        ];
        args.extend_from_slice(extra);
        let out = run(server.cli(&args)).expect_code(2);
        assert!(out.stderr.contains(what), "{extra:?}: {}", out.stderr);
        out.assert_no_signature();
    }
    let out = run(server.cli(&[
        "release",
        "contoso",
        "vm-release",
        "--plan",
        "premium",
        "--version",
        "2.0.0",
        "--os-vhd-url",
        SAS_URL,
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("unknown plan `premium`: offer `vm-release` has plans `standard`, `standard-gen2`, `byol`"),
        "{}",
        out.stderr
    );
    assert!(
        out.error_lines()[0].starts_with("error: release failed at change: "),
        "{}",
        out.stderr
    );
    assert!(out.hint_lines()[0].contains("cloudpartner image list contoso vm-release"));
    assert!(server.methods().iter().all(|m| m == "GET"));
}

#[test]
fn verbose_logs_never_show_a_signature() {
    let server = Server::with(Emulator::builder().time_scale(FAST));
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        })
        .for_route(FaultRoute::Put)
        .times(1),
    );
    let out = run(server.cli(&release_args("vm-release", &["-vvv", "--go-live"]))).expect_code(0);
    assert!(
        out.stderr.contains("PUT http://127.0.0.1:"),
        "{}",
        out.stderr
    );
    out.assert_no_signature();
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_with_130_and_says_where() {
    let server = Server::with(Emulator::builder().time_scale(1.0));
    let child = server.spawn(&release_args("vm-release", &[]));
    // Once the publish was sent, the release waits for review.
    server.wait_for_request("POST");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = finish(child).expect_code(130);
    assert!(
        out.stderr.contains(
            "interrupted at review: the publish goes on at the service: follow it with `cloudpartner watch contoso vm-release --until review`"
        ),
        "{}",
        out.stderr
    );
}
