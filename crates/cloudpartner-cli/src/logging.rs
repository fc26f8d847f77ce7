//! `-v`: log records of cloudpartner's crates on stderr. Other crates stay at warnings,
//! so HTTP internals (and the headers they could show) stay out of the log.

use log::LevelFilter;

/// Starts logging: warnings by default, `-v` info, `-vv` debug, `-vvv` trace.
pub fn init_logging(verbosity: u8) {
    let level = match verbosity {
        0 => LevelFilter::Warn,
        1 => LevelFilter::Info,
        2 => LevelFilter::Debug,
        _ => LevelFilter::Trace,
    };
    let _ = env_logger::Builder::new()
        .filter_level(LevelFilter::Warn)
        .filter_module("cloudpartner", level)
        .filter_module("cloudpartner_cli", level)
        .filter_module("cloudpartner_emulator", level)
        .format_target(false)
        .format_timestamp(None)
        .target(env_logger::Target::Stderr)
        .try_init();
}
