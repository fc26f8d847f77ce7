//! The soak's table: requests, errors by kind, latency percentiles per request kind,
//! memory at the measuring points.

use std::collections::BTreeMap;
use std::time::Duration;

use cloudpartner::ErrorKind;

use crate::memory::{Rss, growth};
use crate::plan::{Counts, Plan};

/// One request's outcome.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub what: &'static str,
    pub took: Duration,
    pub error: Option<ErrorKind>,
}

pub struct Report {
    plan: Plan,
    by_what: BTreeMap<&'static str, Vec<Duration>>,
    errors: BTreeMap<&'static str, Counts>,
    background: usize,
}

impl Report {
    pub fn new(plan: Plan) -> Report {
        Report {
            plan,
            by_what: BTreeMap::new(),
            errors: BTreeMap::new(),
            background: 0,
        }
    }

    pub fn add(&mut self, samples: Vec<Sample>) {
        for sample in samples {
            self.by_what
                .entry(sample.what)
                .or_default()
                .push(sample.took);
            if let Some(kind) = sample.error {
                *self
                    .errors
                    .entry(sample.what)
                    .or_default()
                    .entry(kind.as_str())
                    .or_default() += 1;
            }
        }
    }

    /// Requests sent only to load the emulator: counted, not timed.
    pub fn add_background(&mut self, samples: Vec<Sample>) {
        self.background += samples.len();
        for sample in samples {
            if let Some(kind) = sample.error {
                *self
                    .errors
                    .entry("background")
                    .or_default()
                    .entry(kind.as_str())
                    .or_default() += 1;
            }
        }
    }

    /// Prints the report; false when an unexpected error kind surfaced or memory grew by
    /// more than 10 %.
    pub fn print(
        &self,
        client: &[(usize, Rss)],
        emulator: &[(usize, Rss)],
        injected: &[ErrorKind],
    ) -> bool {
        let mut ok = true;
        println!(
            "soak: {} status and {} release requests from one client at concurrency {}, faults: 503, 429 + Retry-After, reset, latency",
            self.plan.status_requests, self.plan.write_requests, self.plan.concurrency
        );
        println!();
        println!("| requests | count | errors | p50 | p99 |");
        println!("|---|---:|---|---:|---:|");
        for (what, durations) in &self.by_what {
            let mut sorted = durations.clone();
            sorted.sort_unstable();
            let errors = self
                .errors
                .get(what)
                .map(describe)
                .unwrap_or_else(|| "none".into());
            println!(
                "| {what} | {} | {errors} | {:.1} ms | {:.1} ms |",
                sorted.len(),
                percentile(&sorted, 0.50).as_secs_f64() * 1000.0,
                percentile(&sorted, 0.99).as_secs_f64() * 1000.0
            );
        }
        if self.background > 0 {
            let errors = self
                .errors
                .get("background")
                .map(describe)
                .unwrap_or_else(|| "none".into());
            println!(
                "| status (to load the emulator) | {} | {errors} | | |",
                self.background
            );
        }
        for counts in self.errors.values() {
            for kind in counts.keys() {
                if !injected.iter().any(|k| k.as_str() == *kind) {
                    println!("\nsoak: FAILED: `{kind}` errors are not from an injected fault");
                    ok = false;
                }
            }
        }
        println!();
        ok &= memory("client", client, |r| r.peak_kib);
        ok &= memory("emulator", emulator, |r| r.current_kib);
        ok
    }
}

fn describe(counts: &Counts) -> String {
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// Prints memory at each point; false when it grew more than 10 % from the first.
fn memory(who: &str, points: &[(usize, Rss)], value: impl Fn(&Rss) -> u64) -> bool {
    let shown: Vec<String> = points
        .iter()
        .map(|(n, r)| format!("{:.1} MiB after {n} requests", value(r) as f64 / 1024.0))
        .collect();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        println!("{who} memory: not measured (no /proc)");
        return true;
    };
    let grew = growth(value(&first.1), value(&last.1));
    let flat = grew <= 10.0;
    println!(
        "{who} memory: {} ({grew:+.1} %{})",
        shown.join(", "),
        if flat {
            ", flat"
        } else {
            ": FAILED, grew more than 10 %"
        }
    );
    flat
}
