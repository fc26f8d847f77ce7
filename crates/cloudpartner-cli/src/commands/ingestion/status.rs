//! `cloudpartner product status OFFER... [--json]`: where each product stands, at a
//! glance: the stage in words with its time, the preview and live submissions, and
//! what to run next.

use chrono::Utc;
use serde_json::json;

use super::connection::IngestionConnection;
use crate::args::GlobalArgs;
use crate::args::ingestion::ProductStatusArgs;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{error_value, merge, to_line};
use crate::output::print_line;
use crate::render::ingestion::stage::{render_status, status_value};
use crate::render::style::Style;

/// Prints each product's status; a product that cannot be read is reported and the
/// others still shown (exit code 1 then).
pub async fn status(global: &GlobalArgs, args: &ProductStatusArgs) -> Result<Exit, Failure> {
    let connection = IngestionConnection::open(global, None)?;
    let style = Style::for_stdout(global.color);
    let mut failed = None;
    for (i, offer) in args.offers.iter().enumerate() {
        let result = async {
            let product = connection.client.product(offer.as_str()).await?;
            let status = connection.client.product_status(&product).await?;
            Ok::<_, cloudpartner::Error>((product, status))
        }
        .await;
        match result {
            Ok((product, status)) => {
                if args.json {
                    let mut head = serde_json::Map::new();
                    head.insert("offerId".into(), offer.clone().into());
                    head.insert("productId".into(), product.id().into());
                    print_line(&to_line(&merge(head, status_value(offer, &status))));
                } else {
                    if i > 0 {
                        print_line("");
                    }
                    for line in render_status(offer, product.id(), &status, style, Utc::now()) {
                        print_line(&line);
                    }
                }
            }
            Err(error) => {
                if args.json {
                    print_line(&to_line(
                        &json!({"offerId": offer, "error": error_value(&error)}),
                    ));
                }
                let failure = connection.failure(&error, Some(offer));
                if args.offers.len() > 1 {
                    failure.print(Style::for_stderr(global.color));
                    failed = Some(Exit::Error);
                } else {
                    return Err(failure);
                }
            }
        }
    }
    Ok(failed.unwrap_or(Exit::Ok))
}
