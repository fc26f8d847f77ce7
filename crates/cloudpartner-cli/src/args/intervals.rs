//! `--min-interval` and `--max-interval`: how often a waiting command polls.

use std::time::Duration;

use clap::Args;

use super::parse::parse_seconds;

/// The poll interval bounds of every command that waits (`watch`, `release`, `publish
/// --watch`, `go-live --watch`, `cancel --watch`).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct IntervalArgs {
    /// Shortest wait between polls, in seconds [default: 5]
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub min_interval: Option<Duration>,
    /// Longest wait between polls, in seconds [default: 300]
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub max_interval: Option<Duration>,
}
