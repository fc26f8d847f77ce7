//! `cloudpartner status` against the emulator: the human table, `--json`, several
//! offers at once, colour.

mod common;

use std::time::{Duration, Instant};

use cloudpartner_emulator::{Fault, FaultKind};
use common::{Server, json_lines, run};

#[test]
fn the_table_shows_steps_progress_current_step_and_what_is_left() {
    let server = Server::start();
    let out = run(server.cli(&["status", "contoso", "running-offer"])).expect_code(0);
    let text = &out.stdout;
    assert!(
        text.starts_with("contoso/running-offer  running · "),
        "{text}"
    );
    for expected in [
        "STEP",
        "STATE",
        "PROGRESS",
        "TIME FRAME",
        "Validate Pre-Requisites",
        "[##########] 100%  < 15 min",
        "Certification ",
        "in progress  [####------]  40%  ~2-3 days",
        "not started  [----------]   0%  < 1 day",
        "current step: Certification (in progress, 40%)",
        "remaining:",
        " days left",
    ] {
        assert!(text.contains(expected), "no `{expected}` in\n{text}");
    }
    assert!(!text.contains('\x1b'), "colour in a pipe:\n{text}");
    assert_eq!(out.stderr, "");
}

#[test]
fn warnings_and_errors_are_shown_information_is_counted() {
    let server = Server::start();
    let out =
        run(server.cli(&["status", "contoso", "failed-offer", "canceled-offer"])).expect_code(0);
    let text = &out.stdout;
    assert!(text.contains("contoso/failed-offer  failed\n"), "{text}");
    assert!(text.contains("rejected"), "{text}");
    assert!(
        text.contains("  error    2018-")
            && text.contains("Certification: Certification failed: the operating system disk"),
        "{text}"
    );
    assert!(
        text.contains("contoso/canceled-offer  canceled\n"),
        "{text}"
    );
    assert!(
        text.contains("  warning  ") && text.contains("offer: The publisher canceled the publish."),
        "{text}"
    );
    assert!(text.contains("information messages not shown"), "{text}");
    // Terminal offers have nothing left.
    assert!(!text.contains("remaining:"), "{text}");
}

#[test]
fn every_offer_state_of_the_default_scenario_is_shown() {
    let server = Server::start();
    let offers = [
        ("never-published", "never published"),
        ("not-started", "not started"),
        ("review-offer", "waiting for publisher review"),
        ("running-offer", "running"),
        ("live-offer", "succeeded"),
        ("canceled-offer", "canceled"),
        ("failed-offer", "failed"),
        ("vm-offer", "running"),
    ];
    let mut args = vec!["status", "contoso"];
    args.extend(offers.iter().map(|(id, _)| *id));
    let out = run(server.cli(&args)).expect_code(0);
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("contoso/"))
        .collect();
    assert_eq!(headers.len(), offers.len(), "{}", out.stdout);
    for ((offer, state), header) in offers.iter().zip(headers) {
        assert!(
            header.starts_with(&format!("contoso/{offer}  {state}")),
            "{header}"
        );
    }
    assert!(out.stdout.contains("  no publish steps\n"));
    assert!(out.stdout.contains("  action:       review the preview"));
    assert!(out.stdout.contains(
        "  live:         https://azuremarketplace.microsoft.com/marketplace/apps/contoso.live-offer"
    ));
}

/// A `status --json` line without its ids: the canonical status document.
fn without_ids(line: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
    let object = value.as_object_mut().unwrap();
    assert!(object.shift_remove("publisherId").is_some(), "{line}");
    assert!(object.shift_remove("offerId").is_some(), "{line}");
    serde_json::to_string(&value).unwrap()
}

#[test]
fn json_is_one_canonical_document_per_offer_in_the_order_given() {
    let server = Server::start();
    let offers = [
        "live-offer",
        "running-offer",
        "never-published",
        "failed-offer",
    ];
    let mut args = vec!["status", "contoso", "--json"];
    args.extend(offers);
    let out = run(server.cli(&args)).expect_code(0);
    let documents = json_lines(&out.stdout);
    let states: Vec<&str> = documents
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["succeeded", "running", "neverPublished", "failed"]);
    let ids: Vec<(&str, &str)> = documents
        .iter()
        .map(|d| {
            (
                d["publisherId"].as_str().unwrap(),
                d["offerId"].as_str().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(&str, &str)> = offers.iter().map(|o| ("contoso", *o)).collect();
    assert_eq!(ids, expected);
    for line in out.stdout.lines() {
        assert!(
            line.starts_with(r#"{"publisherId":"contoso","offerId":""#),
            "{line}"
        );
        let parsed = cloudpartner::parse_offer_status(line.as_bytes()).unwrap();
        assert_eq!(parsed.to_json(), without_ids(line), "not canonical");
    }
    assert_eq!(documents[1]["steps"][1]["status"], "inProgress");
    assert_eq!(documents[1]["steps"][1]["progressPercentage"], 40);
}

#[test]
fn one_failing_offer_fails_the_command_but_not_the_others() {
    let server = Server::start();
    let out = run(server.cli(&[
        "status",
        "contoso",
        "live-offer",
        "no-such-offer",
        "also-missing",
        "--json",
    ]))
    .expect_code(1);
    // One line per offer, in the order given: failures in their place.
    let documents = json_lines(&out.stdout);
    assert_eq!(documents.len(), 3);
    assert_eq!(documents[0]["status"], "succeeded");
    assert_eq!(documents[0]["offerId"], "live-offer");
    for (document, offer) in documents[1..].iter().zip(["no-such-offer", "also-missing"]) {
        assert_eq!(document["publisherId"], "contoso");
        assert_eq!(document["offerId"], offer);
        let error = &document["error"];
        assert_eq!(error["kind"], "not_found");
        assert_eq!(error["statusCode"], 404);
        assert_eq!(error["apiCode"], "OfferNotFound");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .starts_with("not_found: HTTP 404"),
            "{error}"
        );
        assert!(
            error["requestId"].as_str().is_some_and(|id| !id.is_empty()),
            "{error}"
        );
        assert_eq!(document.as_object().unwrap().len(), 3, "{document}");
    }
    let errors = out.error_lines();
    assert_eq!(errors.len(), 2, "{}", out.stderr);
    assert!(
        errors[0].starts_with("error: contoso/no-such-offer: not_found: HTTP 404"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("error: contoso/also-missing: not_found: HTTP 404"),
        "{}",
        errors[1]
    );
    assert!(
        errors.iter().all(|e| e.contains("(request id ")),
        "{errors:?}"
    );
    // The same hint once.
    assert_eq!(
        out.hint_lines(),
        [
            "hint: check the publisher and offer ids (the ids, not the display names, as in Partner Center)"
        ]
    );
}

#[test]
fn several_offers_are_fetched_concurrently() {
    let server = Server::start();
    server
        .emulator()
        .add_fault(Fault::new(FaultKind::Latency { ms: 1_500 }));
    let offers = [
        "live-offer",
        "running-offer",
        "failed-offer",
        "canceled-offer",
        "not-started",
        "review-offer",
    ];
    let mut args = vec!["status", "contoso", "--json"];
    args.extend(offers);
    let started = Instant::now();
    let out = run(server.cli(&args)).expect_code(0);
    let elapsed = started.elapsed();
    assert_eq!(json_lines(&out.stdout).len(), offers.len());
    // One after the other would take at least 6 × 1.5 s.
    assert!(elapsed < Duration::from_secs(6), "took {elapsed:?}");
    let status_requests = server
        .emulator()
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/status"))
        .count();
    assert_eq!(status_requests, offers.len());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let server = Server::start();
    let plain = run(server.cli(&["status", "contoso", "failed-offer"])).expect_code(0);
    assert!(!plain.stdout.contains('\x1b'));
    let never =
        run(server.cli(&["status", "contoso", "failed-offer", "--color", "never"])).expect_code(0);
    assert_eq!(never.stdout, plain.stdout);
    let always =
        run(server.cli(&["status", "contoso", "failed-offer", "--color", "always"])).expect_code(0);
    assert!(
        always.stdout.contains("\x1b[31mfailed\x1b[0m"),
        "{}",
        always.stdout
    );
    assert!(
        always.stdout.contains("\x1b[32mcomplete\x1b[0m"),
        "{}",
        always.stdout
    );
    // `always` wins over NO_COLOR; errors on stderr are coloured too.
    let forced = run(server
        .cli(&["status", "contoso", "nope", "--color", "always"])
        .env("NO_COLOR", "1"))
    .expect_code(1);
    assert!(
        forced.stderr.starts_with("\x1b[31merror:\x1b[0m "),
        "{}",
        forced.stderr
    );
}

#[test]
fn flags_and_environment_for_the_base_url_and_the_token() {
    let server = Server::start();
    let out = run(
        common::cloudpartner(&["status", "contoso", "live-offer", "--json"])
            .env("CLOUDPARTNER_BASE_URL", server.url())
            .env("CLOUDPARTNER_TOKEN", server.token()),
    )
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "succeeded");
    // The flag wins over the environment.
    run(common::cloudpartner(&[
        "--base-url",
        &server.url(),
        "status",
        "contoso",
        "live-offer",
    ])
    .env("CLOUDPARTNER_BASE_URL", "http://127.0.0.1:9")
    .env("CLOUDPARTNER_TOKEN", server.token()))
    .expect_code(0);
    // The api-version flag reaches the service.
    let out = run(server.cli(&[
        "--api-version",
        "2017-10-31",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(0);
    assert!(out.stdout.starts_with("contoso/live-offer  succeeded"));
    let request = server.emulator().requests().pop().unwrap();
    assert_eq!(request.query.as_deref(), Some("api-version=2017-10-31"));
    assert!(
        request
            .header("user-agent")
            .is_some_and(|ua| ua.starts_with("cloudpartner/")),
        "{request:?}"
    );
}
