//! Helpers of the Product Ingestion API tests: raw HTTP with reqwest.

use std::time::{Duration, Instant};

use cloudpartner_emulator::{Emulator, Scenario};
use serde_json::Value;

use crate::support::{client, json_body};

/// Starts an emulator of the default scenario at this time scale.
pub async fn start_scaled(time_scale: f64) -> Emulator {
    Emulator::builder()
        .time_scale(time_scale)
        .start()
        .await
        .expect("the emulator starts")
}

/// Starts an emulator of the scenario in `json` at this time scale.
pub async fn start_scenario(json: &str, time_scale: f64) -> Emulator {
    let scenario = Scenario::from_json_str(json).expect("a valid test scenario");
    Emulator::builder()
        .scenario(scenario)
        .time_scale(time_scale)
        .start()
        .await
        .expect("the emulator starts")
}

/// The URL of `path` (relative, e.g. `product?externalId=x`) under the
/// Product Ingestion base URL.
pub fn url(emulator: &Emulator, path: &str) -> String {
    format!("{}/{path}", emulator.ingestion_base_url())
}

/// GETs a path with the emulator's token: status and JSON body.
pub async fn get(emulator: &Emulator, path: &str) -> (u16, Value) {
    let response = client()
        .get(url(emulator, path))
        .bearer_auth(emulator.token())
        .header("accept", "application/json")
        .send()
        .await
        .expect("a response");
    let status = response.status().as_u16();
    (status, json_body(response).await.expect("a JSON body"))
}

/// GETs a path that must answer 200, and its JSON body.
pub async fn get_ok(emulator: &Emulator, path: &str) -> Value {
    let (status, body) = get(emulator, path).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

/// POSTs JSON to a path with the emulator's token: status and JSON body.
pub async fn post(emulator: &Emulator, path: &str, body: &Value) -> (u16, Value) {
    post_text(emulator, path, &body.to_string()).await
}

/// POSTs text to a path with the emulator's token: status and JSON body.
pub async fn post_text(emulator: &Emulator, path: &str, body: &str) -> (u16, Value) {
    let response = client()
        .post(url(emulator, path))
        .bearer_auth(emulator.token())
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("a response");
    let status = response.status().as_u16();
    (status, json_body(response).await.expect("a JSON body"))
}

/// The configure body of these resources.
pub fn configure_body(resources: Vec<Value>) -> Value {
    serde_json::json!({
        "$schema": "https://schema.mp.microsoft.com/schema/configure/2022-07-01",
        "resources": resources
    })
}

/// POSTs a configure request that must be accepted (202): the job id.
pub async fn configure(emulator: &Emulator, resources: Vec<Value>) -> String {
    let (status, body) = post(emulator, "configure", &configure_body(resources)).await;
    assert_eq!(status, 202, "{body}");
    body["jobId"].as_str().expect("a job id").to_owned()
}

/// Polls a job's status until it completes (within `timeout`).
pub async fn wait_for_job(emulator: &Emulator, job_id: &str, timeout: Duration) -> Value {
    let deadline = Instant::now() + timeout;
    loop {
        let status = get_ok(emulator, &format!("configure/{job_id}/status")).await;
        if status["jobStatus"] == "completed" {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "the job did not complete: {status}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The durable id of a product, `product/<guid>`, by its external id.
pub async fn product_id(emulator: &Emulator, offer: &str) -> String {
    let list = get_ok(emulator, &format!("product?externalId={offer}")).await;
    list["value"][0]["id"]
        .as_str()
        .expect("a product")
        .to_owned()
}

/// The resource of a tree whose `$schema` names `resource_type` and that
/// satisfies `pick`.
pub fn find_resource<'a>(
    tree: &'a Value,
    resource_type: &str,
    pick: impl Fn(&Value) -> bool,
) -> &'a Value {
    tree["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|resource| {
            resource["$schema"]
                .as_str()
                .is_some_and(|schema| schema.contains(&format!("/schema/{resource_type}/")))
                && pick(resource)
        })
        .unwrap_or_else(|| panic!("no {resource_type} in {tree}"))
}

/// The technical configuration of a plan (by external id) in a tree.
pub fn tech_config(tree: &Value, plan: &str) -> Value {
    let plan_id =
        find_resource(tree, "plan", |r| r["identity"]["externalId"] == plan)["id"].clone();
    find_resource(tree, "virtual-machine-plan-technical-configuration", |r| {
        r["plan"] == plan_id
    })
    .clone()
}

/// A submission resource of a product.
pub fn submission(product: &str, target: &str) -> Value {
    serde_json::json!({
        "$schema": "https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2",
        "product": product,
        "target": {"targetType": target}
    })
}

/// A version of a technical configuration with one image per image type.
pub fn version(number: &str, image_types: &[&str], uri: &str) -> Value {
    serde_json::json!({
        "versionNumber": number,
        "vmImages": image_types.iter().map(|image_type| serde_json::json!({
            "imageType": image_type,
            "source": {"sourceType": "sasUri", "osDisk": {"uri": uri}, "dataDisks": []}
        })).collect::<Vec<Value>>(),
        "lifecycleState": "generallyAvailable"
    })
}
