//! `cloudpartner`: where Azure Marketplace offers stand in their publishing pipeline,
//! from the Cloud Partner Portal API or its local emulator.

mod args;
mod commands;
mod connection;
mod credentials;
mod exit_code;
mod failure;
mod hint;
mod logging;
mod output;
mod render;
mod watch_view;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = args::Cli::parse();
    logging::init_logging(cli.global.verbose);
    commands::run(cli).into()
}
