//! The offer status document as Python objects: `OfferStatus`, `Step`, `Message`,
//! `Link` and `TimeFrame`. Parsing or fetching a status makes the `OfferStatus` only;
//! its lists of steps, messages and links (and a step's messages and time frame) are
//! made when first read, then kept.
//!
//! Every object keeps the parsed core value (shared, not copied) for equality, the
//! derived values and pickling; its fields are Python objects made once.
//!
//! The modules form layers, each using only those above it (no import circle):
//!
//! 1. `location`, `repr`, `wire`, `python_json`, `pickling` (the `__reduce__` half):
//!    helpers that know no Python class of this crate;
//! 2. `time_frame`, `link`, `message`, `step`, `offer_status`: the classes;
//! 3. `convert`: makes the `OfferStatus` of a parsed status;
//! 4. `unpickling`: `_unpickle`, which parses and calls `convert`.

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
mod unpickling;
mod wire;

pub use convert::offer_status_to_py;
pub use link::PyLink;
pub use message::PyMessage;
pub use offer_status::PyOfferStatus;
pub use repr::quoted as repr_quoted;
pub use step::PyStep;
pub use time_frame::PyTimeFrame;
pub use unpickling::unpickle;
pub use wire::with_raw_spellings as wire_with_raw_spellings;
