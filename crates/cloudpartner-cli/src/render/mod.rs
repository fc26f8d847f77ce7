//! Human output: colour, durations, progress bars, the step table and watch lines.

pub mod change_line;
pub mod duration;
pub mod offer_report;
pub mod progress_bar;
pub mod state_label;
pub mod style;
pub mod table;
