//! The client-credentials token endpoints, v1 and v2.

use cloudpartner_emulator::{Fault, FaultKind};

use crate::support::{client, start_default, status_url};

const V1: &str = "/contoso-tenant/oauth2/token";
const V2: &str = "/contoso-tenant/oauth2/v2.0/token";

async fn post_form(
    emulator: &cloudpartner_emulator::Emulator,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let response = client()
        .post(format!("{}{path}", emulator.base_url()))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    (status, crate::support::json_body(response).await.unwrap())
}

/// A form field: name and value.
type FormField = (&'static str, &'static str);

const GOOD_V1: [(&str, &str); 4] = [
    ("grant_type", "client_credentials"),
    ("client_id", "contoso-app"),
    ("client_secret", "contoso-secret"),
    ("resource", "https://cloudpartner.azure.com"),
];

const GOOD_V2: [(&str, &str); 4] = [
    ("grant_type", "client_credentials"),
    ("client_id", "contoso-app"),
    ("client_secret", "contoso-secret"),
    ("scope", "https://cloudpartner.azure.com/.default"),
];

#[tokio::test]
async fn v1_issues_the_scenario_token() {
    let emulator = start_default().await;
    let (status, body) = post_form(&emulator, V1, &GOOD_V1).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["access_token"], emulator.token());
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3599);
    assert_eq!(body["resource"], "https://cloudpartner.azure.com");
    let expires_on: i64 = body["expires_on"].as_str().unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (expires_on - now - 3599).abs() <= 5,
        "{expires_on} vs {now}"
    );

    // The issued token opens the status endpoint.
    let token = body["access_token"].as_str().unwrap();
    let response = client()
        .get(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn v2_issues_the_scenario_token() {
    let emulator = start_default().await;
    let (status, body) = post_form(&emulator, V2, &GOOD_V2).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["access_token"], emulator.token());
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3599);
    assert!(body.get("resource").is_none());
}

#[tokio::test]
async fn wrong_credentials_are_invalid_clients() {
    let emulator = start_default().await;
    let mut bad_secret = GOOD_V2;
    bad_secret[2] = ("client_secret", "nope");
    let mut unknown_client = GOOD_V2;
    unknown_client[1] = ("client_id", "someone-else");
    let cases: [(&str, &[FormField], &str); 4] = [
        (V2, &bad_secret, "AADSTS7000215"),
        (V2, &unknown_client, "AADSTS700016"),
        (V2, &[GOOD_V2[0], GOOD_V2[1], GOOD_V2[3]], "AADSTS7000216"),
        ("/other-tenant/oauth2/token", &GOOD_V1, "AADSTS90002"),
    ];
    for (path, form, code) in cases {
        let (status, body) = post_form(&emulator, path, form).await;
        assert_eq!(status, 401, "{body}");
        assert_eq!(body["error"], "invalid_client");
        let description = body["error_description"].as_str().unwrap();
        assert!(description.starts_with(code), "{description}");
        assert!(!description.contains("contoso-secret"));
    }
}

#[tokio::test]
async fn malformed_requests_are_bad_requests() {
    let emulator = start_default().await;
    let mut password_grant = GOOD_V1;
    password_grant[0] = ("grant_type", "password");
    let (status, body) = post_form(&emulator, V1, &password_grant).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "unsupported_grant_type");

    let (status, body) = post_form(&emulator, V1, &GOOD_V1[..3]).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_request");
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("'resource'")
    );

    let mut bad_scope = GOOD_V2;
    bad_scope[3] = ("scope", "https://cloudpartner.azure.com");
    let (status, body) = post_form(&emulator, V2, &bad_scope).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_scope");

    let response = client()
        .post(format!("{}{V2}", emulator.base_url()))
        .body("not a form")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn faults_do_not_apply_to_token_endpoints() {
    let emulator = start_default().await;
    emulator.add_fault(Fault::new(FaultKind::Status {
        status: 503,
        retry_after_seconds: None,
    }));
    emulator.add_fault(Fault::new(FaultKind::Reset));
    let (status, _) = post_form(&emulator, V1, &GOOD_V1).await;
    assert_eq!(status, 200);
    let response = client()
        .get(status_url(&emulator, "contoso", "live-offer"))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
}
