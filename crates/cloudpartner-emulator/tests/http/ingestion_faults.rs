//! Faults on the `ingestion.*` routes, the request log of those routes,
//! Graph tokens from the token endpoint, and scenario errors of the
//! `ingestion` part.

use cloudpartner_emulator::{Fault, FaultKind, FaultRoute, Scenario};
use serde_json::{Value, json};

use crate::ingestion_support::{
    configure_body, get, post, product_id, start_scaled, start_scenario,
};
use crate::support::client;

#[tokio::test]
async fn faults_apply_by_route_with_the_api_error_shape() {
    let emulator = start_scaled(1000.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/").to_owned();
    let routes: Vec<(&str, FaultRoute, &str, bool)> = vec![
        (
            "ingestion.product",
            FaultRoute::IngestionProduct,
            "product",
            false,
        ),
        (
            "ingestion.tree",
            FaultRoute::IngestionTree,
            "resource-tree/product/{guid}",
            false,
        ),
        (
            "ingestion.resource",
            FaultRoute::IngestionResource,
            "{product}",
            false,
        ),
        (
            "ingestion.submission",
            FaultRoute::IngestionSubmission,
            "submission/{guid}",
            false,
        ),
        (
            "ingestion.configure",
            FaultRoute::IngestionConfigure,
            "configure",
            true,
        ),
    ];
    for (name, route, path, is_post) in routes {
        assert_eq!(route.name(), name);
        emulator.add_fault(
            Fault::new(FaultKind::Status {
                status: 503,
                retry_after_seconds: Some(2),
            })
            .for_route(route)
            .times(1),
        );
        let path = path.replace("{guid}", &guid).replace("{product}", &product);
        let (status, body) = if is_post {
            post(&emulator, &path, &configure_body(vec![])).await
        } else {
            get(&emulator, &path).await
        };
        assert_eq!(status, 503, "{name}");
        assert_eq!(
            body,
            json!({"error": {"code": "serviceUnavailable", "message": "The service is temporarily unavailable. Retry later.", "details": []}})
        );
        // Used up: the route answers again, and other routes were never hit.
        let (status, _) = if is_post {
            post(&emulator, &path, &configure_body(vec![])).await
        } else {
            get(&emulator, &path).await
        };
        assert!(status == 200 || status == 202, "{name}: {status}");
    }
}

#[tokio::test]
async fn job_and_cancel_faults_and_scenario_faults_by_offer() {
    let emulator = start_scenario(
        r#"{"ingestion": {"products": {"vm-a": {}, "vm-b": {}}},
            "faults": [{"kind": "status", "status": 429, "route": "ingestion.tree", "offerId": "vm-b"},
                       {"kind": "status", "status": 500, "route": "ingestion.job", "times": 1},
                       {"kind": "malformed", "route": "ingestion.cancel", "times": 1}]}"#,
        1.0,
    )
    .await;
    let a = product_id(&emulator, "vm-a").await.replace("product/", "");
    let b = product_id(&emulator, "vm-b").await.replace("product/", "");
    assert_eq!(
        get(&emulator, &format!("resource-tree/product/{a}"))
            .await
            .0,
        200
    );
    let (status, body) = get(&emulator, &format!("resource-tree/product/{b}")).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("tooManyRequests"))
    );
    let (_, job) = post(&emulator, "configure", &configure_body(vec![])).await;
    let job = job["jobId"].as_str().unwrap().to_owned();
    assert_eq!(
        get(&emulator, &format!("configure/{job}/status")).await.0,
        500
    );
    assert_eq!(
        get(&emulator, &format!("configure/{job}/status")).await.0,
        200
    );
    // A malformed cancel response: the cancel acted all the same.
    let response = client()
        .post(format!(
            "{}/configure/{job}/cancel",
            emulator.ingestion_base_url()
        ))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");
    let (_, status) = get(&emulator, &format!("configure/{job}/status")).await;
    assert_eq!(status["jobResult"], "cancelled");
}

#[tokio::test]
async fn the_request_log_records_ingestion_routes_and_configure_bodies() {
    let emulator = start_scaled(1.0).await;
    get(&emulator, "product?externalid=vm-new").await;
    post(&emulator, "/configure", &configure_body(vec![])).await;
    let requests = emulator.requests();
    let read = requests.iter().find(|r| r.method == "GET").unwrap();
    assert_eq!(read.path, "/rp/product-ingestion/product");
    assert_eq!(read.query.as_deref(), Some("externalid=vm-new"));
    assert_eq!(read.body, None);
    let write = requests.iter().find(|r| r.method == "POST").unwrap();
    assert_eq!(write.path, "/rp/product-ingestion//configure");
    assert_eq!(write.body_json(), Some(configure_body(vec![])));
}

/// POSTs a form to the token endpoint: status and JSON body.
async fn token(
    emulator: &cloudpartner_emulator::Emulator,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, Value) {
    let response = client()
        .post(format!("{}{path}", emulator.base_url()))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, crate::support::json_body(response).await.unwrap())
}

#[tokio::test]
async fn the_token_endpoint_issues_graph_tokens() {
    let emulator = start_scaled(1.0).await;
    let client_fields = [
        ("grant_type", "client_credentials"),
        ("client_id", "contoso-app"),
        ("client_secret", "contoso-secret"),
    ];
    for resource in [
        "https://graph.microsoft.com",
        "https://graph.microsoft.com/",
    ] {
        let mut form = client_fields.to_vec();
        form.push(("resource", resource));
        let (status, body) = token(&emulator, "/contoso-tenant/oauth2/token", &form).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["access_token"], emulator.token());
        assert_eq!(body["resource"], resource);
        assert!(body["expires_in"].is_u64());
        let expires_on: i64 = body["expires_on"]
            .as_str()
            .expect("an epoch string")
            .parse()
            .unwrap();
        assert!(expires_on > chrono::Utc::now().timestamp(), "{expires_on}");
    }
    let mut form = client_fields.to_vec();
    form.push(("scope", "https://graph.microsoft.com/.default"));
    let (status, body) = token(&emulator, "/contoso-tenant/oauth2/v2.0/token", &form).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["access_token"], emulator.token());
    assert!(body.get("expires_on").is_none());
    // The token works on the Product Ingestion API.
    let response = client()
        .get(format!("{}/product", emulator.ingestion_base_url()))
        .bearer_auth(body["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[test]
fn ingestion_scenario_errors_name_the_field_path() {
    let cases = [
        (
            r#"{"ingestion": {"products": {"vm-a": {"plans": {"p": {"versions": ["1.0"]}}}}}}"#,
            "ingestion.products.vm-a.plans.p.versions[0]: the version `1.0` must be N.N.N",
        ),
        (
            r#"{"ingestion": {"products": {"vm-a": {"plans": {"p": {"skus": [{"imageType": "x86", "skuId": "p"}]}}}}}}"#,
            "ingestion.products.vm-a.plans.p.skus[0].imageType: unknown variant `x86`",
        ),
        (
            r#"{"ingestion": {"products": {"vm-a": {"preview": {"outcome": "exploded"}}}}}"#,
            "ingestion.products.vm-a.preview.outcome: unknown variant `exploded`",
        ),
        (
            r#"{"ingestion": {"products": {"vm-a": {"live": {"seconds": -1}}}}}"#,
            "ingestion.products.vm-a.live.seconds: must not be negative",
        ),
        (
            r#"{"ingestion": {"products": {"vm-a": {"publishd": true}}}}"#,
            "ingestion.products.vm-a.publishd: unknown field `publishd`",
        ),
        (
            r#"{"ingestion": {"products": {"vm-a": {"plans": {"p": {"versions": ["1.0.0", "1.0.0"]}}}}}}"#,
            "ingestion.products.vm-a.plans.p: `versions` lists `1.0.0` twice",
        ),
        (
            r#"{"ingestion": {"product": {}}}"#,
            "ingestion.product: unknown field `product`",
        ),
    ];
    for (json, expected) in cases {
        let error = Scenario::from_json_str(json).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("scenario: {expected}")),
            "expected {expected:?}, got {error:?}"
        );
    }
    assert!(Scenario::from_json_str(r#"{"ingestion": {"products": {"VM": {}}}}"#).is_err());
}
