//! `make bench` (Rust part): cloudpartner against what a Rust user would write instead,
//! measured in the same run and reported as ratios.
//!
//! - parse: `parse_offer_status` (typed, lenient, derived values ready) against
//!   `serde_json::from_slice::<Value>` (untyped) on the reference sample;
//! - fetch: `Client::offer_status` against a bare `reqwest` GET + `serde_json` on one
//!   kept-alive connection to the emulator.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `f` repeatedly for about `budget`, returns the mean time of one call.
fn time<F: FnMut()>(budget: Duration, mut f: F) -> Duration {
    for _ in 0..10 {
        f();
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < budget {
        f();
        n += 1;
    }
    start.elapsed() / n
}

async fn time_async<F, Fut>(budget: Duration, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..10 {
        f().await;
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < budget {
        f().await;
        n += 1;
    }
    start.elapsed() / n
}

fn report(what: &str, ours: Duration, theirs: Duration, theirs_name: &str) {
    println!(
        "{what:<40} cloudpartner {:>9.2} µs   {theirs_name} {:>9.2} µs   ratio {:.2}x",
        ours.as_secs_f64() * 1e6,
        theirs.as_secs_f64() * 1e6,
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

fn main() {
    let budget = Duration::from_millis(
        std::env::var("BENCH_MILLIS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500),
    );
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/status/reference-sample.json"
    ))
    .expect("the reference sample");

    let ours = time(budget, || {
        black_box(cloudpartner::parse_offer_status(black_box(&sample)).unwrap());
    });
    let theirs = time(budget, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(&sample)).unwrap());
    });
    report("parse reference sample", ours, theirs, "serde_json::Value");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let emulator = cloudpartner_emulator::Emulator::builder()
            .start()
            .await
            .unwrap();
        let client = cloudpartner::Client::builder()
            .base_url(emulator.base_url())
            .token(emulator.token())
            .build()
            .unwrap();
        // Built after cloudpartner's client, which installed rustls's provider (ring).
        let http = reqwest::Client::new();
        let url = format!(
            "{}/api/publishers/contoso/offers/running-offer/status?api-version=2017-10-31",
            emulator.base_url()
        );
        let token = emulator.token().to_owned();
        let ours = time_async(budget, || async {
            black_box(
                client
                    .offer_status("contoso", "running-offer")
                    .await
                    .unwrap(),
            );
        })
        .await;
        let theirs = time_async(budget, || async {
            let body = http
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            black_box(serde_json::from_slice::<serde_json::Value>(&body).unwrap());
        })
        .await;
        report(
            "one call, kept-alive connection",
            ours,
            theirs,
            "reqwest+serde_json",
        );
    });
}
