//! How the Cloud Partner Portal's documents are shown: states, status lines and reports,
//! offers, images, operations, publishers, and the displays of a watch and a release.

pub mod change_line;
pub mod image_table;
pub mod offer_report;
pub mod offer_table;
pub mod offer_view;
pub mod operation_table;
pub mod publisher_table;
pub mod release_view;
pub mod state_label;
pub mod watch_view;
