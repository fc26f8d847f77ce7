//! Every fault kind, with `offerId` and `times`.

use std::time::{Duration, Instant};

use cloudpartner_emulator::{Fault, FaultKind};

use crate::support::{
    api_error_code, client, get_status, scenario_with_faults, start, status_document, status_url,
};

#[tokio::test]
async fn status_faults_fire_per_offer_and_count_down() {
    let emulator = start(&scenario_with_faults(
        r#"[{"offerId": "o1", "kind": "status", "status": 503, "times": 2}]"#,
    ))
    .await;
    assert_eq!(get_status(&emulator, "p", "o2").await.status(), 200);
    for _ in 0..2 {
        let response = get_status(&emulator, "p", "o1").await;
        assert_eq!(response.status(), 503);
        assert_eq!(
            response.headers()["content-type"],
            "application/json; charset=utf-8"
        );
        assert!(response.headers().contains_key("x-ms-request-id"));
        assert_eq!(api_error_code(response).await, "ServiceUnavailable");
    }
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
}

#[tokio::test]
async fn status_faults_can_ask_to_retry_after() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 1}]"#,
    ))
    .await;
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(api_error_code(response).await, "TooManyRequests");
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
}

#[tokio::test]
async fn faults_apply_only_after_the_request_checks() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "status", "status": 500, "times": 1}]"#,
    ))
    .await;
    let unauthorized = client()
        .get(status_url(&emulator, "p", "o1"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorized.status(), 401);
    assert_eq!(get_status(&emulator, "p", "missing").await.status(), 404);
    // The fault is still there for the first valid request.
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 500);
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
}

#[tokio::test]
async fn latency_delays_and_lets_the_next_fault_answer() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "latency", "ms": 500, "offerId": "o1"},
            {"kind": "status", "status": 502, "times": 1}]"#,
    ))
    .await;
    let started = Instant::now();
    let response = get_status(&emulator, "p", "o1").await;
    assert!(started.elapsed() >= Duration::from_millis(500));
    assert_eq!(response.status(), 502);
    let started = Instant::now();
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(500));
    let started = Instant::now();
    assert_eq!(get_status(&emulator, "p", "o2").await.status(), 200);
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[tokio::test]
async fn malformed_bodies_are_broken_json() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "malformed", "times": 1}]"#,
    ))
    .await;
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let text = response.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    assert!(text.contains("succeeded"));
    assert_eq!(
        status_document(&emulator, "p", "o1").await["status"],
        "succeeded"
    );
}

#[tokio::test]
async fn html_faults_send_a_gateway_page() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "html", "offerId": "o1"}, {"kind": "html", "status": 504, "offerId": "o2"}]"#,
    ))
    .await;
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 502);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let page = response.text().await.unwrap();
    assert!(
        page.contains("<html>") && page.contains("502 Bad Gateway"),
        "{page}"
    );
    assert_eq!(get_status(&emulator, "p", "o2").await.status(), 504);
}

#[tokio::test]
async fn reset_faults_drop_the_connection_without_a_response() {
    let emulator = start(&scenario_with_faults(r#"[{"kind": "reset", "times": 2}]"#)).await;
    for _ in 0..2 {
        let result = client()
            .get(status_url(&emulator, "p", "o1"))
            .bearer_auth(emulator.token())
            .send()
            .await;
        let error = result.expect_err("the connection is dropped");
        assert!(!error.is_status(), "{error:?}");
    }
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
    assert_eq!(emulator.requests().len(), 3);
}

#[tokio::test]
async fn reset_faults_drop_connections_at_the_socket_level() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let emulator = start(&scenario_with_faults(r#"[{"kind": "reset"}]"#)).await;
    let mut socket = tokio::net::TcpStream::connect(emulator.addr())
        .await
        .unwrap();
    let request = format!(
        "GET /api/publishers/p/offers/o1/status?api-version=2017-10-31 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\r\n",
        emulator.token()
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(2), socket.read_to_end(&mut received))
        .await
        .expect("the server closes the connection");
    assert!(read.is_err() || received.is_empty(), "{received:?}");
}

#[tokio::test]
async fn slow_bodies_trickle_a_valid_document() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "slowBody", "bytesPerSecond": 100, "times": 1}]"#,
    ))
    .await;
    let started = Instant::now();
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = crate::support::json_body(response).await.unwrap();
    // 38 bytes at 10 bytes per 100 ms: three pauses at least.
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        body,
        serde_json::json!({"status": "succeeded", "steps": []})
    );
}

#[tokio::test]
async fn oversize_bodies_are_big_valid_and_chunked() {
    let emulator = start(&scenario_with_faults(
        r#"[{"kind": "oversize", "bytes": 9437184, "offerId": "o2"}]"#,
    ))
    .await;
    let response = get_status(&emulator, "p", "o2").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("content-length").is_none());
    assert_eq!(response.headers()["transfer-encoding"], "chunked");
    let body = response.bytes().await.unwrap();
    assert!(body.len() >= 9_437_184, "{}", body.len());
    let document: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(document["status"], "running");
}

#[tokio::test]
async fn redirects_point_at_the_same_path_elsewhere() {
    let target = start(&scenario_with_faults("[]")).await;
    let emulator = start(&scenario_with_faults(&format!(
        r#"[{{"kind": "redirect", "location": "{}{{path}}", "times": 1}}]"#,
        target.base_url()
    )))
    .await;
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 307);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, status_url(&target, "p", "o1"));
    let followed = client()
        .get(&location)
        .bearer_auth(target.token())
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), 200);
    assert_eq!(target.requests().len(), 1);
}

#[tokio::test]
async fn faults_can_be_added_at_run_time() {
    let emulator = start(&scenario_with_faults("[]")).await;
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
    emulator.add_fault(
        Fault::new(FaultKind::Status {
            status: 403,
            retry_after_seconds: None,
        })
        .for_offer("o1")
        .times(1),
    );
    let response = get_status(&emulator, "p", "o1").await;
    assert_eq!(response.status(), 403);
    assert_eq!(api_error_code(response).await, "Forbidden");
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
    emulator.add_fault(
        Fault::from_json_str(r#"{"kind": "status", "status": 500, "times": 0}"#).unwrap(),
    );
    assert_eq!(get_status(&emulator, "p", "o1").await.status(), 200);
}
