//! # cloudpartner
//!
//! A client for the Azure Marketplace **Cloud Partner Portal** API: where an offer stands
//! in its publishing pipeline, which step holds it, how long it may still take.
//!
//! ```
//! let status = cloudpartner::parse_offer_status(br#"{"status": "running", "steps": [
//!     {"id": "displaycertify", "stepName": "Certification", "status": "inProgress",
//!      "estimatedTimeFrame": "~2-3 days", "progressPercentage": 50}]}"#)?;
//! let step = status.current_step().unwrap();
//! assert_eq!(step.name, "Certification");
//! let (min, max) = status.estimated_remaining().unwrap();
//! assert_eq!((min.as_secs(), max.as_secs()), (86_400, 129_600));
//! # Ok::<(), cloudpartner::Error>(())
//! ```
//!
//! Fetching from the service (or from the emulator in `cloudpartner-emulator`) goes
//! through [`Client`].

#![warn(missing_docs)]

pub mod auth;
mod client_options;
pub mod cpp;
pub mod document;
mod environment;
mod error;
pub mod ingestion;
pub mod poll;
mod secret;
pub mod tables;
pub mod transport;
pub mod workflow;

/// The credential layer under its first name (see [`auth`]).
pub use auth as credential;
pub use client_options::{
    ClientOptions, ClientSecretOptions, positive_millis, positive_seconds, whole_number,
};
pub use cpp::*;
pub use document::message_text::html_to_text;
pub use document::sas::{REDACTED, Redacted, redact_sas};
pub use document::timestamp::{format_timestamp, parse_timestamp};
pub use environment::Environment;
pub use error::{Error, ErrorKind, Result};
pub use poll::{
    DEFAULT_MAX_INTERVAL, DEFAULT_MIN_INTERVAL, MIN_SCALED_INTERVAL, WatchOptions, WatchUntil,
};
pub use secret::Secret;
pub use transport::retry::{RetryPolicy, is_retryable_status, parse_retry_after};
pub use transport::url_rules::{encode_path_segment, is_loopback};
pub use transport::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT};
pub use workflow::{OutcomeKind, Phase, ReleaseEvent};

/// The version of this crate (`"0.1.0"`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
