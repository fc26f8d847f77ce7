//! `POST configure`: the 202 and its status, malformed requests (400), and
//! each validation failure with its error code and message.

use std::time::Duration;

use serde_json::{Value, json};

use crate::ingestion_support::{
    configure, get, get_ok, post, post_text, product_id, start_scaled, submission, tech_config,
    version, wait_for_job,
};

const WAIT: Duration = Duration::from_secs(20);

/// The draft technical configuration of a plan of `vm-release`.
async fn draft_config(emulator: &cloudpartner_emulator::Emulator, plan: &str) -> Value {
    let product = product_id(emulator, "vm-release").await;
    let guid = product.trim_start_matches("product/");
    tech_config(
        &get_ok(emulator, &format!("resource-tree/product/{guid}")).await,
        plan,
    )
}

/// Configures `resources` and waits: the job's errors, asserting it failed.
async fn failure(emulator: &cloudpartner_emulator::Emulator, resources: Vec<Value>) -> Vec<Value> {
    let job = configure(emulator, resources).await;
    let status = wait_for_job(emulator, &job, WAIT).await;
    assert_eq!(status["jobResult"], "failed", "{status}");
    let errors = status["errors"].as_array().unwrap().clone();
    assert!(!errors.is_empty());
    for error in &errors {
        assert!(
            error["details"].is_array(),
            "every error has details: {error}"
        );
    }
    errors
}

#[tokio::test]
async fn configure_answers_202_with_a_not_started_job() {
    let emulator = start_scaled(1.0).await;
    let config = draft_config(&emulator, "standard").await;
    let (status, body) = post(
        &emulator,
        "/configure",
        &json!({"$schema": "https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2", "resources": [config]}),
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(body["jobStatus"], "notStarted");
    assert_eq!(body["jobResult"], "pending");
    assert_eq!(body["jobEnd"], "0001-01-01T00:00:00");
    assert_eq!(body["errors"], json!([]));
    assert!(body["jobStart"].as_str().unwrap().ends_with('Z'));
    let job = body["jobId"].as_str().unwrap();
    assert!(uuid_like(job), "{job}");
    assert_eq!(
        body["$schema"],
        "https://schema.mp.microsoft.com/schema/configure-status/2022-03-01-preview2"
    );
    // The detail is there only once the job completed.
    let (status, detail) = get(&emulator, &format!("configure/{job}")).await;
    assert_eq!(status, 400, "{detail}");
    let (status, _) = get(&emulator, "configure/nope/status").await;
    assert_eq!(status, 404);
}

fn uuid_like(text: &str) -> bool {
    text.len() == 36 && text.chars().filter(|c| *c == '-').count() == 4
}

#[tokio::test]
async fn malformed_requests_are_400_with_details() {
    let emulator = start_scaled(1.0).await;
    for body in [
        "not json",
        "{}",
        r#"{"resources": {}}"#,
        r#"{"resources": [1]}"#,
    ] {
        let (status, error) = post_text(&emulator, "configure", body).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(error["error"]["code"], "badRequest");
        assert_eq!(error["error"]["details"], json!([]));
    }
    assert!(
        emulator
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.body.as_deref() == Some(b"not json".as_slice()))
    );
}

#[tokio::test]
async fn a_completed_job_details_what_it_stored() {
    let emulator = start_scaled(10_000.0).await;
    let mut config = draft_config(&emulator, "byol").await;
    config["vmImageVersions"]
        .as_array_mut()
        .unwrap()
        .push(version(
            "2.0.0",
            &["x64Gen2"],
            "https://x.blob.core.windows.net/v/2.vhd",
        ));
    config["x-unknown"] = json!({"kept": [1, 2.5]});
    let job = configure(&emulator, vec![config.clone()]).await;
    wait_for_job(&emulator, &job, WAIT).await;
    let detail = get_ok(&emulator, &format!("configure/{job}")).await;
    assert_eq!(detail["resources"], json!([config]));
    assert_eq!(
        get_ok(&emulator, config["id"].as_str().unwrap()).await,
        config,
        "lossless"
    );
}

#[tokio::test]
async fn each_validation_failure_has_its_code_and_message() {
    let emulator = start_scaled(10_000.0).await;
    let config = draft_config(&emulator, "standard").await;
    let id = config["id"].as_str().unwrap().to_owned();
    let with_versions = |versions: Value| {
        let mut config = config.clone();
        config["vmImageVersions"] = versions;
        config
    };
    let published = config["vmImageVersions"][0].clone();
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"$schema": "https://schema.mp.microsoft.com/schema/container-plan-technical-configuration/2022-03-01-preview2", "product": "x"}),
            "schemaValidationError",
            "names no resource type of a virtual machine product",
        ),
        (
            json!({"id": id}),
            "schemaValidationError",
            "has no '$schema'",
        ),
        (
            with_versions(json!([
                published,
                version("1.1", &["x64Gen1"], "https://x/y.vhd")
            ])),
            "schemaValidationError",
            "The versionNumber '1.1' does not match",
        ),
        (
            with_versions(json!([
                published,
                version("1.1.0", &["arm64Gen2"], "https://x/y.vhd")
            ])),
            "businessValidationError",
            "The image type 'arm64Gen2' of version '1.1.0' is not among the plan's SKUs (x64Gen1, x64Gen2).",
        ),
        (
            with_versions(json!([
                published,
                version("1.1.0", &["x64Gen1"], "http://x/y.vhd")
            ])),
            "businessValidationError",
            "The osDisk uri of version '1.1.0' (x64Gen1) must be an https URL.",
        ),
        (
            with_versions(json!([version("1.1.0", &["x64Gen1"], "https://x/y.vhd")])),
            "businessValidationError",
            "The image version '1.0.0' was published and cannot be deleted",
        ),
        (
            {
                let mut config = with_versions(json!([published]));
                config["plan"] = json!("plan/nope/nope");
                config
            },
            "resourceNotFound",
            "The plan \"plan/nope/nope\" was not found",
        ),
        (
            {
                let mut config = config.clone();
                config["product"] = json!({"externalId": "no-such-offer"});
                config
            },
            "resourceNotFound",
            "The product {\"externalId\":\"no-such-offer\"} was not found.",
        ),
        (
            {
                let mut config = config.clone();
                config["id"] = json!("plan/a/b");
                config
            },
            "invalidId",
            "does not name a resource of type",
        ),
    ];
    for (resource, code, message) in cases {
        let errors = failure(&emulator, vec![resource.clone()]).await;
        assert_eq!(errors[0]["code"], code, "{resource}: {errors:?}");
        let text = errors[0]["message"].as_str().unwrap();
        assert!(text.contains(message), "expected {message:?} in {text:?}");
        assert!(errors[0]["resourceId"].is_string());
    }
    // Nothing was stored by a failed job.
    assert_eq!(draft_config(&emulator, "standard").await, config);
}

#[tokio::test]
async fn a_deprecation_is_restored_only_for_a_version_that_went_live() {
    let emulator = start_scaled(100_000.0).await;
    let product = product_id(&emulator, "vm-release").await;
    let mut config = draft_config(&emulator, "standard").await;
    // 1.0.0 is live: deprecate it, then restore it.
    config["vmImageVersions"][0]["lifecycleState"] = json!("deprecated");
    config["vmImageVersions"][0]["deprecationSchedule"] =
        json!({"dateOffset": "P90D", "reason": "other"});
    let job = configure(&emulator, vec![config.clone()]).await;
    assert_eq!(
        wait_for_job(&emulator, &job, WAIT).await["jobResult"],
        "succeeded"
    );
    let mut restored = config.clone();
    restored["vmImageVersions"][0] =
        draft_config(&emulator, "standard").await["vmImageVersions"][0].clone();
    restored["vmImageVersions"][0]["lifecycleState"] = json!("generallyAvailable");
    restored["vmImageVersions"][0]
        .as_object_mut()
        .unwrap()
        .remove("deprecationSchedule");
    let job = configure(&emulator, vec![restored]).await;
    assert_eq!(
        wait_for_job(&emulator, &job, WAIT).await["jobResult"],
        "succeeded"
    );
    // 1.1.0 goes to preview, is deprecated before going live, and cannot be restored.
    let mut config = draft_config(&emulator, "standard").await;
    config["vmImageVersions"]
        .as_array_mut()
        .unwrap()
        .push(version("1.1.0", &["x64Gen1"], "https://x/1.1.0.vhd"));
    let job = configure(&emulator, vec![config.clone()]).await;
    wait_for_job(&emulator, &job, WAIT).await;
    let job = configure(&emulator, vec![submission(&product, "preview")]).await;
    assert_eq!(
        wait_for_job(&emulator, &job, WAIT).await["jobResult"],
        "succeeded"
    );
    config["vmImageVersions"][1]["lifecycleState"] = json!("deprecated");
    let job = configure(&emulator, vec![config.clone()]).await;
    assert_eq!(
        wait_for_job(&emulator, &job, WAIT).await["jobResult"],
        "succeeded"
    );
    config["vmImageVersions"][1]["lifecycleState"] = json!("generallyAvailable");
    let errors = failure(&emulator, vec![config]).await;
    assert_eq!(errors[0]["code"], "businessValidationError");
    assert_eq!(
        errors[0]["message"],
        "Image version '1.1.0' cannot be restored because it was deprecated before it was published to live."
    );
}
