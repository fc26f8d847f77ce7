//! The subcommands, each in its own file, and the dispatch between them.

mod cancel;
mod completions;
mod demo;
mod go_live;
mod image_edit;
mod image_list;
mod inspect;
mod offer_put;
mod offer_show;
mod offers;
mod operation;
mod operations;
mod publish;
mod publishers;
mod release;
mod serve;
mod started;
mod status;
mod watch;

use crate::args::{Cli, Command, ImageCommand, OfferCommand};
use crate::exit_code::Exit;
use crate::failure::Failure;
use crate::offer_edit::ImageChange;
use crate::render::style::Style;

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
                        Command::Image(args) => image(global, &args.command).await,
                        Command::Release(args) => release::release(global, args).await,
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

/// `image list|add|remove|deprecate`.
async fn image(
    global: &crate::args::GlobalArgs,
    command: &ImageCommand,
) -> Result<crate::exit_code::Exit, Failure> {
    match command {
        ImageCommand::List(args) => image_list::image_list(global, args).await,
        ImageCommand::Add(args) => {
            let change = ImageChange::Add {
                plan: args.image.plan.clone(),
                image: args.image.image(),
            };
            image_edit::image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
        ImageCommand::Remove(args) => {
            let change = ImageChange::Remove {
                plan: args.plan.clone(),
                version: args.version.clone(),
                force: args.force,
            };
            image_edit::image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
        ImageCommand::Deprecate(args) => {
            let change = ImageChange::Deprecate {
                plan: args.plan.clone(),
                version: args.version.clone(),
            };
            image_edit::image_edit(global, &args.publisher, &args.offer, change, args.dry_run).await
        }
    }
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
