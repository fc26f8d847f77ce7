//! `cloudpartner`: where Azure Marketplace offers stand in their publishing pipeline,
//! from the Cloud Partner Portal API or its local emulator.

mod args;
mod commands;
mod connection;
mod credentials;
mod exit_code;
mod failure;
mod hint;
mod input;
mod json_line;
mod logging;
mod output;
mod render;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    logging::init_logging(cli.global.verbose);
    commands::run(cli).into()
}

/// Prints clap's message (help, version or a usage error) as clap would, but with SAS
/// signatures hidden: a usage error may repeat an image URL given on the command line.
fn usage_error(error: &clap::Error) -> std::process::ExitCode {
    use std::io::{IsTerminal, Write};
    let to_stderr = error.use_stderr();
    let colored = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    } && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = error.render();
    let text = if colored {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let text = cloudpartner::redact_sas(&text);
    let _ = if to_stderr {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
    std::process::ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
