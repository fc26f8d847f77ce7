//! `cloudpartner publishers [--json]`

use serde_json::json;

use crate::args::{GlobalArgs, PublishersArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::to_line;
use crate::output::print_line;
use crate::render::cpp::publisher_table::render_publishers;
use crate::render::style::Style;

/// Lists the publisher accounts: a table, or one JSON document per line
/// (`{"publisherId", "id", "definition": {"displayText", "sellerId"}}`).
pub async fn publishers(global: &GlobalArgs, args: &PublishersArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let publishers = connection
        .client
        .publishers()
        .await
        .map_err(|e| connection.failure(&e, None))?;
    if args.json {
        for publisher in &publishers {
            print_line(&to_line(&json!({
                "publisherId": publisher.id,
                "id": publisher.id,
                "definition": {
                    "displayText": publisher.display_text,
                    "sellerId": publisher.seller_id,
                },
            })));
        }
    } else {
        for line in render_publishers(&publishers, Style::for_stdout(global.color)) {
            print_line(&line);
        }
    }
    Ok(Exit::Ok)
}
