//! A release that stopped with an error, in any API.

use std::fmt;

use super::phase::Phase;
use crate::error::Error;

/// A release that stopped with an error, and the phase it was in.
#[derive(Debug, Clone)]
pub struct ReleaseError {
    /// The phase that failed.
    pub phase: Phase,
    /// Why.
    pub error: Error,
}

impl fmt::Display for ReleaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "release failed at {}: {}", self.phase, self.error)
    }
}

impl std::error::Error for ReleaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<ReleaseError> for Error {
    /// The error, its message prefixed with the phase (`release failed at publish: …`).
    fn from(e: ReleaseError) -> Error {
        e.error.context(format!("release failed at {}", e.phase))
    }
}
