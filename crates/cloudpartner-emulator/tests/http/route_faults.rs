//! Faults on every API route, narrowed by `route` and `method`, and whether
//! a faulted write acted.

use cloudpartner_emulator::{Fault, FaultKind, FaultRoute, OfferSlot};
use serde_json::json;

use crate::support::{
    api_error_code, api_get, api_json, client, post_action, put_offer, start, start_default,
    vm_offer,
};

/// A scenario with VM offer `p/o`, plus these faults.
fn scenario(faults: &str) -> String {
    format!(
        r#"{{"publishers": {{"p": {{"offers": {{"o": {{"offer": {}}}}}}}}}, "faults": {faults}}}"#,
        vm_offer("p", "o")
    )
}

/// The POSTs the emulator recorded.
fn posts(emulator: &cloudpartner_emulator::Emulator) -> usize {
    emulator
        .requests()
        .iter()
        .filter(|request| request.method == "POST")
        .count()
}

#[tokio::test]
async fn a_500_on_publish_answers_without_publishing() {
    let emulator = start(&scenario(
        r#"[{"kind": "status", "status": 500, "route": "publish", "times": 1}]"#,
    ))
    .await;
    let response = post_action(&emulator, "p", "o", "publish", "").await;
    assert_eq!(response.status(), 500);
    assert_eq!(api_error_code(response).await, "InternalServerError");
    assert_eq!(posts(&emulator), 1);
    assert_eq!(
        api_json(&emulator, "/api/publishers/p/offers/o/submissions").await,
        json!([])
    );
    assert!(
        emulator
            .offer_document("p", "o", OfferSlot::Preview)
            .is_none()
    );
    // The fault is used up: the next publish works.
    assert_eq!(
        post_action(&emulator, "p", "o", "publish", "")
            .await
            .status(),
        202
    );
}

#[tokio::test]
async fn a_503_with_retry_after_on_publish_does_not_act() {
    let emulator = start(&scenario(
        r#"[{"kind": "status", "status": 503, "retryAfterSeconds": 2, "route": "publish", "method": "POST", "times": 1}]"#,
    ))
    .await;
    let response = post_action(&emulator, "p", "o", "publish", "").await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(
        api_json(&emulator, "/api/publishers/p/offers/o/submissions").await,
        json!([])
    );
}

#[tokio::test]
async fn routes_and_methods_narrow_faults() {
    let emulator = start(&scenario(
        r#"[{"kind": "status", "status": 502, "route": "offer", "method": "GET"},
            {"kind": "status", "status": 504, "route": "put"}]"#,
    ))
    .await;
    // GET on the offer document: 502; the status and the lists are untouched.
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers/o")
            .await
            .status(),
        502
    );
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers/o/versions/1")
            .await
            .status(),
        502
    );
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers")
            .await
            .status(),
        200
    );
    assert_eq!(
        crate::support::get_status(&emulator, "p", "o")
            .await
            .status(),
        200
    );
    // PUT: 504, and nothing was written.
    let response = put_offer(
        &emulator,
        "p",
        "o",
        &vm_offer("p", "o"),
        &[("If-Match", "*")],
    )
    .await;
    assert_eq!(response.status(), 504);
    assert_eq!(
        emulator.offer_document("p", "o", OfferSlot::Draft).unwrap()["version"],
        1
    );
}

#[tokio::test]
async fn the_offer_route_covers_writes_too() {
    let emulator = start(&scenario(
        r#"[{"kind": "status", "status": 500, "route": "offer"}]"#,
    ))
    .await;
    let response = put_offer(
        &emulator,
        "p",
        "o",
        &vm_offer("p", "o"),
        &[("If-Match", "*")],
    )
    .await;
    assert_eq!(response.status(), 500);
}

#[tokio::test]
async fn each_route_can_be_faulted() {
    let emulator = start(&scenario("[]")).await;
    let routes = [
        (FaultRoute::Publishers, "/api/publishers"),
        (FaultRoute::Offers, "/api/publishers/p/offers"),
        (FaultRoute::Offer, "/api/publishers/p/offers/o/slot/draft"),
        (FaultRoute::Status, "/api/publishers/p/offers/o/status"),
        (
            FaultRoute::Operations,
            "/api/publishers/p/offers/o/submissions",
        ),
    ];
    for (route, path) in routes {
        emulator.add_fault(
            Fault::new(FaultKind::Status {
                status: 418,
                retry_after_seconds: None,
            })
            .for_route(route)
            .times(1),
        );
        assert_eq!(api_get(&emulator, path).await.status(), 418, "{route:?}");
        assert_eq!(api_get(&emulator, path).await.status(), 200, "{route:?}");
    }
    let actions = [
        (FaultRoute::Publish, "publish"),
        (FaultRoute::GoLive, "golive"),
        (FaultRoute::Cancel, "cancel"),
    ];
    for (route, action) in actions {
        emulator.add_fault(
            Fault::new(FaultKind::Status {
                status: 418,
                retry_after_seconds: None,
            })
            .for_route(route)
            .for_method("post")
            .times(1),
        );
        assert_eq!(
            post_action(&emulator, "p", "o", action, "").await.status(),
            418,
            "{route:?}"
        );
    }
    // One operation to fetch.
    let published = post_action(&emulator, "p", "o", "publish", "").await;
    let location = published.headers()["location"].to_str().unwrap().to_owned();
    emulator.add_fault(
        Fault::new(FaultKind::Reset)
            .for_route(FaultRoute::Operation)
            .times(1),
    );
    let url = format!("{}{location}", emulator.base_url());
    let dropped = client()
        .get(&url)
        .bearer_auth(emulator.token())
        .send()
        .await;
    assert!(dropped.is_err(), "the connection is dropped");
    let fetched = client()
        .get(&url)
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(fetched.status(), 200);
}

#[tokio::test]
async fn faults_without_a_route_apply_to_every_api_route_but_not_the_token_endpoint() {
    let emulator = start_default().await;
    emulator.add_fault(Fault::new(FaultKind::Status {
        status: 503,
        retry_after_seconds: None,
    }));
    assert_eq!(api_get(&emulator, "/api/publishers").await.status(), 503);
    assert_eq!(
        api_get(&emulator, "/api/publishers/contoso/offers/vm-release")
            .await
            .status(),
        503
    );
    let token = client()
        .post(format!(
            "{}/contoso-tenant/oauth2/token",
            emulator.base_url()
        ))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "contoso-app"),
            ("client_secret", "contoso-secret"),
            ("resource", "https://cloudpartner.azure.com"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(token.status(), 200);
}

#[tokio::test]
async fn id_filters_do_not_hit_routes_without_that_id() {
    let emulator = start(&scenario(
        r#"[{"kind": "status", "status": 500, "offerId": "o"},
            {"kind": "status", "status": 501, "publisherId": "p", "route": "offers"}]"#,
    ))
    .await;
    assert_eq!(api_get(&emulator, "/api/publishers").await.status(), 200);
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers")
            .await
            .status(),
        501
    );
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers/o")
            .await
            .status(),
        500
    );
}

#[tokio::test]
async fn faults_that_break_a_response_let_the_write_act() {
    let emulator = start(&scenario(
        r#"[{"kind": "malformed", "route": "put", "times": 1}]"#,
    ))
    .await;
    let response = put_offer(
        &emulator,
        "p",
        "o",
        &vm_offer("p", "o"),
        &[("If-Match", "*")],
    )
    .await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    // The write happened.
    assert_eq!(
        emulator.offer_document("p", "o", OfferSlot::Draft).unwrap()["version"],
        2
    );
}

#[tokio::test]
async fn faults_on_reads_break_the_real_document() {
    let emulator = start(&scenario(
        r#"[{"kind": "oversize", "bytes": 100000, "route": "offer", "times": 1}]"#,
    ))
    .await;
    let response = api_get(&emulator, "/api/publishers/p/offers/o").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("etag"));
    let body = response.bytes().await.unwrap();
    assert!(body.len() >= 100_000);
    let document: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(document["id"], "o");
}
