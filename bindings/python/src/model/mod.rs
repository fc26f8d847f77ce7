//! The offer status document as Python objects: `OfferStatus`, `Step`, `Message`,
//! `Link` and `TimeFrame`, all built at once when a status is parsed or fetched.
//!
//! Every object keeps the parsed core value (shared, not copied) for equality, the
//! derived values and pickling; its fields are Python objects made once.

mod convert;
mod link;
mod location;
mod message;
mod offer_status;
mod pickling;
mod python_json;
mod repr;
mod step;
mod time_frame;
mod wire;

pub use convert::offer_status_to_py;
pub use link::PyLink;
pub use message::PyMessage;
pub use offer_status::PyOfferStatus;
pub use pickling::unpickle;
pub use repr::quoted as repr_quoted;
pub use step::PyStep;
pub use time_frame::PyTimeFrame;
