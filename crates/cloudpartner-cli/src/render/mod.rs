//! Human output: colour, durations, progress bars, tables, offers, operations, diffs.

pub mod change_line;
pub mod definition_diff;
pub mod duration;
pub mod image_table;
pub mod offer_report;
pub mod offer_table;
pub mod offer_view;
pub mod operation_table;
pub mod progress_bar;
pub mod publisher_table;
pub mod state_label;
pub mod style;
pub mod table;
pub mod when;
