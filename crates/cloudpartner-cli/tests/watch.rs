//! `cloudpartner watch` against simulated publishes on a fast clock: one line per
//! change without a terminal, JSON lines, and the exit codes 0/1/2/3/4/5/124/130.

mod common;

use cloudpartner_emulator::{Fault, FaultKind};
use common::{Server, json_lines, run};

/// Publishes of 200 simulated seconds, played 200 times faster: about a second each.
const SCENARIO: &str = r#"{
  "timeScale": 200,
  "publishers": {"contoso": {"offers": {
    "ok": {"publish": {"steps": [
      {"id": "validate", "stepName": "Validate Pre-Requisites", "estimatedTimeFrame": "< 15 min", "durationSeconds": 100},
      {"id": "certify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days", "durationSeconds": 100}
    ]}},
    "rejected": {"publish": {"steps": [
      {"id": "validate", "stepName": "Validate Pre-Requisites", "estimatedTimeFrame": "< 15 min", "durationSeconds": 100},
      {"id": "certify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days", "durationSeconds": 100, "outcome": "rejected"}
    ]}},
    "parked": {"publish": {"steps": [
      {"id": "validate", "stepName": "Validate Pre-Requisites", "estimatedTimeFrame": "< 15 min", "durationSeconds": 100},
      {"id": "publisher-signoff", "stepName": "Publisher signoff", "estimatedTimeFrame": "< 1 hour", "durationSeconds": 100, "outcome": "waitingForPublisherReview"}
    ]}},
    "canceled": {"status": {"status": "canceled", "steps": [
      {"id": "certify", "stepName": "Certification", "status": "canceled"}]}},
    "running": {"status": {"status": "running", "steps": [
      {"id": "certify", "stepName": "Certification", "status": "inProgress", "progressPercentage": 10, "estimatedTimeFrame": "~2-3 days"}]}}
  }}}
}"#;

/// `watch contoso OFFER` polling every 50–100 ms.
fn watch(server: &Server, offer: &str, extra: &[&str]) -> assert_cmd::Command {
    let mut args = vec![
        "watch",
        "contoso",
        offer,
        "--min-interval",
        "0.05",
        "--max-interval",
        "0.1",
    ];
    args.extend_from_slice(extra);
    server.cli(&args)
}

#[test]
fn a_publish_that_goes_live_exits_0_with_one_line_per_change() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "ok", &[])).expect_code(0);
    let (changes, report) = out
        .stdout
        .split_once("\n\n")
        .expect("changes, a blank line, the report");
    let lines: Vec<&str> = changes.lines().collect();
    assert!(lines.len() >= 3, "{}", out.stdout);
    for line in &lines {
        assert!(
            line.len() > 10 && line.as_bytes()[2] == b':',
            "not a change line: {line}"
        );
    }
    assert!(lines[0].contains("  running  "), "{}", lines[0]);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Certification (in progress, ")),
        "{}",
        out.stdout
    );
    assert!(
        lines.last().unwrap().ends_with("  succeeded  100%"),
        "{}",
        out.stdout
    );
    assert!(report.starts_with("contoso/ok  succeeded\n"), "{report}");
    assert!(report.contains("Certification "), "{report}");
    assert!(
        !out.stdout.contains('\x1b'),
        "a pipe gets no progress bar and no colour"
    );
}

#[test]
fn json_prints_each_change_as_canonical_json() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "ok", &["--json"])).expect_code(0);
    let documents = json_lines(&out.stdout);
    assert!(documents.len() >= 2, "{}", out.stdout);
    assert_eq!(documents.last().unwrap()["status"], "succeeded");
    // Each line says what it is about, first.
    for line in out.stdout.lines() {
        assert!(
            line.starts_with(r#"{"publisherId":"contoso","offerId":"ok","#),
            "{line}"
        );
    }
    let mut last_progress = 0.0;
    for (line, document) in out.stdout.lines().zip(&documents) {
        let status = cloudpartner::parse_offer_status(line.as_bytes()).unwrap();
        // After the ids, the status in its canonical form.
        let mut rest = document.clone();
        let fields = rest.as_object_mut().unwrap();
        fields.shift_remove("publisherId");
        fields.shift_remove("offerId");
        assert_eq!(
            serde_json::to_string(&rest).unwrap(),
            status.to_json(),
            "{line}"
        );
        assert!(
            status.progress() >= last_progress,
            "progress went back: {document}"
        );
        last_progress = status.progress();
    }
    // Each line differs from the one before.
    assert!(documents.windows(2).all(|w| w[0] != w[1]));
}

#[test]
fn a_rejected_step_fails_with_3() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "rejected", &[])).expect_code(3);
    assert!(
        out.stdout.contains("contoso/rejected  failed\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("rejected"), "{}", out.stdout);
    assert!(
        out.stdout.contains("  error    "),
        "the error message is shown:\n{}",
        out.stdout
    );
}

#[test]
fn a_canceled_publish_exits_4() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "canceled", &[])).expect_code(4);
    assert!(
        out.stdout.contains("contoso/canceled  canceled\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn until_review_stops_for_the_publisher_with_5() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "parked", &["--until", "review"])).expect_code(5);
    assert!(
        out.stdout.contains("waiting for publisher review"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  action:       review the preview"),
        "{}",
        out.stdout
    );
    // The default scenario's parked offer as well.
    let server = Server::start();
    run(watch(
        &server,
        "review-offer",
        &["--until", "review", "--json"],
    ))
    .expect_code(5);
}

#[test]
fn the_timeout_exits_124() {
    let server = Server::scenario(SCENARIO);
    let out = run(watch(&server, "running", &["--timeout", "0.4"])).expect_code(124);
    assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
    assert!(
        out.error_lines()[0].contains("timeout: watch of contoso/running timed out after 0.4 s"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("  running  "),
        "the first status is shown:\n{}",
        out.stdout
    );
    // Without --until review, a parked publish is still being watched when time runs out.
    let out = run(watch(&server, "parked", &["--timeout", "2.5"])).expect_code(124);
    assert!(
        out.stdout.contains("waiting for publisher review"),
        "{}",
        out.stdout
    );
}

#[test]
fn transient_errors_do_not_end_a_watch_others_exit_1() {
    let server = Server::scenario(SCENARIO);
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        })
        .for_offer("ok")
        .times(2),
    );
    let out = run(watch(&server, "ok", &["--max-retries", "0", "-v"])).expect_code(0);
    assert!(out.stderr.contains("polling again"), "{}", out.stderr);
    // Without -v, a survived failure prints nothing.
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        })
        .for_offer("ok")
        .times(2),
    );
    let out = run(watch(&server, "ok", &["--max-retries", "0"])).expect_code(0);
    assert!(!out.stderr.contains("503"), "{}", out.stderr);

    let out = run(watch(&server, "no-such-offer", &[])).expect_code(1);
    assert!(
        out.error_lines()[0].starts_with("error: contoso/no-such-offer: not_found: HTTP 404"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("check the publisher and offer ids"),
        "{}",
        out.stderr
    );
}

#[test]
fn wrong_intervals_are_usage_errors() {
    let server = Server::scenario(SCENARIO);
    let out = run(server.cli(&[
        "watch",
        "contoso",
        "ok",
        "--min-interval",
        "2",
        "--max-interval",
        "1",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("--max-interval"),
        "{}",
        out.stderr
    );
    run(server.cli(&["watch", "contoso", "ok", "--min-interval", "-1"])).expect_code(2);
    run(server.cli(&["watch", "contoso", "ok", "--until", "forever"])).expect_code(2);
    run(server.cli(&["watch", "contoso"])).expect_code(2);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_watch_with_130() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let server = Server::scenario(SCENARIO);
    let mut child = Command::new(common::BIN)
        .env_clear()
        .args(["--base-url", &server.url(), "--token", &server.token()])
        .args(["watch", "contoso", "running", "--min-interval", "0.1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("running"), "{first}");
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
}
