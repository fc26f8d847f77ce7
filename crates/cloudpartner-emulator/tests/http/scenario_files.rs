//! Scenario files: errors that name the file and the field, and files that work.

use cloudpartner_emulator::{Emulator, Scenario};

use crate::support::status_document;

/// A scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let directory = std::env::temp_dir().join(format!(
        "cloudpartner-emulator-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&directory).unwrap();
    directory
}

#[test]
fn errors_name_the_file_and_the_field_path() {
    let directory = scratch("errors");
    let path = directory.join("scenario.json");
    std::fs::write(
        &path,
        r#"{"publishers": {"contoso": {"offers": {"vm-offer": {"publish": {"steps": [
            {"id": "a", "stepName": "A", "durationSeconds": 1},
            {"id": "b", "stepName": "B", "durationSeconds": "x"}
        ]}}}}}}"#,
    )
    .unwrap();
    let error = Scenario::from_file(&path).unwrap_err();
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(
            "publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds: invalid type: string \"x\", expected f64"
        ),
        "{message}"
    );
    assert_eq!(
        error.field_path(),
        Some("publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds")
    );
    let as_error: &dyn std::error::Error = &error;
    assert_eq!(as_error.to_string(), message);
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn semantic_mistakes_are_reported() {
    let cases = [
        (
            r#"{"faults": [{"kind": "explode"}]}"#,
            "faults[0].kind: unknown variant `explode`",
        ),
        (
            r#"{"publishers": {"p": {"offers": {"o": {"publish": {"steps": [{"id": "a", "stepName": "A", "durationSeconds": -1}]}}}}}}"#,
            "steps[0].durationSeconds: must not be negative",
        ),
        (
            r#"{"publishers": {"p": {"offers": {"o": {"publish": {"steps": [{"id": "a", "stepName": "A", "durationSeconds": 1, "outcome": "lost"}]}}}}}}"#,
            "steps[0].outcome: unknown variant `lost`",
        ),
        (r#"{"tokn": "x"}"#, "unknown field `tokn`"),
    ];
    for (json, expected) in cases {
        let message = Scenario::from_json_str(json).unwrap_err().to_string();
        assert!(
            message.contains(expected),
            "expected {expected:?} in {message:?}"
        );
    }
}

#[tokio::test]
async fn a_scenario_file_is_served() {
    let directory = scratch("served");
    let path = directory.join("scenario.json");
    std::fs::write(
        &path,
        r#"{"token": "file-token", "publishers": {"p": {"offers": {"o": {"status": {"status": "canceled"}}}}}}"#,
    )
    .unwrap();
    let scenario = Scenario::from_file(&path).unwrap();
    std::fs::remove_dir_all(&directory).unwrap();
    let emulator = Emulator::builder()
        .scenario(scenario)
        .start()
        .await
        .unwrap();
    assert_eq!(emulator.token(), "file-token");
    assert_eq!(
        status_document(&emulator, "p", "o").await["status"],
        "canceled"
    );
}

/// The `json` blocks of the repository's `docs/emulator.md`.
fn documented_scenarios() -> Vec<String> {
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/emulator.md"),
    )
    .unwrap();
    page.split("```json\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_documented_scenario_runs_as_written() {
    let blocks = documented_scenarios();
    assert!(!blocks.is_empty(), "docs/emulator.md has no json block");
    for block in &blocks {
        Scenario::from_json_str(block).unwrap_or_else(|error| panic!("{error}\n{block}"));
    }
    let scenario = Scenario::from_json_str(&blocks[0]).unwrap();
    assert_eq!(scenario.token(), "release-test-token");
    assert_eq!(scenario.time_scale(), 10_000.0);
    let offers: Vec<String> = scenario
        .offer_ids()
        .into_iter()
        .map(|(publisher, offer)| format!("{publisher}/{offer}"))
        .collect();
    assert_eq!(
        offers,
        ["contoso/certifying-vm", "contoso/live-vm", "contoso/my-vm"]
    );
    assert_eq!(
        scenario.ingestion_product_ids(),
        ["my-product", "new-product"]
    );
    // What the page says of them: the live offer's status, the document's draft.
    let emulator = crate::support::start(&blocks[0]).await;
    let live = status_document(&emulator, "contoso", "live-vm").await;
    assert_eq!(live["status"], "succeeded");
    let draft = emulator
        .offer_document("contoso", "my-vm", cloudpartner_emulator::OfferSlot::Draft)
        .unwrap();
    assert_eq!(draft["definition"]["displayText"], "My VM");
    emulator.stop().await;
}
