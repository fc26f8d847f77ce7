//! A release from draft to live over raw HTTP, as azure-img-utils and
//! cloudpub drive it: resolve the product, read the draft tree, add a
//! version to a technical configuration, configure and wait, submit to
//! preview and wait, go live with the preview's id and wait, read live.

use std::time::Duration;

use serde_json::Value;

use crate::ingestion_support::{
    configure, get_ok, product_id, start_scaled, submission, tech_config, url, version,
    wait_for_job,
};
use crate::support::client;

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test]
async fn a_version_goes_from_draft_to_live() {
    let emulator = start_scaled(100_000.0).await;
    // azure-img-utils: lower-case key, no $version.
    let list = get_ok(&emulator, "product?externalid=vm-release").await;
    let product = list["value"][0]["id"].as_str().unwrap().to_owned();
    let guid = product.trim_start_matches("product/").to_owned();
    assert_eq!(product, product_id(&emulator, "vm-release").await);

    // Read the draft (azure-img-utils' double slash) and add 1.1.0 to `standard`.
    let draft = get_ok(
        &emulator,
        &format!("/resource-tree/product/{guid}?targetType=draft"),
    )
    .await;
    let mut config = tech_config(&draft, "standard");
    let uri = "https://example.blob.core.windows.net/vhds/1.1.0.vhd?sv=2022-11-02&sig=s3cr3t";
    config["vmImageVersions"]
        .as_array_mut()
        .unwrap()
        .push(version("1.1.0", &["x64Gen1", "x64Gen2"], uri));
    config["$schema"] = Value::from(
        "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview5",
    );
    let job = configure(&emulator, vec![config.clone()]).await;
    let status = wait_for_job(&emulator, &job, WAIT).await;
    assert_eq!(status["jobResult"], "succeeded", "{status}");
    assert_eq!(
        get_ok(&emulator, config["id"].as_str().unwrap()).await,
        config
    );

    // Publish to preview (cloudpub sends the draft submission with its id).
    let mut preview = submission(&product, "preview");
    preview["id"] = Value::from(format!("submission/{guid}/0"));
    let job = configure(&emulator, vec![preview]).await;
    let entries = get_ok(&emulator, &format!("submission/{guid}")).await;
    let running = entries["value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["target"]["targetType"] == "preview")
        .unwrap()
        .clone();
    assert_eq!(
        running["status"], "running",
        "running from the moment it is accepted"
    );
    let status = wait_for_job(&emulator, &job, WAIT).await;
    assert_eq!(status["jobResult"], "succeeded", "{status}");
    let entries = get_ok(&emulator, &format!("submission/{guid}")).await;
    let entries = entries["value"].as_array().unwrap();
    let preview_entry = entries
        .iter()
        .find(|e| e["target"]["targetType"] == "preview")
        .unwrap();
    let live_entry = entries
        .iter()
        .find(|e| e["target"]["targetType"] == "live")
        .unwrap();
    assert_eq!(preview_entry["result"], "succeeded");
    assert_ne!(
        preview_entry["id"], live_entry["id"],
        "a newer preview waits"
    );
    let preview_tree = get_ok(
        &emulator,
        &format!("resource-tree/product/{guid}?targetType=preview"),
    )
    .await;
    assert_eq!(
        tech_config(&preview_tree, "standard")["vmImageVersions"][1]["versionNumber"],
        "1.1.0"
    );
    let live_tree = get_ok(
        &emulator,
        &format!("resource-tree/product/{guid}?targetType=live"),
    )
    .await;
    assert_eq!(
        tech_config(&live_tree, "standard")["vmImageVersions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Go live with the preview's id, sending back its read-only fields (cloudpub).
    let mut live = preview_entry.clone();
    live["target"]["targetType"] = Value::from("live");
    let response = client()
        .post(url(&emulator, "configure?%24version=2022-07-01"))
        .bearer_auth(emulator.token())
        .header("content-type", "application/json")
        .body(crate::ingestion_support::configure_body(vec![live]).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 202);
    let body = crate::support::json_body(response).await.unwrap();
    let status = wait_for_job(&emulator, body["jobId"].as_str().unwrap(), WAIT).await;
    assert_eq!(status["jobResult"], "succeeded", "{status}");

    let live_tree = get_ok(
        &emulator,
        &format!("resource-tree/product/{guid}?targetType=live"),
    )
    .await;
    let versions = &tech_config(&live_tree, "standard")["vmImageVersions"];
    assert_eq!(versions[1]["versionNumber"], "1.1.0");
    assert_eq!(versions[1]["vmImages"][0]["source"]["osDisk"]["uri"], uri);
    let entries = get_ok(&emulator, &format!("submission/{guid}")).await;
    let entries = entries["value"].as_array().unwrap();
    let preview_entry = entries
        .iter()
        .find(|e| e["target"]["targetType"] == "preview")
        .unwrap();
    let live_entry = entries
        .iter()
        .find(|e| e["target"]["targetType"] == "live")
        .unwrap();
    assert_eq!(
        live_entry["id"], preview_entry["id"],
        "live keeps the preview's id"
    );
    assert_eq!(live_entry["status"], "completed");
    assert_eq!(live_entry["result"], "succeeded");
}
