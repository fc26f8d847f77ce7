//! The core's lists of names (`cloudpartner::tables`), for C programs and for the C tests,
//! which check that the enumerators of this header cover exactly these lists.

use std::ffi::{CString, c_char, c_int};
use std::ptr;
use std::sync::OnceLock;

use crate::ffi;

/// A list of names kept by the core, in its shared spellings: read it with
/// `cloudpartner_table_count()` and `cloudpartner_table_name()`. The enumerators of this
/// header (`CLOUDPARTNER_ERROR_...`, `CLOUDPARTNER_..._STATE_...`,
/// `CLOUDPARTNER_MESSAGE_LEVEL_...`, `CLOUDPARTNER_RELEASE_...`, `CLOUDPARTNER_JOB_STATUS_...`,
/// `CLOUDPARTNER_JOB_RESULT_...`, `CLOUDPARTNER_PRODUCT_STAGE_...`) cover exactly these lists (their `_name()` functions
/// give the same spellings); the library's tests check it.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum cloudpartner_table {
    /// Every error kind (`"not_found"`), without `"ok"`.
    CLOUDPARTNER_TABLE_ERROR_KINDS = 0,
    /// Every known offer state (`"waitingForPublisherReview"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_OFFER_STATES = 1,
    /// Every known step state (`"inProgress"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_STEP_STATES = 2,
    /// Every known operation state (`"completed"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_OPERATION_STATES = 3,
    /// Every known message level (`"warning"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_MESSAGE_LEVELS = 4,
    /// Every release phase (`"go-live"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_RELEASE_PHASES = 5,
    /// Every release outcome (`"at_review"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_RELEASE_OUTCOMES = 6,
    /// Every kind of release progress event (`"phase_finished"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_RELEASE_EVENT_KINDS = 7,
    /// Every known configure job status (`"notStarted"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_JOB_STATUSES = 8,
    /// Every known configure job result (`"cancelled"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_JOB_RESULTS = 9,
    /// Every product stage (`"waiting_for_go_live"`), without `"unknown"`.
    CLOUDPARTNER_TABLE_PRODUCT_STAGES = 10,
}

/// The core's lists as C strings, in `cloudpartner_table` order, made once.
fn tables() -> &'static [Vec<CString>] {
    static TABLES: OnceLock<Vec<Vec<CString>>> = OnceLock::new();
    TABLES.get_or_init(|| {
        use cloudpartner::tables::*;
        [
            error_kinds(),
            offer_states(),
            step_states(),
            operation_states(),
            message_levels(),
            release_phases(),
            release_outcomes(),
            release_event_kinds(),
            job_statuses(),
            job_results(),
            product_stages(),
        ]
        .into_iter()
        .map(|list| list.into_iter().map(ffi::c_string).collect())
        .collect()
    })
}

fn table(table: c_int) -> Option<&'static [CString]> {
    usize::try_from(table)
        .ok()
        .and_then(|i| tables().get(i))
        .map(Vec::as_slice)
}

/// How many names the core's list `table` (a `cloudpartner_table`) holds; 0 for a value
/// that is not a table.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_table_count(table: c_int) -> usize {
    ffi::guard_value(0, || self::table(table).map_or(0, <[CString]>::len))
}

/// Name `index` of the core's list `table` (a `cloudpartner_table`), in the core's order;
/// NULL when `index` is out of range or `table` is not a table. Static: do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_table_name(table: c_int, index: usize) -> *const c_char {
    ffi::guard_value(ptr::null(), || {
        self::table(table)
            .and_then(|names| names.get(index))
            .map_or(ptr::null(), |name| name.as_ptr())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn the_tables_are_the_cores() {
        let names = |t: cloudpartner_table| -> Vec<String> {
            (0..cloudpartner_table_count(t as c_int))
                .map(|i| {
                    let p = cloudpartner_table_name(t as c_int, i);
                    unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned()
                })
                .collect()
        };
        use cloudpartner_table as T;
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_ERROR_KINDS),
            cloudpartner::tables::error_kinds()
        );
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_OPERATION_STATES),
            cloudpartner::tables::operation_states()
        );
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_MESSAGE_LEVELS),
            cloudpartner::tables::message_levels()
        );
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_RELEASE_PHASES),
            cloudpartner::tables::release_phases()
        );
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_RELEASE_EVENT_KINDS),
            cloudpartner::tables::release_event_kinds()
        );
        assert_eq!(
            names(T::CLOUDPARTNER_TABLE_PRODUCT_STAGES)[3],
            "waiting_for_go_live"
        );
        assert_eq!(cloudpartner_table_count(11), 0);
        assert_eq!(cloudpartner_table_count(-1), 0);
        assert!(cloudpartner_table_name(0, 1000).is_null());
        assert!(cloudpartner_table_name(11, 0).is_null());
    }
}
