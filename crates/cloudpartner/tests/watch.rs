//! Watching simulated publishes on the emulator's fast clock.

mod support;

use std::time::Duration;

use cloudpartner::{ErrorKind, OfferState, OfferStatus, WatchOptions, WatchUntil};
use cloudpartner_emulator::{Emulator, Scenario};
use futures_util::StreamExt;
use serde_json::json;
use support::*;

/// A three-step publish of 120 simulated seconds, played in 3 s: long enough that a
/// loaded machine still sees it run.
async fn publish(outcome: &str) -> Emulator {
    let doc = json!({
        "token": TOKEN,
        "timeScale": 40.0,
        "publishers": {"contoso": {"offers": {"vm": {"publish": {"startedSecondsAgo": 0, "steps": [
            {"id": "validate", "stepName": "Validate", "estimatedTimeFrame": "< 1 min", "durationSeconds": 40},
            {"id": "certify", "stepName": "Certification", "estimatedTimeFrame": "~1-2 min", "durationSeconds": 60, "outcome": outcome},
            {"id": "live", "stepName": "Live", "estimatedTimeFrame": "< 1 min", "durationSeconds": 20}
        ]}}}}}
    });
    let scenario = Scenario::from_json_str(&doc.to_string()).unwrap();
    Emulator::builder()
        .scenario(scenario)
        .start()
        .await
        .unwrap()
}

fn fast(until: WatchUntil) -> WatchOptions {
    WatchOptions {
        until,
        min_interval: Some(Duration::from_millis(50)),
        max_interval: Some(Duration::from_millis(100)),
        timeout: Some(Duration::from_secs(20)),
    }
}

async fn collect(emu: &Emulator, until: WatchUntil) -> Vec<cloudpartner::Result<OfferStatus>> {
    client(emu)
        .watch("contoso", "vm", fast(until))
        .unwrap()
        .into_stream()
        .collect()
        .await
}

#[tokio::test]
async fn watch_follows_a_publish_to_success() {
    let emu = publish("complete").await;
    let seen = collect(&emu, WatchUntil::Terminal).await;
    let statuses: Vec<_> = seen.into_iter().map(Result::unwrap).collect();
    assert!(
        statuses.len() >= 3,
        "several changes seen: {}",
        statuses.len()
    );
    for pair in statuses.windows(2) {
        assert_ne!(pair[0], pair[1], "only changes are yielded");
    }
    let last = statuses.last().unwrap();
    assert_eq!(last.status, OfferState::Succeeded);
    assert!(
        statuses[..statuses.len() - 1]
            .iter()
            .all(|s| !s.is_terminal())
    );
}

#[tokio::test]
async fn watch_ends_on_failure() {
    let emu = publish("rejected").await;
    let last = collect(&emu, WatchUntil::Terminal)
        .await
        .pop()
        .unwrap()
        .unwrap();
    assert_eq!(last.status, OfferState::Failed);
    assert_eq!(last.steps[1].status, cloudpartner::StepState::Rejected);
}

#[tokio::test]
async fn watch_can_stop_at_publisher_review() {
    let emu = publish("waitingForPublisherReview").await;
    let last = collect(&emu, WatchUntil::PublisherAction)
        .await
        .pop()
        .unwrap()
        .unwrap();
    assert!(last.needs_publisher_action());
    assert!(!last.is_terminal());
}

#[tokio::test]
async fn watch_times_out_cleanly() {
    let emu = publish("waitingForPublisherReview").await;
    let options = WatchOptions {
        timeout: Some(Duration::from_millis(300)),
        ..fast(WatchUntil::Terminal)
    };
    let seen: Vec<_> = client(&emu)
        .watch("contoso", "vm", options)
        .unwrap()
        .into_stream()
        .collect()
        .await;
    let last = seen.last().unwrap().as_ref().unwrap_err();
    assert_eq!(last.kind(), ErrorKind::Timeout);
    assert!(seen[..seen.len() - 1].iter().all(Result::is_ok));
}

#[tokio::test]
async fn watch_survives_transient_errors_and_ends_on_others() {
    let emu = emulator(json!([{"kind": "status", "status": 503, "times": 6}])).await;
    let c = builder(emu.base_url()).max_retries(1).build().unwrap();
    let seen: Vec<_> = c
        .watch("contoso", "fixed", fast(WatchUntil::Terminal))
        .unwrap()
        .into_stream()
        .collect()
        .await;
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].as_ref().unwrap().status, OfferState::Succeeded);
    let seen: Vec<_> = c
        .watch("contoso", "missing", fast(WatchUntil::Terminal))
        .unwrap()
        .into_stream()
        .collect()
        .await;
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].as_ref().unwrap_err().kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn dropping_a_watch_stops_polling() {
    let emu = publish("waitingForPublisherReview").await;
    let watch = client(&emu)
        .watch("contoso", "vm", fast(WatchUntil::Terminal))
        .unwrap();
    watch.next().await.unwrap().unwrap();
    drop(watch);
    let count = emu.requests().len();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(emu.requests().len(), count);
}

#[tokio::test]
async fn the_interval_follows_the_current_step() {
    let doc = br#"{"status":"running","steps":[{"status":"inProgress","progressPercentage":50,"estimatedTimeFrame":"~2-3 days"}]}"#;
    let s = cloudpartner::parse_offer_status(doc).unwrap();
    let opts = WatchOptions::default();
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1.0),
        Duration::from_secs(300)
    );
    let doc = br#"{"status":"running","steps":[{"status":"inProgress","progressPercentage":90,"estimatedTimeFrame":"< 15 min"}]}"#;
    let s = cloudpartner::parse_offer_status(doc).unwrap();
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1.0),
        Duration::from_secs(5)
    );
    let doc = br#"{"status":"running","steps":[{"status":"inProgress","progressPercentage":0,"estimatedTimeFrame":"< 1 hour"}]}"#;
    let s = cloudpartner::parse_offer_status(doc).unwrap();
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1.0),
        Duration::from_secs(180)
    );
    let s = cloudpartner::parse_offer_status(br#"{"status":"running"}"#).unwrap();
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1.0),
        Duration::from_secs(5)
    );
    assert_eq!(
        "review".parse::<WatchUntil>().unwrap(),
        WatchUntil::PublisherAction
    );
    assert!("sometime".parse::<WatchUntil>().is_err());
}

#[test]
fn a_faster_server_is_polled_faster() {
    let doc = br#"{"status":"running","steps":[{"status":"inProgress","progressPercentage":50,"estimatedTimeFrame":"~2-3 days"}]}"#;
    let s = cloudpartner::parse_offer_status(doc).unwrap();
    let opts = WatchOptions::default();
    // 1.5 days left / 20 = 6480 s, capped at 300 s / 1000.
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1000.0),
        Duration::from_millis(300)
    );
    // The scaled default bounds never go below 50 ms.
    assert_eq!(
        cloudpartner::next_poll_interval(&s, &opts, 1e9),
        cloudpartner::MIN_SCALED_INTERVAL
    );
    // Given bounds are kept as given.
    let given = WatchOptions {
        min_interval: Some(Duration::from_secs(1)),
        ..WatchOptions::default()
    };
    assert_eq!(
        given.interval_bounds(1000.0),
        (Duration::from_secs(1), Duration::from_secs(1))
    );
}

#[tokio::test]
async fn bad_watch_options_are_refused_before_any_request() {
    let emu = publish("complete").await;
    let c = client(&emu);
    let zero = Some(Duration::ZERO);
    for options in [
        WatchOptions {
            min_interval: zero,
            ..WatchOptions::default()
        },
        WatchOptions {
            max_interval: zero,
            ..WatchOptions::default()
        },
        WatchOptions {
            timeout: zero,
            ..WatchOptions::default()
        },
        WatchOptions {
            min_interval: Some(Duration::from_secs(2)),
            max_interval: Some(Duration::from_secs(1)),
            ..WatchOptions::default()
        },
    ] {
        let err = c.watch("contoso", "vm", options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    }
    let err = c
        .watch("contoso", " ", WatchOptions::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(emu.requests().is_empty());
}

#[tokio::test]
async fn closing_a_watch_ends_it_cleanly_even_while_it_waits() {
    let emu = publish("waitingForPublisherReview").await;
    let options = WatchOptions {
        min_interval: Some(Duration::from_secs(30)),
        ..WatchOptions::default()
    };
    let watch = std::sync::Arc::new(client(&emu).watch("contoso", "vm", options).unwrap());
    watch.next().await.unwrap().unwrap();
    let waiting = tokio::spawn({
        let watch = watch.clone();
        async move { watch.next().await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    watch.close();
    let ended = tokio::time::timeout(Duration::from_secs(2), waiting).await;
    assert!(
        ended.unwrap().unwrap().is_none(),
        "a pending next() ends with None"
    );
    watch.close();
    assert!(watch.is_closed());
    assert!(watch.next().await.is_none());
}

#[tokio::test]
async fn a_watch_polls_once_more_at_its_deadline() {
    let emu = publish("waitingForPublisherReview").await;
    // The next poll would come after the deadline: it is made at the deadline instead.
    let options = WatchOptions {
        min_interval: Some(Duration::from_secs(60)),
        timeout: Some(Duration::from_millis(500)),
        ..WatchOptions::default()
    };
    let started = std::time::Instant::now();
    let seen: Vec<_> = client(&emu)
        .watch("contoso", "vm", options)
        .unwrap()
        .into_stream()
        .collect()
        .await;
    let elapsed = started.elapsed();
    let status_requests = emu
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/status"))
        .count();
    assert_eq!(
        status_requests, 2,
        "one poll at the start, one at the deadline"
    );
    assert_eq!(
        seen.last().unwrap().as_ref().unwrap_err().kind(),
        ErrorKind::Timeout
    );
    assert!(
        elapsed >= Duration::from_millis(500) && elapsed < Duration::from_secs(10),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn the_emulators_clock_drives_the_polling() {
    // vm-offer's default publish lasts days of simulated time: at 50 000× it ends in
    // seconds, and a client told the scale follows it without any interval set.
    let emu = Emulator::builder()
        .time_scale(50_000.0)
        .start()
        .await
        .unwrap();
    let c = builder(emu.base_url())
        .token(emu.token())
        .poll_time_scale(50_000.0)
        .build()
        .unwrap();
    let options = WatchOptions {
        until: WatchUntil::PublisherAction,
        timeout: Some(Duration::from_secs(15)),
        ..WatchOptions::default()
    };
    let seen: Vec<_> = c
        .watch("contoso", "vm-offer", options)
        .unwrap()
        .into_stream()
        .collect()
        .await;
    let last = seen.last().unwrap().as_ref().unwrap();
    assert!(
        last.is_terminal() || last.needs_publisher_action(),
        "{last:?}"
    );
    assert!(seen.len() >= 2, "it saw the publish run: {}", seen.len());
}

/// An emulator announces its time scale; a client given none polls on that clock, and
/// one given a scale keeps it.
#[tokio::test]
async fn a_client_follows_the_clock_an_emulator_announces() {
    let emulator = cloudpartner_emulator::Emulator::builder()
        .time_scale(100_000.0)
        .start()
        .await
        .unwrap();
    let plain = cloudpartner::Client::builder()
        .base_url(emulator.base_url())
        .token(emulator.token())
        .build()
        .unwrap();
    assert_eq!(plain.poll_time_scale(), 1.0);
    let watch = plain
        .watch("contoso", "vm-offer", Default::default())
        .unwrap();
    let mut last = None;
    while let Some(status) = watch.next().await {
        last = Some(status.unwrap());
    }
    assert!(last.unwrap().is_terminal());
    assert_eq!(
        plain.poll_time_scale(),
        100_000.0,
        "polled on the emulator's clock"
    );
    let given = cloudpartner::Client::builder()
        .base_url(emulator.base_url())
        .token(emulator.token())
        .poll_time_scale(2.0)
        .build()
        .unwrap();
    given.offer_status("contoso", "live-offer").await.unwrap();
    assert_eq!(given.poll_time_scale(), 2.0, "a given scale is kept");
}
