//! The core's release workflow against the emulator: to live, at review, rejected,
//! dry run, and nothing sent for a request that cannot work.

use cloudpartner::{
    ErrorKind, OfferState, OutcomeKind, Phase, ReleaseEvent, ReleaseOutcome, ReleaseRequest,
    VmImageVersion, release,
};
use cloudpartner_emulator::{Emulator, Scenario};

const OS_DISK: &str = "https://example.blob.core.windows.net/v/os.vhd?sv=1&sig=s3cr3t";

fn request(offer: &str, go_live: bool) -> ReleaseRequest {
    ReleaseRequest {
        publisher_id: "contoso".into(),
        offer_id: offer.into(),
        plan_id: "standard".into(),
        image: VmImageVersion::new("2.0.0", OS_DISK),
        go_live,
        ..Default::default()
    }
}

async fn default_emulator() -> Emulator {
    Emulator::builder()
        .time_scale(1_000_000.0)
        .start()
        .await
        .unwrap()
}

/// The events as `phase kind`, statuses collapsed into one `phase status` per phase.
fn trace(events: &[cloudpartner::CppReleaseEvent]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in events {
        let line = format!("{} {}", e.phase(), e.kind());
        if out.last() != Some(&line) {
            out.push(line);
        }
    }
    out
}

#[tokio::test]
async fn a_whole_release_to_live_reports_every_phase_in_order() {
    let emulator = default_emulator().await;
    let client = emulator.client().unwrap();
    let mut events = Vec::new();
    let outcome = release(&client, &request("vm-release", true), |e| {
        events.push(e.clone())
    })
    .await
    .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::Live);
    assert_eq!(outcome.status().unwrap().status, OfferState::Succeeded);
    let ReleaseOutcome::Live { offer, .. } = &outcome else {
        unreachable!()
    };
    assert_eq!(offer.version(), 2);
    assert_eq!(
        trace(&events),
        [
            "read phase_started",
            "read phase_finished",
            "change phase_started",
            "change phase_finished",
            "write phase_started",
            "write phase_finished",
            "publish phase_started",
            "publish phase_finished",
            "review phase_started",
            "review status",
            "review phase_finished",
            "go-live phase_started",
            "go-live phase_finished",
            "live phase_started",
            "live status",
        ]
    );
    let summaries: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            ReleaseEvent::PhaseFinished { summary, .. } => Some(summary.as_str()),
            _ => None,
        })
        .collect();
    assert!(summaries[1].starts_with("standard: image 2.0.0 added (os disk https://example.blob.core.windows.net/v/os.vhd?sv=1&sig=REDACTED"), "{summaries:?}");
    assert_eq!(summaries[2], "offer version 2 written");
    assert!(summaries.iter().all(|s| !s.contains("s3cr3t")));
    // The image is live.
    let live = client
        .offer(
            "contoso",
            "vm-release",
            cloudpartner::OfferSelector::Slot(cloudpartner::OfferSlot::Production),
        )
        .await
        .unwrap();
    assert!(
        live.vm_image_versions("standard")
            .unwrap()
            .iter()
            .any(|i| i.version == "2.0.0")
    );
}

#[tokio::test]
async fn without_go_live_it_stops_at_review() {
    let emulator = default_emulator().await;
    let client = emulator.client().unwrap();
    let mut phases = Vec::new();
    let outcome = release(&client, &request("vm-release", false), |e| {
        phases.push(e.phase())
    })
    .await
    .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::AtReview);
    assert_eq!(
        outcome.status().unwrap().status,
        OfferState::WaitingForPublisherReview
    );
    assert!(!phases.contains(&Phase::GoLive));
    assert!(
        !emulator
            .requests()
            .iter()
            .any(|r| r.path.ends_with("/golive"))
    );
}

#[tokio::test]
async fn a_rejected_publish_is_the_failed_outcome_with_its_status() {
    let scenario = Scenario::from_json_str(
        r#"{"timeScale": 1000000, "publishers": {"contoso": {"offers": {"rejected": {
        "offer": {"offerTypeId": "microsoft-azure-virtualmachines", "publisherId": "contoso",
          "id": "rejected", "version": 1, "status": "neverPublished",
          "definition": {"displayText": "Rejected", "offer": {}, "plans": [{"planId": "standard",
            "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "https://a.blob.core.windows.net/v/1.vhd"}}}]}},
        "publish": {"steps": [
          {"id": "certify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days", "durationSeconds": 3600,
           "outcome": "rejected", "message": "<p>The disk is <b>not generalized</b>.</p>"}]}}}}}}"#,
    )
    .unwrap();
    let emulator = Emulator::builder()
        .scenario(scenario)
        .start()
        .await
        .unwrap();
    let client = emulator.client().unwrap();
    let outcome = release(&client, &request("rejected", true), |_| {})
        .await
        .unwrap();
    let ReleaseOutcome::Failed {
        phase,
        status,
        operation,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(phase, Phase::Review);
    assert_eq!(status.status, OfferState::Failed);
    assert!(!operation.id.is_empty());
    assert!(
        !emulator
            .requests()
            .iter()
            .any(|r| r.path.ends_with("/golive"))
    );
}

#[tokio::test]
async fn a_dry_run_returns_the_diff_and_sends_only_gets() {
    let emulator = default_emulator().await;
    let client = emulator.client().unwrap();
    let mut request = request("vm-release", true);
    request.dry_run = true;
    let outcome = release(&client, &request, |_| {}).await.unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::DryRun);
    let diff = outcome.diff().unwrap();
    assert!(diff.starts_with("--- contoso/vm-release definition (read)\n+++ contoso/vm-release definition (to write)\n@@ "), "{diff}");
    assert!(diff.contains("+          \"osVhdUrl\": \"https://example.blob.core.windows.net/v/os.vhd?sv=1&sig=REDACTED\""), "{diff}");
    assert!(!diff.contains("s3cr3t"));
    let methods: Vec<String> = emulator
        .requests()
        .iter()
        .map(|r| r.method.clone())
        .collect();
    assert!(
        !methods.is_empty() && methods.iter().all(|m| m == "GET"),
        "{methods:?}"
    );
}

#[tokio::test]
async fn a_request_that_cannot_work_sends_nothing() {
    let emulator = default_emulator().await;
    let client = emulator.client().unwrap();
    let mut bad = request("vm-release", true);
    bad.image.os_vhd_url = "http://example.com/os.vhd".into();
    let err = release(&client, &bad, |_| {}).await.unwrap_err();
    assert_eq!(err.phase, Phase::Read);
    assert_eq!(err.error.kind(), ErrorKind::InvalidArgument);
    let mut no_plan = request("vm-release", true);
    no_plan.plan_id = "gold".into();
    let err = release(&client, &no_plan, |_| {}).await.unwrap_err();
    assert_eq!(err.phase, Phase::Change);
    assert!(err.error.message().contains("standard"), "{}", err.error);
    assert!(emulator.requests().iter().all(|r| r.method == "GET"));
    let as_error: cloudpartner::Error = err.into();
    assert!(
        as_error.message().starts_with("release failed at change: "),
        "{as_error}"
    );
}

/// A release can run on a multi-threaded runtime (the bindings spawn it).
#[test]
fn the_release_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = cloudpartner::Client::builder()
        .base_url("http://127.0.0.1:9")
        .token("t")
        .build()
        .unwrap();
    let request = request("vm-release", true);
    let future = release(&client, &request, |_| {});
    assert_send(&future);
}

#[tokio::test]
async fn a_callback_that_breaks_stops_the_release_before_anything_more_is_sent() {
    let emulator = default_emulator().await;
    let client = emulator.client().unwrap();
    // Stop when the publish is about to start: the offer was written, nothing published.
    let err = release(&client, &request("vm-release", true), |event| {
        if matches!(
            event,
            ReleaseEvent::PhaseStarted {
                phase: Phase::Publish
            }
        ) {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    })
    .await
    .unwrap_err();
    assert_eq!(err.phase, Phase::Publish);
    assert_eq!(err.error.kind(), ErrorKind::Canceled);
    let requests = emulator.requests();
    assert!(requests.iter().any(|r| r.method == "PUT"));
    assert!(!requests.iter().any(|r| r.path.ends_with("/publish")));
}
