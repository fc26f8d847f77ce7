//! `cloudpartner_publisher_list`: the publisher accounts of `cloudpartner_client_publishers()`,
//! each a borrowed `cloudpartner_publisher`.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::Publisher;

use crate::ffi::{self, c_string};

/// A publisher account. Borrowed: valid while the `cloudpartner_publisher_list` it came
/// from lives; never freed by itself.
pub struct cloudpartner_publisher {
    id: CString,
    display_text: CString,
    seller_id: CString,
}

/// The publisher accounts of `cloudpartner_client_publishers()`. Opaque; free it with
/// `cloudpartner_publisher_list_free()`.
pub struct cloudpartner_publisher_list {
    publishers: Vec<cloudpartner_publisher>,
}

impl cloudpartner_publisher_list {
    /// The C view of the core's publishers.
    pub(crate) fn new(publishers: &[Publisher]) -> cloudpartner_publisher_list {
        cloudpartner_publisher_list {
            publishers: publishers
                .iter()
                .map(|p| cloudpartner_publisher {
                    id: c_string(&p.id),
                    display_text: c_string(&p.display_text),
                    seller_id: c_string(&p.seller_id),
                })
                .collect(),
        }
    }
}

/// How many publishers the list holds (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_list_count(
    list: *const cloudpartner_publisher_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.publishers.len())
}

/// Publisher `index` of the list: borrowed, valid while `list` lives. NULL when `index`
/// is out of range or `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_list_get(
    list: *const cloudpartner_publisher_list,
    index: usize,
) -> *const cloudpartner_publisher {
    ffi::accessor!(list, ptr::null(), |l| ffi::item(&l.publishers, index))
}

/// Frees a list and its publishers. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_list_free(list: *mut cloudpartner_publisher_list) {
    ffi::free_box(list)
}

/// The publisher's id (`id`: `"contoso"`), the one the other calls take. Valid while the
/// list lives; NULL only when `publisher` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_id(
    publisher: *const cloudpartner_publisher,
) -> *const c_char {
    ffi::accessor!(publisher, ptr::null(), |p| p.id.as_ptr())
}

/// The publisher's display name (`definition.displayText`); empty when absent. Valid
/// while the list lives; NULL only when `publisher` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_display_text(
    publisher: *const cloudpartner_publisher,
) -> *const c_char {
    ffi::accessor!(publisher, ptr::null(), |p| p.display_text.as_ptr())
}

/// The publisher's seller id (`definition.sellerId`); empty when absent. Valid while the
/// list lives; NULL only when `publisher` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_publisher_seller_id(
    publisher: *const cloudpartner_publisher,
) -> *const c_char {
    ffi::accessor!(publisher, ptr::null(), |p| p.seller_id.as_ptr())
}
