//! The release workflow's shared vocabulary (DESIGN §8 "Release in every language"):
//! its phases, the progress events every interface can show, and how a release ended.
//! Each API's release (`cpp::release`, later `ingestion::release`) runs its phases
//! and reports them with these types; the CLI and the bindings only render them.

mod control;
mod event;
mod outcome;
mod phase;
mod release_error;

pub use control::ProgressControl;
pub use event::ReleaseEvent;
pub use outcome::OutcomeKind;
pub use phase::Phase;
pub use release_error::ReleaseError;
