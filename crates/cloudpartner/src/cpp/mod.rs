//! The Cloud Partner Portal API (DESIGN §1–§8): the offer status model and its parser,
//! time frames, offers read and written with ETags, plans and VM images, operations,
//! the [`Client`], its watch, and its release.
//!
//! Every name here is also exported at the crate root.

pub(crate) mod canonical;
pub(crate) mod client;
pub(crate) mod derived;
pub(crate) mod image_change;
pub(crate) mod model;
pub(crate) mod offer;
pub(crate) mod offer_images;
pub(crate) mod offer_selector;
pub(crate) mod operation;
pub(crate) mod operation_ref;
pub(crate) mod parse;
pub(crate) mod plans;
pub(crate) mod precondition;
pub(crate) mod publisher;
pub(crate) mod publishing;
pub(crate) mod release;
pub(crate) mod state;
pub(crate) mod status_check;
pub(crate) mod time_frame;
pub(crate) mod urls;
pub(crate) mod vm_image;
pub(crate) mod watch;
pub(crate) mod wire;

pub use crate::workflow::ReleaseError;
pub use client::{
    Client, ClientBuilder, DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_CONCURRENCY, PROFILE,
};
pub use image_change::{ImageChange, OfferEdit};
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
pub use release::{CppReleaseEvent, ReleaseOutcome, ReleaseRequest, release};
pub use state::{MessageLevel, OfferState, OperationState, StepState};
pub use status_check::surely_accepts_offer_status;
pub use time_frame::TimeFrame;
pub use vm_image::{DataDisk, PUBLISHED_DATE_FORMAT, VmImageVersion};
pub use watch::{Watch, WatchStream, next_poll_interval};
