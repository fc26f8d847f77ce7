//! The arguments of the publishing commands: publishers, offers, offer show|put,
//! publish, go-live, cancel, operations, operation (DESIGN §8).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::args::intervals::IntervalArgs;

/// `cloudpartner publishers [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner publishers\n  cloudpartner publishers --json")]
pub struct PublishersArgs {
    /// Print one JSON document per publisher and line
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner offers PUBLISHER [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner offers contoso\n  cloudpartner offers contoso --json | jq -r .id"
)]
pub struct OffersArgs {
    /// The publisher id
    pub publisher: String,
    /// Print each offer's document (a summary) as JSON, one per line
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner offer show|put ...`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner offer show contoso vm-release --json > offer.json"
)]
pub struct OfferArgs {
    /// What to do with the offer.
    #[command(subcommand)]
    pub command: OfferCommand,
}

/// The subcommands of `offer`.
#[derive(Debug, Subcommand)]
pub enum OfferCommand {
    /// Show an offer: its draft, a slot or a past version, with plans and image versions
    Show(OfferShowArgs),
    /// Write an offer document (a file, or - for stdin) as the offer's draft
    Put(OfferPutArgs),
}

/// A slot of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlotArg {
    /// What is being edited.
    Draft,
    /// What the last publish copied for review.
    Preview,
    /// What is live.
    Production,
}

impl From<SlotArg> for cloudpartner::OfferSlot {
    fn from(slot: SlotArg) -> Self {
        match slot {
            SlotArg::Draft => cloudpartner::OfferSlot::Draft,
            SlotArg::Preview => cloudpartner::OfferSlot::Preview,
            SlotArg::Production => cloudpartner::OfferSlot::Production,
        }
    }
}

/// `cloudpartner offer show PUBLISHER OFFER [--slot S | --version N] [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner offer show contoso vm-release\n  \
cloudpartner offer show contoso vm-release --slot production --json > offer.json"
)]
pub struct OfferShowArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Read a slot instead of the draft
    #[arg(long, value_enum, conflicts_with = "version")]
    pub slot: Option<SlotArg>,
    /// Read a past version of the offer
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(0..))]
    pub version: Option<i64>,
    /// Print the offer's document as the service sent it (image URLs unredacted)
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner offer put PUBLISHER OFFER FILE|- [--if-match ETAG | --force | --create]`
#[derive(Debug, Args)]
#[command(
    after_help = "Without --if-match, --force or --create, the draft is read first: when its version \
is not the document's, nothing is written (the offer changed since it was read).\n\n\
Example:\n  cloudpartner offer show contoso vm-release --json > offer.json\n  \
cloudpartner offer put contoso vm-release offer.json"
)]
pub struct OfferPutArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// The offer document (JSON); - reads stdin
    pub file: PathBuf,
    /// Write only if the draft's ETag is still this one
    #[arg(long, value_name = "ETAG", conflicts_with_all = ["force", "create"])]
    pub if_match: Option<String>,
    /// Overwrite the draft whatever it holds now
    #[arg(long, conflicts_with = "create")]
    pub force: bool,
    /// Create a new offer (fails when it exists)
    #[arg(long)]
    pub create: bool,
    /// Print the offer as the service stored it, as JSON
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner publish PUBLISHER OFFER [--notification-emails LIST] [--watch]`
#[derive(Debug, Args)]
#[command(
    after_help = "With --watch it follows the publish until the preview waits for your review \
(exit code 5), or it failed (3) or was canceled (4).\n\n\
Example:\n  cloudpartner publish contoso vm-release --notification-emails release@contoso.com --watch"
)]
pub struct PublishArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Who gets the service's e-mails about it (comma-separated)
    #[arg(long, value_name = "LIST")]
    pub notification_emails: Option<String>,
    /// Follow the publish until the preview is ready for review
    #[arg(long)]
    pub watch: bool,
    /// Poll bounds for --watch.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print the operation (and with --watch each change) as JSON lines
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner go-live PUBLISHER OFFER [--watch]`
#[derive(Debug, Args)]
#[command(after_help = "Only while the offer waits for your review.\n\n\
Example:\n  cloudpartner go-live contoso vm-release --watch")]
pub struct GoLiveArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Follow it until the offer is live (or failed, or canceled)
    #[arg(long)]
    pub watch: bool,
    /// Poll bounds for --watch.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print the operation (and with --watch each change) as JSON lines
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner cancel PUBLISHER OFFER [--watch]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner cancel contoso vm-release --watch")]
pub struct CancelArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Who gets the service's e-mails about it (comma-separated)
    #[arg(long, value_name = "LIST")]
    pub notification_emails: Option<String>,
    /// Follow the offer until the cancel is done
    #[arg(long)]
    pub watch: bool,
    /// Poll bounds for --watch.
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print the operation (and with --watch each change) as JSON lines
    #[arg(long)]
    pub json: bool,
}

/// The state of an operation, for `operations --state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OperationStateArg {
    /// Accepted, not started yet.
    #[value(alias = "notStarted")]
    NotStarted,
    /// Running.
    Running,
    /// Done.
    Completed,
    /// Failed.
    Failed,
    /// Canceled.
    Canceled,
}

impl From<OperationStateArg> for cloudpartner::OperationState {
    fn from(state: OperationStateArg) -> Self {
        use cloudpartner::OperationState;
        match state {
            OperationStateArg::NotStarted => OperationState::NotStarted,
            OperationStateArg::Running => OperationState::Running,
            OperationStateArg::Completed => OperationState::Completed,
            OperationStateArg::Failed => OperationState::Failed,
            OperationStateArg::Canceled => OperationState::Canceled,
        }
    }
}

/// `cloudpartner operations PUBLISHER OFFER [--state STATE] [--json]`
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  cloudpartner operations contoso vm-release --state failed")]
pub struct OperationsArgs {
    /// The publisher id
    pub publisher: String,
    /// The offer id
    pub offer: String,
    /// Only the operations in this state
    #[arg(long, value_enum)]
    pub state: Option<OperationStateArg>,
    /// Print one JSON document per operation and line
    #[arg(long)]
    pub json: bool,
}

/// `cloudpartner operation PUBLISHER OFFER ID [--json]` or `operation --url URL [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner operation contoso vm-release 56615b67-2185-49fe-80d2-c4ddf77bb2e8\n  \
cloudpartner operation --url '/api/publishers/contoso/offers/vm-release/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8'"
)]
pub struct OperationArgs {
    /// The publisher id
    #[arg(required_unless_present = "url", requires = "offer")]
    pub publisher: Option<String>,
    /// The offer id
    #[arg(requires = "id")]
    pub offer: Option<String>,
    /// The operation id
    pub id: Option<String>,
    /// The operation's URL, as publish, go-live or cancel answered it (on the API's origin)
    #[arg(long, value_name = "URL", conflicts_with_all = ["publisher", "offer", "id"])]
    pub url: Option<String>,
    /// Print the operation as JSON
    #[arg(long)]
    pub json: bool,
}
