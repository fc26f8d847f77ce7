//! One change to a plan's image versions, applied to a copy of an offer, with what it
//! did in words: what `release` and every interface's image commands apply before
//! writing the offer back with the ETag it was read with.

use super::offer::Offer;
use super::vm_image::VmImageVersion;
use crate::document::json_diff;
use crate::document::sas::redact_sas;
use crate::error::Result;

/// A change to one image version of a plan.
#[derive(Debug, Clone)]
pub enum ImageChange {
    /// Add the version, or replace the one with the same number (keeping what the new
    /// one leaves unset).
    Add {
        /// The plan (or disk generation).
        plan: String,
        /// The image version.
        image: VmImageVersion,
    },
    /// Remove the version (also the plan's last one when `force`).
    Remove {
        /// The plan (or disk generation).
        plan: String,
        /// The version.
        version: String,
        /// Also when it is the plan's last version.
        force: bool,
    },
    /// Hide the version from new deployments.
    Deprecate {
        /// The plan (or disk generation).
        plan: String,
        /// The version.
        version: String,
    },
}

/// An offer as read, the same offer changed, and what changed, in words.
#[derive(Debug, Clone)]
pub struct OfferEdit {
    /// The offer as read (with its ETag).
    pub before: Offer,
    /// The offer to write (the same ETag).
    pub after: Offer,
    /// `standard: image 2.0.0 added (os disk https://…?sig=REDACTED)`.
    pub summary: String,
}

impl OfferEdit {
    /// The unified diff of the definition, `sig=` hidden; empty when nothing changed.
    pub fn diff(&self) -> String {
        let name = format!("{}/{}", self.before.publisher_id(), self.before.id());
        json_diff(
            self.before.definition(),
            self.after.definition(),
            &format!("{name} definition (read)"),
            &format!("{name} definition (to write)"),
        )
    }
}

impl ImageChange {
    /// The plan it changes.
    pub fn plan(&self) -> &str {
        match self {
            ImageChange::Add { plan, .. }
            | ImageChange::Remove { plan, .. }
            | ImageChange::Deprecate { plan, .. } => plan,
        }
    }

    /// Applies the change to a copy of `offer`. An unknown plan, a missing version or
    /// an http URL is the error of the image helper that refused it.
    ///
    /// ```
    /// use cloudpartner::{ImageChange, VmImageVersion, parse_offer};
    /// let offer = parse_offer(br#"{"id": "vm", "publisherId": "contoso", "definition":
    ///     {"plans": [{"planId": "standard"}]}}"#).unwrap();
    /// let change = ImageChange::Add {
    ///     plan: "standard".into(),
    ///     image: VmImageVersion::new("1.0.0", "https://x/os.vhd?sig=s3cret"),
    /// };
    /// let edit = change.apply(&offer).unwrap();
    /// assert_eq!(edit.summary, "standard: image 1.0.0 added (os disk https://x/os.vhd?sig=REDACTED)");
    /// assert_eq!(edit.after.vm_image_versions("standard").unwrap().len(), 1);
    /// ```
    pub fn apply(&self, offer: &Offer) -> Result<OfferEdit> {
        let mut after = offer.clone();
        let summary = match self {
            ImageChange::Add { plan, image } => {
                let existed = offer
                    .vm_image_versions(plan)?
                    .iter()
                    .any(|i| i.version == image.version);
                after.set_vm_image_version(plan, image)?;
                // A replaced version keeps what the new one leaves unset: show what is
                // stored.
                let stored = after
                    .vm_image_versions(plan)?
                    .into_iter()
                    .find(|i| i.version == image.version)
                    .unwrap_or_else(|| image.clone());
                let disks = match stored.data_disks.len() {
                    0 => String::new(),
                    1 => ", 1 data disk".to_owned(),
                    n => format!(", {n} data disks"),
                };
                format!(
                    "{plan}: image {} {} (os disk {}{disks})",
                    stored.version,
                    if existed { "replaced" } else { "added" },
                    redact_sas(&stored.os_vhd_url)
                )
            }
            ImageChange::Remove {
                plan,
                version,
                force,
            } => {
                after.remove_vm_image_version(plan, version, *force)?;
                format!("{plan}: image {version} removed")
            }
            ImageChange::Deprecate { plan, version } => {
                after.deprecate_vm_image_version(plan, version)?;
                format!("{plan}: image {version} deprecated (hidden from new deployments)")
            }
        };
        Ok(OfferEdit {
            before: offer.clone(),
            after,
            summary,
        })
    }
}
