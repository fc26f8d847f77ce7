//! `cloudpartner offers PUBLISHER [--json]`

use crate::args::{GlobalArgs, OffersArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::print_line;
use crate::render::cpp::offer_table::render_offers;
use crate::render::style::Style;

/// Lists a publisher's offers: a table, or each offer's document on a line of its own,
/// `publisherId` and `offerId` first, then every field as the service sent it.
pub async fn offers(global: &GlobalArgs, args: &OffersArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let offers = connection
        .client
        .offers(&args.publisher)
        .await
        .map_err(|e| connection.failure(&e, Some(&args.publisher)))?;
    if args.json {
        for offer in &offers {
            print_line(&to_line(&with_ids(
                &args.publisher,
                offer.id(),
                offer.to_value(),
            )));
        }
    } else {
        for line in render_offers(&offers, Style::for_stdout(global.color)) {
            print_line(&line);
        }
    }
    Ok(Exit::Ok)
}
