//! The arguments of `cloudpartner status`, `watch` and `inspect`: where offers stand.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::args::intervals::IntervalArgs;

/// `cloudpartner status PUBLISHER OFFER... [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "With --json, each line is {\"publisherId\", \"offerId\", ...the status document}, \
in the order given; an offer that failed has {\"publisherId\", \"offerId\", \"error\": {\"kind\", \"message\", \
\"statusCode\", \"apiCode\", \"requestId\"}} in its place.\n\n\
Example:\n  cloudpartner status contoso vm-offer live-offer\n  cloudpartner status contoso vm-offer live-offer --json"
)]
pub struct StatusArgs {
    /// The publisher id
    pub publisher: String,
    /// One or more offer ids, fetched concurrently
    #[arg(required = true)]
    pub offers: Vec<String>,
    /// Print canonical JSON, one line per offer (with its ids, or its error)
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner watch PUBLISHER OFFER [--until terminal|review] ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner watch contoso vm-offer --until review --timeout 86400"
)]
pub struct WatchArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Stop when the publish ends, or also when it waits for your review
    #[arg(long, value_enum, default_value_t = Until::Terminal)]
    pub until: Until,
    /// Poll bounds.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print each change as canonical JSON, one document per line
    #[arg(long)]
    pub json: bool,
}

/// When `watch` stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Until {
    /// When the offer succeeded, failed or was canceled.
    Terminal,
    /// Also when the offer or a step waits for the publisher's review.
    Review,
}

/// `cloudpartner inspect FILE|- [--json] [--strict]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner inspect saved-status.json --strict")]
pub struct InspectArgs {
    /// The document to read; - reads stdin
    pub file: PathBuf,
    /// Print the canonical JSON instead of the table
    #[arg(long)]
    pub json: bool,
    /// Fail on states and levels this version does not know (API drift)
    #[arg(long)]
    pub strict: bool,
}
