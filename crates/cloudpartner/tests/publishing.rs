//! The publishing API end to end against the emulator: a whole release, the ETag rules,
//! conflicts, cancel, the retry rule of writes, operation URLs, lossless round trips.

mod support;

use std::time::Duration;

use cloudpartner::{
    Client, ErrorKind, OfferSelector, OfferSlot, OfferState, OperationState, Precondition,
    VmImageVersion, WatchOptions, WatchUntil,
};
use cloudpartner_emulator::{Emulator, Fault, FaultKind, FaultRoute, LocationForm};
use support::fast_retries;

const SAS: &str = "https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2020-08-04&sr=b&sig=TOPSECRETsig%3D&se=2030-01-01";

async fn emulator(time_scale: f64) -> Emulator {
    Emulator::builder()
        .time_scale(time_scale)
        .start()
        .await
        .unwrap()
}

fn client(emulator: &Emulator) -> Client {
    let mut options = emulator.client_options();
    options.retry_policy = Some(fast_retries());
    Client::new(options).unwrap()
}

fn until(until: WatchUntil) -> WatchOptions {
    WatchOptions {
        until,
        timeout: Some(Duration::from_secs(30)),
        ..WatchOptions::default()
    }
}

async fn watch_to_end(
    client: &Client,
    offer: &str,
    options: WatchOptions,
) -> cloudpartner::OfferStatus {
    let watch = client.watch("contoso", offer, options).unwrap();
    let mut last = None;
    while let Some(status) = watch.next().await {
        last = Some(status.unwrap());
    }
    last.expect("at least one status")
}

#[tokio::test]
async fn a_whole_release() {
    let emu = emulator(100_000.0).await;
    let c = client(&emu);
    let offers = c.offers("contoso").await.unwrap();
    assert!(offers.iter().any(|o| o.id() == "vm-release"));
    assert!(!c.publishers().await.unwrap().is_empty());

    // Read, add an image, write back with the ETag read.
    let mut offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    assert!(offer.etag().is_some());
    assert!(offer.plan_ids().contains(&"standard"));
    let mut image = VmImageVersion::new("2.0.0", SAS);
    image.label = "Release 2".into();
    offer.set_vm_image_version("standard", &image).unwrap();
    assert!(!format!("{offer:?}").contains("TOPSECRET"));
    let stored = c.put_offer(&offer, Precondition::Auto).await.unwrap();
    assert_eq!(stored.version(), offer.version() + 1);
    assert_ne!(stored.etag(), offer.etag());
    let put = emu
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .unwrap();
    assert_eq!(put.header("if-match"), offer.etag());
    let versions: Vec<String> = stored
        .vm_image_versions("standard")
        .unwrap()
        .into_iter()
        .map(|v| v.version)
        .collect();
    assert!(versions.contains(&"2.0.0".to_owned()), "{versions:?}");
    // What the service holds keeps the real signature.
    let held = emu
        .offer_document(
            "contoso",
            "vm-release",
            cloudpartner_emulator::OfferSlot::Draft,
        )
        .unwrap();
    assert!(held.to_string().contains("TOPSECRETsig"));

    // Publish, watch until the review, go live, watch until live.
    let publish = c
        .publish("contoso", "vm-release", ["ops@contoso.com"])
        .await
        .unwrap();
    assert!(publish.url.starts_with(emu.base_url()), "{}", publish.url);
    let review = watch_to_end(&c, "vm-release", until(WatchUntil::PublisherAction)).await;
    assert!(review.needs_publisher_action(), "{review:?}");
    let go_live = c.go_live("contoso", "vm-release").await.unwrap();
    let live = watch_to_end(&c, "vm-release", until(WatchUntil::Terminal)).await;
    assert_eq!(live.status, OfferState::Succeeded);

    let production = c
        .offer(
            "contoso",
            "vm-release",
            OfferSelector::Slot(OfferSlot::Production),
        )
        .await
        .unwrap();
    assert_eq!(production.status(), "published");
    let live_versions: Vec<String> = production
        .vm_image_versions("standard")
        .unwrap()
        .into_iter()
        .map(|v| v.version)
        .collect();
    assert!(live_versions.contains(&"2.0.0".to_owned()));
    let past = c
        .offer(
            "contoso",
            "vm-release",
            OfferSelector::Version(offer.version()),
        )
        .await
        .unwrap();
    assert_eq!(past.version(), offer.version());

    // Both operations, completed, by list and by URL.
    let operations = c.operations("contoso", "vm-release", None).await.unwrap();
    assert_eq!(operations.len(), 2, "{operations:?}");
    assert!(
        operations
            .iter()
            .all(|o| o.state == OperationState::Completed),
        "{operations:?}"
    );
    let completed = c
        .operations("contoso", "vm-release", Some(OperationState::Completed))
        .await
        .unwrap();
    assert_eq!(completed.len(), 2);
    let running = c
        .operations("contoso", "vm-release", Some(OperationState::Running))
        .await
        .unwrap();
    assert!(running.is_empty());
    for reference in [&publish, &go_live] {
        let by_url = c.operation_at(&reference.url).await.unwrap();
        let by_id = c
            .operation("contoso", "vm-release", &reference.id)
            .await
            .unwrap();
        assert_eq!(by_url.id, by_id.id);
        assert_eq!(by_url.state, OperationState::Completed);
        assert!(by_url.detail.is_some(), "an operation has its steps");
    }
}

#[tokio::test]
async fn a_stale_etag_is_a_conflict_and_nothing_is_lost() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    let mut offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    // A second writer changes the offer in between.
    let mut theirs = emu
        .offer_document(
            "contoso",
            "vm-release",
            cloudpartner_emulator::OfferSlot::Draft,
        )
        .unwrap();
    theirs["definition"]["displayText"] = "Changed by someone else".into();
    emu.set_offer_document("contoso", "vm-release", theirs)
        .unwrap();
    offer
        .deprecate_vm_image_version("standard", "1.0.0")
        .unwrap();
    let err = c.put_offer(&offer, Precondition::Auto).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.status_code(), Some(412));
    let held = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    assert_eq!(held.display_text(), "Changed by someone else");
    // Forcing overwrites.
    c.put_offer(&offer, Precondition::Any).await.unwrap();
    let puts = emu
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 2, "a conflict is not retried");
}

#[tokio::test]
async fn creating_twice_is_a_conflict() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    let mut offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    offer.document_mut().insert("id".into(), "vm-new".into());
    let created = c.put_offer(&offer, Precondition::Create).await.unwrap();
    assert_eq!(created.id(), "vm-new");
    let err = c.put_offer(&offer, Precondition::Create).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
}

#[tokio::test]
async fn publishing_while_a_publish_runs_is_a_conflict_and_cancel_stops_it() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    c.publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap();
    let err = c
        .publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.api_code(), Some("OperationInProgress"));
    let err = c.go_live("contoso", "vm-release").await.unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Conflict,
        "go-live before the review: {err}"
    );

    let canceled = c
        .cancel("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap();
    assert!(canceled.is_some());
    let status = c.offer_status("contoso", "vm-release").await.unwrap();
    assert_eq!(status.status, OfferState::Canceled, "{status:?}");
    let operations = c
        .operations("contoso", "vm-release", Some(OperationState::Canceled))
        .await
        .unwrap();
    assert_eq!(operations.len(), 1);
    // Nothing runs any more: cancel is done at once.
    assert!(
        c.cancel("contoso", "vm-release", ["a@x.com"])
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_500_on_a_write_is_not_retried_a_503_is() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    let posts = |emu: &Emulator| emu.requests().iter().filter(|r| r.method == "POST").count();
    emu.add_fault(
        Fault::new(FaultKind::Status {
            status: 500,
            retry_after_seconds: None,
        })
        .for_route(FaultRoute::Publish)
        .times(1),
    );
    let err = c
        .publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(posts(&emu), 1, "a 500 may have acted: sent once");

    emu.add_fault(
        Fault::new(FaultKind::Status {
            status: 503,
            retry_after_seconds: Some(1),
        })
        .for_route(FaultRoute::Publish)
        .times(1),
    );
    let started = std::time::Instant::now();
    c.publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap();
    assert_eq!(posts(&emu), 3, "a 503 cannot have acted: sent again");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "Retry-After honoured"
    );
}

#[tokio::test]
async fn a_write_after_a_timeout_is_not_sent_again() {
    let emu = emulator(1.0).await;
    let mut options = emu.client_options();
    options.retry_policy = Some(fast_retries());
    options.timeout = Some(Duration::from_millis(300));
    let c = Client::new(options).unwrap();
    emu.add_fault(
        Fault::new(FaultKind::Latency { ms: 1_000 })
            .for_route(FaultRoute::Put)
            .times(1),
    );
    let offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    let err = c.put_offer(&offer, Precondition::Auto).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    let puts = emu
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 1);
}

#[tokio::test]
async fn an_operation_on_another_origin_is_refused_and_nothing_is_sent_there() {
    let emu = emulator(1.0).await;
    let elsewhere = emulator(1.0).await;
    let c = client(&emu);
    let reference = c
        .publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap();
    let foreign = reference.url.replace(emu.base_url(), elsewhere.base_url());
    let err = c.operation_at(&foreign).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    assert!(elsewhere.requests().is_empty());
    // A relative URL is the client's own origin.
    let path = reference.url.replace(emu.base_url(), "");
    assert_eq!(c.operation_at(&path).await.unwrap().id, reference.id);
}

#[tokio::test]
async fn every_location_form_is_followed() {
    for form in [
        LocationForm::Operations,
        LocationForm::Legacy,
        LocationForm::Absolute,
    ] {
        let emu = Emulator::builder()
            .location_form(form)
            .start()
            .await
            .unwrap();
        let c = client(&emu);
        let reference = c
            .publish("contoso", "vm-release", ["a@x.com"])
            .await
            .unwrap();
        let operation = c.operation_at(&reference.url).await.unwrap();
        assert_eq!(
            operation.submission_type.to_ascii_lowercase(),
            "publish",
            "{form:?}"
        );
        assert!(!reference.id.is_empty(), "{form:?}");
    }
}

#[tokio::test]
async fn every_offer_vector_round_trips_through_the_emulator() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/offer");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Ok(mut offer) = cloudpartner::parse_offer(&bytes) else {
            continue; // a list of offers
        };
        if offer.id().is_empty() {
            continue;
        }
        // The emulator knows one publisher.
        offer
            .document_mut()
            .insert("publisherId".into(), "contoso".into());
        c.put_offer(&offer, Precondition::Create)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = c
            .offer(offer.publisher_id(), offer.id(), OfferSelector::Draft)
            .await
            .unwrap();
        assert_eq!(
            serde_json::to_string(back.definition()).unwrap(),
            serde_json::to_string(offer.definition()).unwrap(),
            "{name}: the definition comes back as written, key order included"
        );
        count += 1;
    }
    assert!(count >= 8, "{count} offer vectors");
}

#[tokio::test]
async fn validation_failures_are_bad_requests_with_the_apis_code() {
    let emu = emulator(1.0).await;
    let c = client(&emu);
    let mut offer = c
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await
        .unwrap();
    // Written as is, without the helper's check: an image URL that is not https.
    let key = offer.images_key("byol").unwrap();
    let plans = offer.definition_mut()["plans"].as_array_mut().unwrap();
    let byol = plans.iter_mut().find(|p| p["planId"] == "byol").unwrap();
    for image in byol[key].as_object_mut().unwrap().values_mut() {
        image["osVhdUrl"] = "http://insecure.example.com/os.vhd".into();
    }
    c.put_offer(&offer, Precondition::Auto).await.unwrap();
    let err = c
        .publish("contoso", "vm-release", ["a@x.com"])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
    assert_eq!(err.status_code(), Some(422));
    assert!(err.api_code().is_some());
}
