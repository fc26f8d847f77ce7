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

mod api_request;
mod canonical;
mod client;
mod client_options;
pub mod credential;
mod derived;
mod endpoint;
mod environment;
mod error;
mod exact_numbers;
mod http_error;
mod http_transport;
mod json_document;
mod message_text;
mod model;
mod offer;
mod offer_images;
mod offer_selector;
mod operation;
mod operation_ref;
mod parse;
mod plans;
mod precondition;
mod publisher;
mod publishing;
mod retry;
mod sas;
mod secret;
mod state;
mod status_check;
pub mod tables;
mod time_frame;
mod timestamp;
mod vm_image;
mod watch;
mod wire;

pub use client::{
    Client, ClientBuilder, DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_CONCURRENCY,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT,
};
pub use client_options::{ClientOptions, ClientSecretOptions, positive_millis, positive_seconds};
pub use endpoint::{encode_path_segment, is_loopback};
pub use environment::Environment;
pub use error::{Error, ErrorKind, Result};
pub use message_text::html_to_text;
pub use model::{Link, Message, OfferStatus, Step};
pub use offer::{Offer, parse_offer, parse_offers};
pub use offer_images::{COREVM_IMAGES_KEY, VIRTUAL_MACHINES_IMAGES_KEY};
pub use offer_selector::{OfferSelector, OfferSlot};
pub use operation::{Operation, parse_operation, parse_operations};
pub use operation_ref::OperationRef;
pub use parse::{
    ParseOptions, parse_offer_status, parse_offer_status_strict, parse_offer_status_with,
};
pub use precondition::Precondition;
pub use publisher::{Publisher, parse_publishers};
pub use retry::{RetryPolicy, is_retryable_status, parse_retry_after};
pub use sas::{REDACTED, Redacted, redact_sas};
pub use secret::Secret;
pub use state::{MessageLevel, OfferState, OperationState, StepState};
pub use status_check::surely_accepts_offer_status;
pub use time_frame::TimeFrame;
pub use timestamp::{format_timestamp, parse_timestamp};
pub use vm_image::{DataDisk, PUBLISHED_DATE_FORMAT, VmImageVersion};
pub use watch::{
    DEFAULT_MAX_INTERVAL, DEFAULT_MIN_INTERVAL, MIN_SCALED_INTERVAL, Watch, WatchOptions,
    WatchStream, WatchUntil, next_poll_interval,
};

/// The version of this crate (`"0.1.0"`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
