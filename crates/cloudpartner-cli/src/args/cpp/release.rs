//! The arguments of `cloudpartner release`.

use clap::Args;

use super::image::ImageSpecArgs;
use crate::args::intervals::IntervalArgs;

/// `cloudpartner release PUBLISHER OFFER --plan PLAN --version V --os-vhd-url URL ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Phases: read the draft, add the image (written with the ETag read), publish, \
wait until the preview waits for review; with --go-live: go live, wait until live.\n\
Exit codes: 0 live (with --go-live), 5 the preview waits for review (without it), 1 error, \
3 failed, 4 canceled, 124 --timeout ran out, 130 Ctrl-C.\n\n\
Example:\n  cloudpartner release contoso vm-release --plan standard --version 2.0.0 \\\n    \
--os-vhd-url 'https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=...&sig=...' \\\n    \
--notification-emails release@contoso.com --go-live --timeout 604800"
)]
pub struct ReleaseArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// The image version to release.
    #[command(flatten)]
    pub image: ImageSpecArgs,
    /// After the review, make the offer live and wait until it is
    #[arg(long)]
    pub go_live: bool,
    /// Who gets the service's e-mails about the publish (comma-separated)
    #[arg(long, value_name = "LIST")]
    pub notification_emails: Option<String>,
    /// Print the change (a diff of the definition) and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Poll bounds while waiting.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per phase and change
    #[arg(long)]
    pub json: bool,
}
