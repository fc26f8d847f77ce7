//! The subcommands, each in its own file, and the dispatch between them.

mod completions;
mod demo;
mod inspect;
mod serve;
mod status;
mod watch;

use crate::args::{Cli, Command};
use crate::exit_code::Exit;
use crate::failure::Failure;
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
    match result {
        Ok(exit) => exit,
        Err(failure) => {
            failure.print(Style::for_stderr(global.color));
            failure.exit
        }
    }
}
