//! What the soak sends: status reads and release writes from one client of each API
//! (the Cloud Partner Portal API and the Product Ingestion API) at a fixed
//! concurrency, with faults injected before each phase, then plain reads of both APIs
//! until the emulator has answered its share.

use std::time::{Duration, Instant};

use cloudpartner::ingestion::{self, Target};
use cloudpartner::{Client, ClientOptions, ErrorKind, OfferSelector, Precondition, RetryPolicy};
use futures_util::StreamExt;

use crate::child::EmulatorProcess;
use crate::memory::{Rss, rss};
use crate::plan::Plan;
use crate::report::{Report, Sample};

/// The faults injected before each of the ten phases: only these may surface.
const FAULTS: [&str; 6] = [
    r#"{"kind": "status", "status": 503, "route": "status", "times": 30}"#,
    r#"{"kind": "status", "status": 503, "route": "ingestion.submission", "times": 10}"#,
    r#"{"kind": "reset", "route": "ingestion.tree", "times": 5}"#,
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

/// Where the emulator's memory is measured while it is loaded with plain reads.
const EMULATOR_MEASURES: [usize; 2] = [10_000, 40_000];

#[derive(Debug, Clone, Copy)]
enum Job {
    Status,
    /// A Product Ingestion read: where a product stands, or its draft tree.
    ProductRead(usize),
    /// A Product Ingestion write: the technical configuration sent back as it is.
    Configure,
    /// One write of a release cycle on the worker's own offer: put, publish, operation,
    /// cancel.
    Write {
        offer: usize,
        step: usize,
    },
}

/// The clients of both APIs, sharing the options.
struct Clients {
    cpp: Client,
    ingestion: ingestion::Client,
}

pub async fn run(plan: Plan) -> Result<bool, Box<dyn std::error::Error>> {
    let mut emulator = EmulatorProcess::start()?;
    let options = ClientOptions {
        base_url: Some(emulator.base_url.clone()),
        token: Some(emulator.token.clone().into()),
        retry_policy: Some(RetryPolicy {
            max_retries: 4,
            base: Duration::from_millis(50),
            cap: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(2),
        }),
        ingestion_base_url: Some(format!("{}/rp/product-ingestion", emulator.base_url)),
        ..ClientOptions::default()
    };
    let client = Clients {
        cpp: Client::new(options.clone())?,
        ingestion: ingestion::Client::new(options)?,
    };
    let offers = plan.concurrency.max(1);
    setup_offers(&client.cpp, offers).await?;

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
            jobs.push(match i % 4 {
                1 => Job::ProductRead(i),
                3 if i % 40 == 3 => Job::Configure,
                _ => Job::Status,
            });
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

    // Plain reads of both APIs until the emulator has answered its share, to see its
    // memory flat: measured at each of EMULATOR_MEASURES and at the end.
    let mut emulator_rss = Vec::from_iter(emulator_at_client_end);
    let start = sent;
    let mut measures = EMULATOR_MEASURES
        .iter()
        .filter(move |m| **m > start)
        .peekable();
    while sent < plan.emulator_requests {
        let next_stop = measures.peek().map_or(plan.emulator_requests, |m| **m);
        let batch = (next_stop.min(plan.emulator_requests) - sent).clamp(1, 10_000);
        let jobs: Vec<Job> = (0..batch)
            .map(|i| {
                if i % 2 == 0 {
                    Job::Status
                } else {
                    Job::ProductRead(i)
                }
            })
            .collect();
        let samples = drive(&client, jobs, plan.concurrency).await;
        sent += samples.len();
        report.add_background(samples);
        if measures.peek().is_some_and(|m| **m <= sent) {
            measures.next();
            if let Some(now) = rss(Some(emulator.pid())) {
                emulator_rss.push((sent, now));
            }
        }
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

async fn drive(client: &Clients, jobs: Vec<Job>, concurrency: usize) -> Vec<Sample> {
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

async fn one(clients: &Clients, job: Job) -> (&'static str, cloudpartner::Result<()>) {
    let client = &clients.cpp;
    match job {
        Job::ProductRead(i) if i % 3 == 0 => (
            "product tree",
            clients
                .ingestion
                .resource_tree("vm-release", Target::Draft)
                .await
                .map(drop),
        ),
        Job::ProductRead(_) => (
            "product status",
            clients
                .ingestion
                .product_status("vm-release")
                .await
                .map(drop),
        ),
        Job::Configure => ("configure", configure(&clients.ingestion).await),
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

/// Sends `vm-new`'s technical configuration back as it is: a configure job that changes
/// nothing, so that the emulator's draft does not grow.
async fn configure(client: &ingestion::Client) -> cloudpartner::Result<()> {
    let tree = client.resource_tree("vm-new", Target::Draft).await?;
    let config = tree.technical_configuration("standard")?;
    client
        .configure(&[config.resource().clone()])
        .await
        .map(drop)
}
