//! The arguments of the Cloud Partner Portal commands.

pub mod image;
pub mod publishing;
pub mod release;
pub mod status;

pub use image::{ImageArgs, ImageCommand};
pub use publishing::{
    CancelArgs, GoLiveArgs, OfferArgs, OfferCommand, OffersArgs, OperationArgs, OperationsArgs,
    PublishArgs, PublishersArgs,
};
pub use release::ReleaseArgs;
pub use status::{InspectArgs, StatusArgs, Until, WatchArgs};
