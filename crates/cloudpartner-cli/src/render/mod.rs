//! Human output: colour, durations, progress bars, tables and diffs shared by every
//! command; what the Cloud Partner Portal's documents look like is in `cpp/`.

pub mod cpp;
pub mod diff;
pub mod duration;
pub mod ingestion;
pub mod progress_bar;
pub mod style;
pub mod table;
pub mod when;
