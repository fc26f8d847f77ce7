//! What the soak sends: status reads and release writes from one client at a fixed
//! concurrency, with faults injected before each phase, then plain reads until the
//! emulator has answered its share.

use std::time::{Duration, Instant};

use cloudpartner::{Client, ClientOptions, ErrorKind, OfferSelector, Precondition, RetryPolicy};
use futures_util::StreamExt;

use crate::child::EmulatorProcess;
use crate::memory::{Rss, rss};
use crate::plan::Plan;
use crate::report::{Report, Sample};

/// The faults injected before each of the ten phases: only these may surface.
const FAULTS: [&str; 4] = [
    r#"{"kind": "status", "status": 503, "route": "status", "times": 30}"#,
    r#"{"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 10}"#,
    r#"{"kind": "reset", "route": "status", "times": 10}"#,
    r#"{"kind": "latency", "ms": 5, "times": 200}"#,
];

/// The kinds the injected faults can surface as, once retries are spent.
const INJECTED: [ErrorKind; 3] = [
    ErrorKind::Server,
    ErrorKind::Throttled,
    ErrorKind::Transport,
];

const PHASES: usize = 10;

#[derive(Debug, Clone, Copy)]
enum Job {
    Status,
    /// One write of a release cycle on the worker's own offer: put, publish, operation,
    /// cancel.
    Write {
        offer: usize,
        step: usize,
    },
}

pub async fn run(plan: Plan) -> Result<bool, Box<dyn std::error::Error>> {
    let mut emulator = EmulatorProcess::start()?;
    let client = Client::new(ClientOptions {
        base_url: Some(emulator.base_url.clone()),
        token: Some(emulator.token.clone().into()),
        retry_policy: Some(RetryPolicy {
            max_retries: 4,
            base: Duration::from_millis(50),
            cap: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(2),
        }),
        ..ClientOptions::default()
    })?;
    let offers = plan.concurrency.max(1);
    setup_offers(&client, offers).await?;

    let mut report = Report::new(plan);
    let mut sent = 0usize;
    let mut client_rss: Vec<(usize, Rss)> = Vec::new();
    let mut cycle = 0usize;
    for phase in 0..PHASES {
        for fault in FAULTS {
            emulator.add_fault(fault);
        }
        let statuses = plan.status_requests / PHASES;
        let writes = plan.write_requests / PHASES;
        let mut jobs: Vec<Job> = Vec::with_capacity(statuses + writes);
        let every = (statuses / writes.max(1)).max(1);
        let mut written = 0;
        for i in 0..statuses {
            jobs.push(Job::Status);
            if i % every == 0 && written < writes {
                jobs.push(Job::Write {
                    offer: cycle % offers,
                    step: cycle / offers,
                });
                cycle += 1;
                written += 1;
            }
        }
        let samples = drive(&client, jobs, plan.concurrency).await;
        sent += samples.len();
        report.add(samples);
        if phase == 0 || phase == PHASES - 1 {
            if let Some(now) = rss(None) {
                client_rss.push((sent, now));
            }
        }
    }
    let emulator_at_client_end = rss(Some(emulator.pid())).map(|r| (sent, r));

    // Plain reads until the emulator has answered its share, to see its memory flat.
    let mut emulator_rss = Vec::from_iter(emulator_at_client_end);
    while sent < plan.emulator_requests {
        let batch = (plan.emulator_requests - sent).min(10_000);
        let samples = drive(&client, vec![Job::Status; batch], plan.concurrency).await;
        sent += samples.len();
        report.add_background(samples);
    }
    if let Some(now) = rss(Some(emulator.pid())) {
        emulator_rss.push((sent, now));
    }
    drop(emulator);
    Ok(report.print(&client_rss, &emulator_rss, &INJECTED))
}

/// One offer per worker, copies of `vm-release`, so that release writes never conflict.
async fn setup_offers(client: &Client, count: usize) -> cloudpartner::Result<()> {
    let template = client
        .offer("contoso", "vm-release", OfferSelector::Draft)
        .await?;
    for i in 0..count {
        let mut offer = template.clone();
        offer
            .document_mut()
            .insert("id".into(), format!("soak-{i}").into());
        client.put_offer(&offer, Precondition::Create).await?;
    }
    Ok(())
}

async fn drive(client: &Client, jobs: Vec<Job>, concurrency: usize) -> Vec<Sample> {
    futures_util::stream::iter(jobs)
        .map(|job| async move {
            let started = Instant::now();
            let (what, result) = one(client, job).await;
            Sample {
                what,
                took: started.elapsed(),
                error: result.err().map(|e| e.kind()),
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await
}

async fn one(client: &Client, job: Job) -> (&'static str, cloudpartner::Result<()>) {
    match job {
        Job::Status => (
            "status",
            client.offer_status("contoso", "live-offer").await.map(drop),
        ),
        Job::Write { offer, step } => {
            let id = format!("soak-{offer}");
            match step % 4 {
                0 => ("put", put(client, &id).await),
                1 => (
                    "publish",
                    client
                        .publish("contoso", &id, ["soak@contoso.com"])
                        .await
                        .map(drop),
                ),
                2 => (
                    "operations",
                    client.operations("contoso", &id, None).await.map(drop),
                ),
                _ => (
                    "cancel",
                    client
                        .cancel("contoso", &id, ["soak@contoso.com"])
                        .await
                        .map(drop),
                ),
            }
        }
    }
}

async fn put(client: &Client, id: &str) -> cloudpartner::Result<()> {
    let offer = client.offer("contoso", id, OfferSelector::Draft).await?;
    client.put_offer(&offer, Precondition::Auto).await.map(drop)
}
