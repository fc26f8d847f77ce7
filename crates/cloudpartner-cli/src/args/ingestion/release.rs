//! The arguments of `cloudpartner product release`.

use clap::Args;

use super::image::ImageSpec;
use crate::args::intervals::IntervalArgs;

/// `cloudpartner product release OFFER --plan PLAN --version V --os-disk-url URL ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Phases: read the product and the plan's technical configuration, add the version, \
configure (wait for the job), publish to preview, wait for certification; with --go-live: go live, \
wait until live. Run it again after a failure or Ctrl-C: it skips what is done (a version already \
in the draft is not sent again, a preview that holds it is not published again).\n\
Exit codes: 0 live (with --go-live) or dry run, 5 the preview waits for go-live (without it), \
1 error, 3 failed (certification errors listed), 4 canceled, 124 --timeout ran out, 130 Ctrl-C.\n\n\
Example:\n  cloudpartner product release vm-release --plan standard --version 2.0.0 \\\n    \
--os-disk-url 'https://contosoimages.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=...&sig=...' \\\n    \
--go-live --timeout 604800"
)]
pub struct ProductReleaseArgs {
    /// The offer id
    pub offer: String,
    /// The image version to release.
    #[command(flatten)]
    pub image: ImageSpec,
    /// After the preview succeeded, go live and wait until live
    #[arg(long)]
    pub go_live: bool,
    /// Print the technical configuration's diff and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Poll bounds while waiting.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per phase and change
    #[arg(long)]
    pub json: bool,
}
