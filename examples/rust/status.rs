//! Fetch one offer's status and print its steps.
//!
//!     cargo run -p cloudpartner --example status -- PUBLISHER OFFER
//!
//! Uses CLOUDPARTNER_BASE_URL and CLOUDPARTNER_TOKEN when set; otherwise it starts the
//! emulator in-process and asks it for `contoso/running-offer`.

use cloudpartner::Client;
use cloudpartner_emulator::Emulator;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let publisher = args.next().unwrap_or_else(|| "contoso".into());
    let offer = args.next().unwrap_or_else(|| "running-offer".into());

    // A real service when configured, else the emulator.
    let (_emulator, base_url, token) = match std::env::var("CLOUDPARTNER_TOKEN") {
        Ok(token) => {
            let base = std::env::var("CLOUDPARTNER_BASE_URL")
                .unwrap_or_else(|_| cloudpartner::DEFAULT_BASE_URL.into());
            (None, base, token)
        }
        Err(_) => {
            let emulator = Emulator::builder().start().await?;
            let (base, token) = (emulator.base_url().to_owned(), emulator.token().to_owned());
            (Some(emulator), base, token)
        }
    };

    let client = Client::builder().base_url(base_url).token(token).build()?;
    let status = match client.offer_status(&publisher, &offer).await {
        Ok(status) => status,
        Err(e) => {
            eprintln!("{publisher}/{offer}: {e}");
            std::process::exit(1);
        }
    };

    println!(
        "{publisher}/{offer}: {} ({:.0}%)",
        status.status,
        status.progress() * 100.0
    );
    for step in &status.steps {
        let frame = step.estimated_time_frame.as_ref().map_or("", |t| t.raw());
        println!(
            "  {:<45} {:<28} {:>3}%  {frame}",
            step.name, step.status, step.progress_percentage
        );
    }
    if let Some(step) = status.current_step() {
        println!("current step: {}", step.name);
    }
    if let Some((min, max)) = status.estimated_remaining() {
        let hours = |d: std::time::Duration| d.as_secs_f64() / 3600.0;
        println!("remaining: {:.1} to {:.1} hours", hours(min), hours(max));
    }
    Ok(())
}
