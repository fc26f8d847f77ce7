//! `cloudpartner offer show PUBLISHER OFFER [--slot S | --version N] [--json]`

use cloudpartner::OfferSelector;

use crate::args::GlobalArgs;
use crate::args::cpp::publishing::OfferShowArgs;
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{print, print_line};
use crate::render::cpp::image_table::plan_images;
use crate::render::cpp::offer_view::render_offer;
use crate::render::style::Style;

/// Shows the draft, a slot or a version: the offer and its plans' image versions, or
/// with `--json` the document exactly as the service sent it.
pub async fn offer_show(global: &GlobalArgs, args: &OfferShowArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let (selector, source) = match (args.slot, args.version) {
        (Some(slot), _) => {
            let slot = cloudpartner::OfferSlot::from(slot);
            (OfferSelector::Slot(slot), format!("{slot} slot"))
        }
        (None, Some(version)) => (
            OfferSelector::Version(version),
            format!("version {version}"),
        ),
        (None, None) => (OfferSelector::Draft, "draft".to_owned()),
    };
    let title = format!("{}/{}", args.publisher, args.offer);
    let offer = connection
        .client
        .offer(&args.publisher, &args.offer, selector)
        .await
        .map_err(|e| {
            let failure = connection.failure(&e, Some(&title));
            match missing_part_hint(args) {
                Some(hint) => failure.when_part_missing(&e, hint),
                None => failure,
            }
        })?;
    if args.json {
        print_line(&offer.to_json());
        return Ok(Exit::Ok);
    }
    let plans = plan_images(&offer, None).map_err(|e| Failure::error(format!("{title}: {e}")))?;
    print(&render_offer(
        &offer,
        &source,
        &plans,
        Style::for_stdout(global.color),
    ));
    Ok(Exit::Ok)
}

/// What to run when the slot or version asked for is not there.
fn missing_part_hint(args: &OfferShowArgs) -> Option<String> {
    let (p, o) = (&args.publisher, &args.offer);
    match (args.slot.map(cloudpartner::OfferSlot::from), args.version) {
        (Some(cloudpartner::OfferSlot::Preview), _) => Some(format!(
            "{p}/{o} has no preview until it is published: `cloudpartner publish {p} {o}`; \
`cloudpartner offer show {p} {o}` shows the draft"
        )),
        (Some(cloudpartner::OfferSlot::Production), _) => Some(format!(
            "{p}/{o} has no production slot until it goes live: `cloudpartner status {p} {o}` \
says where it stands, `cloudpartner go-live {p} {o}` once the preview is reviewed"
        )),
        (None, Some(_)) => Some(format!(
            "versions run from 1 to the draft's: `cloudpartner offer show {p} {o}` shows it"
        )),
        _ => None,
    }
}
