//! `cloudpartner product list [--json]`: the account's products.

use super::connection::IngestionConnection;
use crate::args::GlobalArgs;
use crate::args::ingestion::ProductListArgs;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::to_line;
use crate::output::print_line;
use crate::render::ingestion::product_table::{product_value, render_products};
use crate::render::style::Style;

/// Lists the products (every page).
pub async fn list(global: &GlobalArgs, args: &ProductListArgs) -> Result<Exit, Failure> {
    let connection = IngestionConnection::open(global, None)?;
    let products = connection
        .client
        .products()
        .await
        .map_err(|e| connection.failure(&e, None))?;
    if args.json {
        for p in &products {
            print_line(&to_line(&product_value(p)));
        }
    } else if products.is_empty() {
        print_line(
            "no products: create one in Partner Center, or send one with `cloudpartner product configure`",
        );
    } else {
        for line in render_products(&products, Style::for_stdout(global.color)) {
            print_line(&line);
        }
    }
    Ok(Exit::Ok)
}
