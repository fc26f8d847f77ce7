//! `make soak`: one client of each API (Cloud Partner Portal and Product Ingestion),
//! many requests at concurrency 64 against the emulator (a child process on loopback),
//! with faults mixed in; reports requests, errors by kind, latency
//! percentiles and the peak memory of the client and of the emulator.
//!
//!     cargo run --release -p cloudpartner-soak [-- --status N --writes N --emulator-requests N]
//!
//! It exits non-zero when an error other than the injected faults' kinds surfaces, or
//! when memory grows by more than 10 % between the measuring points.

mod child;
mod memory;
mod plan;
mod report;
mod workload;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(child::SERVE_FLAG) {
        return child::serve();
    }
    let number = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| v.parse().expect("a number"))
            .unwrap_or(default)
    };
    let plan = plan::Plan {
        status_requests: number("--status", 10_000),
        write_requests: number("--writes", 1_000),
        concurrency: number("--concurrency", 64),
        emulator_requests: number("--emulator-requests", 100_000),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(workload::run(plan)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("soak: {error}");
            ExitCode::FAILURE
        }
    }
}
