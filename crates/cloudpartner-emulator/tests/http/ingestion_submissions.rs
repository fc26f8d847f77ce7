//! Jobs and submissions on the emulator's clock: the job's states, a
//! preview running with its job, one submission at a time, live only from
//! the latest succeeded preview, failed certification, cancel.

use std::time::Duration;

use serde_json::{Value, json};

use crate::ingestion_support::{
    configure, get_ok, post, product_id, start_scaled, start_scenario, submission, tech_config,
    wait_for_job,
};

const WAIT: Duration = Duration::from_secs(20);

/// `vm-release` published, previews of 20 simulated seconds, live of 10.
fn scenario(outcome: &str) -> String {
    format!(
        r#"{{"ingestion": {{"products": {{"vm-release": {{"published": true,
            "plans": {{"standard": {{"versions": ["1.0.0"]}}}},
            "preview": {{"seconds": 20, "outcome": "{outcome}"}}, "live": {{"seconds": 10}}}}}}}}}}"#
    )
}

/// The submission entry of a target.
async fn entry(emulator: &cloudpartner_emulator::Emulator, guid: &str, target: &str) -> Value {
    let list = get_ok(emulator, &format!("submission/{guid}")).await;
    list["value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["target"]["targetType"] == target)
        .cloned()
        .unwrap_or(Value::Null)
}

async fn status(emulator: &cloudpartner_emulator::Emulator, job: &str) -> Value {
    get_ok(emulator, &format!("configure/{job}/status")).await
}

#[tokio::test]
async fn a_job_runs_then_completes_in_about_ten_simulated_seconds() {
    let emulator = start_scaled(10.0).await;
    let product = product_id(&emulator, "vm-new").await;
    let guid = product.trim_start_matches("product/");
    let tree = get_ok(&emulator, &format!("resource-tree/product/{guid}")).await;
    let job = configure(&emulator, vec![tech_config(&tree, "standard")]).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let running = status(&emulator, &job).await;
    assert_eq!(running["jobStatus"], "running");
    assert_eq!(running["jobResult"], "pending");
    assert_eq!(running["jobEnd"], "0001-01-01T00:00:00");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let done = status(&emulator, &job).await;
    assert_eq!(done["jobStatus"], "completed");
    assert_eq!(done["jobResult"], "succeeded");
    assert_ne!(done["jobEnd"], "0001-01-01T00:00:00");
}

#[tokio::test]
async fn a_preview_runs_with_its_job_and_blocks_a_second_submission() {
    let emulator = start_scenario(&scenario("succeeded"), 10.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/").to_owned();
    let before = entry(&emulator, &guid, "preview").await;
    let job = configure(&emulator, vec![submission(&product, "preview")]).await;
    let preview = entry(&emulator, &guid, "preview").await;
    assert_eq!(preview["status"], "running");
    assert_eq!(preview["result"], "pending");
    assert_ne!(preview["id"], before["id"]);
    // Past the ten seconds of a plain job, the job runs as long as the preview.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(status(&emulator, &job).await["jobStatus"], "running");
    // A second submission while one runs: the job fails.
    let second = configure(&emulator, vec![submission(&product, "live")]).await;
    let failed = wait_for_job(&emulator, &second, WAIT).await;
    assert_eq!(failed["jobResult"], "failed");
    assert_eq!(failed["errors"][0]["code"], "conflict");
    assert_eq!(
        failed["errors"][0]["message"],
        "An In Progress submission already exists"
    );
    assert_eq!(failed["errors"][0]["resourceId"], preview["id"]);
    assert!(failed["errors"][0]["details"].is_array());
    let done = wait_for_job(&emulator, &job, WAIT).await;
    assert_eq!(done["jobResult"], "succeeded");
    let preview = entry(&emulator, &guid, "preview").await;
    assert_eq!(
        (preview["status"].as_str(), preview["result"].as_str()),
        (Some("completed"), Some("succeeded"))
    );
    // Live from the latest succeeded preview: a stale id is "not the latest".
    let mut stale = submission(&product, "live");
    stale["id"] = before["id"].clone();
    let failed = wait_for_job(&emulator, &configure(&emulator, vec![stale]).await, WAIT).await;
    assert_eq!(failed["errors"][0]["code"], "conflict");
    assert_eq!(
        failed["errors"][0]["message"],
        "The submission cannot be pushed to as its not the latest"
    );
    let mut live = preview.clone();
    live["target"] = json!({"targetType": "live"});
    let job = configure(&emulator, vec![live]).await;
    assert_eq!(entry(&emulator, &guid, "live").await["status"], "running");
    assert_eq!(
        wait_for_job(&emulator, &job, WAIT).await["jobResult"],
        "succeeded"
    );
    assert_eq!(entry(&emulator, &guid, "live").await["id"], preview["id"]);
}

#[tokio::test]
async fn a_never_published_product_cannot_go_live() {
    let emulator = start_scaled(100_000.0).await;
    let product = product_id(&emulator, "vm-new").await;
    let mut live = submission(&product, "live");
    live["id"] = json!(format!("{}/0", product.replace("product/", "submission/")));
    let failed = wait_for_job(&emulator, &configure(&emulator, vec![live]).await, WAIT).await;
    assert_eq!(failed["jobResult"], "failed");
    assert_eq!(
        failed["errors"][0]["message"],
        "The submission cannot be pushed to as its not the latest"
    );
    let draft = wait_for_job(
        &emulator,
        &configure(&emulator, vec![submission(&product, "draft")]).await,
        WAIT,
    )
    .await;
    assert_eq!(draft["errors"][0]["code"], "invalidRequest");
}

/// Whether an error, or one of its details at any depth, is a certification failure.
fn is_certification(error: &Value) -> bool {
    (error["code"] == "invalidState"
        && error["message"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("certification"))
        || error["details"]
            .as_array()
            .unwrap()
            .iter()
            .any(is_certification)
}

#[tokio::test]
async fn a_failed_certification_fails_the_preview_and_its_job() {
    let emulator = start_scenario(&scenario("certificationFailed"), 1000.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/");
    let job = configure(&emulator, vec![submission(&product, "preview")]).await;
    let failed = wait_for_job(&emulator, &job, WAIT).await;
    assert_eq!(failed["jobResult"], "failed");
    let errors = failed["errors"].as_array().unwrap();
    assert!(errors.iter().any(is_certification), "{failed}");
    assert_ne!(errors[0]["code"], "invalidState", "nested, not at the top");
    let preview = entry(&emulator, guid, "preview").await;
    assert_eq!(
        (preview["status"].as_str(), preview["result"].as_str()),
        (Some("completed"), Some("failed"))
    );
    // Live still needs a succeeded preview.
    let mut live = preview.clone();
    live["target"] = json!({"targetType": "live"});
    let failed = wait_for_job(&emulator, &configure(&emulator, vec![live]).await, WAIT).await;
    assert_eq!(
        failed["errors"][0]["message"],
        "The submission cannot be pushed to as its not the latest"
    );
}

#[tokio::test]
async fn a_running_job_can_be_cancelled_once() {
    let emulator = start_scaled(1.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/").to_owned();
    let tree = get_ok(&emulator, &format!("resource-tree/product/{guid}")).await;
    let mut config = tech_config(&tree, "byol");
    config["openPorts"] = json!([{"label": "ssh", "portRange": "22", "protocol": "tcp"}]);
    let job = configure(&emulator, vec![config.clone()]).await;
    let (code, cancelled) = post(&emulator, &format!("configure/{job}/cancel"), &json!({})).await;
    assert_eq!(code, 200, "{cancelled}");
    assert_eq!(cancelled["jobStatus"], "completed");
    assert_eq!(cancelled["jobResult"], "cancelled");
    assert_ne!(cancelled["jobEnd"], "0001-01-01T00:00:00");
    assert_eq!(status(&emulator, &job).await["jobResult"], "cancelled");
    let (code, error) = post(&emulator, &format!("//configure/{job}/cancel"), &json!({})).await;
    assert_eq!(code, 400);
    assert_eq!(
        error,
        json!({"error": {"code": "badRequest", "message": "Cannot cancel job, job has already completed.", "details": []}})
    );
    let stored = get_ok(&emulator, config["id"].as_str().unwrap()).await;
    assert_eq!(
        stored["openPorts"],
        json!([]),
        "a cancelled job stores nothing"
    );
    // Cancelling a preview push puts the previous preview back.
    let before = entry(&emulator, &guid, "preview").await;
    let job = configure(&emulator, vec![submission(&product, "preview")]).await;
    assert_eq!(
        entry(&emulator, &guid, "preview").await["status"],
        "running"
    );
    let (code, _) = post(&emulator, &format!("configure/{job}/cancel"), &json!({})).await;
    assert_eq!(code, 200);
    assert_eq!(entry(&emulator, &guid, "preview").await, before);
    let (code, _) = post(&emulator, "configure/nope/cancel", &json!({})).await;
    assert_eq!(code, 404);
}
