//! Changing an offer's image versions the safe way: read the draft, change a copy, and
//! write it back with the ETag that was read, so that a change made meanwhile is a
//! conflict and not lost. Shared by `image add|remove|deprecate` and `release`.

use cloudpartner::{ErrorKind, Offer, OfferSelector, Precondition};

use crate::commands::cpp::flag_names::{argument_hint, in_flag_terms};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;

/// What `release` and `image add|remove|deprecate` say when the offer changed between
/// their read and their write.
pub const CHANGED_SINCE_READ: &str = "the offer changed since it was read: run again";

pub use cloudpartner::{ImageChange, OfferEdit};

/// Applies `change` to a copy of `offer` (the core's rule). A change the offer does not
/// allow (an unknown plan, a missing version, an http URL) is a usage error (exit code
/// 2) with a hint to list the plans.
pub fn apply(change: &ImageChange, offer: &Offer) -> Result<OfferEdit, Failure> {
    change
        .apply(offer)
        .map_err(|e| change_failure(&e, offer.publisher_id(), offer.id()))
}

/// The failure of a change the offer refused.
pub fn change_failure(error: &cloudpartner::Error, publisher: &str, offer: &str) -> Failure {
    let hint = argument_hint(error).map_or_else(
        || {
            format!(
                "`cloudpartner image list {publisher} {offer}` lists the plans and their image versions"
            )
        },
        str::to_owned,
    );
    Failure::error(format!("{publisher}/{offer}: {}", in_flag_terms(error)))
        .with_hint(hint)
        .with_exit(if error.kind() == ErrorKind::InvalidArgument {
            Exit::Usage
        } else {
            Exit::Error
        })
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
pub async fn write_draft(connection: &Connection, edit: &OfferEdit) -> Result<Offer, Failure> {
    let title = format!("{}/{}", edit.after.publisher_id(), edit.after.id());
    if edit.after.etag().is_none() {
        log::info!("{title}: the service sent no ETag with the draft; writing with If-Match: *");
    }
    connection
        .client
        .put_offer(&edit.after, Precondition::Auto)
        .await
        .map_err(|error| write_failure(connection, &error, &title))
}

/// A write the service refused: a conflict is an offer that changed since it was read.
pub fn write_failure(connection: &Connection, error: &cloudpartner::Error, title: &str) -> Failure {
    let failure = connection.failure(error, Some(title));
    if error.kind() == ErrorKind::Conflict {
        failure.with_hint(CHANGED_SINCE_READ)
    } else {
        failure
    }
}
