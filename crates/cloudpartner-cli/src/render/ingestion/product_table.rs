//! `product list`: one row per product.

use cloudpartner::ingestion::Product;
use serde_json::{Value, json};

use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

/// The products as a table: offer id, name, type, state, durable id.
pub fn render_products(products: &[Product], style: Style) -> Vec<String> {
    let mut table = Table::new(&["OFFER", "NAME", "TYPE", "STATE", "PRODUCT"]);
    for p in products {
        table.push(vec![
            Cell::new(p.external_id(), Tone::Strong),
            Cell::plain(p.alias()),
            Cell::plain(p.product_type()),
            Cell::plain(p.lifecycle_state().as_wire()),
            Cell::new(p.id(), Tone::Muted),
        ]);
    }
    table.render(style, "")
}

/// `{"offerId", "productId", "alias", "type", "lifecycleState"}`.
pub fn product_value(p: &Product) -> Value {
    json!({
        "offerId": p.external_id(),
        "productId": p.id(),
        "alias": p.alias(),
        "type": p.product_type(),
        "lifecycleState": p.lifecycle_state().as_wire(),
    })
}
