//! `cloudpartner product …`: the Product Ingestion API (DESIGN §10 "CLI").

mod configure;
mod connection;
mod image_edit;
mod job;
mod job_wait;
mod list;
mod publish;
mod release;
mod show;
mod status;
mod watch;

use crate::args::GlobalArgs;
use crate::args::ingestion::{JobCommand, ProductArgs, ProductCommand, ProductImageCommand};
use crate::exit_code::Exit;
use crate::failure::Failure;

/// Runs `product …`.
pub async fn product(global: &GlobalArgs, args: &ProductArgs) -> Result<Exit, Failure> {
    match &args.command {
        ProductCommand::List(a) => list::list(global, a).await,
        ProductCommand::Status(a) => status::status(global, a).await,
        ProductCommand::Watch(a) => watch::watch(global, a).await,
        ProductCommand::Show(a) => show::show(global, a).await,
        ProductCommand::Image(a) => match &a.command {
            ProductImageCommand::List(a) => show::image_list(global, a).await,
            ProductImageCommand::Add(a) => image_edit::add(global, a).await,
            ProductImageCommand::Deprecate(a) => image_edit::change(global, a, true).await,
            ProductImageCommand::Restore(a) => image_edit::change(global, a, false).await,
        },
        ProductCommand::Configure(a) => configure::configure(global, a).await,
        ProductCommand::Job(a) => match &a.command {
            Some(JobCommand::Cancel(c)) => job::cancel(global, c).await,
            None => job::job(global, a).await,
        },
        ProductCommand::Publish(a) => publish::publish(global, a, false).await,
        ProductCommand::GoLive(a) => publish::publish(global, a, true).await,
        ProductCommand::Release(a) => release::release(global, a).await,
    }
}
