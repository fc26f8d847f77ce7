//! The release every tool makes, and the command line each makes it with.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The release: one image version added to one plan, taken to live.
pub struct Release {
    pub offer: &'static str,
    pub plan: &'static str,
    /// A date-like N.N.N: azure-img-utils makes the version number of the image name's
    /// date (YYYY.MM.DD).
    pub version: &'static str,
    pub os_disk_url: &'static str,
}

/// What the bench releases (the scenario's product `vm-release`, plan `standard`: one
/// x64Gen2 SKU, so one image per version for every tool).
pub const RELEASE: Release = Release {
    offer: "vm-release",
    plan: "standard",
    version: "2026.06.01",
    os_disk_url: "https://benchimages.blob.core.windows.net/vhds/bench-release-20260601.vhd?sv=2021-08-06&sr=b&sp=rl&sig=bench",
};

/// Where the programs are.
pub struct Programs {
    /// The release build of the `cloudpartner` CLI.
    pub cli: PathBuf,
    /// The Python of the peers' venv.
    pub python: PathBuf,
    /// The folder of the peers' scripts (bench/release).
    pub scripts: PathBuf,
}

/// A tool the bench compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Cloudpartner,
    Cloudpub,
    AzureImgUtils,
}

impl Tool {
    /// Every tool, cloudpartner first (the ratios' base).
    pub const ALL: [Tool; 3] = [Tool::Cloudpartner, Tool::Cloudpub, Tool::AzureImgUtils];

    /// Its name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Cloudpartner => "cloudpartner product release",
            Tool::Cloudpub => "cloudpub 1.7.6 AzureService.publish",
            Tool::AzureImgUtils => "azure-img-utils 2.7.0",
        }
    }

    /// A short name, for file names and --only.
    pub fn key(self) -> &'static str {
        match self {
            Tool::Cloudpartner => "cloudpartner",
            Tool::Cloudpub => "cloudpub",
            Tool::AzureImgUtils => "azure-img-utils",
        }
    }

    /// The command that makes `release` against the emulator at `ingestion_url`.
    pub fn command(
        self,
        programs: &Programs,
        release: &Release,
        ingestion_url: &str,
        token: &str,
        time_scale: f64,
    ) -> Command {
        match self {
            // Its defaults but for the colours: it polls on the emulator's clock by
            // itself (the emulator announces its time scale in every answer).
            Tool::Cloudpartner => {
                let mut command = Command::new(&programs.cli);
                command
                    .args(["--ingestion-url", ingestion_url, "--token", token])
                    .args(["--color", "never", "product", "release", release.offer])
                    .args(["--plan", release.plan, "--version", release.version])
                    .args(["--os-disk-url", release.os_disk_url, "--go-live"]);
                command
            }
            Tool::Cloudpub => peer(
                programs,
                "cloudpub_release.py",
                release,
                ingestion_url,
                token,
                time_scale,
            ),
            Tool::AzureImgUtils => peer(
                programs,
                "azure_img_utils_release.py",
                release,
                ingestion_url,
                token,
                time_scale,
            ),
        }
    }
}

/// A peer's script (see bench/release/peer_args.py for its arguments).
fn peer(
    programs: &Programs,
    script: &str,
    release: &Release,
    ingestion_url: &str,
    token: &str,
    time_scale: f64,
) -> Command {
    let mut command = Command::new(&programs.python);
    command
        .arg(Path::new(&programs.scripts).join(script))
        .args(["--ingestion-url", ingestion_url, "--token", token])
        .args(["--offer", release.offer, "--plan", release.plan])
        .args([
            "--version",
            release.version,
            "--os-disk-url",
            release.os_disk_url,
        ])
        .args(["--time-scale", &time_scale.to_string()])
        // Their modules' warnings unbuffered, in order with their prints in the log.
        .env("PYTHONUNBUFFERED", "1");
    command
}
