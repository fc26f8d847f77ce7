//! The Cloud Partner Portal commands, each in its own file, and what they share: the
//! safe change of an offer's draft, and start-then-maybe-watch.

pub mod cancel;
pub mod flag_names;
pub mod go_live;
pub mod image_edit;
pub mod image_list;
pub mod inspect;
pub mod offer_edit;
pub mod offer_put;
pub mod offer_show;
pub mod offers;
pub mod operation;
pub mod operations;
pub mod publish;
pub mod publishers;
pub mod release;
pub mod started;
pub mod status;
pub mod watch;
