//! `--target draft|preview|live`.

use clap::ValueEnum;

/// Which copy of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// The draft, what configure changes
    Draft,
    /// What the preview audience sees
    Preview,
    /// What everyone sees
    Live,
}

impl TargetArg {
    /// The core's target.
    pub fn target(self) -> cloudpartner::ingestion::Target {
        use cloudpartner::ingestion::Target;
        match self {
            TargetArg::Draft => Target::Draft,
            TargetArg::Preview => Target::Preview,
            TargetArg::Live => Target::Live,
        }
    }
}
