//! The arguments of `product job JOB_ID [--watch]` and `product job cancel JOB_ID`.

use clap::{Args, Subcommand};

use crate::args::intervals::IntervalArgs;

/// `cloudpartner product job JOB_ID [--watch] [--json]`, or `product job cancel JOB_ID`
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Exit codes (with --watch): 0 succeeded, 3 failed, 4 canceled, 124 --timeout ran out.\n\n\
Example:\n  cloudpartner product job 9f3c2a1e-5b7d-4c8a-9e0f-1a2b3c4d5e6f --watch"
)]
pub struct JobArgs {
    /// The configure job's id
    #[arg(required = true, value_name = "JOB_ID")]
    pub job_id: Option<String>,
    /// Follow the job until it ends
    #[arg(long)]
    pub watch: bool,
    /// Poll bounds (with --watch).
    #[command(flatten)]
    pub intervals: IntervalArgs,
    /// Print one JSON document per line
    #[arg(long)]
    pub json: bool,
    /// Cancel instead.
    #[command(subcommand)]
    pub command: Option<JobCommand>,
}

/// The subcommand of `product job`.
#[derive(Debug, Subcommand)]
pub enum JobCommand {
    /// Cancel a running configure job
    Cancel(JobCancelArgs),
}

/// `cloudpartner product job cancel JOB_ID [--json]`
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  cloudpartner product job cancel 9f3c2a1e-5b7d-4c8a-9e0f-1a2b3c4d5e6f"
)]
pub struct JobCancelArgs {
    /// The configure job's id
    #[arg(value_name = "JOB_ID")]
    pub job_id: String,
    /// Print the job as one JSON document
    #[arg(long)]
    pub json: bool,
}
