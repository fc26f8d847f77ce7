//! Publish, go-live and cancel against offer resources, their operations in
//! both location forms, and the offer status they drive.

use std::time::{Duration, Instant};

use cloudpartner_emulator::{Emulator, LocationForm, OfferSlot};
use serde_json::{Value, json};

use crate::support::{
    api_error_code, api_get, api_json, client, json_body, post_action, send, start,
    status_document, vm_offer,
};

/// Simulated seconds per real second that play the default publish steps
/// (205 800 simulated seconds up to the review) in about 2 s, so a loaded
/// machine still sees them run, and the go-live in about 1.3 s.
const FAST: f64 = 102_900.0;

/// The default scenario on a fast clock.
async fn fast_default(location_form: Option<LocationForm>) -> Emulator {
    let mut builder = Emulator::builder().time_scale(FAST);
    if let Some(form) = location_form {
        builder = builder.location_form(form);
    }
    builder.start().await.unwrap()
}

/// The absolute URL of a `Location` header.
fn absolute(emulator: &Emulator, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        format!("{}{location}", emulator.base_url())
    }
}

/// The `Location` of a 202, checking `Operation-Location` says the same.
fn location(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 202);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(response.headers()["operation-location"], location.as_str());
    location
}

/// GETs an operation by its location.
async fn operation_at(emulator: &Emulator, location: &str) -> Value {
    let response = send(emulator, client().get(absolute(emulator, location))).await;
    assert_eq!(response.status(), 200, "{location}");
    json_body(response).await.unwrap()
}

/// Polls the status of `contoso/offer` until `done`, returning the states seen.
async fn poll_status(
    emulator: &Emulator,
    publisher: &str,
    offer: &str,
    done: impl Fn(&str) -> bool,
) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen: Vec<String> = Vec::new();
    loop {
        let status = status_document(emulator, publisher, offer).await;
        let state = status["status"].as_str().unwrap().to_owned();
        if seen.last() != Some(&state) {
            seen.push(state.clone());
        }
        if done(&state) {
            return seen;
        }
        assert!(Instant::now() < deadline, "still {seen:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

const RELEASE: &str = "/api/publishers/contoso/offers/vm-release";

#[tokio::test]
async fn a_whole_release_runs_against_the_default_vm_release() {
    let emulator = fast_default(None).await;
    // Read, add an image version, write back with the ETag.
    let read = api_get(&emulator, RELEASE).await;
    let etag = read.headers()["etag"].to_str().unwrap().to_owned();
    let mut offer: Value = json_body(read).await.unwrap();
    offer["definition"]["plans"][1]["microsoft-azure-virtualmachines.vmImages"]["1.2.0"] = json!({
        "osVhdUrl": "https://contosoimages.blob.core.windows.net/vhds/1.2.0.vhd?sig=abc",
        "label": "1.2.0", "mediaName": "m", "description": "d", "publishedDate": "12/01/2026",
        "showInGui": true, "lunVhdDetails": []
    });
    let written = crate::support::put_offer(
        &emulator,
        "contoso",
        "vm-release",
        &offer,
        &[("If-Match", &etag)],
    )
    .await;
    assert_eq!(written.status(), 200);
    let draft = json_body(written).await.unwrap();
    assert_eq!(draft["version"], 2);

    // Publish: 202, then running, then parked for review.
    let published = post_action(
        &emulator,
        "contoso",
        "vm-release",
        "publish",
        r#"{"metadata": {"notification-emails": "a@x.com,b@y.com"}}"#,
    )
    .await;
    let publish_location = location(&published);
    assert!(
        publish_location.starts_with("/api/publishers/contoso/offers/vm-release/operations/")
            && publish_location.ends_with("?api-version=2017-10-31"),
        "{publish_location}"
    );
    let operation = operation_at(&emulator, &publish_location).await;
    assert_eq!(operation["submissionType"], "publish");
    assert_eq!(operation["submissionState"], "running");
    assert_eq!(operation["cancellationRequestState"], "canCancel");
    assert_eq!(operation["offerVersion"], 2);
    assert_eq!(operation["publishingVersion"], 1);
    assert_eq!(operation["slot"], "preview");
    assert_eq!(operation["notificationEmails"], "a@x.com,b@y.com");
    assert_eq!(
        emulator.offer_document("contoso", "vm-release", OfferSlot::Preview),
        Some(draft.clone())
    );
    let seen = poll_status(&emulator, "contoso", "vm-release", |state| {
        state == "waitingForPublisherReview"
    })
    .await;
    assert_eq!(seen, ["running", "waitingForPublisherReview"]);
    let status = status_document(&emulator, "contoso", "vm-release").await;
    let steps = status["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[4]["stepName"], "Publisher signoff");
    assert_eq!(steps[4]["status"], "waitingForPublisherReview");
    assert_eq!(steps[5]["status"], "notStarted");
    assert_eq!(status["previewLinks"].as_array().unwrap().len(), 1);
    assert_eq!(status["notificationEmails"], "a@x.com,b@y.com");
    let operation = operation_at(&emulator, &publish_location).await;
    assert_eq!(operation["submissionState"], "completed");
    assert_eq!(operation["status"], "completed");
    assert_eq!(operation["cancellationRequestState"], "cannotCancel");
    assert_eq!(
        api_get(&emulator, &format!("{RELEASE}/slot/Production"))
            .await
            .status(),
        404
    );

    // Go live: running, then succeeded, production holds the draft.
    let went_live = post_action(&emulator, "contoso", "vm-release", "golive", "").await;
    let live_location = location(&went_live);
    assert_ne!(live_location, publish_location);
    let seen = poll_status(&emulator, "contoso", "vm-release", |state| {
        state == "succeeded"
    })
    .await;
    assert_eq!(seen.last().unwrap(), "succeeded");
    let status = status_document(&emulator, "contoso", "vm-release").await;
    assert!(
        status["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|step| step["status"] == "complete")
    );
    assert_eq!(status["liveLinks"].as_array().unwrap().len(), 1);
    let operation = operation_at(&emulator, &live_location).await;
    assert_eq!(operation["submissionType"], "goLive");
    assert_eq!(operation["submissionState"], "completed");
    assert_eq!(operation["slot"], "production");
    let production = api_json(&emulator, &format!("{RELEASE}/slot/Production")).await;
    // What is live is the draft that was published, its status `published`.
    let mut published = draft.clone();
    published["status"] = "published".into();
    assert_eq!(production, published);
    assert_eq!(
        emulator.offer_document("contoso", "vm-release", OfferSlot::Production),
        Some(published)
    );
    let all = api_json(&emulator, &format!("{RELEASE}/submissions")).await;
    let types: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|operation| operation["submissionType"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["publish", "goLive"]);
}

#[tokio::test]
async fn operations_have_the_documented_shape() {
    let emulator = fast_default(None).await;
    let published = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    let operation = operation_at(&emulator, &location(&published)).await;
    let keys: Vec<&str> = operation
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "offerId",
            "publisherId",
            "offerTypeId",
            "offerVersion",
            "publishingVersion",
            "submissionType",
            "submissionState",
            "slot",
            "createdDateTime",
            "lastActionDateTime",
            "cancellationRequestState",
            "error",
            "status",
            "messages",
            "steps",
            "previewLinks",
            "liveLinks",
            "notificationEmails"
        ]
    );
    assert_eq!(operation["offerId"], "vm-release");
    assert_eq!(operation["error"], Value::Null);
    assert_eq!(operation["notificationEmails"], "jdoe@contoso.com");
    let created = operation["createdDateTime"].as_str().unwrap();
    assert_eq!(created.len(), 28, "{created}");
    assert!(operation["lastActionDateTime"].as_str().unwrap() >= created);
    // By id, as listed.
    let id = operation["id"].as_str().unwrap();
    let by_id = api_json(&emulator, &format!("{RELEASE}/operations/{id}")).await;
    assert_eq!(by_id["id"], id);
    assert_eq!(
        api_get(&emulator, &format!("{RELEASE}/operations/no-such-id"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn each_location_form_names_a_readable_operation() {
    // Legacy: `/api/operations/{p}${o}${n}$preview`, `$` also as `%24`.
    let emulator = fast_default(Some(LocationForm::Legacy)).await;
    let published = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    let legacy = location(&published);
    assert_eq!(
        legacy,
        "/api/operations/contoso$vm-release$1$preview?api-version=2017-10-31"
    );
    let operation = operation_at(&emulator, &legacy).await;
    assert_eq!(operation["submissionType"], "publish");
    let encoded = operation_at(&emulator, &legacy.replace('$', "%24")).await;
    assert_eq!(encoded["id"], operation["id"]);
    let missing = send(
        &emulator,
        client().get(absolute(
            &emulator,
            "/api/operations/contoso$vm-release$9$preview?api-version=2017-10-31",
        )),
    )
    .await;
    assert_eq!(missing.status(), 404);
    assert_eq!(api_error_code(missing).await, "OperationNotFound");

    // Absolute: the operations form on the emulator's origin.
    let emulator = start(&format!(
        r#"{{"locationForm": "absolute", "timeScale": {FAST}, "publishers": {{"p": {{"offers": {{"o": {{"offer": {}}}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    let published = post_action(&emulator, "p", "o", "publish", "").await;
    let absolute_location = location(&published);
    assert!(
        absolute_location.starts_with(&format!(
            "{}/api/publishers/p/offers/o/operations/",
            emulator.base_url()
        )),
        "{absolute_location}"
    );
    assert_eq!(
        operation_at(&emulator, &absolute_location).await["offerId"],
        "o"
    );

    // Operations (the default), stated explicitly.
    let emulator = start(&format!(
        r#"{{"locationForm": "operations", "publishers": {{"p": {{"offers": {{"o": {{"offer": {}}}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    let published = post_action(&emulator, "p", "o", "publish", "").await;
    assert!(location(&published).starts_with("/api/publishers/p/offers/o/operations/"));
}

#[tokio::test]
async fn a_running_operation_blocks_publish_and_go_live() {
    // At time scale 1 the publish runs for days.
    let emulator = Emulator::builder().start().await.unwrap();
    let not_yet = post_action(&emulator, "contoso", "vm-release", "golive", "").await;
    assert_eq!(not_yet.status(), 409);
    assert_eq!(api_error_code(not_yet).await, "InvalidOfferState");
    let first = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    assert_eq!(first.status(), 202);
    let second = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    assert_eq!(second.status(), 409);
    assert_eq!(api_error_code(second).await, "OperationInProgress");
    let go_live = post_action(&emulator, "contoso", "vm-release", "golive", "").await;
    assert_eq!(go_live.status(), 409);
    assert_eq!(api_error_code(go_live).await, "OperationInProgress");
    let status = status_document(&emulator, "contoso", "vm-release").await;
    assert_eq!(status["status"], "running");
    assert_eq!(status["steps"][0]["status"], "inProgress");
    // Publishing an offer without a document, or an unknown one, is 404.
    let missing = post_action(&emulator, "contoso", "nothing", "publish", "").await;
    assert_eq!(missing.status(), 404);
    let bad_body = post_action(&emulator, "contoso", "live-offer", "publish", "{oops").await;
    assert_eq!(bad_body.status(), 400);
}

#[tokio::test]
async fn invalid_vm_offers_are_unprocessable() {
    let emulator = start(&format!(
        r#"{{"publishers": {{"p": {{"offers": {{"o": {{"offer": {}}}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    let images = "microsoft-azure-virtualmachines.vmImages";
    let mut no_image = vm_offer("p", "o");
    no_image["definition"]["plans"][0][images] = json!({});
    let mut http_image = vm_offer("p", "o");
    http_image["definition"]["plans"][0][images]["1.0.0"]["osVhdUrl"] = json!("http://x/os.vhd");
    let mut http_disk = vm_offer("p", "o");
    http_disk["definition"]["plans"][0][images]["1.0.0"]["lunVhdDetails"] =
        json!([{"lun": 0, "lunVhdUrl": "http://x/d.vhd"}]);
    let mut generation_without_image = vm_offer("p", "o");
    generation_without_image["definition"]["plans"][0]["diskGenerations"] =
        json!([{"planId": "plan-gen2", images: {}}]);
    let cases = [
        (no_image, "Plan 'plan' has no VM image version"),
        (http_image, "osVhdUrl must be an https URL"),
        (http_disk, "lunVhdUrl must be an https URL"),
        (
            generation_without_image,
            "Plan 'plan-gen2' has no VM image version",
        ),
    ];
    for (document, expected) in cases {
        emulator.set_offer_document("p", "o", document).unwrap();
        let response = post_action(&emulator, "p", "o", "publish", "").await;
        assert_eq!(response.status(), 422);
        let body = json_body(response).await.unwrap();
        assert_eq!(body["error"]["code"], "InvalidOffer");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected), "{message}");
    }
    // Nothing was published.
    assert!(
        emulator
            .offer_document("p", "o", OfferSlot::Preview)
            .is_none()
    );
    assert_eq!(
        api_json(&emulator, "/api/publishers/p/offers/o/submissions").await,
        json!([])
    );
}

#[tokio::test]
async fn cancel_cancels_the_running_operation() {
    let emulator = Emulator::builder().start().await.unwrap();
    // Nothing runs: 200, no body.
    let idle = post_action(&emulator, "contoso", "vm-release", "cancel", "").await;
    assert_eq!(idle.status(), 200);
    assert!(idle.headers().get("location").is_none());
    assert_eq!(idle.text().await.unwrap(), "");

    let published = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    let publish_location = location(&published);
    let canceled = post_action(
        &emulator,
        "contoso",
        "vm-release",
        "cancel",
        r#"{"metadata": {"notification-emails": "a@x.com"}}"#,
    )
    .await;
    // The cancel's location names the canceled operation.
    assert_eq!(location(&canceled), publish_location);
    let operation = operation_at(&emulator, &publish_location).await;
    assert_eq!(operation["submissionState"], "canceled");
    assert_eq!(operation["cancellationRequestState"], "canceled");
    let status = status_document(&emulator, "contoso", "vm-release").await;
    assert_eq!(status["status"], "canceled");
    assert_eq!(status["steps"][0]["status"], "canceled");
    assert_eq!(status["messages"][0]["level"], "warning");
    let again = post_action(&emulator, "contoso", "vm-release", "cancel", "").await;
    assert_eq!(again.status(), 200);
    // A canceled publish can be published again.
    let republished = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    assert_eq!(republished.status(), 202);
    let operation = operation_at(&emulator, &location(&republished)).await;
    assert_eq!(operation["publishingVersion"], 2);
}

#[tokio::test]
async fn a_go_live_can_be_canceled() {
    // The review comes after 0.2 s; the go-live would take 100 s.
    let emulator = start(&format!(
        r#"{{"timeScale": 1000, "publishers": {{"p": {{"offers": {{"o": {{
            "offer": {},
            "publish": {{"steps": [
                {{"id": "review", "stepName": "Review", "durationSeconds": 200, "outcome": "waitingForPublisherReview"}},
                {{"id": "live", "stepName": "Live", "durationSeconds": 100000}}
            ]}}
        }}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    post_action(&emulator, "p", "o", "publish", "").await;
    poll_status(&emulator, "p", "o", |state| {
        state == "waitingForPublisherReview"
    })
    .await;
    let went_live = post_action(&emulator, "p", "o", "golive", "").await;
    let live_location = location(&went_live);
    let canceled = post_action(&emulator, "p", "o", "cancel", "").await;
    assert_eq!(location(&canceled), live_location);
    let operation = operation_at(&emulator, &live_location).await;
    assert_eq!(operation["submissionState"], "canceled");
    let status = status_document(&emulator, "p", "o").await;
    assert_eq!(status["status"], "canceled");
    assert_eq!(status["steps"][0]["status"], "complete");
    assert_eq!(status["steps"][1]["status"], "canceled");
    // The publish stays completed; production was never filled.
    let completed = api_json(
        &emulator,
        "/api/publishers/p/offers/o/submissions?status=completed",
    )
    .await;
    assert_eq!(completed[0]["submissionType"], "publish");
    assert!(
        emulator
            .offer_document("p", "o", OfferSlot::Production)
            .is_none()
    );
}

#[tokio::test]
async fn submissions_filter_by_state_with_either_parameter() {
    let emulator = Emulator::builder().start().await.unwrap();
    post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    post_action(&emulator, "contoso", "vm-release", "cancel", "").await;
    post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    let count = |value: Value| value.as_array().unwrap().len();
    let all = api_json(&emulator, &format!("{RELEASE}/submissions")).await;
    assert_eq!(count(all), 2);
    for query in [
        "status=running",
        "status=Running",
        "submissionState=running",
        "submissionState=In%20Progress",
    ] {
        let running = api_json(&emulator, &format!("{RELEASE}/submissions?{query}")).await;
        assert_eq!(count(running.clone()), 1, "{query}");
        assert_eq!(running[0]["submissionState"], "running");
    }
    for query in ["status=canceled", "submissionState=Cancelled"] {
        let canceled = api_json(&emulator, &format!("{RELEASE}/submissions?{query}")).await;
        assert_eq!(count(canceled.clone()), 1, "{query}");
        assert_eq!(canceled[0]["publishingVersion"], 1);
    }
    let completed = api_json(
        &emulator,
        &format!("{RELEASE}/submissions?status=completed"),
    )
    .await;
    assert_eq!(count(completed), 0);
    let trailing_slash =
        api_json(&emulator, &format!("{RELEASE}/submissions/?status=running")).await;
    assert_eq!(count(trailing_slash), 1);
    let unknown = api_get(&emulator, &format!("{RELEASE}/submissions?status=done")).await;
    assert_eq!(unknown.status(), 400);
}

#[tokio::test]
async fn the_default_rejected_release_fails_its_certification() {
    let emulator = fast_default(None).await;
    let published = post_action(&emulator, "contoso", "rejected-release", "publish", "").await;
    let publish_location = location(&published);
    let seen = poll_status(&emulator, "contoso", "rejected-release", |state| {
        state == "failed"
    })
    .await;
    assert_eq!(seen, ["running", "failed"]);
    let operation = operation_at(&emulator, &publish_location).await;
    assert_eq!(operation["submissionState"], "failed");
    assert!(
        operation["error"]
            .as_str()
            .unwrap()
            .contains("not generalized"),
        "{operation}"
    );
    assert_eq!(operation["steps"][1]["stepName"], "Certification");
    assert_eq!(operation["steps"][1]["status"], "rejected");
    // vm-release, from the same documents, is not rejected.
    let published = post_action(&emulator, "contoso", "vm-release", "publish", "").await;
    location(&published);
    let seen = poll_status(&emulator, "contoso", "vm-release", |state| {
        state == "waitingForPublisherReview"
    })
    .await;
    assert_eq!(seen, ["running", "waitingForPublisherReview"]);
}

#[tokio::test]
async fn a_rejected_step_fails_the_operation() {
    // 1200 simulated seconds in 2 s.
    let emulator = start(&format!(
        r#"{{"timeScale": 600, "publishers": {{"p": {{"offers": {{"o": {{
            "offer": {},
            "publish": {{"steps": [
                {{"id": "displaydummycertify", "stepName": "Validate Pre-Requisites", "durationSeconds": 600}},
                {{"id": "displaycertify", "stepName": "Certification", "durationSeconds": 600,
                  "outcome": "rejected", "message": "<p>The image is not <b>generalized</b>.</p>"}}
            ]}}
        }}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    let published = post_action(&emulator, "p", "o", "publish", "").await;
    let publish_location = location(&published);
    let seen = poll_status(&emulator, "p", "o", |state| state == "failed").await;
    assert_eq!(seen, ["running", "failed"]);
    let operation = operation_at(&emulator, &publish_location).await;
    assert_eq!(operation["submissionState"], "failed");
    assert_eq!(operation["error"], "The image is not generalized.");
    let steps = operation["steps"].as_array().unwrap();
    assert_eq!(steps[1]["status"], "rejected");
    assert_eq!(
        steps[1]["messages"][1]["messageHtml"],
        "<p>The image is not <b>generalized</b>.</p>"
    );
    // The scenario's steps, then the default signoff and live steps.
    let names: Vec<&str> = steps
        .iter()
        .map(|step| step["stepName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Validate Pre-Requisites",
            "Certification",
            "Publisher signoff",
            "Live"
        ]
    );
    let failed = api_json(
        &emulator,
        "/api/publishers/p/offers/o/submissions?status=failed",
    )
    .await;
    assert_eq!(failed.as_array().unwrap().len(), 1);
    // A failed publish can be published again.
    assert_eq!(
        post_action(&emulator, "p", "o", "publish", "")
            .await
            .status(),
        202
    );
}

#[tokio::test]
async fn scenario_steps_with_their_own_review_and_go_live() {
    let emulator = start(&format!(
        r#"{{"timeScale": 100000, "publishers": {{"p": {{"offers": {{"o": {{
            "offer": {},
            "notificationEmails": "team@contoso.com",
            "status": {{"status": "succeeded", "steps": [], "note": "before any publish"}},
            "publish": {{"steps": [
                {{"id": "check", "stepName": "Check", "durationSeconds": 100}},
                {{"id": "review", "stepName": "Review", "durationSeconds": 100, "outcome": "waitingForPublisherReview"}},
                {{"id": "ship", "stepName": "Ship", "durationSeconds": 100}}
            ]}}
        }}}}}}}}}}"#,
        vm_offer("p", "o")
    ))
    .await;
    assert_eq!(
        status_document(&emulator, "p", "o").await["note"],
        "before any publish"
    );
    post_action(&emulator, "p", "o", "publish", "").await;
    poll_status(&emulator, "p", "o", |state| {
        state == "waitingForPublisherReview"
    })
    .await;
    let status = status_document(&emulator, "p", "o").await;
    assert_eq!(status["notificationEmails"], "team@contoso.com");
    assert_eq!(status["steps"].as_array().unwrap().len(), 3);
    post_action(&emulator, "p", "o", "golive", "").await;
    poll_status(&emulator, "p", "o", |state| state == "succeeded").await;
    let status = status_document(&emulator, "p", "o").await;
    let states: Vec<&str> = status["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step["status"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["complete", "complete", "complete"]);
}
