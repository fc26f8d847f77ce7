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
        .map_err(|e| connection.failure(&e, Some(&title)))?;
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
