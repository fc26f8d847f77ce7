//! Offer documents: publishers and offer lists, the draft with its ETag,
//! writes and their preconditions, versions and slots.

use cloudpartner_emulator::{Emulator, OfferSlot};
use serde_json::{Value, json};

use crate::support::{
    api_error_code, api_get, api_json, json_body, put_offer, start, start_default, vm_offer,
};

/// A scenario with publisher `p`, VM offer `o` (its document) and a
/// status-only offer `s`, plus extra top-level fields.
fn scenario(extra: &str) -> String {
    format!(
        r#"{{{extra}"publishers": {{"p": {{"offers": {{
            "o": {{"offer": {offer}}},
            "s": {{"status": {{"status": "succeeded"}}}}
        }}}}}}}}"#,
        offer = vm_offer("p", "o")
    )
}

fn etag(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get("etag")
        .map(|value| value.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn publishers_are_listed() {
    let emulator = start_default().await;
    let publishers = api_json(&emulator, "/api/publishers").await;
    assert_eq!(publishers.as_array().unwrap().len(), 1);
    let contoso = &publishers[0];
    assert_eq!(contoso["id"], "contoso");
    assert_eq!(contoso["version"], 1);
    assert_eq!(contoso["definition"]["displayText"], "Contoso");
    assert_eq!(contoso["definition"]["offerTypeCategories"], json!(["vm"]));
    assert!(contoso["definition"]["sellerId"].is_u64());
}

#[tokio::test]
async fn the_default_offers_are_listed_as_summaries() {
    let emulator = start_default().await;
    let offers = api_json(&emulator, "/api/publishers/contoso/offers").await;
    let ids: Vec<&str> = offers
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| offer["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "canceled-offer",
            "corevm-release",
            "failed-offer",
            "live-offer",
            "never-published",
            "not-started",
            "rejected-release",
            "review-offer",
            "running-offer",
            "vm-offer",
            "vm-release"
        ]
    );
    for offer in offers.as_array().unwrap() {
        assert_eq!(offer["publisherId"], "contoso");
        let offer_type = if offer["id"] == "corevm-release" {
            "microsoft-azure-corevm"
        } else {
            "microsoft-azure-virtualmachines"
        };
        assert_eq!(offer["offerTypeId"], offer_type);
        let definition = offer["definition"].as_object().unwrap();
        assert_eq!(definition.keys().collect::<Vec<_>>(), ["displayText"]);
    }
    let response = api_get(&emulator, "/api/publishers/fabrikam/offers").await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "PublisherNotFound");
}

#[tokio::test]
async fn the_default_live_and_review_offers_serve_the_slots_they_were_published_to() {
    let emulator = start_default().await;
    let draft = api_json(&emulator, "/api/publishers/contoso/offers/live-offer").await;
    for slot in ["preview", "production"] {
        let response = api_get(
            &emulator,
            &format!("/api/publishers/contoso/offers/live-offer/slot/{slot}"),
        )
        .await;
        assert_eq!(response.status(), 200, "live-offer {slot}");
        let document = json_body(response).await.unwrap();
        assert_eq!(document["definition"], draft["definition"], "{slot}");
    }
    let preview = api_get(
        &emulator,
        "/api/publishers/contoso/offers/review-offer/slot/preview",
    )
    .await;
    assert_eq!(preview.status(), 200);
    for (offer, slot) in [
        ("review-offer", "production"),
        ("failed-offer", "preview"),
        ("running-offer", "preview"),
        ("never-published", "preview"),
    ] {
        let response = api_get(
            &emulator,
            &format!("/api/publishers/contoso/offers/{offer}/slot/{slot}"),
        )
        .await;
        assert_eq!(response.status(), 404, "{offer} {slot}");
    }
}

#[tokio::test]
async fn the_default_corevm_release_keeps_its_images_under_the_corevm_key() {
    let emulator = start_default().await;
    let offer = api_json(&emulator, "/api/publishers/contoso/offers/corevm-release").await;
    assert_eq!(offer["offerTypeId"], "microsoft-azure-corevm");
    assert_eq!(offer["status"], "neverPublished");
    for plan in offer["definition"]["plans"].as_array().unwrap() {
        let images = plan["microsoft-azure-corevm.vmImagesPublicAzure"]
            .as_object()
            .unwrap();
        assert!(images.contains_key("1.1.0"), "{plan}");
        assert!(
            plan.get("microsoft-azure-virtualmachines.vmImages")
                .is_none()
        );
    }
}

#[tokio::test]
async fn the_default_vm_release_is_a_never_published_draft() {
    let emulator = start_default().await;
    let response = api_get(&emulator, "/api/publishers/contoso/offers/vm-release").await;
    assert_eq!(response.status(), 200);
    let etag = etag(&response).expect("an ETag");
    assert_eq!(etag, "W/\"datetime'2026-11-20T16%3A05%3A12.4818395Z'\"");
    let offer = json_body(response).await.unwrap();
    assert_eq!(offer["offerTypeId"], "microsoft-azure-virtualmachines");
    assert_eq!(offer["status"], "neverPublished");
    assert_eq!(offer["version"], 1);
    let plans = offer["definition"]["plans"].as_array().unwrap();
    assert_eq!(plans[0]["planId"], "standard");
    assert_eq!(plans[0]["diskGenerations"][0]["planId"], "standard-gen2");
    assert_eq!(plans[1]["planId"], "byol");
    assert_eq!(plans[1]["diskGenerations"], json!([]));
    let images = plans[0]["microsoft-azure-virtualmachines.vmImages"]
        .as_object()
        .unwrap();
    assert_eq!(images.keys().collect::<Vec<_>>(), ["1.0.0", "1.1.0"]);
    let image = &images["1.0.0"];
    for key in [
        "osVhdUrl",
        "label",
        "mediaName",
        "description",
        "publishedDate",
        "showInGui",
        "lunVhdDetails",
    ] {
        assert!(image.get(key).is_some(), "{key}");
    }
    assert!(image["osVhdUrl"].as_str().unwrap().starts_with("https://"));
    assert_eq!(image["publishedDate"], "11/02/2026");

    let status = crate::support::status_document(&emulator, "contoso", "vm-release").await;
    assert_eq!(status["status"], "neverPublished");
    for slot in ["Preview", "Production"] {
        let response = api_get(
            &emulator,
            &format!("/api/publishers/contoso/offers/vm-release/slot/{slot}"),
        )
        .await;
        assert_eq!(response.status(), 404, "{slot}");
    }
    let operations = api_json(
        &emulator,
        "/api/publishers/contoso/offers/vm-release/submissions",
    )
    .await;
    assert_eq!(operations, json!([]));
}

#[tokio::test]
async fn documents_come_back_as_given_key_order_included() {
    let emulator = start(&scenario("")).await;
    let text = api_get(&emulator, "/api/publishers/p/offers/o")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(text, vm_offer("p", "o").to_string());
    // A status-only offer has no document.
    let response = api_get(&emulator, "/api/publishers/p/offers/s").await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "OfferNotFound");
}

#[tokio::test]
async fn a_put_creates_and_then_needs_a_precondition() {
    let emulator = start(&scenario("")).await;
    let document = vm_offer("p", "new");
    let created = put_offer(&emulator, "p", "new", &document, &[("If-None-Match", "*")]).await;
    assert_eq!(created.status(), 201);
    let first_etag = etag(&created).unwrap();
    assert!(first_etag.starts_with("W/\"datetime'"), "{first_etag}");
    let stored = json_body(created).await.unwrap();
    assert_eq!(stored["version"], 1);
    assert_eq!(stored["definition"], document["definition"]);

    // Creating again, or writing without a precondition, conflicts.
    let again = put_offer(&emulator, "p", "new", &document, &[("If-None-Match", "*")]).await;
    assert_eq!(again.status(), 412);
    assert_eq!(api_error_code(again).await, "PreconditionFailed");
    let blind = put_offer(&emulator, "p", "new", &document, &[]).await;
    assert_eq!(blind.status(), 409);
    assert_eq!(api_error_code(blind).await, "InvalidResourceId");

    // With its ETag: 200, a new version, a new ETag.
    let updated = put_offer(
        &emulator,
        "p",
        "new",
        &document,
        &[("If-Match", &first_etag)],
    )
    .await;
    assert_eq!(updated.status(), 200);
    let second_etag = etag(&updated).unwrap();
    assert_ne!(second_etag, first_etag);
    assert_eq!(json_body(updated).await.unwrap()["version"], 2);
    // The old ETag is stale now.
    let stale = put_offer(
        &emulator,
        "p",
        "new",
        &document,
        &[("If-Match", &first_etag)],
    )
    .await;
    assert_eq!(stale.status(), 412);
    // `*` always matches an existing offer.
    let forced = put_offer(&emulator, "p", "new", &document, &[("If-Match", "*")]).await;
    assert_eq!(forced.status(), 200);
    // No offer document to match yet: If-Match fails.
    let missing = put_offer(
        &emulator,
        "p",
        "other",
        &vm_offer("p", "other"),
        &[("If-Match", "*")],
    )
    .await;
    assert_eq!(missing.status(), 412);
    // A new offer needs no precondition.
    let plain = put_offer(&emulator, "p", "plain", &vm_offer("p", "plain"), &[]).await;
    assert_eq!(plain.status(), 201);
}

#[tokio::test]
async fn a_put_keeps_unknown_fields_and_bumps_version_and_changed_time_in_place() {
    let emulator = start(&scenario("")).await;
    let read = api_get(&emulator, "/api/publishers/p/offers/o").await;
    let read_etag = etag(&read).unwrap();
    let mut document: Value = json_body(read).await.unwrap();
    document["definition"]["offer"]["x-unknown"]["added"] = json!("yes");
    document["zExtra"] = json!({"b": 1, "a": 2});
    let response = put_offer(&emulator, "p", "o", &document, &[("If-Match", &read_etag)]).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(stored["version"], 2);
    let changed_time = stored["changedTime"].as_str().unwrap();
    assert_ne!(changed_time, "2026-12-01T20:59:26.1234567Z");
    assert_eq!(changed_time.len(), 28, "{changed_time}");
    assert!(changed_time.ends_with('Z') && changed_time.as_bytes()[19] == b'.');
    // Every other field as sent, in order.
    let mut expected = document.clone();
    expected["version"] = json!(2);
    expected["changedTime"] = json!(changed_time);
    assert_eq!(text, expected.to_string());
    let stored_by_emulator = emulator.offer_document("p", "o", OfferSlot::Draft).unwrap();
    assert_eq!(stored_by_emulator.to_string(), text);
    // The past version is kept.
    let first = api_json(&emulator, "/api/publishers/p/offers/o/versions/1").await;
    assert_eq!(first, vm_offer("p", "o"));
    let second = api_json(&emulator, "/api/publishers/p/offers/o/versions/2").await;
    assert_eq!(second, stored);
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers/o/versions/3")
            .await
            .status(),
        404
    );
    assert_eq!(
        api_get(&emulator, "/api/publishers/p/offers/o/versions/x")
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn bad_put_bodies_are_bad_requests() {
    let emulator = start(&scenario("")).await;
    let cases = [
        vm_offer("p", "other"),
        vm_offer("q", "o"),
        json!([1, 2]),
        json!("offer"),
    ];
    for body in cases {
        let response = put_offer(&emulator, "p", "o", &body, &[("If-Match", "*")]).await;
        assert_eq!(response.status(), 400, "{body}");
        assert_eq!(api_error_code(response).await, "BadRequest");
    }
    let response = crate::support::send(
        &emulator,
        crate::support::client()
            .put(crate::support::api_url(
                &emulator,
                "/api/publishers/p/offers/o",
            ))
            .header("If-Match", "*")
            .body("{not json"),
    )
    .await;
    assert_eq!(response.status(), 400);
    // Nothing was stored.
    assert_eq!(
        emulator.offer_document("p", "o", OfferSlot::Draft).unwrap()["version"],
        1
    );
    // Unknown publishers are not created by a PUT.
    let response = put_offer(&emulator, "nobody", "o", &vm_offer("nobody", "o"), &[]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(api_error_code(response).await, "PublisherNotFound");
}

#[tokio::test]
async fn a_second_writer_makes_the_etag_stale() {
    let emulator = start(&scenario("")).await;
    let read = api_get(&emulator, "/api/publishers/p/offers/o").await;
    let read_etag = etag(&read).unwrap();
    assert_eq!(
        emulator.offer_etag("p", "o").as_deref(),
        Some(read_etag.as_str())
    );
    let stored = emulator
        .set_offer_document("p", "o", vm_offer("p", "o"))
        .unwrap();
    assert_eq!(stored["version"], 2);
    assert_ne!(emulator.offer_etag("p", "o").unwrap(), read_etag);
    let response = put_offer(
        &emulator,
        "p",
        "o",
        &vm_offer("p", "o"),
        &[("If-Match", &read_etag)],
    )
    .await;
    assert_eq!(response.status(), 412);
    assert!(emulator.set_offer_document("p", "o", json!([1])).is_err());
    // A new offer of a new publisher.
    emulator
        .set_offer_document("fabrikam", "f", vm_offer("fabrikam", "f"))
        .unwrap();
    assert_eq!(
        api_json(&emulator, "/api/publishers/fabrikam/offers/f").await["version"],
        1
    );
}

#[tokio::test]
async fn omit_etag_leaves_the_header_out() {
    let emulator = start(&scenario(r#""omitEtag": true, "#)).await;
    let read = api_get(&emulator, "/api/publishers/p/offers/o").await;
    assert_eq!(read.status(), 200);
    assert_eq!(etag(&read), None);
    let written = put_offer(
        &emulator,
        "p",
        "o",
        &vm_offer("p", "o"),
        &[("If-Match", "*")],
    )
    .await;
    assert_eq!(written.status(), 200);
    assert_eq!(etag(&written), None);
    let created = put_offer(&emulator, "p", "n", &vm_offer("p", "n"), &[]).await;
    assert_eq!(etag(&created), None);

    // Per offer: `omitEtag` on one offer only, or `false` against the top level.
    let per_offer = start(&format!(
        r#"{{"omitEtag": true, "publishers": {{"p": {{"offers": {{
            "with": {{"offer": {}, "omitEtag": false}},
            "without": {{"offer": {}}}
        }}}}}}}}"#,
        vm_offer("p", "with"),
        vm_offer("p", "without")
    ))
    .await;
    assert!(etag(&api_get(&per_offer, "/api/publishers/p/offers/with").await).is_some());
    assert!(etag(&api_get(&per_offer, "/api/publishers/p/offers/without").await).is_none());
}

#[tokio::test]
async fn slots_are_case_insensitive_and_empty_until_published() {
    let emulator = start(&scenario("")).await;
    for slot in ["Draft", "draft", "DRAFT"] {
        let response = api_get(
            &emulator,
            &format!("/api/publishers/p/offers/o/slot/{slot}"),
        )
        .await;
        assert_eq!(response.status(), 200, "{slot}");
        assert!(etag(&response).is_some());
    }
    for slot in ["Preview", "production"] {
        let response = api_get(
            &emulator,
            &format!("/api/publishers/p/offers/o/slot/{slot}"),
        )
        .await;
        assert_eq!(response.status(), 404, "{slot}");
    }
    let response = api_get(&emulator, "/api/publishers/p/offers/o/slot/staging").await;
    assert_eq!(response.status(), 400);
    assert!(
        emulator
            .offer_document("p", "o", OfferSlot::Preview)
            .is_none()
    );
    assert!(
        emulator
            .offer_document("p", "x", OfferSlot::Draft)
            .is_none()
    );
}

#[tokio::test]
async fn every_offer_route_checks_token_and_api_version() {
    let emulator: Emulator = start(&scenario("")).await;
    let base = emulator.base_url().to_owned();
    let unauthorized = crate::support::client()
        .get(format!("{base}/api/publishers?api-version=2017-10-31"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorized.status(), 401);
    let no_version = crate::support::client()
        .get(format!("{base}/api/publishers/p/offers/o"))
        .bearer_auth(emulator.token())
        .send()
        .await
        .unwrap();
    assert_eq!(no_version.status(), 400);
    assert_eq!(api_error_code(no_version).await, "InvalidAPIVersion");
}
