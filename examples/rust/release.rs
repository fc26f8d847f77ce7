//! Release a new VM image version: read the offer, add the image to a plan, write the
//! offer back, publish, wait for the preview, go live, wait until live.
//!
//!     cargo run -p cloudpartner --example release -- PUBLISHER OFFER PLAN VERSION OS_VHD_URL
//!
//! With CLOUDPARTNER_TOKEN set it talks to the service (or CLOUDPARTNER_BASE_URL);
//! otherwise it starts the emulator in-process, 100 000 times faster than real time,
//! and releases `contoso/vm-release`.

use std::time::Duration;

use cloudpartner::{Client, OfferSelector, Precondition, VmImageVersion, WatchOptions, WatchUntil};
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
    release(&client, &publisher, &offer_id, &plan, &version, &vhd).await?;
    Ok(())
}

async fn release(
    client: &Client,
    publisher: &str,
    offer_id: &str,
    plan: &str,
    version: &str,
    os_vhd_url: &str,
) -> cloudpartner::Result<()> {
    let mut offer = client
        .offer(publisher, offer_id, OfferSelector::Draft)
        .await?;
    offer.set_vm_image_version(plan, &VmImageVersion::new(version, os_vhd_url))?;
    let offer = client.put_offer(&offer, Precondition::Auto).await?; // If-Match: the ETag read
    println!(
        "{publisher}/{offer_id}: {plan} {version} written (offer version {})",
        offer.version()
    );

    let publish = client
        .publish(publisher, offer_id, ["release@contoso.com"])
        .await?;
    println!("publishing: {}", publish.id);
    wait(client, publisher, offer_id, WatchUntil::PublisherAction).await?;

    client.go_live(publisher, offer_id).await?;
    let live = wait(client, publisher, offer_id, WatchUntil::Terminal).await?;
    println!("{publisher}/{offer_id}: {}", live.status);
    Ok(())
}

async fn wait(
    client: &Client,
    publisher: &str,
    offer_id: &str,
    until: WatchUntil,
) -> cloudpartner::Result<cloudpartner::OfferStatus> {
    let options = WatchOptions {
        until,
        timeout: Some(Duration::from_secs(7 * 86_400)),
        ..Default::default()
    };
    let watch = client.watch(publisher, offer_id, options)?;
    let (mut last, mut shown) = (None, String::new());
    while let Some(status) = watch.next().await {
        let status = status?;
        let step = status.current_step().map_or("", |s| s.name.as_str());
        let line = format!("  {} {step}", status.status);
        if line != shown {
            println!("{line}");
            shown = line;
        }
        last = Some(status);
    }
    Ok(last.expect("a watch yields at least one status"))
}
