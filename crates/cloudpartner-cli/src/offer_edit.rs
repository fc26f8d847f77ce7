//! Changing an offer's image versions the safe way: read the draft, change a copy, and
//! write it back with the ETag that was read, so that a change made meanwhile is a
//! conflict and not lost. Shared by `image add|remove|deprecate` and `release`.

use cloudpartner::{ErrorKind, Offer, OfferSelector, Precondition, VmImageVersion, redact_sas};

use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;

/// What `release` and `image add|remove|deprecate` say when the offer changed between
/// their read and their write.
pub const CHANGED_SINCE_READ: &str = "the offer changed since it was read: run again";

/// A change to one image version of a plan.
#[derive(Debug, Clone)]
pub enum ImageChange {
    /// Add the version, or replace the one with the same number.
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
pub struct Edit {
    /// The draft as read (with its ETag).
    pub before: Offer,
    /// The draft to write (the same ETag).
    pub after: Offer,
    /// `standard: image 2.0.0 added (…)`, no signature in it.
    pub summary: String,
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

    /// Applies the change to a copy of `offer`. A change the offer does not allow (an
    /// unknown plan, a missing version, an http URL) is a usage error (exit code 2)
    /// with a hint to list the plans.
    pub fn apply(&self, offer: &Offer) -> Result<Edit, Failure> {
        let mut after = offer.clone();
        let title = format!("{}/{}", offer.publisher_id(), offer.id());
        let refused = |error: cloudpartner::Error| {
            let hint = format!(
                "`cloudpartner image list {} {}` lists the plans and their image versions",
                offer.publisher_id(),
                offer.id()
            );
            Failure::error(format!("{title}: {error}"))
                .with_hint(hint)
                .with_exit(if error.kind() == ErrorKind::InvalidArgument {
                    Exit::Usage
                } else {
                    Exit::Error
                })
        };
        let summary = match self {
            ImageChange::Add { plan, image } => {
                let existing = offer
                    .vm_image_versions(plan)
                    .map_err(refused)?
                    .into_iter()
                    .find(|i| i.version == image.version);
                let existed = existing.is_some();
                // A replaced version keeps what the command line does not say (the
                // core's rule): show what is stored.
                after.set_vm_image_version(plan, image).map_err(refused)?;
                let stored = after
                    .vm_image_versions(plan)
                    .map_err(refused)?
                    .into_iter()
                    .find(|i| i.version == image.version)
                    .unwrap_or_else(|| image.clone());
                let image = &stored;
                let disks = match image.data_disks.len() {
                    0 => String::new(),
                    1 => ", 1 data disk".to_owned(),
                    n => format!(", {n} data disks"),
                };
                format!(
                    "{plan}: image {} {} (os disk {}{disks})",
                    image.version,
                    if existed { "replaced" } else { "added" },
                    redact_sas(&image.os_vhd_url)
                )
            }
            ImageChange::Remove {
                plan,
                version,
                force,
            } => {
                after
                    .remove_vm_image_version(plan, version, *force)
                    .map_err(refused)?;
                format!("{plan}: image {version} removed")
            }
            ImageChange::Deprecate { plan, version } => {
                after
                    .deprecate_vm_image_version(plan, version)
                    .map_err(refused)?;
                format!("{plan}: image {version} deprecated (hidden from new deployments)")
            }
        };
        Ok(Edit {
            before: offer.clone(),
            after,
            summary,
        })
    }
}

/// Reads the offer's draft, with its ETag.
pub async fn read_draft(
    connection: &Connection,
    publisher: &str,
    offer: &str,
) -> Result<Offer, Failure> {
    connection
        .client
        .offer(publisher, offer, OfferSelector::Draft)
        .await
        .map_err(|e| connection.failure(&e, Some(&format!("{publisher}/{offer}"))))
}

/// Writes the changed draft with `If-Match:` the ETag read (`*` when the service sent
/// none); a conflict says that the offer changed since it was read.
pub async fn write_draft(connection: &Connection, edit: &Edit) -> Result<Offer, Failure> {
    let title = format!("{}/{}", edit.after.publisher_id(), edit.after.id());
    if edit.after.etag().is_none() {
        log::info!("{title}: the service sent no ETag with the draft; writing with If-Match: *");
    }
    connection
        .client
        .put_offer(&edit.after, Precondition::Auto)
        .await
        .map_err(|error| {
            let failure = connection.failure(&error, Some(&title));
            if error.kind() == ErrorKind::Conflict {
                failure.with_hint(CHANGED_SINCE_READ)
            } else {
                failure
            }
        })
}
