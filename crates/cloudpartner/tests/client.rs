//! The client against the emulator (a real HTTP server on loopback).

mod support;

use std::time::{Duration, Instant};

use cloudpartner::{Client, ErrorKind, OfferState};
use serde_json::json;
use support::*;

#[tokio::test]
async fn fetches_and_parses_a_status() {
    let emu = emulator(json!([])).await;
    let status = client(&emu).offer_status("contoso", "fixed").await.unwrap();
    assert_eq!(status.status, OfferState::Succeeded);
    assert_eq!(status.steps[0].id, "validate");
    let requests = emu.requests();
    let r = requests.last().unwrap();
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/api/publishers/contoso/offers/fixed/status");
    assert_eq!(r.query.as_deref(), Some("api-version=2017-10-31"));
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(r.header("accept"), Some("application/json"));
    let ua = r.header("user-agent").unwrap();
    assert_eq!(ua, format!("cloudpartner/{} (rust)", cloudpartner::VERSION));
    let id = r.header("x-ms-client-request-id").unwrap();
    assert!(uuid_like(id), "{id}");
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

#[tokio::test]
async fn each_request_gets_a_fresh_client_request_id_and_the_binding_tag() {
    let emu = emulator(json!([])).await;
    let c = builder(emu.base_url())
        .user_agent_tag("python")
        .build()
        .unwrap();
    c.offer_status("contoso", "fixed").await.unwrap();
    c.offer_status("contoso", "fixed").await.unwrap();
    let reqs = emu.requests();
    let ids: Vec<_> = reqs
        .iter()
        .map(|r| r.header("x-ms-client-request-id").unwrap().to_owned())
        .collect();
    assert_ne!(ids[0], ids[1]);
    assert!(reqs[0].header("user-agent").unwrap().ends_with("(python)"));
}

#[tokio::test]
async fn ids_are_encoded_as_path_segments() {
    let emu = emulator(json!([])).await;
    let status = client(&emu)
        .offer_status("contoso", "a/b?c#d %e")
        .await
        .unwrap();
    assert_eq!(status.status, OfferState::Running);
    let path = emu.requests().last().unwrap().path.clone();
    assert_eq!(
        path,
        "/api/publishers/contoso/offers/a%2Fb%3Fc%23d%20%25e/status"
    );
}

#[tokio::test]
async fn empty_ids_fail_before_any_request() {
    let emu = emulator(json!([])).await;
    let c = client(&emu);
    for (p, o) in [("", "x"), ("contoso", ""), ("  ", "x")] {
        let err = c.offer_status(p, o).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{p:?}/{o:?}");
    }
    assert!(emu.requests().is_empty());
}

#[tokio::test]
async fn http_is_only_for_loopback_unless_allowed() {
    let err = Client::builder()
        .base_url("http://example.com")
        .token("t")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(err.message().contains("plain http"), "{err}");
    assert!(
        Client::builder()
            .base_url("http://example.com")
            .token("t")
            .allow_http(true)
            .build()
            .is_ok()
    );
    assert!(
        Client::builder()
            .base_url("http://localhost:1")
            .token("t")
            .build()
            .is_ok()
    );
    assert!(
        Client::builder()
            .base_url("http://[::1]:1")
            .token("t")
            .build()
            .is_ok()
    );
    let err = Client::builder()
        .base_url("not a url")
        .token("t")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    let err = Client::builder()
        .environment(cloudpartner::Environment::from_vars([("HOME", "/nowhere")]))
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert!(err.message().contains("no credential"));
}

#[tokio::test]
async fn service_errors_map_to_kinds() {
    let emu = emulator(json!([])).await;
    // 401: wrong token.
    let bad = Client::builder()
        .base_url(emu.base_url())
        .token("wrong-token")
        .build()
        .unwrap();
    let err = bad.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::Authentication, Some(401))
    );
    assert!(!err.to_string().contains("wrong-token"));
    // 400: unknown api-version.
    let c = builder(emu.base_url())
        .api_version("1999-01-01")
        .build()
        .unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(err.status_code(), Some(400));
    assert_eq!(err.api_code(), Some("InvalidAPIVersion"));
    assert!(err.message().contains("InvalidAPIVersion"), "{err}");
    assert!(err.request_id().is_some());
    // 404: unknown publisher and offer.
    let c = client(&emu);
    for (p, o) in [("nobody", "fixed"), ("contoso", "nothing")] {
        let err = c.offer_status(p, o).await.unwrap_err();
        assert_eq!(
            (err.kind(), err.status_code()),
            (ErrorKind::NotFound, Some(404))
        );
        assert!(err.api_code().is_some());
    }
    // No retries for 4xx: one request each.
    let before = emu.requests().len();
    let _ = c.offer_status("contoso", "nothing").await;
    assert_eq!(emu.requests().len(), before + 1);
}

#[tokio::test]
async fn forbidden_with_a_json_body() {
    let emu = emulator(json!([{"kind": "status", "status": 403}])).await;
    let err = fixed_offer_error(&emu).await;
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::PermissionDenied, Some(403))
    );
    assert!(err.message().contains("service principal"), "{err}");
    assert_eq!(emu.requests().len(), 1);
}

#[tokio::test]
async fn errors_without_json_bodies() {
    let cases: [(&'static str, ErrorKind, u16); 4] = [
        (
            "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            ErrorKind::NotFound,
            404,
        ),
        (
            "HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nconnection: close\r\n\r\nbad request",
            ErrorKind::BadRequest,
            400,
        ),
        (
            "HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            ErrorKind::Authentication,
            401,
        ),
        (
            "HTTP/1.1 403 Forbidden\r\ncontent-type: text/html\r\ncontent-length: 27\r\nconnection: close\r\n\r\n<html><b>denied</b></html>\n",
            ErrorKind::PermissionDenied,
            403,
        ),
    ];
    for (response, kind, code) in cases {
        let base = raw_server(response).await;
        let err = builder(&base)
            .build()
            .unwrap()
            .offer_status("p", "o")
            .await
            .unwrap_err();
        assert_eq!((err.kind(), err.status_code()), (kind, Some(code)), "{err}");
        assert_eq!(err.api_code(), None);
        assert!(err.message().starts_with(&format!("HTTP {code}")), "{err}");
        assert!(
            uuid_like(err.request_id().unwrap()),
            "falls back to the client request id"
        );
    }
}

#[tokio::test]
async fn throttling_with_retry_after_is_honoured() {
    let emu =
        emulator(json!([{"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 1}]))
            .await;
    let start = Instant::now();
    let status = client(&emu).offer_status("contoso", "fixed").await.unwrap();
    assert_eq!(status.status, OfferState::Succeeded);
    assert!(
        start.elapsed() >= Duration::from_millis(950),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(emu.requests().len(), 2);
}

#[tokio::test]
async fn throttled_after_retries_run_out() {
    let emu = emulator(json!([{"kind": "status", "status": 429}])).await;
    let c = builder(emu.base_url()).max_retries(2).build().unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::Throttled, Some(429))
    );
    assert_eq!(emu.requests().len(), 3);
}

#[tokio::test]
async fn unavailable_then_success() {
    let emu =
        emulator(json!([{"kind": "status", "status": 503, "times": 2, "offerId": "fixed"}])).await;
    let status = client(&emu).offer_status("contoso", "fixed").await.unwrap();
    assert!(status.is_terminal());
    assert_eq!(emu.requests().len(), 3);
}

#[tokio::test]
async fn server_errors_until_retries_run_out() {
    let emu = emulator(json!([{"kind": "status", "status": 500}])).await;
    let err = fixed_offer_error(&emu).await;
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::Server, Some(500))
    );
    assert_eq!(emu.requests().len(), 5, "1 attempt + 4 retries");
    assert!(err.request_id().is_some());
}

#[tokio::test]
async fn a_reset_connection_is_a_transport_error_and_is_retried() {
    let emu = emulator(json!([{"kind": "reset", "times": 1}])).await;
    let status = client(&emu).offer_status("contoso", "fixed").await.unwrap();
    assert!(status.is_terminal());
    let emu = emulator(json!([{"kind": "reset"}])).await;
    let c = builder(emu.base_url()).max_retries(1).build().unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let c = builder(&base).max_retries(1).build().unwrap();
    let err = c.offer_status("p", "o").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert_eq!(err.status_code(), None);
}

#[tokio::test]
async fn a_stalled_body_hits_the_timeout() {
    let emu = emulator(json!([{"kind": "slowBody", "bytesPerSecond": 10}])).await;
    let c = builder(emu.base_url())
        .timeout(Duration::from_millis(400))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn timeouts_are_retried() {
    let emu = emulator(json!([{"kind": "latency", "ms": 600, "times": 1}])).await;
    let c = builder(emu.base_url())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let status = c.offer_status("contoso", "fixed").await.unwrap();
    assert!(status.is_terminal());
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large() {
    let emu = emulator(json!([{"kind": "oversize", "bytes": 300_000}])).await;
    let c = builder(emu.base_url())
        .max_body_bytes(100_000)
        .build()
        .unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge, "{err}");
    assert_eq!(emu.requests().len(), 1, "not retried");
    // Under the default limit the same body is fine JSON.
    let status = client(&emu).offer_status("contoso", "fixed").await;
    assert!(status.is_ok(), "{status:?}");
}

#[tokio::test]
async fn an_html_gateway_page_is_a_server_error_naming_status_and_type() {
    let emu = emulator(json!([{"kind": "html", "status": 502}])).await;
    let c = builder(emu.base_url()).max_retries(1).build().unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::Server, Some(502))
    );
    assert!(
        err.message().contains("502") && err.message().contains("text/html"),
        "{err}"
    );
    assert!(
        !err.message().contains('<'),
        "an excerpt of text, not markup: {err}"
    );
}

#[tokio::test]
async fn an_html_page_with_200_is_a_parse_error() {
    let emu = emulator(json!([{"kind": "html", "status": 200}])).await;
    let err = fixed_offer_error(&emu).await;
    assert_eq!(
        (err.kind(), err.status_code()),
        (ErrorKind::Parse, Some(200))
    );
    assert!(err.message().contains("text/html"), "{err}");
}

#[tokio::test]
async fn malformed_json_is_a_parse_error_with_a_position() {
    let emu = emulator(json!([{"kind": "malformed"}])).await;
    let err = fixed_offer_error(&emu).await;
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert!(err.line().is_some() && err.column().is_some(), "{err}");
    assert_eq!(emu.requests().len(), 1, "not retried");
}

#[tokio::test]
async fn redirects_to_another_origin_drop_the_authorization_header() {
    let target = emulator(json!([])).await;
    let location = format!("{}{{path}}", target.base_url());
    let source = emulator(json!([{"kind": "redirect", "location": location}])).await;
    let err = client(&source)
        .offer_status("contoso", "fixed")
        .await
        .unwrap_err();
    // The target answers 401 because no token reached it.
    assert_eq!(err.kind(), ErrorKind::Authentication, "{err}");
    let seen = target.requests();
    assert!(!seen.is_empty(), "the redirect was followed");
    assert!(seen.iter().all(|r| r.header("authorization").is_none()));
    assert!(source.requests()[0].header("authorization").is_some());
}

#[tokio::test]
async fn the_token_never_shows() {
    let emu = emulator(json!([{"kind": "status", "status": 500}])).await;
    let c = builder(emu.base_url()).max_retries(0).build().unwrap();
    assert!(!format!("{c:?}").contains(TOKEN));
    assert!(!format!("{:?}", builder(emu.base_url())).contains(TOKEN));
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    for text in [
        err.to_string(),
        format!("{err:?}"),
        err.message().to_owned(),
    ] {
        assert!(!text.contains(TOKEN), "{text}");
    }
    let err = builder(&raw_server("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n").await)
        .build()
        .unwrap()
        .offer_status("p", "o")
        .await
        .unwrap_err();
    assert!(!format!("{err} {err:?}").contains(TOKEN));
}

#[tokio::test]
async fn batches_keep_order_and_report_errors_per_id() {
    let emu = emulator(json!([{"kind": "latency", "ms": 400}])).await;
    let c = client(&emu);
    let ids = ["fixed", "missing", "other", "", "fixed"];
    let start = Instant::now();
    let results = c.offer_statuses("contoso", ids, 8).await;
    // Four requests one after the other would take 1.6 s; at once, about 0.4 s.
    assert!(
        start.elapsed() < Duration::from_millis(1200),
        "concurrent: {:?}",
        start.elapsed()
    );
    let got: Vec<_> = results
        .iter()
        .map(|(id, r)| {
            (
                id.as_str(),
                r.as_ref().map(|s| s.status.clone()).map_err(|e| e.kind()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("fixed", Ok(OfferState::Succeeded)),
            ("missing", Err(ErrorKind::NotFound)),
            ("other", Ok(OfferState::Failed)),
            ("", Err(ErrorKind::InvalidArgument)),
            ("fixed", Ok(OfferState::Succeeded)),
        ]
    );
    let results = c.offer_statuses("contoso", ["fixed", "other"], 0).await;
    assert_eq!(results.len(), 2, "concurrency 0 means 1");
}
