//! Release a new VM image version with the core's release workflow: read the offer, add
//! the image to a plan, write the offer back, publish, wait for the preview, go live,
//! wait until live — printing its progress events.
//!
//!     cargo run -p cloudpartner --example release -- PUBLISHER OFFER PLAN VERSION OS_VHD_URL
//!
//! With CLOUDPARTNER_TOKEN set it talks to the service (or CLOUDPARTNER_BASE_URL);
//! otherwise it starts the emulator in-process, 100 000 times faster than real time,
//! and releases `contoso/vm-release`.

use std::time::Duration;

use cloudpartner::{
    Client, CppReleaseEvent, ReleaseOutcome, ReleaseRequest, VmImageVersion, WatchOptions,
};
use cloudpartner_emulator::Emulator;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.to_owned());
    let (publisher, offer_id, plan) = (arg(0, "contoso"), arg(1, "vm-release"), arg(2, "standard"));
    let (version, vhd) = (
        arg(3, "2.0.0"),
        arg(
            4,
            "https://example.blob.core.windows.net/vhds/os.vhd?sig=s3cr3t",
        ),
    );

    let mut _emulator = None;
    let client = if std::env::var_os("CLOUDPARTNER_TOKEN").is_some() {
        Client::builder().build()?
    } else {
        let emulator = Emulator::builder().time_scale(100_000.0).start().await?;
        let client = emulator.client()?;
        _emulator = Some(emulator);
        client
    };
    let request = ReleaseRequest {
        publisher_id: publisher,
        offer_id,
        plan_id: plan,
        image: VmImageVersion::new(version, vhd),
        go_live: true,
        notification_emails: vec!["release@contoso.com".into()],
        watch: WatchOptions {
            timeout: Some(Duration::from_secs(7 * 86_400)),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut shown = String::new();
    let outcome = cloudpartner::release(&client, &request, |event| {
        if let Some(line) = line(event) {
            if line != shown {
                println!("{line}");
                shown = line;
            }
        }
    })
    .await?;
    println!(
        "{}/{}: {}",
        request.publisher_id,
        request.offer_id,
        outcome.kind()
    );
    match outcome {
        ReleaseOutcome::Live { .. } | ReleaseOutcome::AtReview { .. } => Ok(()),
        other => Err(format!("the release ended {}", other.kind()).into()),
    }
}

/// A line for each finished phase, and for the state and step while waiting.
fn line(event: &CppReleaseEvent) -> Option<String> {
    match event {
        CppReleaseEvent::PhaseFinished { phase, summary, .. } => {
            Some(format!("{:<8} {summary}", phase.label()))
        }
        CppReleaseEvent::Status { phase, status } => {
            let step = status.current_step().map_or("", |s| s.name.as_str());
            Some(format!("{:<8}   {} {step}", phase.label(), status.status))
        }
        _ => None,
    }
}
