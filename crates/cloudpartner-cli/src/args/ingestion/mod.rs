//! The arguments of `cloudpartner product …`: the Product Ingestion API (DESIGN §10
//! "CLI").

mod image;
mod job;
mod release;
mod target;

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

pub use image::{
    ImageAddArgs, ImageChangeArgs, ImageListArgs, ProductImageArgs, ProductImageCommand,
};
pub use job::{JobArgs, JobCancelArgs, JobCommand};
pub use release::ProductReleaseArgs;
pub use target::TargetArg;

use crate::args::intervals::IntervalArgs;

/// `cloudpartner product …`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner product status vm-release")]
pub struct ProductArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ProductCommand,
}

/// The subcommands of `product`.
#[derive(Debug, Subcommand)]
pub enum ProductCommand {
    /// List the account's products: offer id, name, type, state
    List(ProductListArgs),
    /// Where products stand: stage, preview and live submissions, what to run next
    Status(ProductStatusArgs),
    /// Follow a product's submissions until it is live, failed, or waits for go-live
    Watch(ProductWatchArgs),
    /// Show a product's resource tree (draft, preview or live)
    Show(ProductShowArgs),
    /// List, add, deprecate or restore the VM image versions of a product's plans
    Image(ProductImageArgs),
    /// Send resources as written (a JSON list, or {"resources": [...]}) and follow the job
    Configure(ConfigureArgs),
    /// Show a configure job (its errors as a tree), follow it, or cancel it
    Job(JobArgs),
    /// Publish the draft to preview (certification)
    Publish(ProductPublishArgs),
    /// Push the latest succeeded preview live
    GoLive(ProductPublishArgs),
    /// Release a VM image version: add it, configure, preview, and go live
    Release(ProductReleaseArgs),
}

/// `cloudpartner product list [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner product list")]
pub struct ProductListArgs {
    /// Print one JSON document per product and line
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner product status OFFER... [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner product status vm-release vm-new")]
pub struct ProductStatusArgs {
    /// Offer ids (a durable id product/<guid> works too)
    #[arg(required = true, value_name = "OFFER")]
    pub offers: Vec<String>,
    /// Print one JSON document per product and line
    #[arg(long)]
    pub json: bool,
}

/// When `product watch` stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProductUntil {
    /// When a preview waits for go-live (or at the end)
    Review,
    /// Only when live, failed or never published
    Terminal,
}

/// `cloudpartner product watch OFFER [--until review|terminal] …`
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 live (or nothing to publish), 3 failed, 5 a preview waits \
for go-live, 124 --timeout ran out, 130 Ctrl-C.\n\n\
Example:\n  cloudpartner product watch vm-release --until review --timeout 345600"
)]
pub struct ProductWatchArgs {
    /// The offer id
    pub offer: String,
    /// When to stop
    #[arg(long, value_enum, default_value_t = ProductUntil::Terminal)]
    pub until: ProductUntil,
    /// Poll bounds.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per change
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner product show OFFER [--target draft|preview|live] [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner product show vm-release --target live")]
pub struct ProductShowArgs {
    /// The offer id
    pub offer: String,
    /// Which copy
    #[arg(long, value_enum, default_value_t = TargetArg::Draft)]
    pub target: TargetArg,
    /// Print the tree exactly as the service sent it
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner product configure FILE|- [--no-wait] [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 the job succeeded (or --no-wait), 3 it failed (its errors \
listed with the resource each names), 4 canceled, 124 --timeout ran out.\n\n\
Example:\n  cloudpartner product show vm-release --json | jq '.resources' > tree.json\n  \
cloudpartner product configure tree.json"
)]
pub struct ConfigureArgs {
    /// A JSON file of resources (a list, or {"resources": [...]}); - reads stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print the job and do not wait for it
    #[arg(long)]
    pub no_wait: bool,
    /// Poll bounds.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per line
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner product publish|go-live OFFER [--watch] [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner product publish vm-release --watch")]
pub struct ProductPublishArgs {
    /// The offer id
    pub offer: String,
    /// Follow the job until it ends
    #[arg(long)]
    pub watch: bool,
    /// Poll bounds (with --watch).
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per line
    #[arg(long)]
    pub json: bool,
}
