//! What an ingestion release is asked to do.

use super::vm_image_version::DataDisk;
use crate::poll::WatchOptions;

/// What to release.
#[derive(Debug, Clone, Default)]
pub struct ReleaseRequest {
    /// The offer id (or the durable id `product/<guid>`).
    pub offer_id: String,
    /// The plan id.
    pub plan_id: String,
    /// The version, `N.N.N`.
    pub version: String,
    /// The OS disk's URL, for every image type of the plan's SKUs.
    pub os_disk_uri: String,
    /// Another OS disk URL for the `x64Gen2` SKU, when it differs.
    pub gen2_os_disk_uri: Option<String>,
    /// Data disks, the same for every image.
    pub data_disks: Vec<DataDisk>,
    /// Go live after the preview succeeded; else stop there.
    pub go_live: bool,
    /// Read and change, send nothing, and return the diff.
    pub dry_run: bool,
    /// How the waits poll; `timeout` bounds the whole release.
    pub watch: WatchOptions,
}
