//! Which copy of an offer to read: the draft, a slot, or a past version.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The slots an offer lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfferSlot {
    /// What is being edited.
    Draft,
    /// What the last publish copied for the publisher to review.
    Preview,
    /// What is live.
    Production,
}

impl OfferSlot {
    /// The spelling of the slot in the URL (`Draft`, `Preview`, `Production`).
    pub fn as_path(self) -> &'static str {
        match self {
            OfferSlot::Draft => "Draft",
            OfferSlot::Preview => "Preview",
            OfferSlot::Production => "Production",
        }
    }
}

impl fmt::Display for OfferSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.as_path().to_ascii_lowercase())
    }
}

impl FromStr for OfferSlot {
    type Err = Error;

    /// `draft`, `preview` or `production`, in any case.
    ///
    /// ```
    /// use cloudpartner::OfferSlot;
    /// assert_eq!("Preview".parse::<OfferSlot>().unwrap(), OfferSlot::Preview);
    /// assert!("staging".parse::<OfferSlot>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "draft" => Ok(OfferSlot::Draft),
            "preview" => Ok(OfferSlot::Preview),
            "production" => Ok(OfferSlot::Production),
            other => Err(Error::invalid_argument(format!(
                "slot `{other}`: expected draft, preview or production"
            ))),
        }
    }
}

/// Which copy of an offer [`crate::Client::offer`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OfferSelector {
    /// The draft (`GET .../offers/{o}`), with its ETag.
    #[default]
    Draft,
    /// A slot (`GET .../offers/{o}/slot/{slot}`).
    Slot(OfferSlot),
    /// A past version (`GET .../offers/{o}/versions/{n}`).
    Version(i64),
}

impl OfferSelector {
    /// The selector of a binding's optional `slot` and `version` arguments: neither is
    /// the draft; both is an error.
    pub fn from_parts(slot: Option<&str>, version: Option<i64>) -> Result<OfferSelector> {
        match (slot, version) {
            (Some(_), Some(_)) => Err(Error::invalid_argument(
                "give a slot or a version, not both",
            )),
            (Some(slot), None) => Ok(OfferSelector::Slot(slot.parse()?)),
            (None, Some(v)) if v < 0 => Err(Error::invalid_argument(format!(
                "the offer version must be 0 or more, got {v}"
            ))),
            (None, Some(v)) => Ok(OfferSelector::Version(v)),
            (None, None) => Ok(OfferSelector::Draft),
        }
    }
}
