//! The command line: subcommands, their arguments and the global flags (DESIGN §5, §8).

pub mod cpp;
pub mod ingestion;
pub mod intervals;
mod parse;

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use cloudpartner::Secret;

pub use cpp::{
    CancelArgs, GoLiveArgs, ImageArgs, ImageCommand, InspectArgs, OfferArgs, OfferCommand,
    OffersArgs, OperationArgs, OperationsArgs, PublishArgs, PublishersArgs, ReleaseArgs,
    StatusArgs, Until, WatchArgs,
};
pub use intervals::IntervalArgs;
use parse::{parse_seconds, parse_secret, parse_time_scale};

/// Where Azure Marketplace offers stand in their publishing pipeline.
#[derive(Debug, Parser)]
#[command(
    name = "cloudpartner",
    version,
    about = "Where Azure Marketplace offers stand in their publishing pipeline (Cloud Partner Portal and Product Ingestion APIs)",
    after_help = "Credentials, first found wins: --token; --tenant-id, --client-id and --client-secret; \
CLOUDPARTNER_TOKEN (or AZURE_TOKEN); AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET; \
the Azure CLI (`az login`).\n\
Exit codes: 0 ok (watch: succeeded), 1 error, 2 usage; watch, release and --watch: 3 failed, \
4 canceled, 5 stopped for publisher review, 124 timed out; 130 interrupted (Ctrl-C).\n\
Release a VM image: `cloudpartner release PUBLISHER OFFER --plan PLAN --version V --os-vhd-url URL --go-live`; \
through the Product Ingestion API: `cloudpartner product release OFFER --plan PLAN --version V --os-disk-url URL --go-live`.\n\
Try it without Azure: `cloudpartner demo`, or `cloudpartner serve` for a local emulator."
)]
pub struct Cli {
    /// Options shared by every subcommand.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The heading of the flags that say how to reach the service and authenticate, apart in
/// every `--help` from the command's own (and refused by `serve`).
const CLIENT_OPTIONS: &str = "Client options";

/// The flags every subcommand accepts, before or after its name.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The API's base URL [env: CLOUDPARTNER_BASE_URL] [default: https://cloudpartner.azure.com]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "URL")]
    pub base_url: Option<String>,

    /// The api-version query parameter [default: 2017-10-31]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "VERSION")]
    pub api_version: Option<String>,

    /// The Product Ingestion API's base URL [env: CLOUDPARTNER_INGESTION_URL] [default: https://graph.microsoft.com/rp/product-ingestion]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "URL")]
    pub ingestion_url: Option<String>,

    /// The Product Ingestion API's $version [default: 2022-07-01]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "VERSION")]
    pub ingestion_version: Option<String>,

    /// A bearer token for https://cloudpartner.azure.com [env: CLOUDPARTNER_TOKEN, AZURE_TOKEN]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "TOKEN", value_parser = parse_secret)]
    pub token: Option<Secret>,

    /// Microsoft Entra tenant of a service principal [env: AZURE_TENANT_ID]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "ID")]
    pub tenant_id: Option<String>,

    /// Application (client) id of a service principal [env: AZURE_CLIENT_ID]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "ID")]
    pub client_id: Option<String>,

    /// Client secret of a service principal [env: AZURE_CLIENT_SECRET]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "SECRET", value_parser = parse_secret)]
    pub client_secret: Option<Secret>,

    /// Entra ID authority host [env: AZURE_AUTHORITY_HOST] [default: https://login.microsoftonline.com]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "URL")]
    pub authority_host: Option<String>,

    /// Allow plain http:// to hosts that are not loopback (loopback is always allowed)
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS)]
    pub allow_http: bool,

    /// Seconds before giving up: per request (default 30), or for the whole `watch`, `release` or --watch
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "SECONDS", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,

    /// Retries of a request on throttling, 5xx and connection errors [default: 4]
    #[arg(long, global = true, help_heading = CLIENT_OPTIONS, value_name = "N")]
    pub max_retries: Option<u32>,

    /// More logging on stderr (-v info, -vv debug, -vvv trace); tokens are never logged
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Colour: only on a terminal without NO_COLOR (auto), always, or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even in a pipe or with NO_COLOR.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show where offers stand: state, steps, progress, what is left
    Status(StatusArgs),
    /// Follow an offer's publish until it ends (or needs your review)
    Watch(WatchArgs),
    /// Read a saved status document (a file, or - for stdin) and show it
    Inspect(InspectArgs),
    /// Run the local emulator of both APIs (Cloud Partner Portal and Product Ingestion) until Ctrl-C
    Serve(ServeArgs),
    /// Watch a simulated publish on the emulator, from start to live, in about 20 seconds
    Demo(DemoArgs),
    /// List the publisher accounts you may work on
    Publishers(PublishersArgs),
    /// List a publisher's offers: id, type, status, version, last change
    Offers(OffersArgs),
    /// Show an offer (draft, slot or version) or write one
    Offer(OfferArgs),
    /// Publish an offer's draft: validation, certification, then a preview to review
    Publish(PublishArgs),
    /// Make the reviewed preview live
    GoLive(GoLiveArgs),
    /// Cancel the offer's running operation
    Cancel(CancelArgs),
    /// List an offer's operations (publish, go-live, cancel)
    Operations(OperationsArgs),
    /// Show one operation, with its steps and messages
    Operation(OperationArgs),
    /// List, add, remove or deprecate the VM image versions of an offer's plans
    Image(ImageArgs),
    /// Release a VM image version: add it, publish, wait for review, and go live
    Release(ReleaseArgs),
    /// Products of the Product Ingestion API: status, images, configure, publish, release
    Product(ingestion::ProductArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
}

/// `cloudpartner serve [--scenario FILE] [--port N] [--time-scale X]`
#[derive(Debug, Args)]
#[command(
    after_help = "The scenario format, for both APIs, with an example: docs/emulator.md in the repository \
(https://github.com/cloudpartner/cloudpartner/blob/main/docs/emulator.md).\n\
--token sets the token the emulator asks for and issues (default: the scenario's, emulator-token); \
the other client options are refused.\n\n\
Example:\n  cloudpartner serve --port 8080 --time-scale 10000"
)]
pub struct ServeArgs {
    /// A scenario file (JSON, see docs/emulator.md); the default scenario when not given
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// The port on 127.0.0.1; 0 picks a free one
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Simulated seconds per real second (overrides the scenario's timeScale)
    #[arg(long, value_name = "X", value_parser = parse_time_scale)]
    pub time_scale: Option<f64>,
}

/// `cloudpartner demo`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner demo --seconds 10")]
pub struct DemoArgs {
    /// How long the simulated publish takes, in real seconds
    #[arg(long, value_name = "SECONDS", default_value = "20", value_parser = parse_seconds)]
    pub seconds: Duration,
}

/// `cloudpartner completions SHELL`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner completions bash > ~/.local/share/bash-completion/completions/cloudpartner"
)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use parse::parse_seconds;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn seconds_accept_fractions_and_refuse_the_rest() {
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_seconds("3"), Ok(Duration::from_secs(3)));
        for bad in ["0", "-1", "nan", "inf", "x", ""] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_token_never_shows_in_debug() {
        let cli = Cli::try_parse_from(["cloudpartner", "--token", "hush-hush", "status", "p", "o"])
            .unwrap();
        assert!(!format!("{cli:?}").contains("hush-hush"));
    }

    #[test]
    fn global_flags_go_after_the_subcommand_too() {
        let cli = Cli::try_parse_from([
            "cloudpartner",
            "watch",
            "p",
            "o",
            "--timeout",
            "1.5",
            "--min-interval",
            "0.1",
        ])
        .unwrap();
        assert_eq!(cli.global.timeout, Some(Duration::from_millis(1500)));
        let Command::Watch(watch) = cli.command else {
            panic!("not watch")
        };
        assert_eq!(
            watch.intervals.min_interval,
            Some(Duration::from_millis(100))
        );
        assert_eq!(watch.until, Until::Terminal);
    }
}
