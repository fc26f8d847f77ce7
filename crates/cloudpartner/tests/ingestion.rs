//! The Product Ingestion client against the emulator: a release to live, at review,
//! a certification failure, resuming after an interruption at each phase, the
//! conflict refusals, the write rule of configure, paging, cancel, the Graph scope, and
//! bad input refused before anything is sent.

use std::ops::ControlFlow;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cloudpartner::credential::{AccessToken, TokenCredential, TokenFuture};
use cloudpartner::ingestion::{
    self, Client, JobResult, ProductStage, ReleaseOutcome, ReleaseRequest, Target,
};
use cloudpartner::{
    ClientOptions, ErrorKind, OutcomeKind, Phase, ReleaseEvent, RetryPolicy, WatchOptions,
};
use cloudpartner_emulator::{Emulator, Fault, RecordedRequest, Scenario};

const OS_DISK: &str =
    "https://contosoimages.blob.core.windows.net/vhds/release-2.0.0-os.vhd?sv=1&sig=s3cr3t";

async fn emulator_with(scenario: Option<&str>) -> Emulator {
    let mut builder = Emulator::builder().time_scale(1_000_000.0);
    if let Some(json) = scenario {
        builder = builder.scenario(Scenario::from_json_str(json).unwrap());
    }
    builder.start().await.unwrap()
}

fn client(emulator: &Emulator) -> Client {
    Client::new(ClientOptions {
        retry_policy: Some(RetryPolicy {
            base: Duration::from_millis(5),
            cap: Duration::from_millis(20),
            ..RetryPolicy::default()
        }),
        ..emulator.client_options()
    })
    .unwrap()
}

fn request(offer: &str, go_live: bool) -> ReleaseRequest {
    ReleaseRequest {
        offer_id: offer.into(),
        plan_id: "standard".into(),
        version: "2.0.0".into(),
        os_disk_uri: OS_DISK.into(),
        go_live,
        ..Default::default()
    }
}

/// The configure requests: their bodies' resource types (`submission:preview`, …).
fn configures(emulator: &Emulator) -> Vec<Vec<String>> {
    emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.trim_end_matches('/').ends_with("/configure"))
        .map(|r: &RecordedRequest| {
            let body: serde_json::Value =
                serde_json::from_slice(r.body.as_deref().unwrap_or_default()).unwrap();
            body["resources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|res| {
                    let kind = ingestion::type_of_schema(res["$schema"].as_str().unwrap()).unwrap();
                    match res["target"]["targetType"].as_str() {
                        Some(t) => format!("{kind}:{t}"),
                        None => kind.to_owned(),
                    }
                })
                .collect()
        })
        .collect()
}

fn trace(events: &[ingestion::IngestionReleaseEvent]) -> Vec<String> {
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
async fn a_whole_release_reaches_live_and_the_live_tree_holds_the_version() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let mut events = Vec::new();
    let outcome = ingestion::release(&client, &request("vm-release", true), |e| {
        events.push(e.clone())
    })
    .await
    .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::Live, "{outcome:?}");
    assert_eq!(outcome.status().unwrap().stage, ProductStage::Live);
    let t = trace(&events);
    for phase in [
        "read", "change", "write", "publish", "review", "go-live", "live",
    ] {
        assert!(
            t.contains(&format!("{phase} phase_started")),
            "{phase}: {t:?}"
        );
    }
    assert!(t.contains(&"review status".to_owned()), "{t:?}");
    assert_eq!(
        configures(&emulator),
        [
            vec!["virtual-machine-plan-technical-configuration".to_owned()],
            vec!["submission:preview".to_owned()],
            vec!["submission:live".to_owned()],
        ]
    );
    let live = client
        .resource_tree("vm-release", Target::Live)
        .await
        .unwrap();
    let versions = live
        .technical_configuration("standard")
        .unwrap()
        .vm_image_versions();
    let added = versions
        .iter()
        .find(|v| v.version_number == "2.0.0")
        .unwrap();
    assert_eq!(
        added
            .images
            .iter()
            .map(|i| i.image_type.as_str())
            .collect::<Vec<_>>(),
        ["x64Gen1", "x64Gen2"],
        "one image per SKU"
    );
    assert!(
        versions.iter().any(|v| v.version_number == "1.0.0"),
        "the published one is kept"
    );
    for e in &events {
        if let ReleaseEvent::PhaseFinished { summary, .. } = e {
            assert!(!summary.contains("s3cr3t"), "{summary}");
        }
    }
}

#[tokio::test]
async fn without_go_live_it_stops_when_the_preview_waits_for_go_live() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let outcome = ingestion::release(&client, &request("vm-new", false), |_| {})
        .await
        .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::AtReview, "{outcome:?}");
    let status = client.product_status("vm-new").await.unwrap();
    assert_eq!(status.stage, ProductStage::WaitingForGoLive);
    assert!(status.needs_publisher_action());
    assert!(
        !configures(&emulator)
            .iter()
            .flatten()
            .any(|r| r == "submission:live")
    );
}

#[tokio::test]
async fn a_certification_failure_is_the_failed_outcome_with_nested_errors() {
    let emulator = emulator_with(Some(
        r#"{"ingestion": {"products": {"vm-cert": {"plans": {"standard": {"skus": [
            {"imageType": "x64Gen2", "skuId": "standard"}]}},
            "preview": {"seconds": 3600, "outcome": "certificationFailed"}}}}}"#,
    ))
    .await;
    let client = client(&emulator);
    let outcome = ingestion::release(&client, &request("vm-cert", true), |_| {})
        .await
        .unwrap();
    let ReleaseOutcome::Failed { phase, job, status } = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(*phase, Phase::Review);
    let job = job.as_ref().unwrap();
    assert_eq!(job.result, JobResult::Failed);
    assert!(job.is_certification_failure(), "{job:?}");
    assert!(
        job.errors
            .iter()
            .flat_map(|e| e.lines())
            .any(|l| l.starts_with("  ")),
        "nested"
    );
    assert_eq!(status.as_ref().unwrap().stage, ProductStage::PreviewFailed);
    assert!(
        !configures(&emulator)
            .iter()
            .flatten()
            .any(|r| r == "submission:live")
    );
}

/// Runs the release until `stop_at` starts, then again to its end.
async fn interrupted_then_resumed(stop_at: Phase) -> (Emulator, ReleaseOutcome, Vec<String>) {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let err = ingestion::release(&client, &request("vm-release", true), |e| {
        if matches!(e, ReleaseEvent::PhaseStarted { phase } if *phase == stop_at) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .await
    .unwrap_err();
    assert_eq!(
        (err.phase, err.error.kind()),
        (stop_at, ErrorKind::Canceled)
    );
    let mut summaries = Vec::new();
    let outcome = ingestion::release(&client, &request("vm-release", true), |e| {
        if let ReleaseEvent::PhaseFinished { summary, .. } = e {
            summaries.push(summary.clone());
        }
    })
    .await
    .unwrap();
    (emulator, outcome, summaries)
}

#[tokio::test]
async fn resumed_after_the_write_it_does_not_configure_again() {
    let (emulator, outcome, summaries) = interrupted_then_resumed(Phase::Publish).await;
    assert_eq!(outcome.kind(), OutcomeKind::Live);
    let configures = configures(&emulator);
    let tech = configures
        .iter()
        .flatten()
        .filter(|r| r.contains("technical"))
        .count();
    assert_eq!(tech, 1, "{configures:?}");
    assert!(
        summaries.iter().any(|s| s.contains("not sent again")),
        "{summaries:?}"
    );
}

#[tokio::test]
async fn resumed_during_the_review_it_does_not_publish_a_second_preview() {
    let (emulator, outcome, summaries) = interrupted_then_resumed(Phase::Review).await;
    assert_eq!(outcome.kind(), OutcomeKind::Live, "{outcome:?}");
    let previews = configures(&emulator)
        .iter()
        .flatten()
        .filter(|r| *r == "submission:preview")
        .count();
    assert_eq!(previews, 1, "{summaries:?}");
}

#[tokio::test]
async fn resumed_before_go_live_it_goes_live_without_republishing() {
    let (emulator, outcome, summaries) = interrupted_then_resumed(Phase::GoLive).await;
    assert_eq!(outcome.kind(), OutcomeKind::Live);
    let all = configures(&emulator);
    let count = |kind: &str| all.iter().flatten().filter(|r| *r == kind).count();
    assert_eq!(
        (count("submission:preview"), count("submission:live")),
        (1, 1),
        "{summaries:?}"
    );
    assert!(
        summaries.iter().any(|s| s.contains("not published again")),
        "{summaries:?}"
    );
}

#[tokio::test]
async fn a_release_already_live_sends_nothing() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    ingestion::release(&client, &request("vm-release", true), |_| {})
        .await
        .unwrap();
    let before = configures(&emulator).len();
    let outcome = ingestion::release(&client, &request("vm-release", true), |_| {})
        .await
        .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::Live);
    assert_eq!(configures(&emulator).len(), before);
}

#[tokio::test]
async fn conflicts_name_what_blocks_them() {
    let emulator = Emulator::builder().time_scale(1.0).start().await.unwrap();
    let client = client(&emulator);
    let err = client.go_live("vm-release").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        err.message()
            .contains("no succeeded preview newer than live"),
        "{err}"
    );
    // A preview that takes a simulated day at real speed: it runs.
    let job = client.publish("vm-new").await.unwrap();
    assert!(!job.id.is_empty());
    let err = client.publish("vm-new").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        err.message().contains("is in progress") && err.message().contains("preview"),
        "{err}"
    );
    let err = ingestion::release(&client, &request("vm-new", true), |_| {})
        .await
        .unwrap_err();
    assert_eq!(
        (err.phase, err.error.kind()),
        (Phase::Read, ErrorKind::Conflict)
    );
    // The running job is canceled; the service then refuses a second cancel.
    let canceled = client.cancel_job(&job.id).await.unwrap();
    assert_eq!(canceled.result, JobResult::Cancelled);
    let err = client.cancel_job(&job.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert!(err.message().contains("already completed"), "{err}");
}

#[tokio::test]
async fn configure_is_not_resent_after_a_500_but_is_after_503_and_429() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let tree = client.resource_tree("vm-new", Target::Draft).await.unwrap();
    let config = tree.technical_configuration("standard").unwrap();
    let posts = |e: &Emulator| configures(e).len();

    emulator.add_fault(
        Fault::from_json_str(
            r#"{"kind": "status", "status": 500, "route": "ingestion.configure", "times": 1}"#,
        )
        .unwrap(),
    );
    let err = client
        .configure(&[config.resource().clone()])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(
        posts(&emulator),
        1,
        "a 500 may have been applied: not sent again"
    );

    for status in [503, 429] {
        let before = posts(&emulator);
        emulator.add_fault(Fault::from_json_str(&format!(r#"{{"kind": "status", "status": {status}, "retryAfterSeconds": 1, "route": "ingestion.configure", "times": 1}}"#)).unwrap());
        let started = std::time::Instant::now();
        let job = client
            .configure(&[config.resource().clone()])
            .await
            .unwrap();
        assert!(!job.id.is_empty());
        assert_eq!(posts(&emulator), before + 2, "{status}: sent again");
        assert!(
            started.elapsed() >= Duration::from_millis(900),
            "{status}: Retry-After honoured"
        );
    }
}

#[tokio::test]
async fn products_are_read_over_every_page() {
    let products: Vec<String> = (0..7).map(|i| format!(r#""vm-{i}": {{}}"#)).collect();
    let emulator = emulator_with(Some(&format!(
        r#"{{"ingestion": {{"products": {{{}}}}}}}"#,
        products.join(", ")
    )))
    .await;
    let client = client(&emulator);
    let all = client.products_paged(3).await.unwrap();
    let mut ids: Vec<&str> = all.iter().map(|p| p.external_id()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["vm-0", "vm-1", "vm-2", "vm-3", "vm-4", "vm-5", "vm-6"]
    );
    let pages = emulator
        .requests()
        .iter()
        .filter(|r| r.path.trim_end_matches('/').ends_with("/product"))
        .count();
    assert_eq!(pages, 3);
}

#[derive(Debug, Default)]
struct Scopes(Mutex<Vec<String>>);

impl TokenCredential for Scopes {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        self.0.lock().unwrap().push(scope.to_owned());
        Box::pin(async { Ok(AccessToken::new("emulator-token", None)) })
    }
}

#[tokio::test]
async fn the_credential_is_asked_for_the_graph_scope() {
    let emulator = emulator_with(None).await;
    let scopes = Arc::new(Scopes::default());
    let client = Client::new(ClientOptions {
        token: None,
        credential: Some(scopes.clone()),
        ..emulator.client_options()
    })
    .unwrap();
    client.product("vm-release").await.unwrap();
    assert_eq!(
        *scopes.0.lock().unwrap(),
        ["https://graph.microsoft.com/.default"]
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_what_and_where() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let err = client.product("no-such-offer").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.message().contains("no-such-offer"), "{err}");
    let sent = emulator.requests().len();
    for (mut bad, says) in [
        (request("vm-release", true), "https"),
        (request("vm-release", true), "N.N.N"),
        (request("vm-release", true), "0..15"),
    ] {
        match says {
            "https" => bad.os_disk_uri = "http://example.com/os.vhd".into(),
            "N.N.N" => bad.version = "2.0".into(),
            _ => bad.data_disks = vec![ingestion::DataDisk::new(16, OS_DISK)],
        }
        let err = ingestion::release(&client, &bad, |_| {}).await.unwrap_err();
        assert_eq!(
            (err.phase, err.error.kind()),
            (Phase::Read, ErrorKind::InvalidArgument)
        );
        assert!(err.error.message().contains(says), "{}", err.error);
    }
    assert_eq!(emulator.requests().len(), sent, "nothing sent");
    let mut gold = request("vm-release", true);
    gold.plan_id = "gold".into();
    let err = ingestion::release(&client, &gold, |_| {})
        .await
        .unwrap_err();
    assert_eq!(err.error.kind(), ErrorKind::InvalidArgument);
    let message = err.error.message();
    assert!(
        message.contains("`gold`") && message.contains("standard") && message.contains("byol"),
        "{message}"
    );
    assert!(emulator.requests().iter().all(|r| r.method == "GET"));
}

#[tokio::test]
async fn a_job_that_does_not_end_times_out_naming_the_job() {
    let emulator = Emulator::builder().time_scale(1.0).start().await.unwrap();
    let client = client(&emulator);
    let job = client.publish("vm-new").await.unwrap();
    let options = WatchOptions {
        min_interval: Some(Duration::from_millis(50)),
        timeout: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let err = client.wait_for_job(&job.id, options).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.message().contains(&job.id), "{err}");
}

#[tokio::test]
async fn a_draft_read_through_the_client_knows_what_was_published() {
    let emulator = emulator_with(None).await;
    let client = client(&emulator);
    let draft = client
        .resource_tree("vm-release", Target::Draft)
        .await
        .unwrap();
    let mut config = draft.technical_configuration("standard").unwrap();
    let err = config.remove_vm_image_version("1.0.0").unwrap_err();
    assert!(err.message().contains("published"), "{err}");
    config
        .set_vm_image_version(&ingestion::VmImageVersion::new(
            "3.0.0",
            vec![ingestion::VmImage::sas_uri("x64Gen1", OS_DISK)],
        ))
        .unwrap();
    let removed = config.remove_vm_image_version("3.0.0").unwrap();
    assert_eq!(removed.version_number, "3.0.0");
}

#[tokio::test]
async fn resumed_while_its_push_to_live_runs_it_waits_for_it() {
    let emulator = emulator_with(Some(
        r#"{"ingestion": {"products": {"vm-slow-live": {"published": true,
            "plans": {"standard": {"skus": [{"imageType": "x64Gen2", "skuId": "standard"}], "versions": ["1.0.0"]}},
            "live": {"seconds": 800000}}}}}"#,
    ))
    .await;
    let client = client(&emulator);
    let err = ingestion::release(&client, &request("vm-slow-live", true), |e| {
        if matches!(e, ReleaseEvent::PhaseStarted { phase: Phase::Live }) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .await
    .unwrap_err();
    assert_eq!(err.phase, Phase::Live);
    assert_eq!(
        client.product_status("vm-slow-live").await.unwrap().stage,
        ProductStage::LiveInProgress
    );
    let mut summaries = Vec::new();
    let outcome = ingestion::release(&client, &request("vm-slow-live", true), |e| {
        if let ReleaseEvent::PhaseFinished { summary, .. } = e {
            summaries.push(summary.clone());
        }
    })
    .await
    .unwrap();
    assert_eq!(outcome.kind(), OutcomeKind::Live, "{summaries:?}");
    let all = configures(&emulator);
    let count = |kind: &str| all.iter().flatten().filter(|r| *r == kind).count();
    assert_eq!(
        (count("submission:preview"), count("submission:live")),
        (1, 1)
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("push to live is in progress")),
        "{summaries:?}"
    );
}
