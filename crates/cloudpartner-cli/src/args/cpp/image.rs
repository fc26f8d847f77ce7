//! The arguments of `image list|add|remove|deprecate` and the image flags `release`
//! shares with `image add`.

use clap::{Args, Subcommand};
use cloudpartner::DataDisk;

/// `cloudpartner image list|add|remove|deprecate ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner image add contoso vm-release --plan standard --version 2.0.0 --os-vhd-url \"$VHD\" --dry-run"
)]
pub struct ImageArgs {
    /// What to do with the image versions.
    #[command(subcommand)]
    pub command: ImageCommand,
}

/// The subcommands of `image`.
#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// List the VM image versions of the offer's plans
    List(ImageListArgs),
    /// Add an image version to a plan (or replace it), and write the offer back
    Add(ImageAddArgs),
    /// Remove an image version from a plan, and write the offer back
    Remove(ImageRemoveArgs),
    /// Hide an image version from new deployments (showInGui: false), and write the offer back
    Deprecate(ImageDeprecateArgs),
}

/// `cloudpartner image list PUBLISHER OFFER [--plan PLAN] [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner image list contoso vm-release --plan standard")]
pub struct ImageListArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Only this plan (or disk generation)
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Print one JSON document per image version and line (URLs unredacted)
    #[arg(long)]
    pub json: bool,
}

/// The image version to add: `--plan`, `--version`, `--os-vhd-url` and the optional
/// fields.
#[derive(Debug, Args)]
pub struct ImageSpecArgs {
    /// The plan (or disk generation) to add it to
    #[arg(long, value_name = "PLAN")]
    pub plan: String,
    /// The image version: dot-separated integers (2.0.0, 2026.12.01)
    #[arg(long = "version", value_name = "V")]
    pub version: String,
    /// The OS disk's VHD: an https URL, usually with a SAS token
    #[arg(long, value_name = "URL")]
    pub os_vhd_url: String,
    /// The label
    #[arg(long, value_name = "L")]
    pub label: Option<String>,
    /// The media name
    #[arg(long, value_name = "M")]
    pub media_name: Option<String>,
    /// The description
    #[arg(long, value_name = "D")]
    pub description: Option<String>,
    /// A data disk: its LUN and VHD URL (repeat for more)
    #[arg(long, value_name = "LUN=URL", value_parser = parse_data_disk)]
    pub data_disk: Vec<DataDisk>,
}

impl ImageSpecArgs {
    /// The image version these flags describe.
    pub fn image(&self) -> cloudpartner::VmImageVersion {
        let mut image = cloudpartner::VmImageVersion::new(&self.version, &self.os_vhd_url);
        image.label = self.label.clone().unwrap_or_default();
        image.media_name = self.media_name.clone().unwrap_or_default();
        image.description = self.description.clone().unwrap_or_default();
        image.data_disks = self.data_disk.clone();
        image
    }
}

/// `cloudpartner image add PUBLISHER OFFER --plan PLAN --version V --os-vhd-url URL ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner image add contoso vm-release --plan standard --version 2.0.0 \\\n    \
--os-vhd-url 'https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=...&sig=...' --dry-run"
)]
pub struct ImageAddArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// The image version.
    #[command(flatten)]
    pub image: ImageSpecArgs,
    /// Print the change (a diff of the definition) and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `cloudpartner image remove PUBLISHER OFFER --plan PLAN --version V [--force] [--dry-run]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner image remove contoso vm-release --plan standard --version 1.0.0 --dry-run"
)]
pub struct ImageRemoveArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// The plan (or disk generation)
    #[arg(long, value_name = "PLAN")]
    pub plan: String,
    /// The image version to remove
    #[arg(long = "version", value_name = "V")]
    pub version: String,
    /// Remove it even when it is the plan's last version
    #[arg(long)]
    pub force: bool,
    /// Print the change (a diff of the definition) and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `cloudpartner image deprecate PUBLISHER OFFER --plan PLAN --version V [--dry-run]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner image deprecate contoso vm-release --plan standard --version 1.0.0"
)]
pub struct ImageDeprecateArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// The plan (or disk generation)
    #[arg(long, value_name = "PLAN")]
    pub plan: String,
    /// The image version to deprecate
    #[arg(long = "version", value_name = "V")]
    pub version: String,
    /// Print the change (a diff of the definition) and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `LUN=URL`: a data disk. The message never repeats the URL (it holds a signature).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_disks_are_lun_equals_url() {
        let disk = parse_data_disk("1=https://a/d.vhd?sv=1&sig=x").unwrap();
        assert_eq!(
            (disk.lun, disk.vhd_url.as_str()),
            (1, "https://a/d.vhd?sv=1&sig=x")
        );
        for bad in [
            "https://a/d.vhd",
            "x=https://a",
            "0=",
            "-1=https://a?sig=s3",
        ] {
            let error = parse_data_disk(bad).unwrap_err();
            assert!(!error.contains("s3"), "{error}");
        }
    }
}
