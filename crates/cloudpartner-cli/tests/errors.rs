//! Errors from the service and the network, as the emulator's faults produce them: one
//! line on stderr with the kind, the HTTP status, the API's code and the request id, a
//! hint where one helps, exit code 1, and never the token.

mod common;

use cloudpartner_emulator::{Fault, FaultKind};
use common::{Run, Server, run};

/// Runs `status contoso OFFER` with no retries, expecting exit code 1 and exactly one
/// error line.
fn failing_status(server: &Server, offer: &str, extra: &[&str]) -> Run {
    let mut args = vec!["--max-retries", "0", "status", "contoso", offer];
    args.extend_from_slice(extra);
    let out = run(server.cli(&args)).expect_code(1);
    assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
    assert_eq!(out.stdout, "", "nothing on stdout");
    out.assert_never_shows(&server.token());
    out
}

fn fault(server: &Server, kind: FaultKind) {
    server
        .emulator()
        .add_fault(Fault::new(kind).for_offer("running-offer"));
}

#[test]
fn a_wrong_token_says_how_to_get_one() {
    let server = Server::start();
    let out = run(common::cloudpartner(&[
        "--base-url",
        &server.url(),
        "--token",
        "wrong-token-6f1d2c",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(1);
    let error = out.error_lines()[0];
    assert!(
        error.starts_with("error: contoso/live-offer: authentication: HTTP 401"),
        "{error}"
    );
    assert!(error.contains("(request id "), "{error}");
    assert_eq!(out.hint_lines().len(), 1);
    assert!(
        out.hint_lines()[0]
            .contains("az account get-access-token --resource https://cloudpartner.azure.com"),
        "{}",
        out.stderr
    );
    out.assert_never_shows("wrong-token-6f1d2c");
}

#[test]
fn forbidden_says_to_add_the_service_principal() {
    let server = Server::start();
    fault(
        &server,
        FaultKind::Status {
            status: 403,
            retry_after_seconds: None,
        },
    );
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains("permission_denied: HTTP 403"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("add the service principal"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("publisher account"),
        "{}",
        out.stderr
    );
}

#[test]
fn not_found_says_to_check_the_ids() {
    let server = Server::start();
    let out = run(server.cli(&["status", "fabrikam", "live-offer"])).expect_code(1);
    let error = out.error_lines()[0];
    assert!(
        error.starts_with("error: fabrikam/live-offer: not_found: HTTP 404 Not Found: "),
        "{error}"
    );
    assert!(out.hint_lines()[0].contains("check the publisher and offer ids"));
}

#[test]
fn an_unknown_api_version_names_the_api_code() {
    let server = Server::start();
    let out = run(server.cli(&[
        "--api-version",
        "1999-01-01",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains("bad_request: HTTP 400 Bad Request: InvalidAPIVersion"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("--api-version"),
        "{}",
        out.stderr
    );
}

#[test]
fn server_errors_and_throttling_after_retries() {
    let server = Server::start();
    fault(
        &server,
        FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        },
    );
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains("server: HTTP 503"),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("try again later"),
        "{}",
        out.stderr
    );

    let server = Server::start();
    fault(
        &server,
        FaultKind::Status {
            status: 429,
            retry_after_seconds: Some(1),
        },
    );
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains("throttled: HTTP 429"),
        "{}",
        out.stderr
    );
}

#[test]
fn transient_errors_are_retried() {
    let server = Server::start();
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        })
        .for_offer("live-offer")
        .times(2),
    );
    let out =
        run(server.cli(&["--max-retries", "2", "status", "contoso", "live-offer"])).expect_code(0);
    assert!(out.stdout.starts_with("contoso/live-offer  succeeded"));
    // Retries are quiet without -v ...
    assert_eq!(out.stderr, "");
    // ... and logged with it.
    server.emulator().add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: None,
        })
        .for_offer("live-offer")
        .times(2),
    );
    let out = run(server.cli(&[
        "-v",
        "--max-retries",
        "2",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(0);
    assert!(out.stderr.contains("retry 1 of 2"), "{}", out.stderr);
}

#[test]
fn a_broken_body_is_a_parse_error() {
    let server = Server::start();
    fault(&server, FaultKind::Malformed);
    let out = failing_status(&server, "running-offer", &[]);
    assert!(out.error_lines()[0].contains(": parse: "), "{}", out.stderr);
    assert!(out.error_lines()[0].contains("line "), "{}", out.stderr);
}

#[test]
fn an_html_gateway_page_names_its_status_and_content_type() {
    let server = Server::start();
    fault(
        &server,
        FaultKind::Html {
            status: 502,
            retry_after_seconds: None,
        },
    );
    let out = failing_status(&server, "running-offer", &[]);
    let error = out.error_lines()[0];
    assert!(error.contains("server: HTTP 502"), "{error}");
    assert!(error.contains("text/html"), "{error}");
}

#[test]
fn a_dropped_connection_is_a_transport_error_with_a_base_url_hint() {
    let server = Server::start();
    fault(&server, FaultKind::Reset);
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains(": transport: "),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains(&format!("check --base-url (now {})", server.url())),
        "{}",
        out.stderr
    );
    assert!(
        out.error_lines()[0].contains(" (client request id "),
        "{}",
        out.stderr
    );

    // Nothing listening at all.
    let out = run(common::cloudpartner(&[
        "--base-url",
        "http://127.0.0.1:9",
        "--token",
        "t",
        "--max-retries",
        "0",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains(": transport: "),
        "{}",
        out.stderr
    );
    assert!(
        out.hint_lines()[0].contains("check --base-url (now http://127.0.0.1:9)"),
        "{}",
        out.stderr
    );
    // No service answered: the id is the one this client sent, and says so.
    assert!(
        out.error_lines()[0].contains(" (client request id "),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("(request id "), "{}", out.stderr);

    // A service principal whose token request gets no answer: the authority host.
    let out = run(common::cloudpartner(&[
        "--base-url",
        "http://127.0.0.1:9",
        "--tenant-id",
        "t",
        "--client-id",
        "c",
        "--client-secret",
        "s3cret-value",
        "--authority-host",
        "http://127.0.0.1:9",
        "--max-retries",
        "0",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(1);
    assert!(
        out.hint_lines()[0].contains("check --authority-host"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("--base-url"), "{}", out.stderr);
    out.assert_never_shows("s3cret-value");
}

#[test]
fn an_oversized_body_is_too_large() {
    let server = Server::start();
    fault(
        &server,
        FaultKind::Oversize {
            bytes: 9 * 1024 * 1024,
        },
    );
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains(": too_large: "),
        "{}",
        out.stderr
    );
}

#[test]
fn a_slow_body_runs_into_the_timeout() {
    let server = Server::start();
    fault(
        &server,
        FaultKind::SlowBody {
            bytes_per_second: 20,
        },
    );
    let out = failing_status(&server, "running-offer", &["--timeout", "0.5"]);
    assert!(
        out.error_lines()[0].contains(": timeout: "),
        "{}",
        out.stderr
    );
    assert!(out.hint_lines()[0].contains("--timeout"), "{}", out.stderr);
}

#[test]
fn redirects_are_followed_and_lose_the_token_across_origins() {
    let server = Server::start();
    let port = server.emulator().addr().port();
    // Same origin: followed, with the token.
    server.emulator().add_fault(
        Fault::new(FaultKind::Redirect {
            location: format!(
                "{}/api/publishers/contoso/offers/live-offer/status?api-version=2017-10-31",
                server.url()
            ),
            status: 307,
        })
        .for_offer("running-offer")
        .times(1),
    );
    let out = run(server.cli(&["status", "contoso", "running-offer"])).expect_code(0);
    assert!(
        out.stdout.starts_with("contoso/running-offer  succeeded"),
        "{}",
        out.stdout
    );
    // Another origin (localhost is not 127.0.0.1): no Authorization header, so 401.
    server.emulator().add_fault(
        Fault::new(FaultKind::Redirect {
            location: format!("http://localhost:{port}{{path}}"),
            status: 307,
        })
        .for_offer("running-offer")
        .times(1),
    );
    let out = failing_status(&server, "running-offer", &[]);
    assert!(
        out.error_lines()[0].contains("authentication: HTTP 401"),
        "{}",
        out.stderr
    );
    let last = server.emulator().requests().pop().unwrap();
    assert_eq!(last.header("authorization"), None, "{last:?}");
}

#[test]
fn plain_http_is_refused_beyond_loopback() {
    let out = run(common::cloudpartner(&[
        "--base-url",
        "http://example.com",
        "--token",
        "t",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("invalid_argument"),
        "{}",
        out.stderr
    );
    assert!(out.error_lines()[0].contains("http"), "{}", out.stderr);
}

#[test]
fn verbose_logs_never_show_the_token() {
    let secret = "tok-3b9e0c71-never-print-me";
    let server = Server::scenario(&format!(
        r#"{{"token": "{secret}", "publishers": {{"contoso": {{"offers": {{
            "fixed": {{"status": {{"status": "succeeded", "steps": []}}}}}}}}}},
            "faults": [{{"kind": "status", "status": 503, "times": 1}}]}}"#
    ));
    let out = run(server.cli(&["-vvv", "--max-retries", "1", "status", "contoso", "fixed"]))
        .expect_code(0);
    assert!(
        out.stderr.contains("GET http://127.0.0.1:"),
        "no debug log:\n{}",
        out.stderr
    );
    out.assert_never_shows(secret);
    // Nor when it is refused.
    let out = run(common::cloudpartner(&[
        "-vvv",
        "--base-url",
        &server.url(),
        "status",
        "contoso",
        "fixed",
    ])
    .env("CLOUDPARTNER_TOKEN", format!("{secret}-wrong")))
    .expect_code(1);
    out.assert_never_shows(secret);
}
