//! The arguments of `product image list|add|deprecate|restore` and the image flags
//! `product release` shares with `product image add`.

use clap::{Args, Subcommand};
use cloudpartner::ingestion::DataDisk;

use super::target::TargetArg;
use crate::args::intervals::IntervalArgs;

/// `cloudpartner product image list|add|deprecate|restore ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner product image add vm-release --plan standard --version 2.0.0 --os-disk-url \"$VHD\" --dry-run"
)]
pub struct ProductImageArgs {
    /// What to do with the image versions.
    #[command(subcommand)]
    pub command: ProductImageCommand,
}

/// The subcommands of `product image`.
#[derive(Debug, Subcommand)]
pub enum ProductImageCommand {
    /// List the VM image versions of a product's plans
    List(ImageListArgs),
    /// Add an image version to a plan (or replace it) and configure the draft
    Add(ImageAddArgs),
    /// Deprecate an image version and configure the draft
    Deprecate(ImageChangeArgs),
    /// Restore a deprecated image version and configure the draft
    Restore(ImageChangeArgs),
}

/// `cloudpartner product image list OFFER [--plan PLAN] [--target …] [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner product image list vm-release --plan standard --target live"
)]
pub struct ImageListArgs {
    /// The offer id
    pub offer: String,
    /// Only this plan
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Which copy
    #[arg(long, value_enum, default_value_t = TargetArg::Draft)]
    pub target: TargetArg,
    /// Print one JSON document per image version and line (URLs unredacted)
    #[arg(long)]
    pub json: bool,
}

/// The version to add: `--plan`, `--version`, `--os-disk-url` and the optional disks.
#[derive(Debug, Clone, Args)]
pub struct ImageSpec {
    /// The plan to add it to
    #[arg(long, value_name = "PLAN")]
    pub plan: String,
    /// The image version, N.N.N (2.0.0)
    #[arg(long = "version", value_name = "V")]
    pub version: String,
    /// The OS disk's VHD (every image type of the plan's SKUs): an https URL with a SAS token
    #[arg(long, value_name = "URL")]
    pub os_disk_url: String,
    /// Another OS disk for the x64Gen2 SKU, when it differs
    #[arg(long, value_name = "URL")]
    pub gen2_os_disk_url: Option<String>,
    /// A data disk: its LUN (0..15) and VHD URL (repeat for more)
    #[arg(long, value_name = "LUN=URL", value_parser = parse_data_disk)]
    pub data_disk: Vec<DataDisk>,
}

/// `cloudpartner product image add OFFER --plan PLAN --version V --os-disk-url URL …`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner product image add vm-release --plan standard --version 2.0.0 \\\n    \
--os-disk-url 'https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=...&sig=...'"
)]
pub struct ImageAddArgs {
    /// The offer id
    pub offer: String,
    /// The version.
    #[command(flatten)]
    pub image: ImageSpec,
    /// Print the change (a diff) and send nothing
    #[arg(long)]
    pub dry_run: bool,
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

/// `cloudpartner product image deprecate|restore OFFER --plan PLAN --version V …`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner product image deprecate vm-release --plan standard --version 1.0.0 --reason endOfSupport"
)]
pub struct ImageChangeArgs {
    /// The offer id
    pub offer: String,
    /// The plan
    #[arg(long, value_name = "PLAN")]
    pub plan: String,
    /// The image version
    #[arg(long = "version", value_name = "V")]
    pub version: String,
    /// Why (deprecate): criticalSecurityIssue, endOfSupport or other
    #[arg(long, value_name = "R")]
    pub reason: Option<String>,
    /// When (deprecate), as an ISO 8601 offset from now such as P90D
    #[arg(long, value_name = "OFFSET")]
    pub date_offset: Option<String>,
    /// Print the change (a diff) and send nothing
    #[arg(long)]
    pub dry_run: bool,
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

/// `LUN=URL`.
fn parse_data_disk(text: &str) -> Result<DataDisk, String> {
    let (lun, url) = text
        .split_once('=')
        .ok_or_else(|| "expected LUN=URL, e.g. 0=https://…/data0.vhd".to_owned())?;
    let lun: u32 = lun.trim().parse().map_err(|_| {
        format!(
            "the LUN `{}` is not a number (expected LUN=URL)",
            lun.trim()
        )
    })?;
    let url = url.trim();
    if url.is_empty() {
        return Err(format!("LUN {lun} has no URL (expected LUN=URL)"));
    }
    Ok(DataDisk::new(lun, url))
}
