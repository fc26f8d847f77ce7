//! `cloudpartner completions SHELL`: a completion script on stdout.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::exit_code::Exit;
use crate::failure::Failure;

/// Prints the completion script for the shell.
pub fn completions(args: &CompletionsArgs) -> Result<Exit, Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "cloudpartner", &mut script);
    crate::output::print(&String::from_utf8_lossy(&script));
    Ok(Exit::Ok)
}
