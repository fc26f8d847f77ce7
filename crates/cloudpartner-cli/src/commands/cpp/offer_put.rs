//! `cloudpartner offer put PUBLISHER OFFER FILE|- [--if-match ETAG | --force | --create]`

use cloudpartner::{ErrorKind, Offer, OfferSelector, Precondition};
use serde_json::Value;

use crate::args::GlobalArgs;
use crate::args::cpp::publishing::OfferPutArgs;
use crate::commands::cpp::offer_edit::CHANGED_SINCE_READ;
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::input::read_input;
use crate::output::print_line;

/// Writes the document as the offer's draft.
///
/// Without a precondition flag the draft is read first: when its version is not the
/// document's, the offer changed since the document was read and nothing is written;
/// otherwise it is written with `If-Match:` the ETag just read. `--if-match` sends the
/// ETag given, `--force` `If-Match: *`, `--create` `If-None-Match: *`.
pub async fn offer_put(global: &GlobalArgs, args: &OfferPutArgs) -> Result<Exit, Failure> {
    let title = format!("{}/{}", args.publisher, args.offer);
    let (name, bytes) = read_input(&args.file)?;
    let mut offer =
        cloudpartner::parse_offer(&bytes).map_err(|e| Failure::error(format!("{name}: {e}")))?;
    check_ids(&mut offer, &args.publisher, &args.offer, &name)?;
    let connection = Connection::open(global, None)?;
    let precondition = if let Some(etag) = &args.if_match {
        Precondition::IfMatch(etag.clone())
    } else if args.force {
        Precondition::Any
    } else if args.create {
        Precondition::Create
    } else {
        let draft = connection
            .client
            .offer(&args.publisher, &args.offer, OfferSelector::Draft)
            .await
            .map_err(|e| {
                let failure = connection.failure(&e, Some(&title));
                if e.kind() == ErrorKind::NotFound && e.api_code() != Some("PublisherNotFound") {
                    failure.with_hint(format!(
                        "to create it, run again with --create: `cloudpartner offer put {} {} {} --create`",
                        args.publisher,
                        args.offer,
                        args.file.display()
                    ))
                } else {
                    failure
                }
            })?;
        if !offer.document().contains_key("version") {
            return Err(Failure::error(format!(
                "{title}: {name} has no `version`, so whether the draft (version {}) changed \
                 since it was read cannot be told; nothing was written",
                draft.version()
            ))
            .with_hint(format!(
                "start from the draft (`cloudpartner offer show {} {} --json > offer.json`), \
                 or overwrite it with --force",
                args.publisher, args.offer
            )));
        }
        if draft.version() != offer.version() {
            return Err(Failure::error(format!(
                "{title}: conflict: the draft is at version {}, {name} has version {}: \
                 the offer changed since it was read; nothing was written",
                draft.version(),
                offer.version()
            ))
            .with_hint(format!(
                "read it again (`cloudpartner offer show {} {} --json`), redo the change, \
                 or overwrite it with --force",
                args.publisher, args.offer
            )));
        }
        match draft.etag() {
            Some(etag) => Precondition::IfMatch(etag.to_owned()),
            None => Precondition::Any,
        }
    };
    let stored = connection
        .client
        .put_offer(&offer, precondition)
        .await
        .map_err(|error| {
            let failure = connection.failure(&error, Some(&title));
            match error.kind() {
                ErrorKind::Conflict if args.create => failure.with_hint(format!(
                    "the offer exists: write it with `cloudpartner offer put {} {} FILE`",
                    args.publisher, args.offer
                )),
                ErrorKind::Conflict if args.if_match.is_some() => failure.with_hint(format!(
                    "the draft's ETag is no longer the one given with --if-match: \
                     `cloudpartner offer show {} {}` shows the current one, \
                     or leave --if-match out to have the draft read and checked first",
                    args.publisher, args.offer
                )),
                ErrorKind::Conflict => failure.with_hint(CHANGED_SINCE_READ),
                _ => failure,
            }
        })?;
    if args.json {
        print_line(&stored.to_json());
    } else {
        print_line(&format!(
            "{title}: offer version {} written{}",
            stored.version(),
            stored
                .etag()
                .map(|etag| format!(" (ETag {etag})"))
                .unwrap_or_default()
        ));
    }
    Ok(Exit::Ok)
}

/// The document must be about PUBLISHER/OFFER; missing ids are filled in.
fn check_ids(offer: &mut Offer, publisher: &str, id: &str, name: &str) -> Result<(), Failure> {
    for (key, wanted) in [("publisherId", publisher), ("id", id)] {
        match offer.document().get(key) {
            None | Some(Value::Null) => {
                offer.document_mut().insert(key.to_owned(), wanted.into());
            }
            Some(Value::String(found)) if found == wanted => {}
            Some(found) => {
                return Err(Failure::usage(format!(
                    "{name}: `{key}` is {found}, not \"{wanted}\" as on the command line"
                )));
            }
        }
    }
    Ok(())
}
