//! The request log: a bounded ring, bodies of writes, redacted credentials,
//! and still readable after the emulator stopped.

use cloudpartner_emulator::{Emulator, REDACTED};

use crate::support::{client, get_status, start_default, status_url};

#[tokio::test]
async fn the_log_keeps_the_last_requests_only() {
    let emulator = Emulator::builder()
        .request_log_capacity(3)
        .start()
        .await
        .unwrap();
    for offer in [
        "live-offer",
        "failed-offer",
        "review-offer",
        "running-offer",
        "not-started",
    ] {
        assert_eq!(get_status(&emulator, "contoso", offer).await.status(), 200);
    }
    let paths: Vec<String> = emulator.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/api/publishers/contoso/offers/review-offer/status",
            "/api/publishers/contoso/offers/running-offer/status",
            "/api/publishers/contoso/offers/not-started/status",
        ]
    );
}

#[tokio::test]
async fn a_zero_capacity_records_nothing() {
    let emulator = Emulator::builder()
        .request_log_capacity(0)
        .start()
        .await
        .unwrap();
    assert_eq!(
        get_status(&emulator, "contoso", "live-offer")
            .await
            .status(),
        200
    );
    assert!(emulator.requests().is_empty());
}

#[tokio::test]
async fn stopping_twice_is_fine_and_the_log_stays_readable() {
    let emulator = start_default().await;
    assert_eq!(
        get_status(&emulator, "contoso", "live-offer")
            .await
            .status(),
        200
    );
    emulator.stop().await;
    emulator.stop().await;
    let result = client()
        .get(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(emulator.token())
        .send()
        .await;
    assert!(result.is_err(), "the server is stopped");
    let requests = emulator.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].path_and_query(),
        "/api/publishers/contoso/offers/live-offer/status?api-version=2017-10-31"
    );
    // Shutting down a stopped emulator is fine too.
    emulator.shutdown().await;
}

#[tokio::test]
async fn write_bodies_are_recorded_and_foreign_tokens_redacted() {
    let emulator = start_default().await;
    let url = format!(
        "{}/api/publishers/contoso/offers/vm-release/publish?api-version=2017-10-31",
        emulator.base_url()
    );
    client()
        .post(&url)
        .bearer_auth("a-real-looking-token")
        .body(r#"{"metadata":{"notification-emails":"a@x.com"}}"#)
        .send()
        .await
        .unwrap();
    client()
        .post(format!(
            "{}/contoso-tenant/oauth2/token",
            emulator.base_url()
        ))
        .form(&[("client_secret", "contoso-secret")])
        .send()
        .await
        .unwrap();
    get_status(&emulator, "contoso", "live-offer").await;
    let requests = emulator.requests();
    assert_eq!(requests[0].method, "POST");
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("Bearer {REDACTED}").as_str())
    );
    assert_eq!(
        requests[0].body_json().unwrap()["metadata"]["notification-emails"],
        "a@x.com"
    );
    // Token requests carry client secrets: their bodies are not kept.
    assert_eq!(requests[1].body, None);
    // Reads have no body; the emulator's own token is kept.
    assert_eq!(requests[2].body, None);
    assert_eq!(
        requests[2].header("authorization"),
        Some(format!("Bearer {}", emulator.token()).as_str())
    );
}
