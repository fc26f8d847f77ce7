//! Release a new VM image version through the Product Ingestion API with the core's
//! resumable workflow: add the version to the plan's technical configuration, configure,
//! publish to preview, wait for certification, go live — printing its progress.
//!
//!     cargo run -p cloudpartner --example ingestion_release -- OFFER PLAN VERSION OS_DISK_URL
//!
//! With CLOUDPARTNER_TOKEN set (a Microsoft Graph token) it talks to the service (or
//! CLOUDPARTNER_INGESTION_URL); otherwise it starts the emulator in-process, a million
//! times faster than real time, and releases `vm-release`. Run it again after an
//! interruption: what is already done is not sent again.

use cloudpartner::ingestion::{self, IngestionReleaseEvent, ReleaseOutcome, ReleaseRequest};
use cloudpartner::{ClientOptions, ReleaseEvent};
use cloudpartner_emulator::Emulator;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.to_owned());
    let mut _emulator = None;
    let client = if std::env::var_os("CLOUDPARTNER_TOKEN").is_some() {
        ingestion::Client::new(ClientOptions::default())?
    } else {
        let emulator = Emulator::builder().time_scale(1_000_000.0).start().await?;
        let client = emulator.ingestion_client()?;
        _emulator = Some(emulator);
        client
    };
    let request = ReleaseRequest {
        offer_id: arg(0, "vm-release"),
        plan_id: arg(1, "standard"),
        version: arg(2, "2.0.0"),
        os_disk_uri: arg(
            3,
            "https://contosoimages.blob.core.windows.net/vhds/release-2.0.0-os.vhd?sig=s3cr3t",
        ),
        go_live: true,
        ..Default::default()
    };
    let outcome = ingestion::release(&client, &request, show).await?;
    println!("{}: {}", request.offer_id, outcome.kind());
    match outcome {
        ReleaseOutcome::Live { .. } | ReleaseOutcome::AtReview { .. } => Ok(()),
        ReleaseOutcome::Failed { job: Some(job), .. } => {
            for line in job.errors.iter().flat_map(|e| e.lines()) {
                eprintln!("  {line}");
            }
            Err("the release failed".into())
        }
        other => Err(format!("the release ended {}", other.kind()).into()),
    }
}

/// A line for each finished phase, and for each stage while it waits.
fn show(event: &IngestionReleaseEvent) {
    match event {
        ReleaseEvent::PhaseFinished { phase, summary, .. } => {
            println!("{:<8} {summary}", phase.label())
        }
        ReleaseEvent::Status { phase, status } => {
            println!("{:<8}   {}", phase.label(), status.stage)
        }
        _ => {}
    }
}
