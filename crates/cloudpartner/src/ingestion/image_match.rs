//! What counts as the same image when a release resumes: the same version number and
//! the same disks, their URLs compared without the query (a SAS token changes, the
//! blob does not).

use super::technical_configuration::TechnicalConfiguration;
use super::vm_image_version::VmImageVersion;

/// A URL without its query (the SAS token changes; the blob does not).
pub(crate) fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url).trim()
}

/// True when `have` holds the same images as `want` (URLs compared without query).
pub(crate) fn same_images(have: &VmImageVersion, want: &VmImageVersion) -> bool {
    want.images.iter().all(|w| {
        have.images.iter().any(|h| {
            h.image_type == w.image_type
                && without_query(&h.os_disk_uri) == without_query(&w.os_disk_uri)
                && h.data_disks.len() == w.data_disks.len()
                && w.data_disks.iter().all(|wd| {
                    h.data_disks.iter().any(|hd| {
                        hd.lun == wd.lun && without_query(&hd.uri) == without_query(&wd.uri)
                    })
                })
        })
    })
}

pub(crate) fn holds(config: &TechnicalConfiguration, want: &VmImageVersion) -> bool {
    config
        .vm_image_versions()
        .iter()
        .any(|v| v.version_number == want.version_number && same_images(v, want))
}
