//! The status endpoint: authentication, api-version, not-found, documents
//! served verbatim, percent-encoded ids, headers and recorded requests.

use serde_json::json;

use crate::support::{
    api_error_code, client, get_status, start, start_default, status_document, status_url,
};

#[tokio::test]
async fn a_fixed_document_is_served_verbatim() {
    let document = r#"{ "status" : "Succeeded", "zeta": 1.50, "alpha": [1e3, null], "progressPercentage": "42" }"#;
    let emulator = start(&format!(
        r#"{{"publishers": {{"p": {{"offers": {{"o": {{"status": {document}}}}}}}}}}}"#
    ))
    .await;
    let response = get_status(&emulator, "p", "o").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    assert_eq!(response.text().await.unwrap(), document);
}

#[tokio::test]
async fn the_default_scenario_serves_every_offer_state() {
    let emulator = start_default().await;
    let expected = [
        ("never-published", "neverPublished"),
        ("not-started", "notStarted"),
        ("review-offer", "waitingForPublisherReview"),
        ("running-offer", "running"),
        ("live-offer", "succeeded"),
        ("canceled-offer", "canceled"),
        ("failed-offer", "failed"),
        ("vm-offer", "running"),
    ];
    for (offer, state) in expected {
        let document = status_document(&emulator, "contoso", offer).await;
        assert_eq!(document["status"], state, "{offer}");
    }
    let vm_offer = status_document(&emulator, "contoso", "vm-offer").await;
    let steps = vm_offer["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[0]["id"], "displaydummycertify");
    assert_eq!(steps[0]["status"], "inProgress");
    assert_eq!(steps[1]["estimatedTimeFrame"], "~2-3 days");
    assert_eq!(vm_offer["notificationEmails"], "jdoe@contoso.com");
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_unauthorized() {
    let emulator = start_default().await;
    let url = status_url(&emulator, "contoso", "live-offer");
    let requests = [
        client().get(&url),
        client().get(&url).bearer_auth("wrong-token"),
        client()
            .get(&url)
            .header("authorization", format!("Basic {}", emulator.token())),
    ];
    for request in requests {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401);
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
        assert_eq!(api_error_code(response).await, "Unauthorized");
    }
    // The scheme is case-insensitive.
    let response = client()
        .get(&url)
        .header("authorization", format!("bearer {}", emulator.token()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn authentication_is_checked_before_the_api_version() {
    let emulator = start_default().await;
    let url = format!(
        "{}/api/publishers/nobody/offers/nothing/status",
        emulator.base_url()
    );
    let response = client().get(&url).send().await.unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_missing_or_unknown_api_version_is_a_bad_request() {
    let emulator = start_default().await;
    let base = format!(
        "{}/api/publishers/contoso/offers/live-offer/status",
        emulator.base_url()
    );
    for url in [
        base.clone(),
        format!("{base}?api-version=2016-01-01"),
        format!("{base}?api-version="),
        format!("{base}?other=2017-10-31"),
    ] {
        let response = client()
            .get(&url)
            .bearer_auth(emulator.token())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{url}");
        let body: serde_json::Value = crate::support::json_body(response).await.unwrap();
        assert_eq!(body["error"]["code"], "InvalidAPIVersion");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("2017-10-31")
        );
    }
}

#[tokio::test]
async fn unknown_publishers_and_offers_are_not_found() {
    let emulator = start_default().await;
    let response = get_status(&emulator, "fabrikam", "live-offer").await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "PublisherNotFound");
    let response = get_status(&emulator, "contoso", "no-such-offer").await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "OfferNotFound");
    // Ids are case-sensitive.
    let response = get_status(&emulator, "Contoso", "live-offer").await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn other_paths_and_methods_get_json_errors() {
    let emulator = start_default().await;
    let response = client()
        .get(format!("{}/api/publishers/contoso", emulator.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "NotFound");
    let response = client()
        .post(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(api_error_code(response).await, "MethodNotAllowed");
}

#[tokio::test]
async fn percent_encoded_ids_are_decoded_per_segment() {
    let emulator = start(
        r#"{"publishers": {
            "a/b?c#d%e f": {"offers": {"x/y": {"status": {"status": "succeeded", "which": 1}}}},
            "a": {"offers": {"x": {"status": {"status": "succeeded", "which": 2}}}}
        }}"#,
    )
    .await;
    let document = status_document(&emulator, "a%2Fb%3Fc%23d%25e%20f", "x%2Fy").await;
    assert_eq!(document["which"], 1);
    // An encoded slash does not split the segment: `a%2Fb` is not publisher `a`.
    let response = get_status(&emulator, "a%2Fb", "x").await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "PublisherNotFound");
    let response = get_status(&emulator, "a", "x%2Fy").await;
    assert_eq!(api_error_code(response).await, "OfferNotFound");
    assert_eq!(status_document(&emulator, "a", "x").await["which"], 2);
    // Lower-case escapes work too, and the recorded path stays encoded.
    let document = status_document(&emulator, "a%2fb%3fc%23d%25e%20f", "x%2fy").await;
    assert_eq!(document["which"], 1);
    let paths: Vec<String> = emulator.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths[0],
        "/api/publishers/a%2Fb%3Fc%23d%25e%20f/offers/x%2Fy/status"
    );
}

#[tokio::test]
async fn responses_carry_request_ids() {
    let emulator = start_default().await;
    let send = |client_request_id: Option<&'static str>| {
        let mut request = client()
            .get(status_url(&emulator, "contoso", "live-offer"))
            .bearer_auth(emulator.token());
        if let Some(id) = client_request_id {
            request = request.header("x-ms-client-request-id", id);
        }
        request.send()
    };
    let first = send(Some("11111111-2222-3333-4444-555555555555"))
        .await
        .unwrap();
    assert_eq!(
        first.headers()["x-ms-client-request-id"],
        "11111111-2222-3333-4444-555555555555"
    );
    let first_id = first.headers()["x-ms-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(first_id.len(), 36);
    let second = send(None).await.unwrap();
    assert!(second.headers().get("x-ms-client-request-id").is_none());
    assert_ne!(second.headers()["x-ms-request-id"], first_id.as_str());
    // Errors carry them too.
    let unauthorized = client()
        .get(status_url(&emulator, "contoso", "live-offer"))
        .header("x-ms-client-request-id", "abc")
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorized.status(), 401);
    assert_eq!(unauthorized.headers()["x-ms-client-request-id"], "abc");
    assert!(unauthorized.headers().contains_key("x-ms-request-id"));
}

#[tokio::test]
async fn requests_are_recorded_in_order_with_their_headers() {
    let emulator = start_default().await;
    client()
        .get(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(emulator.token())
        .header("User-Agent", "cloudpartner/0.1.0 (rust)")
        .header("X-Ms-Client-Request-Id", "req-1")
        .send()
        .await
        .unwrap();
    client()
        .post(format!(
            "{}/contoso-tenant/oauth2/token",
            emulator.base_url()
        ))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    let requests = emulator.requests();
    assert_eq!(requests.len(), 2);
    let status = &requests[0];
    assert_eq!(status.method, "GET");
    assert_eq!(
        status.path,
        "/api/publishers/contoso/offers/live-offer/status"
    );
    assert_eq!(status.query.as_deref(), Some("api-version=2017-10-31"));
    assert_eq!(
        status.header("authorization"),
        Some(format!("Bearer {}", emulator.token()).as_str())
    );
    assert_eq!(
        status.header("user-agent"),
        Some("cloudpartner/0.1.0 (rust)")
    );
    assert_eq!(status.header("X-MS-CLIENT-REQUEST-ID"), Some("req-1"));
    assert!(
        status
            .headers
            .iter()
            .any(|(name, _)| name == "x-ms-client-request-id")
    );
    let token = &requests[1];
    assert_eq!(token.method, "POST");
    assert_eq!(token.path, "/contoso-tenant/oauth2/token");
    assert_eq!(token.query, None);
}

#[tokio::test]
async fn set_offer_status_changes_the_document_between_polls() {
    let emulator = start_default().await;
    let response = get_status(&emulator, "fabrikam", "new-offer").await;
    assert_eq!(response.status(), 404);
    emulator.set_offer_status(
        "fabrikam",
        "new-offer",
        json!({"status": "running", "steps": []}),
    );
    let first = status_document(&emulator, "fabrikam", "new-offer").await;
    assert_eq!(first["status"], "running");
    emulator.set_offer_status(
        "fabrikam",
        "new-offer",
        json!({"status": "succeeded", "odd": [1, "x"]}),
    );
    let second = status_document(&emulator, "fabrikam", "new-offer").await;
    assert_eq!(second, json!({"status": "succeeded", "odd": [1, "x"]}));
    // Replacing an offer of the scenario works too.
    emulator.set_offer_status("contoso", "vm-offer", json!({"status": "canceled"}));
    assert_eq!(
        status_document(&emulator, "contoso", "vm-offer").await["status"],
        "canceled"
    );
}

#[tokio::test]
async fn ids_that_are_not_utf8_are_bad_requests_not_crashes() {
    let emulator = start_default().await;
    let response = get_status(&emulator, "%FF%FE", "x").await;
    assert_eq!(response.status(), 400);
    assert_eq!(api_error_code(response).await, "BadRequest");
    // The server is still fine.
    assert_eq!(
        get_status(&emulator, "contoso", "live-offer")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn every_answer_announces_the_time_scale() {
    let emulator = cloudpartner_emulator::Emulator::builder()
        .time_scale(2500.0)
        .start()
        .await
        .unwrap();
    for path in [
        "/api/publishers/contoso/offers/live-offer/status?api-version=2017-10-31",
        "/rp/product-ingestion/product?externalId=vm-release",
        "/nowhere",
    ] {
        let response = reqwest::Client::new()
            .get(format!("{}{path}", emulator.base_url()))
            .bearer_auth(emulator.token())
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()["x-cloudpartner-time-scale"],
            "2500",
            "{path}"
        );
    }
}
