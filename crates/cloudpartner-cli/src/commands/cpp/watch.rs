//! `cloudpartner watch PUBLISHER OFFER [--until terminal|review] ...`

use cloudpartner::WatchUntil;

use super::started::{Watched, follow};
use crate::args::{GlobalArgs, Until, WatchArgs};
use crate::commands::waiting::{request_timeout, watch_options};
use crate::connection::Connection;
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::render::style::Style;

/// Watches one offer; `--timeout` bounds the whole watch (and each request to at most
/// the default request timeout).
pub async fn watch(global: &GlobalArgs, args: &WatchArgs) -> Result<Exit, Failure> {
    let connection = Connection::open(global, request_timeout(global))?;
    let until = match args.until {
        Until::Terminal => WatchUntil::Terminal,
        Until::Review => WatchUntil::PublisherAction,
    };
    let watched = Watched {
        publisher: &args.publisher,
        offer: &args.offer,
        options: watch_options(&args.intervals, until, global.timeout)?,
        json: args.json,
        json_ids: true,
    };
    follow(&connection, &watched, Style::for_stdout(global.color)).await
}
