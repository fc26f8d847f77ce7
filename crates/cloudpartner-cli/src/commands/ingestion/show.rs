//! `cloudpartner product show OFFER [--target …] [--json]` (the resource tree, exactly
//! as sent with `--json`) and `product image list OFFER [--plan PLAN] [--target …]`.

use serde_json::{Map, Value};

use super::connection::IngestionConnection;
use crate::args::GlobalArgs;
use crate::args::ingestion::{ImageListArgs, ProductShowArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::ingestion::image_table::{render_images, version_value};
use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

/// Prints the tree: a table of its resources, or the document as sent.
pub async fn show(global: &GlobalArgs, args: &ProductShowArgs) -> Result<Exit, Failure> {
    let connection = IngestionConnection::open(global, None)?;
    let offer = args.offer.as_str();
    let tree = connection
        .client
        .resource_tree(offer, args.target.target())
        .await
        .map_err(|e| connection.failure(&e, Some(offer)))?;
    if args.json {
        print_line(&tree.to_json());
        return Ok(Exit::Ok);
    }
    let style = Style::for_stdout(global.color);
    print_line(&format!(
        "{} ({}): {} tree, {} resources",
        style.paint(Tone::Strong, offer),
        tree.root(),
        tree.target().as_wire(),
        tree.resources().len()
    ));
    let mut table = Table::new(&["TYPE", "NAME", "ID"]);
    for r in tree.resources() {
        table.push(vec![
            Cell::plain(r.resource_type()),
            Cell::new(r.external_id(), Tone::Strong),
            Cell::new(r.id(), Tone::Muted),
        ]);
    }
    for line in table.render(style, "  ") {
        print_line(&line);
    }
    print_line(&format!(
        "plans: {}; their images: cloudpartner product image list {offer}",
        tree.plan_ids().join(", ")
    ));
    Ok(Exit::Ok)
}

/// Prints the image versions of the plans (or of one plan).
pub async fn image_list(global: &GlobalArgs, args: &ImageListArgs) -> Result<Exit, Failure> {
    let connection = IngestionConnection::open(global, None)?;
    let offer = args.offer.as_str();
    let tree = connection
        .client
        .resource_tree(offer, args.target.target())
        .await
        .map_err(|e| connection.failure(&e, Some(offer)))?;
    let plans: Vec<String> = match &args.plan {
        Some(plan) => vec![plan.clone()],
        None => tree.plan_ids().into_iter().map(str::to_owned).collect(),
    };
    let configs = plans
        .iter()
        .map(|plan| tree.technical_configuration(plan))
        .collect::<cloudpartner::Result<Vec<_>>>()
        .map_err(|e| connection.failure(&e, Some(offer)))?;
    if args.json {
        let product_id = tree.root().to_owned();
        for config in &configs {
            for version in config.vm_image_versions() {
                let mut head = Map::new();
                head.insert("offerId".into(), offer.into());
                head.insert("productId".into(), Value::from(product_id.clone()));
                print_line(&to_line(&merge(
                    head,
                    version_value(config.plan_id(), &version),
                )));
            }
        }
        return Ok(Exit::Ok);
    }
    for line in render_images(&configs, Style::for_stdout(global.color)) {
        print_line(&line);
    }
    Ok(Exit::Ok)
}
