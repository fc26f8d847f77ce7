//! The watch machinery, generic over what is polled (DESIGN §11): a handle with
//! `next` and `close`, a deadline with one last look, `Retry-After`, survival of
//! transient errors, and the server's time scale. Each API's watches (an offer's
//! status, a configure job, a product's submissions) are [`PollTarget`]s.

mod options;
mod poller;
mod target;
mod watch;

pub use options::{
    DEFAULT_MAX_INTERVAL, DEFAULT_MIN_INTERVAL, MIN_SCALED_INTERVAL, WatchOptions, WatchUntil,
};
pub use target::{PollFuture, PollTarget};
pub use watch::{Watch, WatchStream};
