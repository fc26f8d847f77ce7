//! Documents as the services send them: JSON read with line and column in errors and
//! kept losslessly (ordered keys, exact numbers), timestamps, the text of HTML
//! messages, and SAS signatures hidden from what people read.

mod diff;
pub(crate) mod exact_numbers;
pub(crate) mod json_document;
mod merge;
pub(crate) mod message_text;
pub(crate) mod sas;
pub(crate) mod timestamp;
pub(crate) mod wire_enum;

pub use diff::json_diff;
pub use merge::merge_edited;
