//! `cloudpartner product publish|go-live OFFER [--watch] [--json]`: a submission to
//! preview or live, refused (naming what blocks it) while another runs; with `--watch`,
//! its job followed to the end.

use chrono::Utc;
use cloudpartner::WatchUntil;
use serde_json::{Map, Value};

use super::connection::IngestionConnection;
use super::job_wait::follow_job;
use crate::args::GlobalArgs;
use crate::args::ingestion::ProductPublishArgs;
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::json_line::to_line;
use crate::output::print_line;
use crate::render::ingestion::stage::render_status;
use crate::render::style::{Style, Tone};

/// Publishes to preview (`go_live`: pushes the preview live).
pub async fn publish(
    global: &GlobalArgs,
    args: &ProductPublishArgs,
    go_live: bool,
) -> Result<Exit, Failure> {
    let what = if go_live { "go-live" } else { "publish" };
    let options = if args.watch {
        Some(watch_options(
            &args.intervals,
            WatchUntil::Terminal,
            global.timeout,
        )?)
    } else {
        None
    };
    let connection = IngestionConnection::open(
        global,
        if args.watch {
            request_timeout(global)
        } else {
            None
        },
    )?;
    let offer = args.offer.as_str();
    let product = connection
        .client
        .product(offer)
        .await
        .map_err(|e| connection.failure(&e, Some(offer)))?;
    let job = if go_live {
        connection.client.go_live(&product).await
    } else {
        connection.client.publish(&product).await
    }
    .map_err(|e| connection.failure(&e, Some(offer)))?;
    let style = Style::for_stdout(global.color);
    let mut ids = Map::new();
    ids.insert("offerId".into(), offer.into());
    ids.insert("productId".into(), product.id().into());
    ids.insert("action".into(), what.into());
    if args.json {
        let mut line = ids.clone();
        line.insert("jobId".into(), job.id.clone().into());
        print_line(&to_line(&Value::Object(line)));
    } else {
        print_line(&format!(
            "{}: {what} accepted, job {}",
            style.paint(Tone::Strong, offer),
            job.id
        ));
    }
    let Some(options) = options else {
        if !args.json {
            let until = if go_live { "" } else { " --until review" };
            print_line(&format!(
                "follow it: cloudpartner product watch {offer}{until}"
            ));
        }
        return Ok(Exit::Ok);
    };
    let (_, exit) = follow_job(&connection, &job.id, options, &ids, args.json, style).await?;
    if !args.json && exit != Exit::Interrupted {
        if let Ok(status) = connection.client.product_status(&product).await {
            print_line("");
            for line in render_status(offer, product.id(), &status, style, Utc::now()) {
                print_line(&line);
            }
        }
    }
    Ok(exit)
}
