//! How much a soak sends, and how its errors are counted.

use std::collections::BTreeMap;

/// How much to send.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub status_requests: usize,
    pub write_requests: usize,
    pub concurrency: usize,
    pub emulator_requests: usize,
}

/// Errors by kind.
pub type Counts = BTreeMap<&'static str, usize>;
