//! `cloudpartner_link`: a preview or live link, borrowed from its status.

use std::ffi::{CString, c_char};

use cloudpartner::Link;

use crate::ffi::{self, c_string};

/// A link to a preview or to the live offer. Borrowed: valid while the
/// `cloudpartner_offer_status` it came from lives; never freed by itself.
pub struct cloudpartner_link {
    display_text: CString,
    uri: CString,
}

impl cloudpartner_link {
    /// The C view of a core link.
    pub(crate) fn new(link: &Link) -> cloudpartner_link {
        cloudpartner_link {
            display_text: c_string(&link.display_text),
            uri: c_string(&link.uri),
        }
    }
}

/// The link's label; empty when the service sent a bare URI. Valid while the owner lives;
/// NULL only when `link` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_link_display_text(
    link: *const cloudpartner_link,
) -> *const c_char {
    ffi::accessor!(link, std::ptr::null(), |l| l.display_text.as_ptr())
}

/// The link's URI. Valid while the owner lives; NULL only when `link` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_link_uri(link: *const cloudpartner_link) -> *const c_char {
    ffi::accessor!(link, std::ptr::null(), |l| l.uri.as_ptr())
}
