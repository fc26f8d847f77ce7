//! `cloudpartner operations PUBLISHER OFFER [--state STATE] [--json]`

use crate::args::{GlobalArgs, OperationsArgs};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{to_line, with_ids};
use crate::output::print_line;
use crate::render::cpp::operation_table::render_operations;
use crate::render::style::Style;

/// Lists the offer's operations: a table, or one line per operation
/// (`{"publisherId", "offerId", …the operation}`).
pub async fn operations(global: &GlobalArgs, args: &OperationsArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, None)?;
    let (p, o) = (args.publisher.as_str(), args.offer.as_str());
    let operations = connection
        .client
        .operations(p, o, args.state.map(Into::into))
        .await
        .map_err(|e| connection.failure(&e, Some(&format!("{p}/{o}"))))?;
    if args.json {
        for operation in &operations {
            print_line(&to_line(&with_ids(p, o, operation.to_value())));
        }
    } else {
        for line in render_operations(&operations, Style::for_stdout(global.color)) {
            print_line(&line);
        }
    }
    Ok(Exit::Ok)
}
