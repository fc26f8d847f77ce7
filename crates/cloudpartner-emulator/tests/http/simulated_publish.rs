//! Simulated publishes on a fast clock.

use std::time::{Duration, Instant};

use cloudpartner_emulator::{DEFAULT_PUBLISH_SECONDS, Emulator};

use crate::support::{start, status_document};

/// Whether a timestamp looks like the service's: `2018-03-16T17:50:45.7215661Z`.
fn is_service_timestamp(timestamp: &str) -> bool {
    let bytes = timestamp.as_bytes();
    bytes.len() == 28
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && bytes[19] == b'.'
        && bytes[27] == b'Z'
        && bytes[20..27].iter().all(u8::is_ascii_digit)
}

/// Polls an offer until `done` says so or `limit` passes, returning every
/// document seen.
async fn poll_until(
    emulator: &Emulator,
    offer: &str,
    limit: Duration,
    done: impl Fn(&serde_json::Value) -> bool,
) -> Vec<serde_json::Value> {
    let deadline = Instant::now() + limit;
    let mut seen = Vec::new();
    loop {
        let document = status_document(emulator, "p", offer).await;
        let finished = done(&document);
        seen.push(document);
        if finished || Instant::now() > deadline {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(15)).await;
    }
}

#[tokio::test]
async fn a_publish_goes_from_not_started_through_running_to_succeeded() {
    // 1000 simulated seconds per real second: starts after 0.3 s, each step takes 0.3 s.
    let emulator = start(
        r#"{"timeScale": 1000, "publishers": {"p": {"offers": {"o": {
            "notificationEmails": "a@contoso.com",
            "publish": {"startedSecondsAgo": -300, "steps": [
                {"id": "one", "stepName": "One", "description": "First.", "estimatedTimeFrame": "< 15 min", "durationSeconds": 300},
                {"id": "two", "stepName": "Two", "estimatedTimeFrame": "< 1 hour", "durationSeconds": 300}
            ]}}}}}}"#,
    )
    .await;
    let seen = poll_until(&emulator, "o", Duration::from_secs(5), |document| {
        document["status"] == "succeeded"
    })
    .await;

    let mut states: Vec<&str> = seen.iter().map(|d| d["status"].as_str().unwrap()).collect();
    states.dedup();
    assert_eq!(states, ["notStarted", "running", "succeeded"]);

    let first = &seen[0];
    assert_eq!(first["steps"][0]["status"], "notStarted");
    assert_eq!(first["steps"][0]["progressPercentage"], 0);

    // Progress never goes backwards within the run.
    let progress: Vec<(u64, u64)> = seen
        .iter()
        .filter(|d| d["status"] == "running")
        .map(|d| {
            let step = d["steps"]
                .as_array()
                .unwrap()
                .iter()
                .position(|s| s["status"] == "inProgress")
                .unwrap() as u64;
            (
                step,
                d["steps"][step as usize]["progressPercentage"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect();
    assert!(!progress.is_empty());
    assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
    assert!(progress.iter().all(|(_, percentage)| *percentage < 100));

    let last = seen.last().unwrap();
    let steps = last["steps"].as_array().unwrap();
    for step in steps {
        assert_eq!(step["status"], "complete");
        assert_eq!(step["progressPercentage"], 100);
        let messages = step["messages"].as_array().unwrap();
        assert_eq!(messages[0]["messageHtml"], "Step started.");
        assert_eq!(messages[1]["messageHtml"], "Step completed.");
        for message in messages {
            assert_eq!(message["level"], "information");
            assert!(is_service_timestamp(message["timestamp"].as_str().unwrap()));
        }
    }
    assert_eq!(steps[0]["description"], "First.");
    assert_eq!(
        last["liveLinks"][0]["uri"],
        "https://azuremarketplace.microsoft.com/marketplace/apps/p.o"
    );
    assert_eq!(last["notificationEmails"], "a@contoso.com");
    let keys: Vec<&String> = last.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 6);
}

#[tokio::test]
async fn the_body_keys_come_in_the_service_order() {
    let emulator = start(
        r#"{"publishers": {"p": {"offers": {"o": {"publish": {"steps": [
            {"id": "one", "stepName": "One", "durationSeconds": 60}
        ]}}}}}}"#,
    )
    .await;
    let client = crate::support::client();
    let text = client
        .get(crate::support::status_url(&emulator, "p", "o"))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let order = [
        "\"status\"",
        "\"messages\"",
        "\"steps\"",
        "\"estimatedTimeFrame\"",
        "\"id\"",
        "\"stepName\"",
        "\"description\"",
        "\"progressPercentage\"",
        "\"previewLinks\"",
        "\"liveLinks\"",
        "\"notificationEmails\"",
    ];
    let positions: Vec<usize> = order.iter().map(|key| text.find(key).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[tokio::test]
async fn a_rejected_step_fails_the_offer_with_an_error_message() {
    let emulator = start(
        r#"{"publishers": {"p": {"offers": {"o": {"publish": {"startedSecondsAgo": 1000, "steps": [
            {"id": "displaydummycertify", "stepName": "Validate Pre-Requisites", "durationSeconds": 600},
            {"id": "displaycertify", "stepName": "Certification", "durationSeconds": 300, "outcome": "rejected"},
            {"id": "displayprovision", "stepName": "Provisioning", "durationSeconds": 600}
        ]}}}}}}"#,
    )
    .await;
    let document = status_document(&emulator, "p", "o").await;
    assert_eq!(document["status"], "failed");
    let steps = document["steps"].as_array().unwrap();
    assert_eq!(steps[0]["status"], "complete");
    assert_eq!(steps[1]["status"], "rejected");
    assert_eq!(steps[2]["status"], "notStarted");
    let error = &steps[1]["messages"][1];
    assert_eq!(error["level"], "error");
    assert!(
        error["messageHtml"]
            .as_str()
            .unwrap()
            .starts_with("<p>Certification failed")
    );
    assert!(document["liveLinks"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_review_step_parks_the_offer() {
    let emulator = start(
        r#"{"publishers": {"p": {"offers": {"o": {"publish": {"startedSecondsAgo": 1e9, "steps": [
            {"id": "displaypackage", "stepName": "Packaging", "durationSeconds": 60},
            {"id": "publisher-signoff", "stepName": "Publisher signoff", "durationSeconds": 60,
             "outcome": "waitingForPublisherReview", "message": "<p>Please review.</p>"},
            {"id": "live", "stepName": "Live", "durationSeconds": 60}
        ]}}}}}}"#,
    )
    .await;
    let document = status_document(&emulator, "p", "o").await;
    assert_eq!(document["status"], "waitingForPublisherReview");
    let steps = document["steps"].as_array().unwrap();
    assert_eq!(steps[1]["status"], "waitingForPublisherReview");
    assert_eq!(steps[1]["progressPercentage"], 100);
    assert_eq!(
        steps[1]["messages"][1]["messageHtml"],
        "<p>Please review.</p>"
    );
    assert_eq!(steps[2]["status"], "notStarted");
    assert_eq!(document["previewLinks"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_default_publish_finishes_at_the_demo_time_scale() {
    let emulator = Emulator::builder()
        .time_scale(DEFAULT_PUBLISH_SECONDS / 0.6)
        .start()
        .await
        .unwrap();
    let first = status_document(&emulator, "contoso", "vm-offer").await;
    assert_eq!(first["status"], "running");
    tokio::time::sleep(Duration::from_millis(700)).await;
    let last = status_document(&emulator, "contoso", "vm-offer").await;
    assert_eq!(last["status"], "succeeded");
    let message = &last["steps"][5]["messages"][1];
    assert!(is_service_timestamp(message["timestamp"].as_str().unwrap()));
}
