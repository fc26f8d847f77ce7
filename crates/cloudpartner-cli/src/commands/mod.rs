//! The subcommands, each in its own file, and the dispatch between them.

mod completions;
mod cpp;
mod demo;
mod ingestion;
mod serve;
pub mod waiting;

use crate::args::{Cli, Command, OfferCommand};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::render::style::Style;
use cpp::{
    cancel, go_live, image_edit, inspect, offer_put, offer_show, offers, operation, operations,
    publish, publishers, release, status, watch,
};

/// Runs the command line and reports any failure on stderr; returns the exit code.
pub fn run(cli: Cli) -> Exit {
    let global = &cli.global;
    let result = match &cli.command {
        Command::Inspect(args) => inspect::inspect(global, args),
        Command::Completions(args) => completions::completions(args),
        command => match tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => {
                let result = runtime.block_on(async {
                    match command {
                        Command::Status(args) => status::status(global, args).await,
                        Command::Watch(args) => watch::watch(global, args).await,
                        Command::Serve(args) => serve::serve(global, args).await,
                        Command::Demo(args) => demo::demo(global, args).await,
                        Command::Publishers(args) => publishers::publishers(global, args).await,
                        Command::Offers(args) => offers::offers(global, args).await,
                        Command::Offer(args) => match &args.command {
                            OfferCommand::Show(args) => offer_show::offer_show(global, args).await,
                            OfferCommand::Put(args) => offer_put::offer_put(global, args).await,
                        },
                        Command::Publish(args) => publish::publish(global, args).await,
                        Command::GoLive(args) => go_live::go_live(global, args).await,
                        Command::Cancel(args) => cancel::cancel(global, args).await,
                        Command::Operations(args) => operations::operations(global, args).await,
                        Command::Operation(args) => operation::operation(global, args).await,
                        Command::Image(args) => image_edit::image(global, &args.command).await,
                        Command::Release(args) => release::release(global, args).await,
                        Command::Product(args) => ingestion::product(global, args).await,
                        Command::Inspect(_) | Command::Completions(_) => {
                            unreachable!("run without a runtime")
                        }
                    }
                });
                runtime.shutdown_timeout(std::time::Duration::from_millis(200));
                result
            }
            Err(e) => Err(Failure::error(format!(
                "internal: cannot start the async runtime: {e}"
            ))),
        },
    };
    report(result, global.color)
}

/// The exit code of a result, its failure printed on stderr.
fn report(result: Result<Exit, Failure>, color: crate::args::ColorChoice) -> Exit {
    match result {
        Ok(exit) => exit,
        Err(failure) => {
            failure.print(Style::for_stderr(color));
            failure.exit
        }
    }
}
