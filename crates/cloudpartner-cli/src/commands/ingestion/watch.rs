//! `cloudpartner product watch OFFER [--until review|terminal] …`: a product's stage,
//! each change, until it is live, failed, or (with `--until review`) waits for
//! go-live; polled by the core at a pace that follows the stage.

use std::io::IsTerminal;

use chrono::Utc;
use cloudpartner::ingestion::ProductStatus;
use cloudpartner::{ErrorKind, WatchUntil};
use serde_json::Map;
use tokio::time::Instant;

use super::connection::IngestionConnection;
use crate::args::GlobalArgs;
use crate::args::ingestion::{ProductUntil, ProductWatchArgs};
use crate::commands::waiting::{request_timeout, watch_options};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::output::{eprint_line, print_line};
use crate::render::ingestion::stage::{
    PIPELINE_STEPS, exit_for_stage, pipeline_done, render_status, stage_tone, stage_words,
    status_value,
};
use crate::render::ingestion::stage_view::StageView;
use crate::render::style::Style;

/// Follows the product; the exit code is its last stage's (0 live, 3 failed, 5 waits
/// for go-live), 124 on `--timeout`, 130 on Ctrl-C.
pub async fn watch(global: &GlobalArgs, args: &ProductWatchArgs) -> Result<Exit, Failure> {
    let until = match args.until {
        ProductUntil::Review => WatchUntil::PublisherAction,
        ProductUntil::Terminal => WatchUntil::Terminal,
    };
    let options = watch_options(&args.intervals, until, global.timeout)?;
    let connection = IngestionConnection::open(global, request_timeout(global))?;
    let offer = args.offer.as_str();
    let product = connection
        .client
        .product(offer)
        .await
        .map_err(|e| connection.failure(&e, Some(offer)))?;
    let style = Style::for_stdout(global.color);
    let mut ids = Map::new();
    ids.insert("offerId".into(), offer.into());
    ids.insert("productId".into(), product.id().into());
    let mut view = StageView::choose(
        args.json,
        std::io::stdout().is_terminal(),
        style,
        offer,
        Some(PIPELINE_STEPS),
    )
    .with_json_fields(ids);
    let watch = connection
        .client
        .watch_product(&product, options)
        .map_err(|e| Failure::usage(e.to_string()))?;
    let started = Instant::now();
    let mut last: Option<ProductStatus> = None;
    let mut interrupt = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        let item = tokio::select! {
            item = watch.next() => item,
            _ = &mut interrupt => {
                view.finish();
                eprint_line(&format!("interrupted: stopped watching {offer}"));
                return Ok(Exit::Interrupted);
            }
        };
        match item {
            None => break,
            Some(Ok(status)) => {
                view.set_done(pipeline_done(&status.stage));
                view.show(
                    started.elapsed(),
                    &stage_words(&status, Utc::now()),
                    stage_tone(&status.stage),
                    status_value(offer, &status),
                );
                last = Some(status);
            }
            Some(Err(e)) => {
                view.finish();
                if e.kind() == ErrorKind::Timeout {
                    return Err(Failure::error(e.to_string()).with_exit(Exit::TimedOut));
                }
                return Err(connection.failure(&e, Some(offer)));
            }
        }
    }
    view.finish();
    let last = last.ok_or_else(|| {
        Failure::error(format!(
            "internal: the watch of {offer} ended without a status"
        ))
    })?;
    if !args.json {
        print_line("");
        for line in render_status(offer, product.id(), &last, style, Utc::now()) {
            print_line(&line);
        }
    }
    Ok(exit_for_stage(&last.stage))
}
